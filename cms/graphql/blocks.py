"""Safer GraphQL types for built-in blocks whose grapple types would leak content."""

import graphene
from grapple.registry import registry
from grapple.types.documents import get_document_type
from grapple.types.interfaces import get_page_interface
from grapple.types.streamfield import StreamFieldInterface
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock as WagtailDocumentChooserBlock
from wagtail.models import Page

from pages.models.base import readable

from .scope import readable_document


class PageChooserBlock(graphene.ObjectType):
    """A chosen page; null when readers may not see it (draft, unpublished, expired, private)."""

    page = graphene.Field(get_page_interface)

    class Meta:
        interfaces = (StreamFieldInterface,)

    def resolve_page(self, info, **kwargs):
        if self.value is None:
            return None
        return readable(Page.objects.filter(pk=self.value.pk)).specific().first()

    def resolve_raw_value(self, info, **kwargs):
        # The raw value is the chosen page's id: even that is not given for a page readers may not see.
        page = self.resolve_page(info)
        return str(page.pk) if page is not None else ""


class DocumentChooserBlock(graphene.ObjectType):
    """A chosen document; null when its collection is private, as Wagtail's own serve view would refuse it."""

    document = graphene.Field(get_document_type)

    class Meta:
        interfaces = (StreamFieldInterface,)

    def resolve_document(self, info, **kwargs):
        document = self.value
        return document if document is not None and readable_document(info, document) else None


def install_safe_block_types():
    """Replace grapple's chooser block types, which return drafts and private documents as readily as the rest."""
    registry.streamfield_blocks[blocks.PageChooserBlock] = PageChooserBlock
    registry.streamfield_blocks[WagtailDocumentChooserBlock] = DocumentChooserBlock
