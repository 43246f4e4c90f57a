"""Two editors change the same page at once, through the real admin edit view: nothing is lost, the second is told.

Each editor opens the edit form (GET) and posts it back with the hidden ``loaded_revision_*`` inputs the
browser sends, as Wagtail's page editor does.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from pages.models import MemorialPage

from ..forms import memorial_form

pytestmark = pytest.mark.django_db

LOADED_REVISION = re.compile(r'<input type="hidden" name="(loaded_revision_(?:id|created_at))" value="([^"]*)"')
SAVE = {"action-publish": ""}  # the "Save draft" button: no publish action


def editor_client(username, first_name, last_name):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw-not-used", first_name=first_name, last_name=last_name
    )
    user.groups.add(Group.objects.get(name="Moderators"))  # Wagtail's default group: edit and publish everywhere
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def anna():
    return editor_client("anna", "Anna", "Janssens")


@pytest.fixture
def bram():
    return editor_client("bram", "Bram", "Peeters")


@pytest.fixture
def memorial(tree, anna):
    response = anna.post(f"/admin/pages/add/pages/memorialpage/{tree.memorials.pk}/", memorial_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    return MemorialPage.objects.get(slug="rebecq-partisans")


def open_editor(client, page):
    """GET the edit view; return the hidden inputs that say which revision the form was loaded from."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    loaded = dict(LOADED_REVISION.findall(response.content.decode()))
    assert loaded.keys() == {"loaded_revision_id", "loaded_revision_created_at"}
    return loaded


def submit(client, page, loaded, **fields):
    """POST the edit form as the browser does and follow the redirect to the page the editor then sees."""
    return client.post(f"/admin/pages/{page.pk}/edit/", memorial_form(**loaded, **fields), follow=True)


def revision_titles(page):
    return [(r.user.username, r.content["title"]) for r in page.revisions.select_related("user").order_by("pk")]


def test_two_saves_keep_both_revisions_and_the_second_editor_is_told(memorial, anna, bram):
    anna_form, bram_form = open_editor(anna, memorial), open_editor(bram, memorial)

    first = submit(anna, memorial, anna_form, title="Rebecq memorial (Anna)", **SAVE)
    second = submit(bram, memorial, bram_form, title="Rebecq memorial (Bram)", **SAVE)

    assert first.status_code == second.status_code == 200
    assert "while you were editing" not in first.content.decode()
    told = second.content.decode()
    assert "Anna Janssens saved this page at" in told
    assert "while you were editing. Both versions are kept: yours is the latest revision." in told
    assert f"/admin/pages/{memorial.pk}/history/" in told

    assert revision_titles(memorial) == [
        ("anna", "Rebecq partisans memorial"),
        ("anna", "Rebecq memorial (Anna)"),
        ("bram", "Rebecq memorial (Bram)"),
    ]
    memorial.refresh_from_db()
    assert memorial.title == "Rebecq partisans memorial"  # drafts only: the live page is untouched
    assert memorial.draft_title == "Rebecq memorial (Bram)"


def test_a_stale_publish_is_kept_as_a_draft_and_the_live_page_keeps_the_other_version(memorial, anna, bram):
    anna_form, bram_form = open_editor(anna, memorial), open_editor(bram, memorial)

    submit(anna, memorial, anna_form, title="Rebecq memorial (Anna)")
    response = submit(bram, memorial, bram_form, title="Rebecq memorial (Bram)")

    told = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/admin/pages/{memorial.pk}/edit/"  # back in the editor
    assert "Anna Janssens saved this page at" in told
    assert "Your changes were saved as a draft and were not published, so their version stays live." in told
    memorial.refresh_from_db()
    assert memorial.title == "Rebecq memorial (Anna)"
    assert memorial.has_unpublished_changes
    assert memorial.latest_revision.user.username == "bram"
    assert memorial.latest_revision.content["title"] == "Rebecq memorial (Bram)"
    assert memorial.live_revision.content["title"] == "Rebecq memorial (Anna)"

    # The reloaded form is current: publishing again is Bram's deliberate choice, and goes through.
    response = submit(bram, memorial, open_editor(bram, memorial), title="Rebecq memorial (Bram)")
    assert "while you were editing" not in response.content.decode()
    memorial.refresh_from_db()
    assert memorial.title == "Rebecq memorial (Bram)"
    assert not memorial.has_unpublished_changes


def test_an_editor_whose_autosave_was_refused_still_saves_with_a_warning(memorial, anna, bram):
    bram_form = open_editor(bram, memorial)
    edit_url = f"/admin/pages/{memorial.pk}/edit/"
    typing = memorial_form(**bram_form, title="Bram, typing", **SAVE)
    autosave = bram.post(edit_url, typing, HTTP_ACCEPT="application/json")
    assert autosave.json()["success"] is True
    # The browser keeps the autosave in its own revision and points the form's hidden inputs at it.
    own = autosave.json()["revision_id"]
    bram_form = {"loaded_revision_id": str(own), "loaded_revision_created_at": autosave.json()["revision_created_at"]}

    submit(anna, memorial, open_editor(anna, memorial), title="Anna's change", **SAVE)
    refused = bram.post(
        edit_url,
        memorial_form(**bram_form, overwrite_revision_id=str(own), title="Bram, done", **SAVE),
        HTTP_ACCEPT="application/json",
    )
    assert refused.json()["error_code"] == "invalid_revision"  # Wagtail: autosave never overwrites newer work
    response = submit(bram, memorial, bram_form, title="Bram, done", **SAVE)

    assert "Anna Janssens saved this page at" in response.content.decode()
    assert revision_titles(memorial) == [
        ("anna", "Rebecq partisans memorial"),
        ("bram", "Bram, typing"),
        ("anna", "Anna's change"),
        ("bram", "Bram, done"),
    ]


def test_an_editor_who_saves_twice_from_a_current_form_is_not_warned(memorial, anna):
    submit(anna, memorial, open_editor(anna, memorial), title="First change", **SAVE)
    response = submit(anna, memorial, open_editor(anna, memorial), title="Second change")

    assert "while you were editing" not in response.content.decode()
    memorial.refresh_from_db()
    assert memorial.title == "Second change"
