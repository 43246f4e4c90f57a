"""Which changes notify the frontends, and with which paths: every language version, parents and homes."""

import pytest
from django.db import transaction
from wagtail.models import Page

from cms.models import WebhookDelivery
from pages.models import MemorialPage, OrganisationSettings

from .conftest import HOMES, MEMORIAL_PATHS

pytestmark = pytest.mark.django_db


def test_publishing_notifies_every_language_version_its_section_and_homes(
    webhooks, receiver, memorial, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        memorial.save_revision().publish()

    [payload] = receiver.payloads
    assert payload.pop("occurred_at")
    assert payload == {
        "event": "page.published",
        "content_type": "pages.MemorialPage",
        "id": memorial.pk,
        "locale": "en",
        "paths": sorted(MEMORIAL_PATHS),
    }
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 200)
    assert delivery.payload["paths"] == sorted(MEMORIAL_PATHS)


def test_publishing_a_translation_names_its_own_locale(
    webhooks, receiver, memorial, tree, django_capture_on_commit_callbacks
):
    french = memorial.get_translation(tree.locales["fr"])
    with django_capture_on_commit_callbacks(execute=True):
        french.save_revision().publish()

    [payload] = receiver.payloads
    assert (payload["locale"], payload["id"], set(payload["paths"])) == ("fr", french.pk, MEMORIAL_PATHS)


def test_unpublishing(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        memorial.unpublish()

    [payload] = receiver.payloads
    assert payload["event"] == "page.unpublished"
    assert set(payload["paths"]) == MEMORIAL_PATHS


def test_deleting_a_page(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        memorial.delete()

    # One event: Wagtail's own "unpublished" for the deleted page is not passed on.
    [payload] = receiver.payloads
    assert (payload["event"], payload["id"], payload["content_type"]) == (
        "page.deleted",
        memorial.pk,
        "pages.MemorialPage",
    )
    assert set(payload["paths"]) == MEMORIAL_PATHS


def test_deleting_a_section_names_every_page_deleted_with_it(
    webhooks, receiver, memorial, tree, django_capture_on_commit_callbacks
):
    other = tree.memorials.add_child(
        instance=MemorialPage(title="Plaque", slug="plaque", place="Station", municipality="Rebecq")
    )
    other.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=tree.memorials.pk).delete()

    assert not Page.objects.filter(pk__in=[memorial.pk, other.pk]).exists()
    [deleted] = [p for p in receiver.payloads if p["event"] == "page.deleted"]
    assert (deleted["id"], deleted["content_type"]) == (tree.memorials.pk, "pages.MemorialIndexPage")
    # The English section and both its pages, the translations that remain, and the homes.
    assert set(deleted["paths"]) == MEMORIAL_PATHS | {"/en/memorials/plaque/"}
    # The French and Dutch sections were made by copy_parents as aliases of the English one, and Wagtail
    # unpublishes aliases with their source: that is news of its own. The deleted pages send nothing else.
    unpublished = [p for p in receiver.payloads if p["event"] == "page.unpublished"]
    assert {(p["locale"], p["content_type"]) for p in unpublished} == {
        ("fr", "pages.MemorialIndexPage"),
        ("nl", "pages.MemorialIndexPage"),
    }
    assert len(receiver.payloads) == 3


def test_deleting_a_draft_notifies_no_one(webhooks, receiver, tree, django_capture_on_commit_callbacks):
    draft = tree.memorials.add_child(instance=MemorialPage(title="Draft", slug="draft", place="x", municipality="y"))
    draft.unpublish()

    with django_capture_on_commit_callbacks(execute=True):
        draft.delete()

    assert receiver.requests == []


def test_moving_a_page_names_its_old_and_new_paths(
    webhooks, receiver, memorial, tree, django_capture_on_commit_callbacks
):
    # Page.move() does not enforce page type rules (the admin does); any other section will do here.
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=memorial.pk).move(tree.history, pos="last-child")

    [payload] = receiver.payloads
    assert payload["event"] == "page.moved"
    assert set(payload["paths"]) == MEMORIAL_PATHS | {"/en/history/", "/en/history/soviet-memorial/"}


def test_a_new_slug_moves_the_page(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    memorial.slug = "partisans"
    with django_capture_on_commit_callbacks(execute=True):
        memorial.save_revision().publish()

    moved = next(p for p in receiver.payloads if p["event"] == "page.moved")
    published = next(p for p in receiver.payloads if p["event"] == "page.published")
    assert {"/en/memorials/soviet-memorial/", "/en/memorials/partisans/"} <= set(moved["paths"])
    assert "/en/memorials/partisans/" in published["paths"]
    assert "/en/memorials/soviet-memorial/" not in published["paths"]


def test_changing_the_organisation_settings_names_every_language_home(
    webhooks, receiver, memorial, tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationSettings.for_site(tree.site)  # created empty on first read: nothing to tell
    assert receiver.requests == []

    organisation.name = "Belgians Remember Them"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()

    [payload] = receiver.payloads
    assert payload.pop("occurred_at")
    assert payload == {
        "event": "settings.changed",
        "content_type": "pages.OrganisationSettings",
        "id": organisation.pk,
        "locale": None,
        "paths": sorted(HOMES),
    }


def test_a_rolled_back_publish_notifies_no_one(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        memorial.save_revision().publish()
        raise RuntimeError("the editor's transaction fails after publishing")

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_without_urls_nothing_is_sent_or_recorded(settings, receiver, memorial, django_capture_on_commit_callbacks):
    settings.FRONTEND_WEBHOOK_URLS = []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        memorial.save_revision().publish()
        memorial.unpublish()
        memorial.delete()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()
    # The handlers bail out before any work: not even a callback is queued.
    assert not [c for c in callbacks if "after_commit" in getattr(c, "__qualname__", "")]
