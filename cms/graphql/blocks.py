"""Safer GraphQL types for built-in blocks whose grapple types would leak content."""

import graphene
from grapple.registry import registry
from grapple.types.interfaces import get_page_interface
from grapple.types.streamfield import StreamFieldInterface
from wagtail import blocks
from wagtail.models import Page

from pages.models.base import readable


class PageChooserBlock(graphene.ObjectType):
    """A chosen page; null when readers may not see it (draft, unpublished, expired, private)."""

    page = graphene.Field(get_page_interface)

    class Meta:
        interfaces = (StreamFieldInterface,)

    def resolve_page(self, info, **kwargs):
        if self.value is None:
            return None
        return readable(Page.objects.filter(pk=self.value.pk)).specific().first()


def install_safe_block_types():
    """Replace grapple's PageChooserBlock type, which returns drafts as readily as live pages."""
    registry.streamfield_blocks[blocks.PageChooserBlock] = PageChooserBlock
