"""Journey: an editor creates a ceremony with an image and its memorial, previews it on the frontend, publishes it."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from pages.models import MemorialPage

from ..helpers import make_image, publish_child
from .admin import choose_image, choose_page, expect_message, field, fill, footer_action, log_in
from .graphql import graphql

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PREVIEW_QUERY = """query ($token: String!) {
  page(token: $token) { title ... on EventPage { place relatedMemorial { title } heroImage { altText } } }
}"""
EVENTS_QUERY = """{ events(when: ALL) { items { title url ... on EventPage {
  start place anniversary relatedMemorial { title url } heroImage { altText } } } } }"""


@pytest.fixture
def memorial(tree):
    return publish_child(
        tree.memorials,
        MemorialPage(
            title="Rebecq partisans memorial", slug="rebecq-partisans", place="Cemetery", municipality="Rebecq"
        ),
    )


@pytest.fixture
def wreath():
    return make_image("Wreath at Rebecq", description="A wreath of red poppies before a stone memorial")


def test_editor_creates_previews_and_publishes_a_ceremony(
    journey, browser_context, frontend, tree, editor, memorial, wreath
):
    frontend_url = settings.WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]["default"].rstrip("/")

    def fake_frontend(route):
        # The frontend is not running here: answer for it.
        route.fulfill(status=200, content_type="text/html", body="<h1>Frontend preview</h1>")

    browser_context.route(f"{frontend_url}/**", fake_frontend)

    with journey.step("The editor logs in"):
        page = log_in(browser_context, editor)
        journey.screenshot(page, "dashboard")

    with journey.step("Open the Ceremonies section and add a child page"):
        page.goto(f"/admin/pages/{tree.events.pk}/")
        page.get_by_role("link", name="Add child page").first.click()
        expect(page.locator("h1")).to_contain_text("New: Event page")

    with journey.step("Fill in title, time and place"):
        fill(page, "title", "Remembrance at Rebecq")
        fill(page, "start", "2027-05-08 10:30")
        fill(page, "place", "Communal cemetery, Rebecq")
        fill(page, "commemorated_event", "the escape of the Soviet partisans")
        fill(page, "commemorated_date", "1944-05-08")

    with journey.step("Choose the related memorial in the page chooser"):
        choose_page(page, "related_memorial", "Rebecq partisans memorial")
        expect(field(page, "related_memorial")).to_contain_text("Rebecq partisans memorial")

    with journey.step("Choose the hero image in the image chooser"):
        choose_image(page, "hero_image", "Wreath at Rebecq")
        expect(field(page, "hero_image")).to_contain_text("Wreath at Rebecq")
        journey.screenshot(page, "ceremony-editor")

    with journey.step("Save a draft"):
        footer_action(page, "Save draft")
        # "created", or "updated" if autosave got there first: either way it is now a draft being edited.
        expect_message(page, "Page 'Remembrance at Rebecq'")
        expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))

    with journey.step("Preview: the frontend opens with a preview token"):
        with page.expect_request(lambda request: request.url.startswith(f"{frontend_url}/")) as opened:
            page.get_by_role("button", name="Toggle preview").click()
        preview_url = opened.value.url
        # Wagtail swaps its loading iframe for the finished one; the picture is taken once it has.
        expect(page.locator("iframe.w-preview__proxy")).to_have_count(0)
        journey.screenshot(page, "ceremony-preview")
        assert preview_url.startswith(f"{frontend_url}/en/preview?")
        query = parse_qs(urlsplit(preview_url).query)
        assert query["content_type"] == ["pages.eventpage"]

    with journey.step("The frontend asks /graphql/ for the draft with the token"):
        data = graphql(frontend, PREVIEW_QUERY, {"token": query["token"][0]})
        assert data["page"] == {
            "title": "Remembrance at Rebecq",
            "place": "Communal cemetery, Rebecq",
            "relatedMemorial": {"title": "Rebecq partisans memorial"},
            "heroImage": {"altText": "A wreath of red poppies before a stone memorial"},
        }
        # A draft is not published: readers do not see it yet.
        assert graphql(frontend, EVENTS_QUERY)["events"]["items"] == []

    with journey.step("Publish"):
        page.get_by_role("button", name="Toggle preview").click()
        footer_action(page, "Publish")
        expect_message(page, "published")

    with journey.step("Readers get the ceremony from /graphql/"):
        (event,) = graphql(frontend, EVENTS_QUERY)["events"]["items"]
        assert event == {
            "title": "Remembrance at Rebecq",
            "url": "/en/ceremonies/remembrance-at-rebecq/",
            "start": "2027-05-08T10:30:00+02:00",
            "place": "Communal cemetery, Rebecq",
            "anniversary": 83,
            "relatedMemorial": {"title": "Rebecq partisans memorial", "url": "/en/memorials/rebecq-partisans/"},
            "heroImage": {"altText": "A wreath of red poppies before a stone memorial"},
        }
