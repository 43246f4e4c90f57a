"""What every page type shares: headless serving and preview, translation rules,
coordinates, and the one rule for which related pages a reader may see."""

import graphene
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from grapple.models import GraphQLField, GraphQLFloat, GraphQLRichText
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

# Page's own fields: text is translated; the slug and menu flag stay in step with the source.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]

INTRO_FEATURES = ["bold", "italic", "link"]


def GraphQLDate(field_name: str, **kwargs):  # noqa: N802 - named like grapple's field helpers
    """A grapple field typed as an ISO date, which grapple does not provide."""
    return lambda: GraphQLField(field_name, graphene.Date, **kwargs)


def GraphQLDateTime(field_name: str, **kwargs):  # noqa: N802
    """A grapple field typed as an ISO date-time with its UTC offset."""
    return lambda: GraphQLField(field_name, graphene.DateTime, **kwargs)


class BasePage(HeadlessMixin, Page):
    """Abstract base: Wagtail's own page URL redirects to the frontend, and previews open there."""

    translatable_fields = PAGE_TRANSLATABLE_FIELDS

    class Meta:
        abstract = True


class IndexPage(BasePage):
    """Abstract base for a section that lists one kind of child page."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True, help_text="A short text shown above the listing.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    graphql_fields = [GraphQLRichText("intro", required=True)]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class GeoLocated(models.Model):
    """Abstract latitude/longitude pair (WGS 84), validated to real ranges and given together."""

    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Decimal degrees between -90 and 90, e.g. 50.664 for Rebecq.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Decimal degrees between -180 and 180, e.g. 4.133 for Rebecq.",
    )

    coordinates_panel = FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Coordinates")
    graphql_fields = [GraphQLFloat("latitude"), GraphQLFloat("longitude")]
    translatable_fields = [SynchronizedField("latitude"), SynchronizedField("longitude")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: "Give both latitude and longitude, or neither."})


def visible_in_locale(pages, locale_id):
    """The live, public versions of ``pages`` in ``locale_id``, in the given order.

    One rule for untranslated pages everywhere: a page with no live version in that language
    is left out, as listings leave it out. One query, plus one per specific page type.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    candidates = (
        Page.objects.filter(translation_key__in={page.translation_key for page in pages}, locale_id=locale_id)
        .live()
        .public()
        .select_related("locale")
        .specific()
    )
    by_key = {page.translation_key: page for page in candidates}
    result, seen = [], set()
    for page in pages:
        if page.translation_key in by_key and page.translation_key not in seen:
            seen.add(page.translation_key)  # two language versions of one page count once
            result.append(by_key[page.translation_key])
    return result
