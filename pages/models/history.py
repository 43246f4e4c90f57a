"""History articles: the story behind the memorials, with their sources."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from grapple.models import GraphQLCollection, GraphQLImage, GraphQLInt, GraphQLPage, GraphQLStreamfield, GraphQLString
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import SourcesBlock, StoryBlock
from .base import PAGE_TRANSLATABLE_FIELDS, BasePage, IndexPage, linked_cards
from .images import hero_image_field

_year_validators = [MinValueValidator(1000), MaxValueValidator(2100)]


class HistoryIndexPage(IndexPage):
    """The section listing every history article."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.HistoryPage"]

    class Meta:
        verbose_name = "history index page"


class HistoryPage(BasePage):
    """A history article covering a period, with its sources and the memorials it explains."""

    summary = models.TextField(help_text="Two or three sentences shown in listings and search results.")
    period_start = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=_year_validators, help_text="First year the article covers, e.g. 1942."
    )
    period_end = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=_year_validators, help_text="Last year the article covers, e.g. 1945."
    )
    hero_image = hero_image_field()
    body = StreamField(StoryBlock(), help_text="The article: headings, paragraphs, images and quotes.")
    sources = StreamField(SourcesBlock(), blank=True, help_text="Books, archives and websites this article rests on.")

    parent_page_types = ["pages.HistoryIndexPage"]
    subpage_types = []

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Period covered"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("sources"),
        InlinePanel("related_memorials", heading="Related memorials", label="Memorial"),
    ]

    graphql_fields = [
        GraphQLString("summary", required=True),
        GraphQLInt("period_start"),
        GraphQLInt("period_end"),
        GraphQLImage("hero_image"),
        GraphQLStreamfield("body", required=True),
        GraphQLStreamfield("sources", required=True),
        GraphQLCollection(
            GraphQLPage, "related_memorials", source="api_related_memorials", required=True, item_required=True
        ),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("summary"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("hero_image"),
        TranslatableField("body"),
        TranslatableField("sources"),
        SynchronizedField("related_memorials"),
    ]

    class Meta:
        verbose_name = "history page"

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The period cannot end before it starts."})

    def api_related_memorials(self, info=None, **kwargs):
        """Memorials linked from either side, live and in this article's language."""
        from .memorials import MemorialPage

        chosen = [link.memorial.translation_key for link in self.related_memorials.select_related("memorial")]
        linking = MemorialPage.objects.filter(related_history__history_page__translation_key=self.translation_key)
        return linked_cards(MemorialPage, self.locale_id, chosen, linking)


class HistoryRelatedMemorial(Orderable):
    """A memorial chosen on a history article."""

    page = ParentalKey(HistoryPage, on_delete=models.CASCADE, related_name="related_memorials")
    memorial = models.ForeignKey(
        "pages.MemorialPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A memorial this article tells the story of; readers are sent from one to the other.",
    )

    panels = [PageChooserPanel("memorial")]
    graphql_fields = [GraphQLPage("memorial")]
