"""Per-process copies of what every request reads and only an admin edit changes: sites, locales, language roots.

Every change to those rows bumps the shared content version (cms/publishing/invalidation.py: sites, locales
and pages are served models), so a process keeps what it read for one content version and reads it again
once the version has moved: one cache read per request (none when the response cache has already read the
version) instead of a database query per lookup, and never an answer from before a change.
"""

import threading
from collections.abc import Callable, Hashable

from django.core.cache import cache

from .response_cache import VERSION_KEY, fresh_version

_VERSION_ATTR = "_cms_content_version"


def use_version(request, version: int) -> None:
    """The content version this request was looked up under (read once by the response cache)."""
    setattr(request, _VERSION_ATTR, version)


def request_version(request) -> int:
    """The content version for this request: read once, then the same for the whole request."""
    version = getattr(request, _VERSION_ATTR, None)
    if version is None:
        version = cache.get(VERSION_KEY)
        use_version(request, fresh_version() if version is None else version)
    return getattr(request, _VERSION_ATTR)


class _PerVersion:
    """Values computed once per content version in this process (a WSGI process may run several threads)."""

    def __init__(self):
        self._version: int | None = None
        self._values: dict = {}
        self._lock = threading.Lock()

    def get(self, version: int, key: Hashable, compute: Callable):
        with self._lock:
            if self._version != version:
                self._version, self._values = version, {}
            if key in self._values:
                return self._values[key]
        value = compute()
        with self._lock:
            if self._version == version:
                self._values[key] = value
        return value


_values = _PerVersion()


def settled(request, key: Hashable, compute: Callable):
    """``compute()``, or what it gave earlier in this process under the same content version.

    ``compute`` may only read rows whose every change bumps the content version; what it returns is shared
    between requests, so callers must not change it.
    """
    return _values.get(request_version(request), key, compute)
