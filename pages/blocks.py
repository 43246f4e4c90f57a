"""Every shared StreamField block, each registered with grapple with explicit fields.

An unregistered StructBlock breaks GraphQL queries at run time, so every block here carries
``@register_streamfield_block`` and its own ``graphql_fields``.
"""

from grapple.helpers import register_streamfield_block
from grapple.models import GraphQLImage, GraphQLString
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


@register_streamfield_block
class HeadingBlock(blocks.StructBlock):
    """A section heading inside a body."""

    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Level 2"), ("h3", "Level 3"), ("h4", "Level 4")],
        default="h2",
        help_text="Use level 2 for main sections, 3 and 4 for sub-sections.",
    )

    graphql_fields = [GraphQLString("text", required=True), GraphQLString("level", required=True)]

    class Meta:
        icon = "title"
        label = "Heading"
        description = "A section heading"
        preview_value = {"text": "The escape from the collieries", "level": "h2"}


@register_streamfield_block
class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text, caption and credit for this use; each falls back to the image's own.

    These texts live in the page, so they are translated with it; the image's own are written once.
    """

    image = ImageChooserBlock()
    # Empty, not None, by default: content written in code may leave them out, and the translation
    # extractor refuses None.
    alt_text = blocks.CharBlock(
        required=False,
        default="",
        max_length=255,
        help_text="What the image shows here. Leave empty to use the image's alt text.",
    )
    caption = blocks.CharBlock(
        required=False, default="", max_length=255, help_text="Leave empty to use the image's caption."
    )
    credit = blocks.CharBlock(
        required=False, default="", max_length=255, help_text="Leave empty to use the image's photo credit."
    )

    graphql_fields = [
        GraphQLImage("image", required=True),
        GraphQLString("alt_text", source="display_alt_text", required=True),
        GraphQLString("caption", source="display_caption", required=True),
        GraphQLString("credit", source="display_credit", required=True),
    ]

    class Meta:
        icon = "image"
        label = "Image"
        description = "An image with a caption and photo credit"

    def display_alt_text(self, info, values, **kwargs):
        return values["alt_text"] or (values["image"].default_alt_text if values["image"] else "")

    def display_caption(self, info, values, **kwargs):
        return values["caption"] or (values["image"].caption if values["image"] else "")

    def display_credit(self, info, values, **kwargs):
        return values["credit"] or (values["image"].photo_credit if values["image"] else "")


@register_streamfield_block
class QuoteBlock(blocks.StructBlock):
    """A quotation with who said or wrote it."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    graphql_fields = [GraphQLString("quote", required=True), GraphQLString("attribution", required=True)]

    class Meta:
        icon = "openquote"
        label = "Quote"
        description = "A quotation and its source"


@register_streamfield_block
class SourceBlock(blocks.StructBlock):
    """One bibliographic source or archive reference."""

    title = blocks.CharBlock(max_length=255)
    author = blocks.CharBlock(required=False, max_length=255)
    publication = blocks.CharBlock(required=False, max_length=255, help_text="Book, journal, archive or website.")
    year = blocks.CharBlock(required=False, max_length=20, help_text="A year or a range, e.g. 1944 or 1944–1945.")
    url = blocks.URLBlock(required=False)

    graphql_fields = [
        GraphQLString("title", required=True),
        GraphQLString("author", required=True),
        GraphQLString("publication", required=True),
        GraphQLString("year", required=True),
        GraphQLString("url", required=True),
    ]

    class Meta:
        icon = "doc-full"
        label = "Source"
        description = "A book, archive or web reference"


@register_streamfield_block
class PartnerBlock(blocks.StructBlock):
    """An organisation that took part in building or keeping a memorial."""

    name = blocks.CharBlock(max_length=255)
    url = blocks.URLBlock(required=False)

    graphql_fields = [GraphQLString("name", required=True), GraphQLString("url", required=True)]

    class Meta:
        icon = "group"
        label = "Partner"
        description = "An organisation and its website"


@register_streamfield_block
class ProgrammeItemBlock(blocks.StructBlock):
    """One moment of a ceremony's programme."""

    time = blocks.TimeBlock(required=False, help_text="Local time in Brussels.")
    title = blocks.CharBlock(max_length=255)
    description = blocks.TextBlock(required=False)

    graphql_fields = [
        GraphQLString("time"),
        GraphQLString("title", required=True),
        GraphQLString("description", required=True),
    ]

    class Meta:
        icon = "time"
        label = "Programme item"
        description = "A time and what happens then"


@register_streamfield_block
class SocialLinkBlock(blocks.StructBlock):
    """A link to one of the association's social media accounts."""

    platform = blocks.ChoiceBlock(
        choices=[
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("youtube", "YouTube"),
            ("linkedin", "LinkedIn"),
            ("x", "X"),
            ("mastodon", "Mastodon"),
            ("other", "Other"),
        ]
    )
    url = blocks.URLBlock()

    graphql_fields = [GraphQLString("platform", required=True), GraphQLString("url", required=True)]

    class Meta:
        icon = "link"
        label = "Social link"
        description = "A social media account"


class StoryBlock(blocks.StreamBlock):
    """The body of every content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(help_text="A YouTube or Vimeo address, for example.", icon="media")
    document = DocumentChooserBlock(icon="doc-full-inverse")


class GalleryBlock(blocks.StreamBlock):
    """A photo gallery: captioned images in order."""

    image = CaptionedImageBlock()


class SourcesBlock(blocks.StreamBlock):
    source = SourceBlock()


class PartnersBlock(blocks.StreamBlock):
    partner = PartnerBlock()


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()


class SocialLinksBlock(blocks.StreamBlock):
    link = SocialLinkBlock()
