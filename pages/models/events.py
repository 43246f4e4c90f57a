"""Ceremonies: when and where they are held, what they commemorate, and the report afterwards."""

from zoneinfo import ZoneInfo

import graphene
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from grapple.models import GraphQLField, GraphQLImage, GraphQLInt, GraphQLPage, GraphQLStreamfield, GraphQLString
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from register.partial_dates import PartialDate, normalise, precision_field
from register.source_rows import require_source_record, source_records

from ..blocks import GalleryBlock, ProgrammeBlock, StoryBlock
from .base import PAGE_TRANSLATABLE_FIELDS, BasePage, GeoLocated, GraphQLDate, IndexPage, visible_in_locale
from .images import hero_image_field

# Ceremonies take place in Belgium: times are entered and published in Brussels time.
EVENT_TIME_ZONE = ZoneInfo("Europe/Brussels")


class EventIndexPage(IndexPage):
    """The section listing every ceremony."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.EventPage"]

    class Meta:
        verbose_name = "event index page"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"


class EventPage(GeoLocated, BasePage):
    """A ceremony: its time and place, the memorial and the event it commemorates, and its report."""

    start = models.DateTimeField(help_text="Date and time in Brussels time.")
    end = models.DateTimeField(null=True, blank=True, help_text="Optional. Must be after the start.")
    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text="Change to Held after the ceremony, or to Cancelled or Postponed; the page stays published.",
    )
    place = models.CharField(max_length=255, help_text="Where it is held, e.g. 'Communal cemetery, Rebecq'.")
    related_memorial = models.ForeignKey(
        "pages.MemorialPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The memorial where the ceremony is held, if any.",
    )
    commemorated_event = models.CharField(
        max_length=255, blank=True, help_text="What the ceremony remembers, e.g. 'the crash of Lancaster DV309'."
    )
    commemorated_date = models.DateField(
        null=True,
        blank=True,
        help_text="When that happened. The anniversary number is computed from it; do not type it in the title. "
        "Leave it blank to use the date of the aircraft loss chosen below.",
    )
    commemorated_date_precision = precision_field()
    aircraft_loss = models.ForeignKey(
        "register.AircraftLoss",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        limit_choices_to=source_records,
        help_text="The aircraft loss the ceremony remembers, if any.",
    )
    summary = models.TextField(blank=True, help_text="One or two sentences for listings.")
    hero_image = hero_image_field()
    programme = StreamField(
        ProgrammeBlock(),
        blank=True,
        help_text="The order of the ceremony, one item per time, e.g. 10:30 Wreath-laying.",
    )
    body = StreamField(StoryBlock(), blank=True, help_text="What visitors should know before the ceremony.")
    report = StreamField(StoryBlock(), blank=True, help_text="Written after the ceremony: how it went.")
    gallery = StreamField(GalleryBlock(), blank=True, help_text="Photos of the ceremony.")

    parent_page_types = ["pages.EventIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("commemorated_event"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("status")], heading="When"
        ),
        MultiFieldPanel([FieldPanel("place"), GeoLocated.coordinates_panel], heading="Where"),
        MultiFieldPanel(
            [
                PageChooserPanel("related_memorial", "pages.MemorialPage"),
                FieldPanel("commemorated_event"),
                FieldRowPanel([FieldPanel("commemorated_date"), FieldPanel("commemorated_date_precision")]),
                FieldPanel("aircraft_loss"),
            ],
            heading="What it commemorates",
        ),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("programme"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("report"), FieldPanel("gallery")], heading="After the ceremony"),
    ]

    graphql_fields = [
        GraphQLField("start", graphene.DateTime, source="start_local", required=True),
        GraphQLField("end", graphene.DateTime, source="end_local"),
        GraphQLString("status", required=True),
        GraphQLString("place", required=True),
        *GeoLocated.graphql_fields,
        GraphQLPage("related_memorial", source="api_related_memorial"),
        GraphQLString("commemorated_event", required=True),
        GraphQLDate("commemorated_date"),
        GraphQLString("commemorated_date_precision", required=True),
        GraphQLInt("anniversary"),
        GraphQLField("is_upcoming", graphene.Boolean, required=True),
        GraphQLString("summary", required=True),
        GraphQLImage("hero_image"),
        GraphQLStreamfield("programme", required=True),
        GraphQLStreamfield("body", required=True),
        GraphQLStreamfield("report", required=True),
        GraphQLStreamfield("gallery", required=True),
        lambda: GraphQLField(
            "aircraft_loss", "cms.graphql.register.types.AircraftLossType", source="api_aircraft_loss"
        ),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("status"),
        TranslatableField("place"),
        *GeoLocated.translatable_fields,
        SynchronizedField("related_memorial"),
        TranslatableField("commemorated_event"),
        SynchronizedField("commemorated_date"),
        SynchronizedField("commemorated_date_precision"),
        SynchronizedField("aircraft_loss"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("programme"),
        TranslatableField("body"),
        TranslatableField("report"),
        TranslatableField("gallery"),
    ]

    class Meta:
        verbose_name = "event page"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The end cannot be before the start."})
        self.commemorated_date = normalise(self.commemorated_date, self.commemorated_date_precision)
        if self.aircraft_loss_id:
            require_source_record(self.aircraft_loss, "aircraft_loss")

    @property
    def commemorated(self) -> PartialDate | None:
        """The commemorated date as typed, else the linked aircraft loss's date, else None."""
        typed = PartialDate.of(self.commemorated_date, self.commemorated_date_precision)
        if typed is None and self.aircraft_loss_id:
            return self.aircraft_loss.loss
        return typed

    def api_aircraft_loss(self, info=None, **kwargs):
        """The aircraft loss the ceremony remembers, with its text in this page's language."""
        loss = self.aircraft_loss
        return loss.read_in([loss], self.locale)[0] if loss else None

    @property
    def start_local(self):
        return timezone.localtime(self.start, EVENT_TIME_ZONE) if self.start else None

    @property
    def end_local(self):
        return timezone.localtime(self.end, EVENT_TIME_ZONE) if self.end else None

    @property
    def anniversary(self):
        """Years between the commemorated event and the ceremony, e.g. 78; None if not an anniversary."""
        commemorated = self.commemorated
        if not (self.start and commemorated):
            return None
        years = self.start_local.year - commemorated.start.year
        return years if years > 0 else None

    @property
    def is_upcoming(self):
        """True until the ceremony has ended (or, without an end, until it has started)."""
        return (self.end or self.start) >= timezone.now()

    def api_related_memorial(self, info=None, **kwargs):
        found = visible_in_locale([self.related_memorial], self.locale_id)
        return found[0] if found else None
