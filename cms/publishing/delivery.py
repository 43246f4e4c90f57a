"""Sending notifications: one signed JSON POST per delivery, every outcome recorded, failures retried later.

Nothing here raises to its caller because a frontend is down or slow: each attempt ends as a recorded
status code or error. A 2xx answer is success; anything else (another status, a redirect, a refused
connection, a timeout) is a failure, retried after 30 s, 2 min, 8 min, 32 min, then hourly, until
FRONTEND_WEBHOOK_MAX_ATTEMPTS attempts have been made and the delivery is marked failed.
"""

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.models import WebhookDelivery

from .signing import sign

logger = logging.getLogger(__name__)

Status = WebhookDelivery.Status

FIRST_RETRY = timedelta(seconds=30)
BACKOFF_FACTOR = 4
MAX_RETRY_DELAY = timedelta(hours=1)
# Frontends are few; more than this many due deliveries are sent in successive groups.
PARALLEL_POSTS = 8
USER_AGENT = "remembrance-cms-webhooks/1"
MAX_ERROR_LENGTH = 2000
RESPONSE_EXCERPT_BYTES = 500


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt: 30 s, 2 min, 8 min, 32 min, then 1 h."""
    return min(FIRST_RETRY * BACKOFF_FACTOR ** (attempts - 1), MAX_RETRY_DELAY)


def record(payload: dict) -> list[WebhookDelivery]:
    """One pending delivery per configured URL, due now; none at all when no URL is configured."""
    urls = settings.FRONTEND_WEBHOOK_URLS
    if not urls:
        return []
    now = timezone.now()
    fields = {"event": payload["event"], "payload": payload}
    if settings.FRONTEND_WEBHOOK_SECRET:
        fields.update(status=Status.PENDING, next_attempt_at=now)
    else:
        # base.py refuses to start like this; only overridden settings get here. Never send unsigned.
        fields.update(status=Status.FAILED, last_error="Not sent: FRONTEND_WEBHOOK_SECRET is empty.")
    with transaction.atomic():
        return [WebhookDelivery.objects.create(url=url, **fields) for url in urls]


def due(limit: int = 100) -> list[WebhookDelivery]:
    """Pending deliveries whose next attempt is due, oldest first."""
    rows = WebhookDelivery.objects.filter(status=Status.PENDING, next_attempt_at__lte=timezone.now())
    return list(rows.order_by("next_attempt_at", "pk")[:limit])


def send(deliveries: list[WebhookDelivery], *, force: bool = False) -> list[WebhookDelivery]:
    """Attempt each delivery once (if still due, or whatever its state with ``force``); return those attempted.

    The POSTs of a group run in parallel and the group waits at most FRONTEND_WEBHOOK_TIMEOUT, so a slow
    frontend holds up neither the others nor, when tasks run immediately, the editor who published.
    """
    attempted = []
    for start in range(0, len(deliveries), PARALLEL_POSTS):
        now = timezone.now()
        claimed = [d for d in deliveries[start : start + PARALLEL_POSTS] if _claim(d, now, force=force)]
        if not claimed:
            continue
        for delivery, outcome in zip(claimed, _post_all(claimed), strict=True):
            _record_outcome(delivery, outcome)
        attempted += claimed
    return attempted


def _claim(delivery: WebhookDelivery, now, *, force: bool) -> bool:
    """Take ``delivery`` for one attempt, so that two senders (a worker and the sweep) never both send it.

    A conditional UPDATE, which works on every database: only one caller sees its row change. It also
    moves the next attempt past the longest an attempt can take, so that a sender that dies mid-attempt
    leaves the delivery due again later instead of stuck.
    """
    rows = WebhookDelivery.objects.filter(pk=delivery.pk, attempts=delivery.attempts)
    if force:
        rows = rows.exclude(status=Status.SUCCEEDED)
    else:
        rows = rows.filter(status=Status.PENDING, next_attempt_at__lte=now)
    lease_until = now + timedelta(seconds=2 * settings.FRONTEND_WEBHOOK_TIMEOUT + 60)
    return rows.update(next_attempt_at=lease_until, updated_at=now) == 1


@dataclass(frozen=True)
class Outcome:
    status_code: int | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _post_all(deliveries: list[WebhookDelivery]) -> list[Outcome]:
    """POST every delivery at once; one still unanswered after the timeout counts as failed.

    Threads do only HTTP: the database is read and written by the caller, in its own connection.
    """
    secret, timeout = settings.FRONTEND_WEBHOOK_SECRET, settings.FRONTEND_WEBHOOK_TIMEOUT
    executor = ThreadPoolExecutor(max_workers=len(deliveries), thread_name_prefix="webhook")
    futures = [executor.submit(_post, d.url, d.payload, str(d.delivery_id), d.attempts + 1, secret) for d in deliveries]
    done, _pending = wait(futures, timeout=timeout)
    # Don't wait for stragglers: requests' own timeout ends them; their outcome is recorded as a timeout.
    executor.shutdown(wait=False, cancel_futures=True)
    late = Outcome(error=f"No answer within FRONTEND_WEBHOOK_TIMEOUT ({timeout} s).")
    return [future.result() if future in done else late for future in futures]


def _post(url: str, payload: dict, delivery_id: str, attempt: int, secret: str) -> Outcome:
    """One signed POST. Catches everything: an exception here would leave the delivery unrecorded."""
    # ASCII JSON, so that a receiver reading the body as text gets back exactly the signed bytes.
    body = json.dumps(payload, separators=(",", ":")).encode("ascii")
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-CMS-Event": payload["event"],
        "X-CMS-Delivery": delivery_id,
        "X-CMS-Attempt": str(attempt),
        "X-CMS-Timestamp": timestamp,
        "X-CMS-Signature": sign(secret, timestamp, body),
    }
    timeout = settings.FRONTEND_WEBHOOK_TIMEOUT
    try:
        # No redirects: a POST silently turned into a GET elsewhere would count as delivered.
        with requests.post(
            url, data=body, headers=headers, timeout=timeout, allow_redirects=False, stream=True
        ) as response:
            if 200 <= response.status_code < 300:
                return Outcome(response.status_code)
            excerpt = response.raw.read(RESPONSE_EXCERPT_BYTES, decode_content=True).decode("utf-8", "replace")
            return Outcome(response.status_code, _clean(f"HTTP {response.status_code}: {excerpt}".strip(), secret))
    except Exception as exc:  # noqa: BLE001 - any failure is recorded, never raised
        return Outcome(error=_clean(f"{type(exc).__name__}: {exc}", secret))


def _clean(error: str, secret: str) -> str:
    """Errors are shown in the admin: keep them short, and never let the secret appear in one."""
    if secret:
        error = error.replace(secret, "[secret]")
    return error[:MAX_ERROR_LENGTH]


def _record_outcome(delivery: WebhookDelivery, outcome: Outcome) -> None:
    now = timezone.now()
    retried_after_failure = delivery.status == Status.FAILED  # "Retry now" on a failed one: a single extra try
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = outcome.status_code
    delivery.last_error = outcome.error
    if outcome.ok:
        delivery.status, delivery.next_attempt_at = Status.SUCCEEDED, None
        logger.info("Notified %s of %s (attempt %d).", delivery.url, delivery.event, delivery.attempts)
    elif retried_after_failure or delivery.attempts >= settings.FRONTEND_WEBHOOK_MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = Status.FAILED, None
        logger.error("Gave up notifying %s of %s: %s", delivery.url, delivery.event, outcome.error)
    else:
        delivery.status, delivery.next_attempt_at = Status.PENDING, now + retry_delay(delivery.attempts)
        logger.warning(
            "Notifying %s of %s failed (attempt %d), retrying at %s: %s",
            delivery.url,
            delivery.event,
            delivery.attempts,
            delivery.next_attempt_at.isoformat(),
            outcome.error,
        )
    delivery.save(
        update_fields=[
            "attempts",
            "last_attempt_at",
            "last_status_code",
            "last_error",
            "status",
            "next_attempt_at",
            "updated_at",
        ]
    )
