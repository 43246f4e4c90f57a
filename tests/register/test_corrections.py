"""Corrections from the public: the mutation fills a moderation queue, never the register itself."""

import pytest
from django.core.cache import cache

from register.models import CorrectionProposal, Person

from ..helpers import gql

MUTATION = """
mutation Propose($input: CorrectionProposalInput!) {
  proposeRegisterCorrection(input: $input) { received }
}
"""


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()  # the rate limit counts in the cache, which outlives a test
    yield
    cache.clear()


def proposal_input(**changes):
    values = {
        "kind": "CORRECTION",
        "recordType": "PERSON",
        "externalId": "",
        "proposal": "His given names are Alan James, as on the enlistment papers.",
        "source": "Service record, National Archives AIR 78",
        "contactName": "A. Visitor",
        "contactEmail": "visitor@example.org",
    }
    values.update(changes)
    return values


def propose(client, address="203.0.113.5", **changes):
    return gql(client, MUTATION, {"input": proposal_input(**changes)}, REMOTE_ADDR=address)


def test_a_proposal_joins_the_queue_and_changes_nothing(client, register):
    pilot = register["pilot"]
    status, body = propose(client, externalId=pilot.external_id)
    assert status == 200 and body == {"data": {"proposeRegisterCorrection": {"received": True}}}
    proposal = CorrectionProposal.objects.get()
    assert (proposal.status, proposal.kind, proposal.record_type) == ("pending", "correction", "person")
    assert proposal.person == pilot and proposal.record == pilot and proposal.handled_by is None
    assert proposal.contact_email == "visitor@example.org" and "AIR 78" in proposal.source
    pilot.refresh_from_db()
    assert pilot.given_names == "Alan"


def test_the_same_proposal_sent_twice_is_stored_twice_never_answered_from_the_response_cache(client, register):
    first, second = (propose(client, externalId=register["pilot"].external_id) for _ in range(2))
    assert first == second == (200, {"data": {"proposeRegisterCorrection": {"received": True}}})
    assert CorrectionProposal.objects.count() == 2


def test_an_addition_may_name_no_record(client, register):
    status, body = propose(client, kind="ADDITION", recordType="BURIAL", externalId=None)
    assert body["data"]["proposeRegisterCorrection"]["received"] is True
    proposal = CorrectionProposal.objects.get()
    assert proposal.record is None and proposal.record_type == "burial"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"externalId": "nobody"}, "externalId", "No person has the id 'nobody'."),
        ({}, "externalId", "Say which record the correction is about."),
        ({"contactEmail": "not-an-address"}, "contactEmail", "Enter a valid email address."),
        ({"contactName": "   "}, "contactName", "This field cannot be blank."),
        ({"proposal": "wrong"}, "proposal", "Describe the correction in at least 20 characters."),
        ({"source": ""}, "source", "Say where your information comes from"),
        ({"recordType": "LOSS", "externalId": "person-x"}, "externalId", "No aircraft loss has the id 'person-x'."),
    ],
)
def test_an_invalid_payload_gets_a_clear_error_and_stores_nothing(client, register, changes, field, message):
    status, body = propose(client, **changes)
    assert status == 200 and body["data"] == {"proposeRegisterCorrection": None}
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["fields"][field].startswith(message)
    assert error["message"].startswith("The proposal was not sent:")
    assert not CorrectionProposal.objects.exists()


def test_a_payload_of_the_wrong_shape_is_refused_by_the_schema(client, register):
    status, body = propose(client, recordType="CEMETERY", contactEmail=None)
    assert status == 400
    messages = " ".join(error["message"] for error in body["errors"])
    assert "CEMETERY" in messages and "contactEmail" in messages
    assert not CorrectionProposal.objects.exists()


def test_the_rate_limit_counts_per_client_address(client, register, settings):
    settings.REGISTER_CORRECTIONS_PER_HOUR = 2
    pilot_id = register["pilot"].external_id
    for _ in range(2):
        assert propose(client, externalId=pilot_id)[1]["data"]["proposeRegisterCorrection"]["received"]
    status, body = propose(client, externalId=pilot_id)
    assert body["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert "try again in an hour" in body["errors"][0]["message"]
    assert propose(client, address="198.51.100.7", externalId=pilot_id)[1]["data"]["proposeRegisterCorrection"]
    assert CorrectionProposal.objects.count() == 3


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, register, settings):
    settings.REGISTER_CORRECTIONS_PER_HOUR = 1
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    pilot_id = register["pilot"].external_id

    def via_frontend(visitor, claimed=""):
        forwarded = f"{claimed}, {visitor}" if claimed else visitor
        variables = {"input": proposal_input(externalId=pilot_id)}
        return gql(client, MUTATION, variables, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)[1]

    assert "errors" not in via_frontend("203.0.113.1")
    assert "errors" not in via_frontend("203.0.113.2")
    # The same visitor again, even claiming another address on the left: the proxy's entry is what counts.
    assert via_frontend("203.0.113.1", claimed="192.0.2.99")["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    # An untrusted sender's X-Forwarded-For is ignored.
    forged = gql(
        client,
        MUTATION,
        {"input": proposal_input(externalId=pilot_id)},
        REMOTE_ADDR="198.51.100.1",
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )[1]
    assert "errors" not in forged
    forged = gql(
        client,
        MUTATION,
        {"input": proposal_input(externalId=pilot_id)},
        REMOTE_ADDR="198.51.100.1",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )[1]
    assert forged["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


def test_a_filled_honeypot_looks_accepted_but_is_stored_nowhere(client, register):
    status, body = propose(client, externalId=register["pilot"].external_id, website="http://spam.example")
    assert body == {"data": {"proposeRegisterCorrection": {"received": True}}}
    assert not CorrectionProposal.objects.exists()


def test_link_spam_is_refused(client, register):
    links = " ".join(f"https://spam{n}.example" for n in range(3))
    status, body = propose(client, externalId=register["pilot"].external_id, proposal=f"Cheap pills here {links}")
    assert body["errors"][0]["extensions"]["fields"]["source"] == "Use at most 2 links in the proposal and source."
    assert not CorrectionProposal.objects.exists()


BASE = "/admin/snippets/register/correctionproposal"


@pytest.fixture
def queued(client, register):
    propose(client, externalId=register["pilot"].external_id)
    propose(client, kind="ADDITION", recordType="LOSS", externalId=register["loss"].external_id)
    return CorrectionProposal.objects.order_by("created_at", "pk")


def moderate(client, item, **data):
    return client.post(f"{BASE}/edit/{item.pk}/", {"status": "pending", "moderator_note": "", **data})


def test_moderators_see_pending_proposals_first_with_a_link_to_the_record(client, editor, queued, register):
    first, second = queued
    first.status, first.moderator_note = "rejected", "No source given."
    first.save()
    listing = client.get(f"{BASE}/")
    assert [proposal.pk for proposal in listing.context["object_list"]] == [second.pk, first.pk]
    form = client.get(f"{BASE}/edit/{second.pk}/").content.decode()
    assert f'href="/admin/snippets/register/aircraftloss/edit/{register["loss"].pk}/"' in form
    inspect = client.get(f"{BASE}/inspect/{first.pk}/").content.decode()
    assert f"/admin/snippets/register/person/edit/{register['pilot'].pk}/" in inspect


def test_accepting_marks_the_proposal_handled_and_applies_nothing(client, editor, queued, register):
    proposal = queued[0]
    response = moderate(client, proposal, status="accepted", moderator_note="Given names corrected by hand.")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.handled_by) == ("accepted", editor) and proposal.handled_at
    # The proposal text cannot be changed through the form, and the person is as it was.
    assert "Alan James" in proposal.proposal
    assert Person.objects.get(pk=register["pilot"].pk).given_names == "Alan"


def test_rejecting_needs_a_note(client, editor, queued):
    proposal = queued[0]
    response = moderate(client, proposal, status="rejected", proposal="tampered")
    assert response.status_code == 200
    assert "Say why the proposal is rejected." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "pending" and proposal.handled_at is None

    assert moderate(client, proposal, status="rejected", moderator_note="Contradicts the grave.").status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and proposal.handled_by is not None and proposal.proposal != "tampered"
