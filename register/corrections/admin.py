"""The moderation queue: pending proposals first; a moderator accepts or rejects one with a note.

Accepting never changes the register: the moderator follows the link to the record, edits it by hand,
and marks the proposal accepted. Who decided and when is recorded on the proposal.
"""

from django.db.models import Case, IntegerField, Value, When
from django.utils.html import format_html
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.snippets.views.snippets import EditView, InspectView, SnippetViewSet

from ..models import CorrectionProposal, ProposalStatus


def record_link(proposal, user) -> str:
    """A link to edit the record the proposal is about, or why there is none."""
    record = proposal.record
    if record is None:
        return "No record named (an addition)" if not proposal.external_id else "The record no longer exists"
    url = AdminURLFinder(user).get_edit_url(record)
    return format_html('<a href="{}">Edit {}</a>', url, record) if url else str(record)


class RecordLinkPanel(Panel):
    """Shows, in the moderation form, a link to edit the record the proposal is about."""

    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            return format_html("<p>{}</p>", record_link(self.instance, self.request.user))


def read_only(*names: str) -> list[FieldPanel]:
    return [FieldPanel(name, read_only=True) for name in names]


class ModerateView(EditView):
    """The edit view is the moderation form: the proposal is read-only, status and note are editable."""

    def save_instance(self):
        self.form.instance.mark_handled(self.request.user)
        return super().save_instance()


class ProposalInspectView(InspectView):
    def get_record_display_value(self):
        return record_link(self.object, self.request.user)


class CorrectionProposalViewSet(SnippetViewSet):
    model = CorrectionProposal
    icon = "comment"
    menu_label = "Corrections"
    edit_view_class = ModerateView
    inspect_view_class = ProposalInspectView
    inspect_view_enabled = True
    list_display = ["__str__", "record_type", "kind", "status", "created_at"]
    list_filter = ["status", "record_type", "kind"]
    search_fields = ["external_id", "proposal", "contact_name"]
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(read_only("kind", "record_type")),
                RecordLinkPanel(heading="Record"),
                *read_only("proposal", "source"),
                FieldRowPanel(read_only("contact_name", "contact_email")),
            ],
            heading="Proposal, as sent: to apply it, edit the record yourself",
        ),
        FieldPanel("status"),
        FieldPanel("moderator_note"),
    ]
    inspect_view_fields = [
        "kind",
        "record_type",
        "external_id",
        "record",
        "proposal",
        "source",
        "contact_name",
        "contact_email",
        "created_at",
        "status",
        "moderator_note",
        "handled_by",
        "handled_at",
    ]

    def get_queryset(self, request):
        # Pending first: "pending" sorts after "accepted" alphabetically, so order by an explicit rank.
        rank = Case(When(status=ProposalStatus.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField())
        return CorrectionProposal.objects.select_related("person", "burial", "loss").order_by(rank, "-created_at")
