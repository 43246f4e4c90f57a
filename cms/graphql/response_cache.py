"""Server-side cache of anonymous GraphQL responses, and the HTTP caching headers sent with them.

A response is stored in Django's cache (local memory by default, Redis when REDIS_URL is set, so every
process shares it) under a key made of:

- the document's SHA-256, the operation name and the variables (locale and ``site`` arguments are there);
- the request's host and port, which decide the site when no ``site`` argument is given;
- the document limits in force and a fingerprint of the schema, so a new deployment never answers from
  the responses of the previous one.

Beside the body, the stored value holds the content version it was computed under: one number in the shared
cache, bumped by cms/publishing on every change to what the API serves (``invalidate``). A lookup reads the
current version and the stored value together (one round trip to Redis, ``lookup``) and answers from the cache
only when the two versions are equal, so the first request after a publish is answered afresh, in every process.

The active language is not in the key: the view answers every request in the default language, whatever
its Accept-Language, and the content language is always an explicit ``locale`` argument.

Only complete answers are stored (HTTP 200, no ``errors``), only for anonymous requests that present no
preview token. Responses stored here carry a strong ``ETag``; a GET whose ``If-None-Match`` matches gets
304. Anonymous GETs are CDN-cacheable (``public, max-age, s-maxage, stale-while-revalidate``); POSTs,
errors and anything personal are not.
"""

import hashlib
import json
import time
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache
from django.utils.cache import patch_cache_control
from graphql import print_schema

from .validation import QueryLimits

VERSION_KEY = "graphql:content-version"
RESPONSE_PREFIX = "graphql:response"


# --- The content version --------------------------------------------------------------------------


def fresh_version() -> int:
    """A new content version, for when the shared cache has none (evicted, or a new cache).

    It is the current time in nanoseconds, never a small number: after an eviction it must not equal a
    version some stored responses were computed under. Another process may have added one first: that one wins.
    """
    django_cache.add(VERSION_KEY, time.time_ns(), timeout=None)
    return django_cache.get(VERSION_KEY)


def invalidate() -> None:
    """Make every stored response stale, in every process: called by cms/publishing on every change."""
    try:
        django_cache.incr(VERSION_KEY)
    except ValueError:  # missing: any new version makes every stored response stale
        django_cache.set(VERSION_KEY, time.time_ns(), timeout=None)


# --- Keys -----------------------------------------------------------------------------------------


@cache
def schema_fingerprint(schema) -> str:
    return hashlib.sha256(print_schema(schema).encode()).hexdigest()[:16]


def response_key(request, *, schema, query_hash: str, operation_name, variables, limits: QueryLimits) -> str:
    """The cache key of one request's response (see the module docstring for what it covers)."""
    parts = {
        "schema": schema_fingerprint(schema),
        "query": query_hash,
        "operation": operation_name or "",
        "variables": variables or {},
        # Host and port, as Site.find_for_request reads them; no database query needed.
        "host": request.get_host().lower(),
        "port": request.get_port(),
        "limits": vars(limits),  # flat: no need for asdict's deep copy
        "pretty": bool(request.GET.get("pretty")),  # graphene-django formats the JSON differently
    }
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
    return f"{RESPONSE_PREFIX}:{digest}"


# --- Who may be answered from the cache -----------------------------------------------------------


def is_anonymous(request) -> bool:
    """True unless a user is logged in. Without a session cookie the session is not even read, so the
    response does not get ``Vary: Cookie`` (which would stop a CDN from caching it)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    return not request.user.is_authenticated


def enabled() -> bool:
    return settings.GRAPHQL_RESPONSE_CACHE


# --- Stored responses -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CachedResponse:
    body: str
    etag: str


def etag_for(body: str | bytes) -> str:
    """A strong validator: the same bytes, the same tag."""
    data = body.encode() if isinstance(body, str) else body
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


@dataclass(frozen=True)
class Lookup:
    """What one read of the cache found: the content version now, and the answer stored under it if any."""

    version: int
    hit: CachedResponse | None


def lookup(key: str) -> Lookup:
    """The current content version and the response stored under ``key``, in one round trip to the cache.

    A response stored under another version (before a change, or before the version was evicted) is a miss.
    """
    found = django_cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return Lookup(fresh_version(), None)
    stored = found.get(key)
    if stored and stored[0] == version:
        return Lookup(version, CachedResponse(*stored[1:]))
    return Lookup(version, None)


def store(key: str, body: str, version: int) -> CachedResponse:
    """Keep ``body`` under ``key``, marked with the version read before it was computed.

    If the content changed meanwhile, the mark is already old, so the next lookup computes the answer again.
    """
    cached = CachedResponse(body, etag_for(body))
    django_cache.set(key, (version, cached.body, cached.etag), timeout=settings.GRAPHQL_RESPONSE_CACHE_TIMEOUT)
    return cached


# --- HTTP headers ---------------------------------------------------------------------------------


def matches_if_none_match(request, etag: str) -> bool:
    """Whether the client's ``If-None-Match`` lists ``etag`` (or ``*``); weak forms compare equal, as for GET."""
    header = request.headers.get("If-None-Match", "")
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in candidates or "*" in candidates


def set_public(response) -> None:
    """Headers for a shared answer to an anonymous GET: browsers and CDNs may keep it for a short while."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.GRAPHQL_CACHE_MAX_AGE,
        s_maxage=settings.GRAPHQL_CACHE_S_MAXAGE,
        stale_while_revalidate=settings.GRAPHQL_CACHE_STALE_WHILE_REVALIDATE,
    )


def set_private(response) -> None:
    """Headers for everything else (POST, errors, logged-in users): no shared cache may keep it."""
    response["Cache-Control"] = "private, no-cache"
