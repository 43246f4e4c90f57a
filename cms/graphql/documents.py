"""Parsed and validated GraphQL documents, reused instead of parsed and validated on every request.

Frontends send the same few documents over and over; parsing and validating one costs more than
answering it from the response cache. ``checked_document`` keeps the outcome (the document, or the
errors that refuse it) in a bounded in-process LRU, keyed by the document's SHA-256 and the limits in
force: the validation rules depend on settings (``validation.current_limits``), so a changed limit
checks the document again. The schema is fixed for the life of the process, so it needs no key.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from graphene_django.settings import graphene_settings
from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate

from .preview import asks_for_preview_token
from .validation import QueryLimits, is_token_limit_error, token_limit_error, validation_rules


def document_hash(query: str) -> str:
    """The SHA-256 of the document text, hex: the APQ hash and the documents' cache key."""
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CheckedDocument:
    """What parsing and validating one document gave: either ``document`` or the ``errors`` refusing it."""

    document: DocumentNode | None
    errors: tuple[GraphQLError, ...]
    asks_for_preview_token: bool

    @property
    def valid(self) -> bool:
        return not self.errors


class LRU:
    """A small thread-safe least-recently-used map (a WSGI process may serve requests from several threads)."""

    def __init__(self):
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key, value, maxsize: int) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > maxsize:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_checked = LRU()


def checked_document(schema: GraphQLSchema, query: str, limits: QueryLimits) -> CheckedDocument:
    """``query`` parsed (within the token limit) and validated with our rules, from the LRU when seen before.

    The caller has already checked the document's size, so an entry holds at most GRAPHQL_MAX_QUERY_BYTES.
    """
    key = (document_hash(query), limits)
    checked = _checked.get(key)
    if checked is None:
        checked = _check(schema, query, limits)
        _checked.put(key, checked, settings.GRAPHQL_DOCUMENT_CACHE_SIZE)
    return checked


def _check(schema: GraphQLSchema, query: str, limits: QueryLimits) -> CheckedDocument:
    try:
        # graphql-core stops lexing past the limit, so a huge document costs little to refuse.
        document = parse(query, max_tokens=limits.max_tokens)
    except GraphQLError as error:
        refusal = token_limit_error(limits) if is_token_limit_error(error, limits) else error
        return CheckedDocument(None, (refusal,), asks_for_preview_token=False)
    errors = validate(schema, document, validation_rules(limits), graphene_settings.MAX_VALIDATION_ERRORS)
    return CheckedDocument(document, tuple(errors), asks_for_preview_token=asks_for_preview_token(query))
