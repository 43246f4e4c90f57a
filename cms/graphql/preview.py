"""Headless preview over GraphQL: ``page(token: …)`` returns the draft an editor is previewing.

The admin's Preview (``BasePage.get_preview_url``) opens the frontend of the page's own site at

    <frontend root>/<language>/preview?content_type=<app.model>&token=<token>

e.g. ``http://localhost:3000/fr/preview?content_type=pages.memorialpage&token=…``. The frontend
root is ``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"][site hostname]``, else its ``"default"``; the
language is the page's. The frontend passes the token on as ``page(token: $token)``.

A token is refused, with a GraphQL error (HTTP 200, never a 500) whose ``extensions.code`` is:

- ``PREVIEW_EXPIRED``: older than ``PREVIEW_TOKEN_MAX_AGE`` seconds;
- ``PREVIEW_INVALID``: not signed by us, or its stored draft was cleaned up (``clear_previews``);
- ``PREVIEW_MISMATCH``: signed for another page or page type than its stored draft, or than the
  ``id`` also given to ``page``.

Any request that presents a preview token is marked, and the view sends it back with
``Cache-Control: no-store``: a draft must never sit in a shared cache.
"""

from graphql import GraphQLError, GraphQLSyntaxError, parse
from graphql.execution.values import get_argument_values
from graphql.language import BREAK, Visitor, visit

from pages.models.base import PREVIEW_OTHER_PAGE, BasePage, PreviewMismatch, PreviewTokenError

_MARK = "_cms_preview_token"


def mark_preview_request(request) -> None:
    """Note on the Django request that it presented a preview token, so its response is not cached."""
    setattr(request, _MARK, True)


def used_preview_token(request) -> bool:
    return getattr(request, _MARK, False)


class _TokenArgumentFinder(Visitor):
    found = False

    def enter_argument(self, node, *args):
        if node.name.value == "token":
            self.found = True
            return BREAK
        return None


def asks_for_preview_token(query: str) -> bool:
    """Whether a GraphQL document passes a ``token`` argument anywhere.

    Any ``token`` argument counts, wherever it appears, so a field added later that takes one
    (grapple's ``site { page(token:) }`` did) is never cached either.
    """
    if "token" not in query:  # argument names cannot be escaped, so this skips parsing almost every query
        return False
    try:
        document = parse(query)
    except GraphQLSyntaxError:
        return False  # the view reports the syntax error; nothing was resolved
    finder = _TokenArgumentFinder()
    visit(document, finder)
    return finder.found


def page_from_token(info, token: str):
    """The draft stored under a preview token, or a GraphQL error with a ``PREVIEW_*`` code."""
    mark_preview_request(info.context)  # before any check: even a refusal must not be cached
    try:
        page = BasePage.get_page_from_preview_token(token)
        _check_requested_id(info, page)
    except PreviewTokenError as error:
        raise GraphQLError(error.message, extensions={"code": error.code}) from error
    return page


def _check_requested_id(info, page) -> None:
    """A client that names a page by ``id`` as well as ``token`` must name the token's page."""
    field = info.parent_type.fields[info.field_name]
    requested = get_argument_values(field, info.field_nodes[0], info.variable_values).get("id")
    if requested is not None and str(requested) != str(page.pk):
        raise PreviewMismatch(PREVIEW_OTHER_PAGE)
