"""The pending-corrections panel through GET /admin/: shown to those who may moderate, oldest proposals first."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from register.models import CorrectionProposal, Person

from .test_panels import dashboard

pytestmark = pytest.mark.django_db

HEADING = "Corrections from the public"
EDIT_URL = "/admin/snippets/register/correctionproposal/edit/{}/"


@pytest.fixture
def moderator(make_user, tree):
    """An editor who may also moderate the public's corrections (change them: status and note)."""
    user = make_user("moderator", "Moderators")
    user.user_permissions.add(Permission.objects.get(codename="change_correctionproposal"))
    return user


@pytest.fixture
def propose(tree):
    """Queue a proposal about one fictional person, received ``days_ago`` days ago."""
    person = Person.objects.create(external_id="fictional-1-000001", family_name="Bravelmor", given_names="Arlo")

    def make(days_ago, name, status="pending"):
        proposal = CorrectionProposal.objects.create(
            kind="correction",
            record_type="person",
            external_id=person.external_id,
            person=person,
            proposal="The given names are Arlo Jory, as on the fictional papers.",
            source="A fictional family record",
            contact_name=name,
            contact_email="visitor@example.org",
            status=status,
            moderator_note="" if status == "pending" else "Checked.",
        )
        # created_at is set on save; move it back to when the proposal "arrived".
        received = timezone.now() - datetime.timedelta(days=days_ago)
        CorrectionProposal.objects.filter(pk=proposal.pk).update(created_at=received)
        return proposal

    return make


def panel_of(html):
    assert HEADING in html
    return html.split(HEADING)[1].split("</section>")[0]


def test_the_count_and_the_oldest_pending_proposals_link_to_their_moderation_form(moderator, propose):
    pending = [propose(days_ago=days, name=f"Visitor {days}") for days in (3, 9, 1, 7, 5, 2)]
    handled = propose(days_ago=30, name="Visitor handled", status="accepted")
    panel = panel_of(dashboard(moderator))
    assert "6 proposals wait for a moderator." in panel
    oldest = sorted(pending, key=lambda proposal: -int(proposal.contact_name.split()[1]))[:5]
    links = [f'<a href="{EDIT_URL.format(proposal.pk)}">{proposal}</a>' for proposal in oldest]
    assert all(link in panel for link in links)
    assert [panel.index(link) for link in links] == sorted(panel.index(link) for link in links)  # oldest first
    assert "Visitor 1" not in panel  # the newest is left for later
    assert "Visitor handled" not in panel and EDIT_URL.format(handled.pk) not in panel
    assert 'href="/admin/snippets/register/correctionproposal/?status=pending"' in panel


def test_one_pending_proposal_is_counted_in_the_singular(moderator, propose):
    propose(days_ago=1, name="Visitor one")
    assert "1 proposal waits for a moderator." in panel_of(dashboard(moderator))


def test_no_pending_proposal_no_panel(moderator, propose):
    propose(days_ago=4, name="Visitor rejected", status="rejected")
    assert HEADING not in dashboard(moderator)


def test_who_may_not_moderate_does_not_see_the_panel(editor, make_user, propose):
    propose(days_ago=1, name="Visitor one")
    assert HEADING not in dashboard(editor)  # an editor of pages, not of the register
    reader = make_user("reader", "Moderators")
    reader.user_permissions.add(Permission.objects.get(codename="view_correctionproposal"))
    assert HEADING not in dashboard(reader)  # may read the queue, not decide


def test_the_panel_costs_two_queries_whatever_the_queue_holds(moderator, editor, propose):
    def queries(user):
        dashboard(user)  # the first visit also creates the user's admin profile
        with CaptureQueriesContext(connection) as captured:
            dashboard(user)
        return len(captured)

    propose(days_ago=1, name="Visitor one")
    one = queries(moderator)
    for days in range(2, 14):
        propose(days_ago=days, name=f"Visitor {days}")
    assert queries(moderator) == one
    # The count and the oldest proposals; the moderator's permissions are loaded by the other panels anyway.
    assert one - queries(editor) == 2
