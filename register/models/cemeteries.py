"""Cemeteries and the burials in them."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail_localize.fields import TranslatableField

from pages.models.base import GeoLocated

from ..source_rows import require_source_record, source_records
from .base import (
    EXTERNAL_ID_HELP,
    TEXT_FEATURES,
    RegisterRecord,
    SourceRecordMixin,
    synchronised,
)


class Cemetery(SourceRecordMixin, RegisterRecord, GeoLocated):
    """A cemetery: where it is, and notes for visitors. It lists its burials and its memorial pages."""

    name = models.CharField(max_length=255, help_text="e.g. 'Communal cemetery of Rebecq'.")
    municipality = models.CharField(max_length=255, help_text="The commune, e.g. Rebecq.")
    notes = RichTextField(features=TEXT_FEATURES, blank=True, help_text="How to find it, where the graves are.")

    external_id_prefix = "cemetery"

    panels = [
        FieldPanel("name"),
        FieldPanel("municipality"),
        GeoLocated.coordinates_panel,
        FieldPanel("notes"),
        FieldPanel("external_id"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("notes"),
        *synchronised("external_id", "municipality", "latitude", "longitude"),
    ]

    class Meta(SourceRecordMixin.Meta):
        verbose_name = "cemetery"
        verbose_name_plural = "cemeteries"
        ordering = ["municipality", "name"]

    def __str__(self) -> str:
        return self.name


class Burial(RegisterRecord):
    """Where a person rests: the cemetery, the grave and what is written on it."""

    person = models.ForeignKey(
        "register.Person", on_delete=models.CASCADE, related_name="burials", limit_choices_to=source_records
    )
    cemetery = models.ForeignKey(
        Cemetery, on_delete=models.CASCADE, related_name="burials", limit_choices_to=source_records
    )
    grave_reference = models.CharField(max_length=100, blank=True, help_text="Plot, row and grave, e.g. 'A. 3. 12.'")
    inscription = models.TextField(blank=True, help_text="The text on the grave, as it is written.")
    inscription_language = models.CharField(
        max_length=35, blank=True, help_text="Language code of the inscription, e.g. en, fr, ru."
    )
    external_id = models.SlugField(max_length=100, unique=True, blank=True, help_text=EXTERNAL_ID_HELP)

    external_id_prefix = "burial"

    panels = [
        FieldPanel("person"),
        FieldPanel("cemetery"),
        FieldPanel("grave_reference"),
        FieldPanel("inscription"),
        FieldPanel("inscription_language"),
        FieldPanel("external_id"),
    ]

    class Meta:
        verbose_name = "burial"
        ordering = ["cemetery__name", "grave_reference"]

    def __str__(self) -> str:
        grave = f", {self.grave_reference}" if self.grave_reference else ""
        return f"{self.person} in {self.cemetery}{grave}"

    def clean(self):
        super().clean()
        self.inscription_language = self.inscription_language.strip().lower()
        if self.person_id:
            require_source_record(self.person, "person")
        if self.cemetery_id:
            require_source_record(self.cemetery, "cemetery")
