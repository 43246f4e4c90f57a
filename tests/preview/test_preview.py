"""Headless preview: from the admin's Preview to ``page(token:)`` on /graphql/, and every way a token is refused."""

import datetime
import html
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.core.signing import TimestampSigner
from django.utils import timezone
from wagtail_headless_preview.models import PagePreview

from pages.models import MemorialPage, NewsPage
from pages.models.base import BasePage

from ..forms import memorial_form
from ..helpers import brussels, data_of, gql

pytestmark = pytest.mark.django_db

LIVE_TITLE = "Rebecq partisans memorial"
DRAFT_TITLE = "Rebecq partisans memorial (draft: new inscription)"
PREVIEW_QUERY = "query($token: String, $id: ID) { page(token: $token, id: $id) { id title locale } }"


def editor_form(**changes):
    """The edit form as the editor posts it for a preview or a draft: no publish button pressed."""
    form = memorial_form(**changes)
    form.pop("action-publish")
    return form


@pytest.fixture
def memorial(admin_client, tree):
    """A memorial created and published through the admin."""
    response = admin_client.post(f"/admin/pages/add/pages/memorialpage/{tree.memorials.pk}/", memorial_form())
    assert response.status_code == 302, response.content
    return MemorialPage.objects.get(slug="rebecq-partisans")


def preview_url_in(response):
    """The frontend URL that wagtail-headless-preview's template opens in its iframe."""
    assert response.status_code == 200
    match = re.search(r'<iframe src="([^"]+)"', response.content.decode())
    assert match, response.content
    return html.unescape(match.group(1))


def token_of(url):
    return parse_qs(urlsplit(url).query)["token"][0]


def preview_in_admin(admin_client, url, form):
    """What the page editor does: POST the form to the preview URL, then GET it to render the preview."""
    posted = admin_client.post(url, form)
    assert posted.json() == {"is_valid": True, "is_available": True}
    return preview_url_in(admin_client.get(url, {"mode": "", "in_preview_panel": "true"}))


def preview_edit(admin_client, page, **changes):
    return preview_in_admin(admin_client, f"/admin/pages/{page.pk}/edit/preview/", editor_form(**changes))


@pytest.fixture
def token(admin_client, memorial):
    return token_of(preview_edit(admin_client, memorial, title=DRAFT_TITLE))


def post_graphql(client, query, variables=None):
    return client.post(
        "/graphql/", json.dumps({"query": query, "variables": variables or {}}), content_type="application/json"
    )


def error_of(client, token, **variables):
    status, body = gql(client, PREVIEW_QUERY, {"token": token, **variables})
    assert status == 200, body
    assert body["data"]["page"] is None
    [error] = body["errors"]
    return error


# --- From the admin to the frontend ---------------------------------------------------------------


def test_admin_preview_opens_the_frontend_and_the_token_returns_the_draft(admin_client, client, memorial):
    url = preview_edit(admin_client, memorial, title=DRAFT_TITLE)

    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "http://localhost:3000/en/preview"
    assert parse_qs(parts.query)["content_type"] == ["pages.memorialpage"]

    response = post_graphql(client, PREVIEW_QUERY, {"token": token_of(url)})
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body, body
    assert body["data"]["page"] == {"id": str(memorial.pk), "title": DRAFT_TITLE, "locale": "en"}
    assert response["Cache-Control"] == "no-store"

    # The live page is unchanged, and an ordinary query stays cacheable.
    ordinary = post_graphql(client, "query($id: ID) { page(id: $id) { title } }", {"id": memorial.pk})
    assert ordinary.json()["data"]["page"]["title"] == LIVE_TITLE
    assert "no-store" not in ordinary.get("Cache-Control", "")


def test_a_get_request_with_a_token_is_not_cacheable_either(client, token):
    response = client.get("/graphql/", {"query": PREVIEW_QUERY, "variables": json.dumps({"token": token})})
    assert response.status_code == 200
    assert response.json()["data"]["page"]["title"] == DRAFT_TITLE
    assert response["Cache-Control"] == "no-store"


def test_a_refused_token_is_not_cacheable(client, db):
    response = post_graphql(client, PREVIEW_QUERY, {"token": "garbage"})
    assert response.json()["errors"][0]["extensions"]["code"] == "PREVIEW_INVALID"
    assert response["Cache-Control"] == "no-store"


def test_the_preview_url_uses_the_frontend_configured_for_the_pages_site(admin_client, memorial, settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": "http://localhost:3000", "testserver": "https://remember.example/"},
    }
    url = preview_edit(admin_client, memorial, title=DRAFT_TITLE)
    assert url.startswith("https://remember.example/en/preview?")


def test_a_french_pages_preview_url_carries_its_language(admin_client, client, memorial, tree):
    french = memorial.copy_for_translation(tree.locales["fr"], copy_parents=True)
    french.title = "Mémorial des partisans de Rebecq"
    french.save_revision()

    url = preview_url_in(admin_client.get(f"/admin/pages/{french.pk}/view_draft/"))

    assert url.startswith("http://localhost:3000/fr/preview?content_type=pages.memorialpage&token=")
    page = data_of(client, PREVIEW_QUERY, {"token": token_of(url)})["page"]
    assert page == {"id": str(french.pk), "title": "Mémorial des partisans de Rebecq", "locale": "fr"}


def test_a_new_page_can_be_previewed_before_it_is_saved(admin_client, client, tree):
    url = preview_in_admin(
        admin_client,
        f"/admin/pages/add/pages/memorialpage/{tree.memorials.pk}/preview/",
        editor_form(title="A memorial not yet saved", slug="not-yet"),
    )
    assert url.startswith("http://localhost:3000/en/preview?content_type=pages.memorialpage&token=")
    page = data_of(client, PREVIEW_QUERY, {"token": token_of(url)})["page"]
    assert page == {"id": None, "title": "A memorial not yet saved", "locale": "en"}


# --- Tokens that are refused ------------------------------------------------------------------------


def test_an_expired_token_is_refused_with_a_clear_error(client, token, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 60
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=50)):
        assert data_of(client, PREVIEW_QUERY, {"token": token})["page"]["title"] == DRAFT_TITLE
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        error = error_of(client, token)
    assert error["message"] == "This preview link has expired; open the preview again from the admin."
    assert error["extensions"] == {"code": "PREVIEW_EXPIRED"}


def test_the_default_lifetime_is_an_hour(client, token):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, seconds=1)):
        assert error_of(client, token)["extensions"]["code"] == "PREVIEW_EXPIRED"


@pytest.mark.parametrize(
    "forged",
    [
        "garbage",
        "id=1",
        "id=1:1sAbCd:not-a-signature",
        TimestampSigner(salt="another.salt").sign("id=1"),
        TimestampSigner(key="another-secret-key", salt="headlesspreview.token").sign("id=1"),
        "x" * 5000,
    ],
)
def test_a_forged_or_garbage_token_is_invalid(client, memorial, forged):
    error = error_of(client, forged)
    assert error["message"] == "This preview link is not valid; open the preview again from the admin."
    assert error["extensions"] == {"code": "PREVIEW_INVALID"}


def test_a_token_whose_draft_was_cleaned_up_is_no_longer_available(client, token):
    PagePreview.objects.all().delete()
    error = error_of(client, token)
    assert error["message"] == "This preview is no longer available; open the preview again from the admin."
    assert error["extensions"] == {"code": "PREVIEW_INVALID"}


def test_a_token_with_the_id_of_another_page_is_refused(client, memorial, token, tree):
    error = error_of(client, token, id=tree.home.pk)
    assert error["extensions"] == {"code": "PREVIEW_MISMATCH"}
    assert DRAFT_TITLE not in json.dumps(error)
    # With its own id it is accepted.
    assert data_of(client, PREVIEW_QUERY, {"token": token, "id": memorial.pk})["page"]


def test_a_token_signed_for_another_page_does_not_open_this_pages_draft(client, memorial, token, tree):
    """Even a validly signed token (a leaked key, a tampered row) must name the page its draft belongs to."""
    other = BasePage.get_preview_signer().sign(f"id={tree.home.pk}")
    assert error_of(client, other)["extensions"] == {"code": "PREVIEW_INVALID"}  # no draft stored for it

    draft = PagePreview.objects.get(token=token)
    PagePreview.objects.create(token=other, content_type=draft.content_type, content_json=draft.content_json)
    assert error_of(client, other)["extensions"] == {"code": "PREVIEW_MISMATCH"}


def test_a_token_for_a_new_page_of_another_type_does_not_open_this_draft(client, memorial, token, tree):
    other = BasePage.get_preview_signer().sign(f"parent_id={tree.news.pk};page_type={NewsPage._meta.label}")
    draft = PagePreview.objects.get(token=token)
    PagePreview.objects.create(token=other, content_type=draft.content_type, content_json=draft.content_json)
    assert error_of(client, other)["extensions"] == {"code": "PREVIEW_MISMATCH"}


def test_a_row_whose_draft_names_another_page_is_refused(client, memorial, token, tree):
    draft = PagePreview.objects.get(token=token)
    content = json.loads(draft.content_json)
    draft.content_json = json.dumps({**content, "pk": tree.home.pk})
    draft.save()
    assert error_of(client, token)["extensions"] == {"code": "PREVIEW_MISMATCH"}


def test_grapples_own_token_argument_is_not_in_the_schema(client, token):
    """Grapple's ``site { page(token:) }`` left the schema (contract 2.0.0): ``page(token:)`` is the one way."""
    query = 'query($token: String) { site(hostname: "testserver") { page(token: $token) { title } } }'
    response = post_graphql(client, query, {"token": token})
    assert response.status_code == 400
    assert "Cannot query field 'site' on type 'Query'." in response.json()["errors"][0]["message"]
    assert DRAFT_TITLE not in response.content.decode()


# --- Drafts without a token ---------------------------------------------------------------------------


def test_drafts_stay_invisible_without_a_token(admin_client, client, memorial, token):
    saved = admin_client.post(f"/admin/pages/{memorial.pk}/edit/", editor_form(title=DRAFT_TITLE))
    assert saved.status_code == 302
    memorial.refresh_from_db()
    assert memorial.has_unpublished_changes

    query = """query($id: ID) {
      byId: page(id: $id) { title }
      byPath: page(urlPath: "/en/memorials/rebecq-partisans/") { title }
      memorials { items { title } }
    }"""
    data = data_of(client, query, {"id": memorial.pk})
    assert data == {
        "byId": {"title": LIVE_TITLE},
        "byPath": {"title": LIVE_TITLE},
        "memorials": {"items": [{"title": LIVE_TITLE}]},
    }
    assert DRAFT_TITLE not in json.dumps(data)


# --- Cleaning up -------------------------------------------------------------------------------------------


def dated_previews(*dates):
    """One PagePreview row per date (the model stores only a date)."""
    signer = BasePage.get_preview_signer()
    for index, date in enumerate(dates):
        row = PagePreview.objects.create(token=signer.sign(f"id={index + 1000}"), content_type_id=1, content_json="{}")
        PagePreview.objects.filter(pk=row.pk).update(created_at=date)


def test_clear_previews_deletes_only_rows_whose_tokens_have_surely_expired(settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 3600
    dated_previews(datetime.date(2024, 4, 30), datetime.date(2024, 5, 1), datetime.date(2024, 5, 2))
    # At 00:30 a token made yesterday at 23:59 is still live, so yesterday's rows stay.
    with time_machine.travel(brussels(2024, 5, 2, 0, 30), tick=False):
        call_command("clear_previews", verbosity=0)
    assert sorted(PagePreview.objects.values_list("created_at", flat=True)) == [
        datetime.date(2024, 5, 1),
        datetime.date(2024, 5, 2),
    ]
    # At 01:00 every token of yesterday has expired.
    with time_machine.travel(brussels(2024, 5, 2, 1, 0, 1), tick=False):
        call_command("clear_previews", verbosity=0)
    assert list(PagePreview.objects.values_list("created_at", flat=True)) == [datetime.date(2024, 5, 2)]


def test_clear_previews_respects_a_longer_lifetime(settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 3 * 24 * 3600
    dated_previews(datetime.date(2024, 4, 28), datetime.date(2024, 4, 29), datetime.date(2024, 5, 2))
    with time_machine.travel(brussels(2024, 5, 2, 12, 0), tick=False):
        call_command("clear_previews", verbosity=0)
    assert sorted(PagePreview.objects.values_list("created_at", flat=True)) == [
        datetime.date(2024, 4, 29),
        datetime.date(2024, 5, 2),
    ]


def test_a_new_preview_also_clears_expired_rows(admin_client, memorial):
    # Yesterday's row is past our one-hour lifetime, though younger than the library's own one-day collection.
    dated_previews(datetime.date(2024, 5, 1))
    with time_machine.travel(brussels(2024, 5, 2, 12, 0)):
        token = token_of(preview_edit(admin_client, memorial, title=DRAFT_TITLE))
    assert list(PagePreview.objects.values_list("token", flat=True)) == [token]
