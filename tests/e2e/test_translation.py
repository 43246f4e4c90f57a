"""Journeys: a Dutch translator translates a ceremony and submits it; the editor publishes it; readers get Dutch.

The ceremony is published and sent for translation beforehand through the same admin views an editor
uses (test_ceremony.py drives those in the browser); each journey then runs from a login.
"""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Page
from wagtail_localize.models import Translation

from pages.models import EventPage, MemorialPage

from ..helpers import brussels, make_image, publish_child
from ..translation.test_workflow_end_to_end import translate_all
from .admin import expect_message, log_in
from .graphql import graphql

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DUTCH = {
    "Remembrance at Rebecq": "Herdenking in Rebecq",
    "Communal cemetery, Rebecq": "Gemeentelijke begraafplaats, Rebecq",
    "the escape of the Soviet partisans": "de ontsnapping van de Sovjetpartizanen",
    "Wreaths are laid at the partisans' memorial.": "Er worden kransen gelegd bij het partizanenmonument.",
}
DUTCH_PAGE_QUERY = """{ page(urlPath: "/ceremonies/remembrance-at-rebecq/", locale: "nl") {
  title locale ... on EventPage { place commemoratedEvent summary relatedMemorial { title locale } } } }"""


@pytest.fixture
def ceremony(tree):
    """A published English ceremony at a memorial, with a picture."""
    memorial = publish_child(
        tree.memorials,
        MemorialPage(title="Rebecq partisans memorial", slug="rebecq", place="Cemetery", municipality="Rebecq"),
    )
    return publish_child(
        tree.events,
        EventPage(
            title="Remembrance at Rebecq",
            slug="remembrance-at-rebecq",
            start=brussels(2027, 5, 8, 10, 30),
            place="Communal cemetery, Rebecq",
            related_memorial=memorial,
            commemorated_event="the escape of the Soviet partisans",
            summary="Wreaths are laid at the partisans' memorial.",
            hero_image=make_image("Wreath at Rebecq", description="A wreath of poppies"),
        ),
    )


@pytest.fixture
def dutch_translation(ceremony, editor, tree):
    """The editor has asked for a Dutch version (wagtail-localize's "Translate this page")."""
    client = Client()
    client.force_login(editor)
    nl = tree.locales["nl"]
    response = client.post(f"/admin/localize/submit/page/{ceremony.pk}/", {"locales": [nl.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=ceremony.translation_key, target_locale=nl)


@pytest.fixture
def dutch_translator(translators, dutch_translation):
    return translators("nl")


def test_dutch_translator_translates_and_submits_the_ceremony(
    journey, browser_context, frontend, tree, ceremony, dutch_translation, dutch_translator
):
    dutch_page = dutch_translation.get_target_instance()

    with journey.step("The Dutch translator logs in"):
        page = log_in(browser_context, dutch_translator)

    with journey.step("Pages opens on the Dutch home page, the only tree they may edit"):
        page.goto("/admin/pages/")
        dutch_ceremonies = tree.events.get_translation(tree.locales["nl"])
        expect(page.locator("h1")).to_contain_text("Home")
        expect(page.locator(f"main a[href='/admin/pages/{dutch_ceremonies.pk}/']").first).to_be_attached()
        for english in (tree.home, tree.events):
            expect(page.locator(f"main a[href^='/admin/pages/{english.pk}/']")).to_have_count(0)
        journey.screenshot(page, "translator-pages")

    with journey.step("The English ceremony is out of reach"):
        page.goto(f"/admin/pages/{ceremony.pk}/edit/")
        expect_message(page, "Sorry, you do not have permission")

    with journey.step("Open the Dutch ceremony: wagtail-localize's translation editor"):
        page.goto(f"/admin/pages/{tree.events.get_translation(tree.locales['nl']).pk}/")
        page.get_by_role("link", name="Remembrance at Rebecq").first.click()
        expect(page.get_by_text("English to Nederlands translation").first).to_be_visible()
        journey.screenshot(page, "translation-editor")

    for english, dutch in DUTCH.items():
        with journey.step(f"Translate '{english}'"):
            translate_segment(page, english, dutch)
    journey.screenshot(page, "translation-done")

    with journey.step("Submit the translation for review from the Ceremonies listing"):
        page.goto(f"/admin/pages/{dutch_page.get_parent().pk}/")
        row = page.locator("main tr", has_text="Herdenking in Rebecq")  # the listing shows the draft title
        row.get_by_role("button", name=re.compile("More options")).click()
        page.get_by_role("link", name="Submit translation for review").click()
        expect(page.get_by_text("Submit Nederlands translation for review").first).to_be_visible()
        journey.screenshot(page, "translation-submit")
        page.get_by_role("button", name="Submit for review").click()
        expect_message(page, "Submitted the Nederlands translation")

    with journey.step("It waits for an editor; readers still see the page as it was"):
        dutch_page = Page.objects.get(pk=dutch_page.pk)
        assert dutch_page.workflow_in_progress
        seen_by_readers = graphql(frontend, DUTCH_PAGE_QUERY)["page"] or {}
        assert seen_by_readers.get("title") != "Herdenking in Rebecq"
        assert dutch_page.get_latest_revision_as_object().title == "Herdenking in Rebecq"


def translate_segment(page, source, translation):
    """In wagtail-localize's editor: Translate the string ``source``, type ``translation``, Save."""
    segment = page.locator("li.incomplete").filter(has=page.locator("p", has_text=source)).first
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(page.locator("li").filter(has=page.locator("p", has_text=source)).last).to_contain_text(translation)


def test_editor_publishes_the_dutch_ceremony(
    journey, browser_context, frontend, tree, editor, dutch_translation, dutch_translator
):
    # Beforehand, the translator did what the journey above does, through the same admin endpoints.
    translator = Client()
    translator.force_login(dutch_translator)
    translate_all(translator, dutch_translation, DUTCH)
    assert translator.post(f"/admin/translation/{dutch_translation.pk}/submit/").status_code == 302

    with journey.step("The editor logs in: the dashboard lists the Dutch ceremony to review"):
        page = log_in(browser_context, editor)
        awaiting = page.locator("section", has_text="Awaiting your review")
        expect(awaiting).to_contain_text("Herdenking in Rebecq")
        journey.screenshot(page, "dashboard-review")

    with journey.step("Approve it from the dashboard: that publishes it"):
        row = awaiting.locator("tr", has_text="Herdenking in Rebecq")
        row.get_by_role("button", name="Actions").click()
        row.get_by_role("button", name="Approve", exact=True).click()
        expect(page.get_by_text("Awaiting your review")).to_have_count(0)

    with journey.step("Readers get the Dutch ceremony from /graphql/"):
        data = graphql(frontend, DUTCH_PAGE_QUERY)["page"]
        assert data == {
            "title": "Herdenking in Rebecq",
            "locale": "nl",
            "place": "Gemeentelijke begraafplaats, Rebecq",
            "commemoratedEvent": "de ontsnapping van de Sovjetpartizanen",
            "summary": "Er worden kransen gelegd bij het partizanenmonument.",
            # The memorial was not translated: a Dutch reader is not sent to an English page.
            "relatedMemorial": None,
        }
