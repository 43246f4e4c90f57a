"""What a proposal must satisfy before it reaches the queue: a per-IP rate limit and content rules.

The honeypot (a field people never see, so only robots fill it) is handled by the mutation: such a
submission is answered like any other and stored nowhere, so a robot learns nothing.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache

RATE_WINDOW_SECONDS = 3600
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def client_address(request) -> str:
    """The visitor's IP address: REMOTE_ADDR, or, behind proxies listed in TRUSTED_PROXIES (a frontend's
    server, a load balancer), the nearest address in X-Forwarded-For that is not one of them.

    Addresses a client wrote further left in X-Forwarded-For are never believed, so it cannot pick its own.
    """
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    trusted = set(settings.TRUSTED_PROXIES)
    while address in trusted and forwarded:
        address = forwarded.pop()
    return address


def over_rate_limit(address: str) -> bool:
    """Count one proposal from ``address``; True once it has sent more than allowed this hour.

    The cache key holds a hash, not the address, so the cache keeps no personal data in clear.
    """
    key = "register-corrections:" + hashlib.sha256(address.encode()).hexdigest()
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr: this is the first of a new hour
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS)
        count = 1
    return count > settings.REGISTER_CORRECTIONS_PER_HOUR


def content_problems(proposal: str, source: str) -> dict[str, str]:
    """Spam rules on the text, by input field name: too short to be useful, or mostly links."""
    problems = {}
    if len(proposal.strip()) < settings.REGISTER_CORRECTION_MIN_LENGTH:
        problems["proposal"] = (
            f"Describe the correction in at least {settings.REGISTER_CORRECTION_MIN_LENGTH} characters."
        )
    links = len(_LINK.findall(proposal)) + len(_LINK.findall(source))
    if links > settings.REGISTER_CORRECTION_MAX_LINKS:
        problems["source"] = f"Use at most {settings.REGISTER_CORRECTION_MAX_LINKS} links in the proposal and source."
    if not source.strip():
        problems["source"] = "Say where your information comes from (a document, an archive, a family record)."
    return problems
