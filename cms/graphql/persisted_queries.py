"""Automatic persisted queries, as Apollo clients speak them: short GET requests that a CDN can cache.

A client sends ``extensions: {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}`` (in a POST body,
or as a JSON ``extensions`` parameter of a GET) without the document. If the hash is known, the stored
document runs. If not, the answer is the GraphQL error Apollo clients wait for
(``message: "PersistedQueryNotFound"``, ``extensions.code: "PERSISTED_QUERY_NOT_FOUND"``, HTTP 200, as
Apollo Server answers it); the client then sends the document with its hash, which registers it once it
has passed the size limit, parsing and validation.

Documents are stored in Django's cache, shared by every process, for GRAPHQL_PERSISTED_QUERY_TIMEOUT
seconds; none is larger than GRAPHQL_MAX_QUERY_BYTES, since a larger one is refused before registering.
A hash that does not match the document sent with it, or an unknown protocol version, gets HTTP 400.
"""

import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from graphql import GraphQLError

from .documents import document_hash

SUPPORTED_VERSION = 1
KEY_PREFIX = "graphql:persisted"
_SHA256 = re.compile(r"[0-9a-f]{64}")

NOT_FOUND = GraphQLError("PersistedQueryNotFound", extensions={"code": "PERSISTED_QUERY_NOT_FOUND"})


class PersistedQueryRefused(Exception):
    """A malformed persisted-query request (answered with HTTP 400)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PersistedQuery:
    sha256_hash: str


def requested(request, data) -> PersistedQuery | None:
    """The persisted query a request names, if any; ``PersistedQueryRefused`` if it names one badly."""
    extensions = request.GET.get("extensions") or data.get("extensions")
    if extensions in (None, ""):
        return None
    if isinstance(extensions, str):
        try:
            extensions = json.loads(extensions)
        except ValueError as error:
            raise PersistedQueryRefused("`extensions` is not valid JSON.") from error
    if not isinstance(extensions, dict):
        raise PersistedQueryRefused("`extensions` must be a JSON object.")
    persisted = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict):
        raise PersistedQueryRefused("`extensions.persistedQuery` must be a JSON object.")
    if persisted.get("version") != SUPPORTED_VERSION:
        raise PersistedQueryRefused(f"Unsupported persisted query version: only version {SUPPORTED_VERSION} exists.")
    sha256_hash = persisted.get("sha256Hash")
    if not isinstance(sha256_hash, str) or not _SHA256.fullmatch(sha256_hash.lower()):
        raise PersistedQueryRefused("`extensions.persistedQuery.sha256Hash` must be 64 hexadecimal characters.")
    return PersistedQuery(sha256_hash.lower())


def check_hash(persisted: PersistedQuery, query: str) -> None:
    """A document sent with a hash must be the document the hash names."""
    if document_hash(query) != persisted.sha256_hash:
        raise PersistedQueryRefused("The provided sha256Hash does not match the query.")


def stored_document(persisted: PersistedQuery) -> str | None:
    return cache.get(f"{KEY_PREFIX}:{persisted.sha256_hash}")


def register(persisted: PersistedQuery, query: str) -> None:
    """Keep a checked, valid document under its hash (already verified by ``check_hash``)."""
    if len(query.encode("utf-8")) <= settings.GRAPHQL_MAX_QUERY_BYTES:
        cache.set(f"{KEY_PREFIX}:{persisted.sha256_hash}", query, timeout=settings.GRAPHQL_PERSISTED_QUERY_TIMEOUT)
