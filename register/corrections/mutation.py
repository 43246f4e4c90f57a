"""``proposeRegisterCorrection``: a visitor proposes a correction or an addition; it only joins the queue.

Refusals are GraphQL errors with ``extensions.code``: ``BAD_USER_INPUT`` (with ``fields``, messages by input
field) or ``RATE_LIMITED``. A filled honeypot (``website``) gets the same answer as a real proposal and is
stored nowhere.
"""

import graphene
from django.core.exceptions import ValidationError
from graphql import GraphQLError

from ..models import AircraftLoss, Burial, CorrectionProposal, Person, ProposalKind, RecordType
from .rules import client_address, content_problems, over_rate_limit

CorrectionKind = graphene.Enum("CorrectionKind", [(kind.name, kind.value) for kind in ProposalKind])
RegisterRecordType = graphene.Enum("RegisterRecordType", [(kind.name, kind.value) for kind in RecordType])

# The record a proposal is about, by record type: the model field and the rows its external id names.
TARGETS = {
    RecordType.PERSON: ("person", Person.source_rows),
    RecordType.BURIAL: ("burial", Burial.objects.all),
    RecordType.LOSS: ("loss", AircraftLoss.source_rows),
}
# Model field -> input field, so error messages name what the frontend sent.
INPUT_NAMES = {"external_id": "externalId", "contact_name": "contactName", "contact_email": "contactEmail"}


class CorrectionProposalInput(graphene.InputObjectType):
    kind = CorrectionKind(required=True, description="CORRECTION of a record, or an ADDITION (new facts or record).")
    record_type = RegisterRecordType(required=True)
    external_id = graphene.String(description="The record's externalId; required for a CORRECTION.")
    proposal = graphene.String(required=True, description="What is wrong or missing, and what it should say.")
    source = graphene.String(required=True, description="Where the information comes from.")
    contact_name = graphene.String(required=True)
    contact_email = graphene.String(required=True)
    website = graphene.String(description="Anti-spam: render this field hidden and always send it empty.")


class ProposeRegisterCorrection(graphene.Mutation):
    """Send a proposal to the moderators. It is never applied automatically."""

    class Arguments:
        input = CorrectionProposalInput(required=True)

    received = graphene.Boolean(required=True, description="True once the proposal is in the moderation queue.")

    @staticmethod
    def mutate(root, info, input):  # noqa: A002 -- the conventional name of a mutation's input argument
        if over_rate_limit(client_address(info.context)):
            raise GraphQLError(
                "Too many proposals from your address: please try again in an hour.",
                extensions={"code": "RATE_LIMITED"},
            )
        if (input.website or "").strip():
            return ProposeRegisterCorrection(received=True)
        build_proposal(input).save()
        return ProposeRegisterCorrection(received=True)


def build_proposal(data) -> CorrectionProposal:
    """A validated, unsaved proposal from the mutation's input; raises a ``BAD_USER_INPUT`` error."""
    record_type = RecordType(value_of(data.record_type))
    proposal = CorrectionProposal(
        kind=value_of(data.kind),
        record_type=record_type,
        external_id=(data.external_id or "").strip(),
        proposal=data.proposal.strip(),
        source=data.source.strip(),
        contact_name=data.contact_name.strip(),
        contact_email=data.contact_email.strip(),
    )
    problems = content_problems(proposal.proposal, proposal.source)
    field, rows = TARGETS[record_type]
    if proposal.external_id:
        record = rows().filter(external_id=proposal.external_id).first()
        if record is None:
            problems["externalId"] = f"No {record_type.label.lower()} has the id '{proposal.external_id}'."
        setattr(proposal, field, record)
    elif proposal.kind == ProposalKind.CORRECTION:
        problems["externalId"] = "Say which record the correction is about."
    try:
        proposal.full_clean(exclude=["person", "burial", "loss"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            problems.setdefault(INPUT_NAMES.get(name, name), " ".join(messages))
    if problems:
        details = "; ".join(f"{name}: {message}" for name, message in problems.items())
        raise GraphQLError(
            f"The proposal was not sent: {details}", extensions={"code": "BAD_USER_INPUT", "fields": problems}
        )
    return proposal


def value_of(member) -> str:
    """The stored value of an enum argument (graphene 3 passes enum members, not their values)."""
    return getattr(member, "value", member)


class CorrectionMutations(graphene.ObjectType):
    propose_register_correction = ProposeRegisterCorrection.Field()
