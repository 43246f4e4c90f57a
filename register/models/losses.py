"""Aircraft lost over Belgium: the aircraft, the loss, the crash site, the crew and the documents."""

import re

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail_localize.fields import TranslatableField

from pages.models.base import GeoLocated

from ..partial_dates import PartialDate, normalise, precision_field
from ..source_rows import require_source_record, source_records
from .base import TEXT_FEATURES, RegisterRecord, SourceRecordMixin, synchronised
from .people import Fate


def tidy_serial(serial: str) -> str:
    """A serial as the register stores it: trimmed, inner spaces removed, upper case ("ja 712 " -> "JA712")."""
    return re.sub(r"\s+", "", serial or "").upper()


class AircraftLoss(SourceRecordMixin, RegisterRecord, GeoLocated, ClusterableModel):
    """One aircraft lost: what it was, when (partial date), why, where it came down, and its crew."""

    aircraft_type = models.CharField(max_length=100, help_text="e.g. 'Avro Lancaster'.")
    serial = models.CharField(max_length=20, blank=True, help_text="The aircraft's serial, e.g. JA712.")
    squadron_code = models.CharField(max_length=20, blank=True, help_text="Squadron code letters, e.g. BQ-H.")
    squadron = models.CharField(max_length=100, blank=True, help_text="e.g. 'No. 550 Squadron RAF'.")
    base = models.CharField(max_length=100, blank=True, help_text="The airfield it took off from.")
    loss_date = models.DateField(help_text="For a night loss, the date the night began.")
    loss_date_precision = precision_field()
    mission = models.CharField(max_length=255, blank=True, help_text="The mission or target.")
    cause = models.CharField(max_length=255, blank=True, help_text="e.g. 'shot down by a night fighter'.")
    crash_place = models.CharField(max_length=255, blank=True, help_text="e.g. 'near Rebecq'.")
    reprisal_notes = RichTextField(
        features=TEXT_FEATURES, blank=True, help_text="What happened to civilians afterwards: reprisals, arrests."
    )

    external_id_prefix = "loss"

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("aircraft_type"),
                FieldRowPanel([FieldPanel("serial"), FieldPanel("squadron_code")]),
                FieldRowPanel([FieldPanel("squadron"), FieldPanel("base")]),
            ],
            heading="Aircraft",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("loss_date"), FieldPanel("loss_date_precision")]),
                FieldPanel("mission"),
                FieldPanel("cause"),
            ],
            heading="Loss",
        ),
        MultiFieldPanel([FieldPanel("crash_place"), GeoLocated.coordinates_panel], heading="Crash site"),
        InlinePanel("crew", heading="Crew", label="Crew member"),
        FieldPanel("reprisal_notes"),
        InlinePanel("documents", heading="Documents", label="Document"),
        FieldPanel("external_id"),
    ]

    translatable_fields = [
        TranslatableField("mission"),
        TranslatableField("cause"),
        TranslatableField("crash_place"),
        TranslatableField("reprisal_notes"),
        *synchronised(
            "external_id", "aircraft_type", "serial", "squadron_code", "squadron", "base", "loss_date",
            "loss_date_precision", "latitude", "longitude", "crew", "documents",
        ),
    ]  # fmt: skip

    class Meta(SourceRecordMixin.Meta):
        verbose_name = "aircraft loss"
        verbose_name_plural = "aircraft losses"
        ordering = ["loss_date", "serial"]

    def __str__(self) -> str:
        return " ".join(part for part in (self.aircraft_type, self.serial, f"({self.loss})") if part)

    @property
    def loss(self) -> PartialDate:
        return PartialDate.of(self.loss_date, self.loss_date_precision)

    def get_loss_date_display(self) -> str:
        return str(self.loss or "")

    def external_id_candidate(self) -> str:
        return self.serial

    def fill_derived_fields(self) -> None:
        self.serial = tidy_serial(self.serial)  # before the id is generated from it
        self.loss_date = normalise(self.loss_date, self.loss_date_precision)
        super().fill_derived_fields()

    def clean(self):
        self.serial = tidy_serial(self.serial)
        self.squadron_code = self.squadron_code.strip().upper()
        self.loss_date = normalise(self.loss_date, self.loss_date_precision)
        super().clean()


class CrewRole(models.TextChoices):
    PILOT = "pilot", "Pilot"
    FLIGHT_ENGINEER = "flight_engineer", "Flight engineer"
    NAVIGATOR = "navigator", "Navigator"
    BOMB_AIMER = "bomb_aimer", "Bomb aimer"
    WIRELESS_OPERATOR = "wireless_operator", "Wireless operator"
    MID_UPPER_GUNNER = "mid_upper_gunner", "Mid-upper gunner"
    REAR_GUNNER = "rear_gunner", "Rear gunner"
    AIR_GUNNER = "air_gunner", "Air gunner"
    OTHER = "other", "Other"


class CrewMember(Orderable):
    """A person aboard the aircraft, with the role they flew in and what became of them in this loss."""

    loss = ParentalKey(AircraftLoss, on_delete=models.CASCADE, related_name="crew")
    person = models.ForeignKey(
        "register.Person", on_delete=models.CASCADE, related_name="crew_places", limit_choices_to=source_records
    )
    role = models.CharField(max_length=20, choices=CrewRole.choices, blank=True)
    fate = models.CharField(max_length=20, choices=Fate.choices, blank=True)

    panels = [FieldPanel("person"), FieldRowPanel([FieldPanel("role"), FieldPanel("fate")])]

    class Meta(Orderable.Meta):
        verbose_name = "crew member"

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display() or 'crew'})"

    def clean(self):
        super().clean()
        if self.person_id:
            require_source_record(self.person, "person")


class LossDocument(Orderable):
    """A document about the loss (a report, a letter, a photograph), from the documents library."""

    loss = ParentalKey(AircraftLoss, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(max_length=255, blank=True, help_text="What it is, e.g. 'Loss card, May 1944'.")

    panels = [FieldPanel("document"), FieldPanel("caption")]

    def __str__(self) -> str:
        return self.caption or str(self.document)
