"""Translators work in their own language's tree and nowhere else."""

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.translation.groups import group_name
from pages.models import MemorialPage

from ..helpers import publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_languages(tree, django_capture_on_commit_callbacks):
    memorial = publish_child(
        tree.memorials, MemorialPage(title="Soviet memorial", slug="soviet", place="Cemetery", municipality="Rebecq")
    )
    source, _ = TranslationSource.get_or_create_from_instance(memorial)
    for code in ("fr", "nl"):
        with django_capture_on_commit_callbacks(execute=True):
            Translation.objects.create(source=source, target_locale=tree.locales[code]).save_target(publish=True)
    return {code: memorial.get_translation(tree.locales[code]) for code in ("en", "fr", "nl")}


def login(user):
    client = Client()
    client.force_login(user)
    return client


def can_open_editor(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    return response.status_code == 200


def test_french_translator_edits_french_pages_only(three_languages, translators):
    client = login(translators("fr"))
    assert can_open_editor(client, three_languages["fr"])
    assert not can_open_editor(client, three_languages["nl"])
    assert not can_open_editor(client, three_languages["en"])


def test_french_translator_cannot_change_dutch_or_english_content(three_languages, translators, tree):
    client = login(translators("fr"))
    nl_translation = Translation.objects.get(target_locale=tree.locales["nl"])
    segment = StringSegment.objects.filter(source=nl_translation.source).first()
    response = client.put(
        f"/admin/localize/translate/{nl_translation.pk}/strings/{segment.pk}/edit/",
        "value=Sabotage",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403
    response = client.post(
        f"/admin/pages/{three_languages['en'].pk}/edit/", {"title": "Changed", "action-publish": "1"}
    )
    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=three_languages["en"].pk).title == "Soviet memorial"
    assert client.get(f"/admin/pages/add/pages/memorialpage/{tree.memorials.pk}/").status_code != 200


def test_translators_cannot_publish_unless_the_setup_says_so(three_languages, translators, settings):
    translator = translators("fr")
    french = three_languages["fr"]
    assert french.permissions_for_user(translator).can_edit()
    assert not french.permissions_for_user(translator).can_publish()

    settings.TRANSLATORS_CAN_PUBLISH = True
    call_command("setup_translator_groups", "fr", verbosity=0)
    fresh = type(translator).objects.get(pk=translator.pk)  # Wagtail caches permissions on the user object
    assert Page.objects.get(pk=french.pk).permissions_for_user(fresh).can_publish()


def test_group_setup_is_idempotent(three_languages, tree):
    call_command("setup_translator_groups", verbosity=0)
    rows = set(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename"))
    call_command("setup_translator_groups", verbosity=0)
    assert set(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")) == rows
    french_home = tree.home.get_translation(tree.locales["fr"])
    assert (group_name("fr"), french_home.pk, "change_page") in rows
    assert not any(name == group_name("fr") and page == tree.home.pk for name, page, _ in rows)


def test_unknown_language_is_a_clear_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown language de. Configured: en, fr, nl."):
        call_command("setup_translator_groups", "de")
