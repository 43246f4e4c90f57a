"""Turning sync back on keeps what the translator wrote while it was off."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from ..forms import memorial_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch(admin_client, tree, django_capture_on_commit_callbacks):
    """A published English memorial, its synced Dutch translation, then sync stopped."""
    response = admin_client.post(f"/admin/pages/add/pages/memorialpage/{tree.memorials.pk}/", memorial_form())
    assert response.status_code == 302
    source_page = Page.objects.get(slug="rebecq-partisans").specific
    source, _ = TranslationSource.get_or_create_from_instance(source_page)
    translation = Translation.objects.create(source=source, target_locale=tree.locales["nl"])
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    page = source_page.get_translation(tree.locales["nl"])
    response = admin_client.post(f"/admin/localize/translate/{translation.pk}/disable/", {"next": "/admin/"})
    assert response.status_code == 302
    translation.refresh_from_db()
    assert not translation.enabled
    return translation, page


def edit_by_hand(admin_client, page, **fields):
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", memorial_form(**fields))
    assert response.status_code == 302, response.content.decode()[:1000]


def restart(admin_client, page, **extra):
    return admin_client.post(f"/admin/pages/{page.pk}/edit/", {"localize-restart-translation": "1", **extra})


def test_manual_edits_survive_restart_and_sync(admin_client, dutch, django_capture_on_commit_callbacks):
    translation, page = dutch
    edit_by_hand(
        admin_client,
        page,
        title="Gedenkteken voor de partizanen",
        place="Gemeentelijke begraafplaats",
        dedication=rich_text("<p>Voor de partizanen.</p>"),
    )
    response = restart(admin_client, page)
    assert response.status_code == 302
    assert "Kept 3 edit(s) made while sync was off as translations." in [
        str(m) for m in get_messages(response.wsgi_request)
    ]
    translation.refresh_from_db()
    assert translation.enabled

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)  # what the next sync does
    synced = Page.objects.get(pk=page.pk).specific
    assert (synced.title, synced.place) == ("Gedenkteken voor de partizanen", "Gemeentelijke begraafplaats")
    assert "Voor de partizanen." in synced.dedication
    assert StringTranslation.objects.filter(tool_name="Manual edit while sync was off").count() == 3


def test_edits_that_cannot_be_kept_need_confirmation(admin_client, dutch):
    translation, page = dutch
    # A paragraph only the Dutch page has: the source has no string for it.
    edit_by_hand(
        admin_client, page, title="Gedenkteken", body=[("paragraph", rich_text("<p>Alleen in het Nederlands.</p>"))]
    )

    response = restart(admin_client, page)
    assert response.status_code == 200
    content = response.content.decode()
    assert "cannot be kept" in content and "body." in content
    translation.refresh_from_db()
    assert not translation.enabled  # nothing happened yet
    assert not StringTranslation.objects.filter(tool_name="Manual edit while sync was off").exists()

    response = restart(admin_client, page, **{"confirm-discard-edits": "1"})
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.enabled
    # The edit that did map onto a source string (the title) was still kept.
    assert StringTranslation.objects.get(tool_name="Manual edit while sync was off").data == "Gedenkteken"


def test_restart_without_edits_changes_no_translation(admin_client, dutch):
    translation, page = dutch
    before = StringTranslation.objects.count()
    response = restart(admin_client, page)
    assert response.status_code == 302
    assert StringTranslation.objects.count() == before
    translation.refresh_from_db()
    assert translation.enabled
