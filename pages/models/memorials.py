"""Memorials: monuments, plaques, graves and crash sites, and the section that lists them."""

from django.db import models
from django.db.models import Q
from grapple.models import (
    GraphQLCollection,
    GraphQLField,
    GraphQLImage,
    GraphQLPage,
    GraphQLRichText,
    GraphQLStreamfield,
    GraphQLString,
)
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from register.source_rows import require_source_record, source_records

from ..blocks import GalleryBlock, PartnersBlock, StoryBlock
from .base import (
    INTRO_FEATURES,
    PAGE_TRANSLATABLE_FIELDS,
    BasePage,
    GeoLocated,
    GraphQLDate,
    IndexPage,
    cards_in_locale,
    linked_cards,
)
from .images import hero_image_field


class MemorialIndexPage(IndexPage):
    """The section listing every memorial."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.MemorialPage"]

    class Meta:
        verbose_name = "memorial index page"


class MemorialKind(models.TextChoices):
    MONUMENT = "monument", "Monument"
    PLAQUE = "plaque", "Plaque"
    GRAVE_SITE = "grave_site", "Grave site"
    CRASH_SITE = "crash_site", "Crash site"
    OTHER = "other", "Other"


class MemorialPage(GeoLocated, BasePage):
    """One memorial: where it stands, who it honours, what it says and who unveiled it."""

    kind = models.CharField(
        max_length=20,
        choices=MemorialKind.choices,
        default=MemorialKind.MONUMENT,
        help_text="What stands there; frontends filter the map by it.",
    )
    place = models.CharField(
        max_length=255, help_text="Where exactly it stands, e.g. 'Communal cemetery' or 'Rue de la Station'."
    )
    municipality = models.CharField(max_length=255, help_text="The commune, e.g. Rebecq.")
    province = models.CharField(max_length=255, blank=True, help_text="e.g. Walloon Brabant.")
    country = models.CharField(max_length=100, default="Belgium", help_text="In this page's language.")
    unveiling_date = models.DateField(
        null=True, blank=True, help_text="When the memorial was unveiled (not the event it remembers)."
    )
    unveiled_by = models.CharField(max_length=255, blank=True, help_text="Who unveiled it, e.g. the Ambassador of …")
    dedication = RichTextField(
        features=INTRO_FEATURES, blank=True, help_text="Whom the memorial honours, in a sentence or two."
    )
    inscription = models.TextField(blank=True, help_text="The text carved on the memorial, as it is written.")
    partners = StreamField(PartnersBlock(), blank=True, help_text="Organisations that built or keep the memorial.")
    hero_image = hero_image_field()
    gallery = StreamField(GalleryBlock(), blank=True, help_text="More photos of the memorial, in order.")
    body = StreamField(StoryBlock(), blank=True, help_text="The memorial's story, after the dedication.")
    commemorated_people = ParentalManyToManyField(
        "register.Person",
        blank=True,
        related_name="memorial_pages",
        limit_choices_to=source_records,
        help_text="People from the register whom this memorial names or honours.",
    )
    commemorated_losses = ParentalManyToManyField(
        "register.AircraftLoss",
        blank=True,
        related_name="memorial_pages",
        limit_choices_to=source_records,
        help_text="Aircraft losses from the register that this memorial remembers.",
    )
    cemetery = models.ForeignKey(
        "register.Cemetery",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memorial_pages",
        limit_choices_to=source_records,
        help_text="The cemetery the memorial stands in, if any.",
    )

    parent_page_types = ["pages.MemorialIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("municipality"),
        index.SearchField("place"),
        index.SearchField("dedication"),
        index.SearchField("inscription"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("place"),
                FieldPanel("municipality"),
                FieldPanel("province"),
                FieldPanel("country"),
                GeoLocated.coordinates_panel,
            ],
            heading="Location",
        ),
        MultiFieldPanel([FieldPanel("unveiling_date"), FieldPanel("unveiled_by")], heading="Unveiling"),
        FieldPanel("dedication"),
        FieldPanel("inscription"),
        FieldPanel("partners"),
        FieldPanel("hero_image"),
        FieldPanel("gallery"),
        FieldPanel("body"),
        InlinePanel("related_history", heading="Related history", label="History page"),
        MultiFieldPanel(
            [FieldPanel("commemorated_people"), FieldPanel("commemorated_losses"), FieldPanel("cemetery")],
            heading="In the register",
        ),
    ]

    graphql_fields = [
        GraphQLString("kind", required=True),
        GraphQLString("place", required=True),
        GraphQLString("municipality", required=True),
        GraphQLString("province", required=True),
        GraphQLString("country", required=True),
        *GeoLocated.graphql_fields,
        GraphQLDate("unveiling_date"),
        GraphQLString("unveiled_by", required=True),
        GraphQLRichText("dedication", required=True),
        GraphQLString("inscription", required=True),
        GraphQLStreamfield("partners", required=True),
        GraphQLImage("hero_image"),
        GraphQLStreamfield("gallery", required=True),
        GraphQLStreamfield("body", required=True),
        GraphQLCollection(
            GraphQLPage, "related_history", source="api_related_history", required=True, item_required=True
        ),
        GraphQLCollection(GraphQLPage, "events", source="api_events", required=True, item_required=True),
        GraphQLCollection(
            GraphQLField,
            "commemorated_people",
            "cms.graphql.register.types.PersonType",
            source="api_commemorated_people",
            required=True,
            item_required=True,
        ),
        GraphQLCollection(
            GraphQLField,
            "commemorated_losses",
            "cms.graphql.register.types.AircraftLossType",
            source="api_commemorated_losses",
            required=True,
            item_required=True,
        ),
        lambda: GraphQLField("cemetery", "cms.graphql.register.types.CemeteryType", source="api_cemetery"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("kind"),
        TranslatableField("place"),
        SynchronizedField("municipality"),
        TranslatableField("province"),
        TranslatableField("country"),
        *GeoLocated.translatable_fields,
        SynchronizedField("unveiling_date"),
        TranslatableField("unveiled_by"),
        TranslatableField("dedication"),
        SynchronizedField("inscription"),  # the carved text is quoted as written, never translated
        TranslatableField("partners"),
        SynchronizedField("hero_image"),
        TranslatableField("gallery"),
        TranslatableField("body"),
        SynchronizedField("related_history"),
        SynchronizedField("commemorated_people"),
        SynchronizedField("commemorated_losses"),
        SynchronizedField("cemetery"),
    ]

    class Meta:
        verbose_name = "memorial page"

    def clean(self):
        super().clean()
        if self.cemetery_id:
            require_source_record(self.cemetery, "cemetery")
        for name in ("commemorated_people", "commemorated_losses"):
            for record in getattr(self, name).all():
                require_source_record(record, name)

    def api_commemorated_people(self, info=None, **kwargs):
        """The people this memorial names, with their text in this page's language."""
        people = self.commemorated_people.all()
        return people.model.read_in(people, self.locale)

    def api_commemorated_losses(self, info=None, **kwargs):
        """The aircraft losses this memorial remembers, with their text in this page's language."""
        losses = self.commemorated_losses.all()
        return losses.model.read_in(losses, self.locale)

    def api_cemetery(self, info=None, **kwargs):
        """The cemetery the memorial stands in, with its text in this page's language."""
        cemetery = self.cemetery
        return cemetery.read_in([cemetery], self.locale)[0] if cemetery else None

    def api_related_history(self, info=None, **kwargs):
        """History pages linked from either side, live and in this memorial's language."""
        from .history import HistoryPage

        chosen = [link.history_page.translation_key for link in self.related_history.select_related("history_page")]
        linking = HistoryPage.objects.filter(related_memorials__memorial__translation_key=self.translation_key)
        return linked_cards(HistoryPage, self.locale_id, chosen, linking)

    def api_events(self, info=None, **kwargs):
        """Ceremonies held at this memorial, latest first."""
        from .events import EventPage

        held_here = EventPage.objects.filter(related_memorial__translation_key=self.translation_key)
        which = Q(translation_key__in=held_here.values("translation_key"))
        return list(cards_in_locale(EventPage, self.locale_id, which).order_by("-start"))


class MemorialRelatedHistory(Orderable):
    """A history page chosen on a memorial."""

    page = ParentalKey(MemorialPage, on_delete=models.CASCADE, related_name="related_history")
    history_page = models.ForeignKey("pages.HistoryPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("history_page")]
    graphql_fields = [GraphQLPage("history_page")]
