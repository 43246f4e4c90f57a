"""``translations`` for a whole listing in one query instead of one per page."""

from collections import defaultdict

from graphql.language import FieldNode, FragmentSpreadNode, InlineFragmentNode
from wagtail.models import Page

from pages.models.base import readable

ATTRIBUTE = "_cms_translations"


def selects(info, name: str) -> bool:
    """Whether the current field's selection asks, at any depth, for a field called ``name``."""
    stack = [node.selection_set for node in info.field_nodes if node.selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FieldNode) and selection.name.value == name:
                return True
            if isinstance(selection, FragmentSpreadNode):
                fragment = info.fragments[selection.name.value]
                stack.append(fragment.selection_set)
            elif isinstance(selection, InlineFragmentNode | FieldNode) and selection.selection_set:
                stack.append(selection.selection_set)
    return False


def live_translations(pages):
    """For each page, its readable versions in the other languages."""
    found = defaultdict(list)
    others = (
        readable(Page.objects.filter(translation_key__in={page.translation_key for page in pages}))
        .select_related("locale")
        .order_by("locale__language_code")
        .specific()
    )
    for other in others:
        found[other.translation_key].append(other)
    return {page.pk: [other for other in found[page.translation_key] if other.pk != page.pk] for page in pages}


def attach_translations(info, pages):
    """Give each page its translations up front when the query asks for them."""
    pages = list(pages)
    if pages and selects(info, "translations"):
        by_pk = live_translations(pages)
        for page in pages:
            setattr(page, ATTRIBUTE, by_pk[page.pk])
    return pages


def translations_of(page):
    cached = getattr(page, ATTRIBUTE, None)
    return cached if cached is not None else live_translations([page])[page.pk]
