"""Webhook signatures: HMAC-SHA256 over ``"{timestamp}.{raw body}"`` with the shared secret.

The timestamp is signed with the body so that a receiver can refuse a captured request replayed later:
it checks the signature, then that the timestamp is within a few minutes of its own clock.
"""

import hashlib
import hmac
import time

SIGNATURE_PREFIX = "sha256="
DEFAULT_TOLERANCE_SECONDS = 300


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The ``X-CMS-Signature`` header value for ``body`` sent at ``timestamp`` (Unix seconds, as text)."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return SIGNATURE_PREFIX + digest


def verify(
    secret: str, timestamp: str, body: bytes, signature: str, *, tolerance: int = DEFAULT_TOLERANCE_SECONDS
) -> bool:
    """What a receiver does: a fresh timestamp and a signature that matches, compared in constant time."""
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(signature, sign(secret, timestamp, body))
