"""Limits on what a client may ask for: page sizes, orderings and search terms.

Grapple clamps oversized pages silently and passes ``order`` straight to ``order_by``; we
refuse both with an error that names the limit, so a frontend never gets a short list by surprise.
"""

from django.conf import settings
from graphql import GraphQLError


def orderings(*fields: str) -> frozenset[str]:
    """Each field, ascending and descending (Django's order_by format, as grapple documents it)."""
    return frozenset(f"{sign}{field}" for field in fields for sign in ("", "-"))


PAGE_ORDERINGS = orderings("title", "first_published_at", "last_published_at", "path")
# Root fields with orderings of their own; every other field that takes `order` lists pages.
ORDERINGS_BY_ROOT_FIELD = {
    "memorials": PAGE_ORDERINGS | orderings("municipality", "unveiling_date"),
    "historyArticles": PAGE_ORDERINGS | orderings("period_start"),
    "events": PAGE_ORDERINGS | orderings("start"),
    "newsItems": PAGE_ORDERINGS | orderings("date"),
}


def limit_error(message: str, limit: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "LIMIT_EXCEEDED", "limit": limit})


def check_page_size(value: int | None, argument: str) -> int | None:
    maximum = settings.GRAPPLE["MAX_PAGE_SIZE"]
    if value is not None and value > maximum:
        raise limit_error(f"`{argument}` is {value}; the maximum page size is {maximum}.", "MAX_PAGE_SIZE")
    if value is not None and value < 1:
        raise GraphQLError(f"`{argument}` must be at least 1.", extensions={"code": "BAD_USER_INPUT"})
    return value


def allowed_orderings(info) -> frozenset[str]:
    if info.parent_type.name == "Query":
        return ORDERINGS_BY_ROOT_FIELD.get(info.field_name, PAGE_ORDERINGS)
    return PAGE_ORDERINGS


def check_order(value: str | None, allowed: frozenset[str]) -> list[str]:
    """Split a comma-separated ordering and refuse any term not in ``allowed``."""
    if not value:
        return []
    terms = [term.strip() for term in value.split(",") if term.strip()]
    refused = [term for term in terms if term not in allowed]
    if refused:
        raise GraphQLError(
            f"Cannot order by {', '.join(refused)}. Allowed: {', '.join(sorted(allowed))}.",
            extensions={"code": "BAD_USER_INPUT", "limit": "ORDER_ALLOWLIST"},
        )
    return terms


def check_search_query(value: str) -> str:
    value = (value or "").strip()
    if not value:
        raise GraphQLError("The search query must not be empty.", extensions={"code": "BAD_USER_INPUT"})
    maximum = settings.GRAPHQL_MAX_SEARCH_LENGTH
    if len(value) > maximum:
        raise limit_error(
            f"The search query is {len(value)} characters; the maximum is {maximum}.", "MAX_SEARCH_LENGTH"
        )
    return value


class LimitsMiddleware:
    """Applies the limits to every field's arguments, grapple's (``children``, ``images``…) and ours."""

    def resolve(self, next, root, info, **kwargs):
        if "limit" in kwargs:
            check_page_size(kwargs["limit"], "limit")
        if "per_page" in kwargs:
            check_page_size(kwargs["per_page"], "perPage")
        if isinstance(kwargs.get("order"), str):
            # Passed on normalised: grapple and our listings split on commas, and an empty term ("",
            # "title,") would reach ``order_by`` as a field named "".
            kwargs["order"] = ",".join(check_order(kwargs["order"], allowed_orderings(info))) or None
        if kwargs.get("search_query"):
            check_search_query(kwargs["search_query"])
        return next(root, info, **kwargs)
