"""Journey: a visitor proposes a correction over /graphql/; the editor moderates it from the dashboard.

Accepting never edits the register: the editor follows the proposal's link to the record, corrects it by
hand, then marks the proposal accepted with a note (register/corrections/admin.py).
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from register.importing.fictional import fictional_people
from register.importing.layouts import PEOPLE
from register.models import CorrectionProposal, Person

from ..register.test_corrections import MUTATION, _fresh_rate_limit, proposal_input  # noqa: F401  (the fixture)
from .admin import expect_message, fill, footer_action, log_in, open_menu
from .graphql import graphql

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PROPOSAL = "His given names are {given} Jory, as on his fictional enlistment papers."
NOTE = "Given names corrected from the enlistment papers the visitor cited."


@pytest.fixture
def person(tree):
    """One clearly fictional person in the register."""
    row = dict(zip(PEOPLE.header, fictional_people(1, seed=17)[0], strict=True))
    return Person.objects.create(
        external_id=row["external_id"],
        family_name=row["family_name"],
        given_names=row["given_names"],
        unit=row["unit"],
        nationality=row["nationality"],
        sources=row["sources"],
    )


def person_log(person):
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
    ).order_by("timestamp", "pk")
    return [(entry.action, entry.user_id) for entry in entries]


def test_editor_moderates_a_public_correction(journey, browser_context, frontend, tree, registrar, person):
    given = person.given_names
    corrected = f"{given} Jory"
    as_before = {field: getattr(person, field) for field in ("family_name", "unit", "nationality", "sources")}

    with journey.step("A visitor proposes a correction through /graphql/, as the frontend's form sends it"):
        variables = {"input": proposal_input(externalId=person.external_id, proposal=PROPOSAL.format(given=given))}
        data = graphql(frontend, MUTATION, variables)
        assert data == {"proposeRegisterCorrection": {"received": True}}
        proposal = CorrectionProposal.objects.get()
        assert (proposal.status, proposal.person_id) == ("pending", person.pk)
        assert Person.objects.get(pk=person.pk).given_names == given  # a proposal changes nothing

    with journey.step("The editor logs in: the dashboard counts the correction waiting"):
        page = log_in(browser_context, registrar)
        panel = page.locator("section", has_text="Corrections from the public")
        expect(panel).to_contain_text("1 proposal waits for a moderator.")
        expect(panel.get_by_role("link", name=str(proposal))).to_be_visible()
        journey.screenshot(page, "dashboard-corrections", element=panel)

    with journey.step("Open the moderation queue from the dashboard"):
        panel.get_by_role("link", name="Open the moderation queue").click()
        expect(page.locator("h1")).to_contain_text("Correction proposals")
        row = page.locator("main table.listing tbody tr", has_text=str(proposal))
        expect(row).to_contain_text("Pending")
        journey.screenshot(page, "corrections-queue")

    with journey.step("Open the proposal: what the visitor sent, and a link to the record"):
        row.get_by_role("link", name=str(proposal)).click()
        expect(page.locator("main")).to_contain_text(PROPOSAL.format(given=given))
        journey.screenshot(page, "correction-moderate")
        moderation_url = page.url

    with journey.step("Follow the link to the record and correct it by hand"):
        page.get_by_role("link", name=f"Edit {person}").click()
        expect(page.locator("[name='given_names']")).to_have_value(given)
        fill(page, "given_names", corrected)
        footer_action(page, "Save")
        expect_message(page, "updated")
        assert Person.objects.get(pk=person.pk).given_names == corrected
        assert CorrectionProposal.objects.get().status == "pending"  # the record, not the proposal, was edited

    with journey.step("Back at the proposal, mark it accepted with a note"):
        page.goto(moderation_url)
        page.locator("[name='status']").select_option(label="Accepted (record edited by hand)")
        fill(page, "moderator_note", NOTE)
        footer_action(page, "Save")
        expect_message(page, "updated")

    with journey.step("The decision is recorded, and the record changed only through the editor's edit"):
        proposal.refresh_from_db()
        assert (proposal.status, proposal.handled_by, proposal.moderator_note) == ("accepted", registrar, NOTE)
        assert proposal.handled_at is not None
        assert PROPOSAL.format(given=given) == proposal.proposal  # the visitor's words stay as sent
        person.refresh_from_db()
        assert person.given_names == corrected
        assert {field: getattr(person, field) for field in as_before} == as_before
        assert person_log(person) == [("wagtail.edit", registrar.pk)]

    with journey.step("Nothing is left waiting on the dashboard"):
        open_menu(page, "Dashboard")
        expect(page.get_by_text("Corrections from the public")).to_have_count(0)
