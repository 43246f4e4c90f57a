"""Corrections and additions proposed by the public: a moderation queue, never applied to the register.

A moderator reads a proposal, checks its source, edits the record themselves if it is right, and marks
the proposal accepted or rejected with a note. Nothing here writes to people, burials or losses.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class ProposalKind(models.TextChoices):
    CORRECTION = "correction", "Correction"
    ADDITION = "addition", "Addition"


class RecordType(models.TextChoices):
    PERSON = "person", "Person"
    BURIAL = "burial", "Burial"
    LOSS = "loss", "Aircraft loss"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted (record edited by hand)"
    REJECTED = "rejected", "Rejected"


class CorrectionProposal(models.Model):
    """What a visitor proposes about a person, burial or loss, with their source and how to reach them."""

    kind = models.CharField(max_length=20, choices=ProposalKind.choices)
    record_type = models.CharField(max_length=20, choices=RecordType.choices)
    # As the visitor sent it; blank for an addition about a record the register does not hold yet.
    external_id = models.CharField(max_length=100, blank=True)
    person = models.ForeignKey("register.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    burial = models.ForeignKey("register.Burial", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    loss = models.ForeignKey(
        "register.AircraftLoss", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposal = models.TextField(help_text="What the visitor says is wrong or missing.")
    source = models.TextField(help_text="Where the visitor's information comes from.")
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)

    status = models.CharField(max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PENDING)
    moderator_note = models.TextField(blank=True, help_text="Why it was accepted or rejected; required to reject.")
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    handled_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "correction proposal"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        about = self.external_id or f"a new {self.get_record_type_display().lower()}"
        return f"{self.get_kind_display()} about {about} from {self.contact_name}"

    @property
    def record(self):
        """The register record the proposal is about, if it names one that still exists."""
        return self.person or self.burial or self.loss

    def clean(self):
        super().clean()
        if self.status == ProposalStatus.REJECTED and not self.moderator_note.strip():
            raise ValidationError({"moderator_note": "Say why the proposal is rejected."})

    def mark_handled(self, user) -> None:
        """Record who decided and when; a proposal set back to pending is unhandled again."""
        handled = self.status != ProposalStatus.PENDING
        self.handled_by = user if handled else None
        self.handled_at = timezone.now() if handled else None
