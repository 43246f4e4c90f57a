"""People in the register: airmen, partisans and others, with their name variants."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail_localize.fields import TranslatableField

from ..partial_dates import PartialDate, normalise, precision_field
from ..search_key import search_key
from .base import TEXT_FEATURES, RegisterRecord, SourceRecordMixin, synchronised


class Fate(models.TextChoices):
    KILLED = "killed", "Killed"
    DIED_OF_WOUNDS = "died_of_wounds", "Died of wounds"
    EXECUTED = "executed", "Executed"
    MISSING = "missing", "Missing"
    SURVIVED = "survived", "Survived"
    EVADED = "evaded", "Evaded"
    PRISONER = "prisoner", "Taken prisoner"


class Person(SourceRecordMixin, RegisterRecord, ClusterableModel):
    """One person: names, service, life dates (partial), fate, biography, photo and sources."""

    family_name = models.CharField(max_length=255, help_text="As written in the sources, e.g. 'Smith'.")
    given_names = models.CharField(max_length=255, blank=True)
    rank = models.CharField(max_length=100, blank=True, help_text="e.g. 'Flight Sergeant'.")
    role = models.CharField(max_length=100, blank=True, help_text="e.g. 'Air gunner', 'Partisan'.")
    service_number = models.CharField(max_length=50, blank=True)
    unit = models.CharField(max_length=255, blank=True, help_text="Unit or force, e.g. RAFVR, RCAF, Armed Partisans.")
    nationality = models.CharField(max_length=100, blank=True, help_text="e.g. British, Canadian, Soviet.")
    birth_date = models.DateField(null=True, blank=True)
    birth_date_precision = precision_field()
    birth_place = models.CharField(max_length=255, blank=True)
    death_date = models.DateField(null=True, blank=True)
    death_date_precision = precision_field()
    death_place = models.CharField(max_length=255, blank=True)
    fate = models.CharField(max_length=20, choices=Fate.choices, blank=True, help_text="Leave blank if not known.")
    biography = RichTextField(features=TEXT_FEATURES, blank=True)
    photo = models.ForeignKey("pages.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sources = models.TextField(blank=True, help_text="Where these facts come from, one source a line.")
    # Family name, given names and every variant, normalised by ``search_key``; refreshed on every save.
    search_text = models.TextField(blank=True, editable=False)

    external_id_prefix = "person"

    panels = [
        FieldRowPanel([FieldPanel("family_name"), FieldPanel("given_names")], heading="Name"),
        InlinePanel("name_variants", heading="Name variants", label="Variant"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("rank"), FieldPanel("role")]),
                FieldRowPanel([FieldPanel("service_number"), FieldPanel("unit")]),
                FieldPanel("nationality"),
            ],
            heading="Service",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("birth_date"), FieldPanel("birth_date_precision")]),
                FieldPanel("birth_place"),
                FieldRowPanel([FieldPanel("death_date"), FieldPanel("death_date_precision")]),
                FieldPanel("death_place"),
                FieldPanel("fate"),
            ],
            heading="Life",
        ),
        FieldPanel("biography"),
        FieldPanel("photo"),
        FieldPanel("sources"),
        FieldPanel("external_id"),
    ]

    translatable_fields = [
        TranslatableField("biography"),
        *synchronised(
            "external_id", "family_name", "given_names", "rank", "role", "service_number", "unit", "nationality",
            "birth_date", "birth_date_precision", "birth_place", "death_date", "death_date_precision",
            "death_place", "fate", "photo", "sources", "search_text", "name_variants",
        ),
    ]  # fmt: skip

    class Meta(SourceRecordMixin.Meta):
        verbose_name = "person"
        verbose_name_plural = "people"
        ordering = ["family_name", "given_names"]

    def __str__(self) -> str:
        return f"{self.family_name.upper()}, {self.given_names}" if self.given_names else self.family_name.upper()

    @property
    def birth(self) -> PartialDate | None:
        return PartialDate.of(self.birth_date, self.birth_date_precision)

    @property
    def death(self) -> PartialDate | None:
        return PartialDate.of(self.death_date, self.death_date_precision)

    def get_birth_date_display(self) -> str:
        return str(self.birth or "")

    def get_death_date_display(self) -> str:
        return str(self.death or "")

    def get_crew_places_display(self) -> str:
        """The aircraft losses this person was aboard, for the inspect view."""
        return ", ".join(str(place.loss) for place in self.crew_places.select_related("loss")) or "-"

    def build_search_text(self) -> str:
        """The normalised names, including variants not yet saved (the admin form's inline rows)."""
        variants = [variant.name for variant in self.name_variants.all()]
        return search_key(self.family_name, self.given_names, *variants)

    def fill_derived_fields(self) -> None:
        self.birth_date = normalise(self.birth_date, self.birth_date_precision)
        self.death_date = normalise(self.death_date, self.death_date_precision)
        self.search_text = self.build_search_text()
        super().fill_derived_fields()

    def clean(self):
        super().clean()
        self.birth_date = normalise(self.birth_date, self.birth_date_precision)
        self.death_date = normalise(self.death_date, self.death_date_precision)
        if self.birth and self.death and self.death.certainly_before(self.birth):
            raise ValidationError({"death_date": "The death cannot be before the birth."})


class NameVariant(Orderable):
    """Another spelling of a person's name: the original script, a transliteration, a misspelling in a source."""

    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="name_variants")
    name = models.CharField(max_length=255, help_text="The full name as written, e.g. 'Иван Иванов'.")
    note = models.CharField(max_length=255, blank=True, help_text="e.g. 'original Cyrillic spelling'.")

    panels = [FieldPanel("name"), FieldPanel("note")]

    def __str__(self) -> str:
        return self.name
