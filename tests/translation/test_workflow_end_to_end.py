"""The whole journey through the real admin views and /graphql/:
an editor publishes, a Dutch translator translates and submits, the editor publishes,
the API serves Dutch; then the source changes and only the changed strings need translating."""

import pytest
from django.test import Client
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pages.models import MemorialPage

from ..forms import memorial_form
from ..helpers import data_of

pytestmark = pytest.mark.django_db

DUTCH = {
    "Rebecq partisans memorial": "Gedenkteken voor de partizanen in Rebecq",
    "Communal cemetery": "Gemeentelijke begraafplaats",
    "Walloon Brabant": "Waals-Brabant",
    "Belgium": "België",
    "the Ambassador": "de ambassadeur",
    "To the partisans who escaped captivity.": "Voor de partizanen die uit krijgsgevangenschap ontsnapten.",
}


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


def translate_all(client, translation, texts):
    """The translator types each string in wagtail-localize's editor (its PUT endpoint)."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        source_text = segment.string.data
        if source_text in texts:
            url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
            response = client.put(url, f"value={texts[source_text]}", content_type="application/x-www-form-urlencoded")
            assert response.status_code in (200, 201), response.content


def untranslated_strings(translation):
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    done = set(
        StringTranslation.objects.filter(locale=translation.target_locale).values_list(
            "translation_of_id", "context_id"
        )
    )
    return sorted(s.string.data for s in segments if (s.string_id, s.context_id) not in done)


def test_editor_translator_editor_then_sync(tree, editor, translators, django_capture_on_commit_callbacks):
    nl, fr = tree.locales["nl"], tree.locales["fr"]
    dutch_translator = translators("nl")
    editor_client, translator_client = as_user(editor), as_user(dutch_translator)

    # 1. The editor publishes an English memorial through the admin.
    response = editor_client.post(f"/admin/pages/add/pages/memorialpage/{tree.memorials.pk}/", memorial_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    source = MemorialPage.objects.get(slug="rebecq-partisans", locale=tree.locales["en"])
    assert source.live

    # ...and asks for French and Dutch versions (the whole path to it is translated too).
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/localize/submit/page/{source.pk}/", {"locales": [fr.pk, nl.pk]})
    assert response.status_code == 302
    dutch_page = source.get_translation(nl)
    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=nl)

    # 2. The Dutch translator translates every string and submits the translation for review.
    translate_all(translator_client, translation, DUTCH)
    # Every string is translated; the inscription is synchronised (quoted as carved), not a string to translate.
    assert untranslated_strings(translation) == []
    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(f"/admin/translation/{translation.pk}/submit/")
    assert response.status_code == 302
    dutch_page = Page.objects.get(pk=dutch_page.pk).specific
    assert dutch_page.workflow_in_progress
    assert dutch_page.get_latest_revision_as_object().title == DUTCH["Rebecq partisans memorial"]
    # Submitted is not published: readers still see what was live.
    assert dutch_page.title != DUTCH["Rebecq partisans memorial"]
    # The translator may not publish it themselves.
    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(f"/admin/pages/{dutch_page.pk}/edit/", {"action": "publish"})
    assert Page.objects.get(pk=dutch_page.pk).title != DUTCH["Rebecq partisans memorial"]

    # 3. The editor approves the workflow task, which publishes it.
    task_state = dutch_page.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/pages/workflow/action/{dutch_page.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
    assert response.status_code in (200, 302), response.content.decode()[:500]
    assert Page.objects.get(pk=dutch_page.pk).title == DUTCH["Rebecq partisans memorial"]

    # 4 and 5. The API serves the Dutch page and links the three versions.
    client = Client()
    data = data_of(
        client,
        """{ page(urlPath: "/memorials/rebecq-partisans/", locale: "nl") {
               title locale ... on MemorialPage { place province dedication }
               translations { locale title url } } }""",
    )["page"]
    assert data["title"] == "Gedenkteken voor de partizanen in Rebecq"
    assert (data["locale"], data["place"], data["province"]) == ("nl", "Gemeentelijke begraafplaats", "Waals-Brabant")
    assert "ontsnapten" in data["dedication"]
    assert {(t["locale"], t["url"]) for t in data["translations"]} == {
        ("en", "/en/memorials/rebecq-partisans/"),
        ("fr", "/fr/memorials/rebecq-partisans/"),
    }

    # Then the English source changes and is synced: only the changed string is untranslated again.
    before = dict(StringTranslation.objects.filter(locale=nl).values_list("translation_of__data", "data"))
    response = editor_client.post(f"/admin/pages/{source.pk}/edit/", memorial_form(place="Communal cemetery of Rebecq"))
    assert response.status_code == 302
    source_row = TranslationSource.objects.get(object_id=source.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/localize/update/{source_row.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302
    assert "Communal cemetery of Rebecq" in untranslated_strings(translation)
    assert "Rebecq partisans memorial" not in untranslated_strings(translation)
    after = dict(StringTranslation.objects.filter(locale=nl).values_list("translation_of__data", "data"))
    assert after == before  # every translated string was kept
    data = data_of(
        client,
        '{ page(urlPath: "/nl/memorials/rebecq-partisans/") { title ... on MemorialPage { place province } } }',
    )["page"]
    assert data == {
        "title": "Gedenkteken voor de partizanen in Rebecq",
        "place": "Communal cemetery of Rebecq",  # new text, shown in English until translated
        "province": "Waals-Brabant",
    }
