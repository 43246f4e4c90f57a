"""Page types expose what they declare, nothing more.

Grapple builds every page type on a DjangoObjectType of Wagtail's Page model, so each one also
carries every column of that model: ``draftTitle`` (the title of an unpublished draft),
``hasUnpublishedChanges``, ``lockedAt``, ``path``… Only the page interface's fields and the
model's own ``graphql_fields`` belong in the contract.
"""

import graphene
from graphene.types.utils import yank_fields_from_attrs
from grapple.registry import registry
from grapple.types import pages as grapple_pages
from grapple.types.interfaces import get_page_interface
from wagtail.models import Page


def restrict_page_fields():
    """Drop the undeclared model columns from grapple's page types. Run after grapple has built them."""
    interface_fields = set(get_page_interface()._meta.fields)
    for node in [grapple_pages.Page, *registry.pages.values()]:
        declared = set(yank_fields_from_attrs(vars(node)))
        for name in list(node._meta.fields):
            if name not in interface_fields and name not in declared:
                del node._meta.fields[name]


def keep_related_pages_in_own_tree():
    """Related-page fields of page types (``featured``, ``relatedMemorials``…) return only pages in the
    linking page's own language tree of its own site, as the tree fields do.

    The models already keep to the linking page's language (``visible_in_locale``); a page chosen from
    another site would still be returned from this one. Wrapping every page-returning field declared by
    a page type covers the fields a new page type or a new relation adds, too.
    """
    interface_fields = set(get_page_interface()._meta.fields)
    for node in registry.pages.values():
        for name, field in node._meta.fields.items():
            if name not in interface_fields and _returns_pages(field.type):
                field.resolver = _in_own_tree(field.resolver or _default_resolver(node, name))


def _returns_pages(field_type) -> bool:
    while hasattr(field_type, "of_type"):
        field_type = field_type.of_type
    if callable(field_type) and not isinstance(field_type, type):
        field_type = field_type()  # lazy types, e.g. grapple's get_page_interface
    interface = get_page_interface()
    return (
        isinstance(field_type, type)
        and issubclass(field_type, graphene.ObjectType | graphene.Interface)
        and (field_type is interface or interface in getattr(field_type._meta, "interfaces", ()))
    )


def _default_resolver(node, name):
    method = getattr(node, f"resolve_{name}", None)
    return method if method is not None else (lambda root, info, **kwargs: getattr(root, name, None))


def _in_own_tree(resolver):
    def resolve(root, info, **kwargs):
        result = resolver(root, info, **kwargs)
        home_path = root.path[: 2 * Page.steplen]
        if result is None or isinstance(result, Page):
            return result if result is None or result.path.startswith(home_path) else None
        return [page for page in result if page.path.startswith(home_path)]

    return resolve
