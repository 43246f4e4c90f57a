"""Keeping an uploaded file between the dry run and the import, so nobody uploads it twice.

The file goes into the cache (shared by every worker) under a random key; the form carries that key
signed with the register and the user, so it cannot be forged or used by somebody else.
"""

import secrets

from django.core import signing
from django.core.cache import cache

STASH_SECONDS = 3600
_SALT = "register.importing.stash"


class StashExpired(LookupError):
    """The token is forged, belongs to another user, or its file has left the cache."""


def stash(data: bytes, register: str, user_id: int) -> str:
    """Keep ``data`` for an hour; return a signed token naming it, its register and its user."""
    key = f"register-import:{secrets.token_urlsafe(24)}"
    cache.set(key, data, timeout=STASH_SECONDS)
    return signing.dumps({"key": key, "register": register, "user": user_id}, salt=_SALT)


def unstash(token: str, user_id: int) -> tuple[bytes, str]:
    """The file and register a token names; raises ``StashExpired``."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=STASH_SECONDS)
    except signing.BadSignature:
        raise StashExpired from None
    data = cache.get(payload["key"]) if payload.get("user") == user_id else None
    if data is None:
        raise StashExpired
    return data, payload["register"]


def discard(token: str) -> None:
    """Forget the file of a token that ``unstash`` accepted (once it is imported)."""
    cache.delete(signing.loads(token, salt=_SALT)["key"])
