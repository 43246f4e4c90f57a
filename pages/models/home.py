"""The home page: one per locale, at the root of that locale's tree."""

from grapple.models import GraphQLCollection, GraphQLPage, GraphQLRichText
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import INTRO_FEATURES, PAGE_TRANSLATABLE_FIELDS, BasePage, visible_in_locale


class HomePage(BasePage):
    """The front page of one language edition of the site."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True, help_text="The welcome text at the top of the site.")
    featured = StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    page_type=["pages.MemorialPage", "pages.HistoryPage", "pages.EventPage", "pages.NewsPage"],
                    icon="pick",
                ),
            )
        ],
        blank=True,
        help_text="Pages to feature on the front page, in order. Unpublished pages are left out automatically.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.MemorialIndexPage", "pages.HistoryIndexPage", "pages.EventIndexPage", "pages.NewsIndexPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("featured")]
    graphql_fields = [
        GraphQLRichText("intro", required=True),
        GraphQLCollection(GraphQLPage, "featured", source="api_featured", required=True, item_required=True),
    ]
    # The choice of pages is shared; the API shows each in the reader's language.
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro"), SynchronizedField("featured")]

    class Meta:
        verbose_name = "home page"

    def api_featured(self, info=None, **kwargs):
        """The featured pages readers may see, each in this home page's language where translated."""
        return visible_in_locale([block.value for block in self.featured], self.locale_id)
