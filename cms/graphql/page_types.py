"""Page types expose what they declare, nothing more.

Grapple builds every page type on a DjangoObjectType of Wagtail's Page model, so each one also
carries every column of that model: ``draftTitle`` (the title of an unpublished draft),
``hasUnpublishedChanges``, ``lockedAt``, ``path``… Only the page interface's fields and the
model's own ``graphql_fields`` belong in the contract.
"""

from graphene.types.utils import yank_fields_from_attrs
from grapple.registry import registry
from grapple.types import pages as grapple_pages
from grapple.types.interfaces import get_page_interface


def restrict_page_fields():
    """Drop the undeclared model columns from grapple's page types. Run after grapple has built them."""
    interface_fields = set(get_page_interface()._meta.fields)
    for node in [grapple_pages.Page, *registry.pages.values()]:
        declared = set(yank_fields_from_attrs(vars(node)))
        for name in list(node._meta.fields):
            if name not in interface_fields and name not in declared:
                del node._meta.fields[name]
