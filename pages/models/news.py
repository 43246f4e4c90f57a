"""News: dated announcements from the association."""

import datetime

from django.db import models
from grapple.models import GraphQLImage, GraphQLStreamfield, GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import StoryBlock
from .base import PAGE_TRANSLATABLE_FIELDS, BasePage, GraphQLDate, IndexPage
from .images import hero_image_field


class NewsIndexPage(IndexPage):
    """The section listing news items, newest first."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsPage"]

    class Meta:
        verbose_name = "news index page"


class NewsPage(BasePage):
    """A dated news item."""

    date = models.DateField(
        "news date", default=datetime.date.today, help_text="The date shown with the item; news is listed newest first."
    )
    summary = models.TextField(help_text="One or two sentences for listings.")
    hero_image = hero_image_field()
    body = StreamField(StoryBlock(), help_text="The full item: paragraphs, images and quotes.")

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]

    graphql_fields = [
        GraphQLDate("date", required=True),
        GraphQLString("summary", required=True),
        GraphQLImage("hero_image"),
        GraphQLStreamfield("body", required=True),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("date"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = "news page"
