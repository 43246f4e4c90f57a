"""Machine translation fills untranslated strings through the configured backend (the dummy one in tests)."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pages.models import MemorialPage

from ..helpers import publish_child

pytestmark = pytest.mark.django_db


def test_translator_machine_translates_the_missing_strings(tree, translators, django_capture_on_commit_callbacks):
    page = publish_child(
        tree.memorials,
        MemorialPage(title="Soviet memorial", slug="soviet", place="Communal cemetery", municipality="R"),
    )
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=tree.locales["nl"])
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    title = StringSegment.objects.get(source=source, string__data="Soviet memorial")
    StringTranslation.objects.create(
        translation_of=title.string, locale=tree.locales["nl"], context=title.context, data="Sovjetgedenkteken"
    )

    client = Client()
    client.force_login(translators("nl"))
    response = client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/", {"next": "/admin/"})
    assert response.status_code == 302
    assert "Successfully translated with Dummy translator." in [
        str(m).strip() for m in get_messages(response.wsgi_request)
    ]
    rows = dict(StringTranslation.objects.filter(locale=tree.locales["nl"]).values_list("translation_of__data", "data"))
    assert rows["Soviet memorial"] == "Sovjetgedenkteken"  # a translator's own work is never replaced
    assert rows["Communal cemetery"] == "cemetery Communal"  # the dummy backend reverses the words
    assert StringTranslation.objects.get(translation_of__data="Communal cemetery").translation_type == "machine"
