"""Delivery: signed requests, answers that count as success or failure, retries with backoff, and a frontend
that is down, which must never stop an editor from publishing."""

import hashlib
import hmac
import socket
import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from cms.models import WebhookDelivery
from cms.publishing import signing, tasks
from cms.publishing.delivery import retry_delay
from cms.publishing.worker import Command as SendNotifications

from .conftest import SECRET, Receiver

pytestmark = pytest.mark.django_db

START = datetime(2026, 5, 8, 9, 0, tzinfo=UTC)


def verify_like_a_frontend(raw_body: bytes, headers, secret: str, tolerance: int = 300) -> bool:
    """The Python snippet of the frontend documentation, verbatim."""
    timestamp = headers.get("X-CMS-Timestamp", "")
    signature = headers.get("X-CMS-Signature", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > tolerance:
        return False  # missing, or too old (a replay), or too far ahead
    message = timestamp.encode() + b"." + raw_body
    expected = "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(signature, expected)


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_the_signature_verifies_with_the_secret_only(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    publish(memorial, django_capture_on_commit_callbacks)

    [request] = receiver.requests
    delivery = WebhookDelivery.objects.get()
    assert request.headers["content-type"] == "application/json"
    assert request.headers["x-cms-event"] == "page.published"
    assert request.headers["x-cms-delivery"] == str(delivery.delivery_id)
    assert request.headers["x-cms-attempt"] == "1"
    assert request.headers["x-cms-signature"].startswith("sha256=")
    assert verify_like_a_frontend(request.body, request.headers, SECRET)
    assert signing.verify(SECRET, request.headers["x-cms-timestamp"], request.body, request.headers["x-cms-signature"])

    assert not verify_like_a_frontend(request.body, request.headers, "not-the-secret")
    assert not verify_like_a_frontend(request.body.replace(b"page.published", b"page.deleted"), request.headers, SECRET)
    with time_machine.travel(time.time() + 301):
        assert not verify_like_a_frontend(request.body, request.headers, SECRET)  # a replay, minutes later


def test_the_secret_is_never_sent_or_stored(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    publish(memorial, django_capture_on_commit_callbacks)

    [request] = receiver.requests
    assert SECRET not in str(request.headers) and SECRET.encode() not in request.body
    delivery = WebhookDelivery.objects.values().get()
    assert SECRET not in str(delivery)


@pytest.mark.parametrize("status", [200, 202, 204])
def test_any_2xx_is_success(webhooks, receiver, memorial, status, django_capture_on_commit_callbacks):
    receiver.status = status
    publish(memorial, django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code, delivery.last_error, delivery.next_attempt_at) == (
        "succeeded",
        status,
        "",
        None,
    )


def test_a_500_is_a_failure_to_retry(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    receiver.status = 500
    with time_machine.travel(START, tick=False):
        publish(memorial, django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    assert delivery.last_error == "HTTP 500: frontend exploded"
    assert delivery.next_attempt_at == START + timedelta(seconds=30)


def test_a_redirect_is_not_a_delivery(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    receiver.status = 302
    publish(memorial, django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code) == ("pending", 302)


def test_each_frontend_gets_its_own_delivery(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    second = Receiver()
    try:
        webhooks.FRONTEND_WEBHOOK_URLS = [receiver.url, second.url]
        second.status = 503
        publish(memorial, django_capture_on_commit_callbacks)
    finally:
        second.close()

    statuses = dict(WebhookDelivery.objects.values_list("url", "status"))
    assert statuses == {receiver.url: "succeeded", second.url: "pending"}
    assert receiver.requests[0].body == second.requests[0].body


def test_backoff_schedule():
    assert [retry_delay(n).total_seconds() for n in range(1, 8)] == [30, 120, 480, 1920, 3600, 3600, 3600]


def test_a_frontend_that_is_down_never_stops_publishing(
    webhooks, down_url, memorial, free_port, django_capture_on_commit_callbacks
):
    webhooks.FRONTEND_WEBHOOK_URLS = [down_url]
    webhooks.FRONTEND_WEBHOOK_MAX_ATTEMPTS = 4
    memorial.title = "Memorial to the Soviet partisans"

    with time_machine.travel(START, tick=False) as clock:
        publish(memorial, django_capture_on_commit_callbacks)

        memorial.refresh_from_db()
        assert memorial.live and memorial.title == "Memorial to the Soviet partisans"
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, None)
        assert "ConnectionError" in delivery.last_error
        assert delivery.next_attempt_at == START + timedelta(seconds=30)

        # Not yet due: the sweep leaves it alone.
        clock.shift(timedelta(seconds=29))
        call_command(SendNotifications())
        delivery.refresh_from_db()
        assert delivery.attempts == 1

        # Each retry waits four times longer: 30 s, 2 min, 8 min; the fourth attempt is the last.
        for attempts, wait in [(2, 120), (3, 480)]:
            clock.move_to(delivery.next_attempt_at)
            call_command(SendNotifications())
            delivery.refresh_from_db()
            assert (delivery.status, delivery.attempts) == ("pending", attempts)
            assert delivery.next_attempt_at == delivery.last_attempt_at + timedelta(seconds=wait)

        clock.move_to(delivery.next_attempt_at)
        call_command(SendNotifications())
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 4, None)
        assert "ConnectionError" in delivery.last_error

        # Failed for good: the sweep no longer tries.
        clock.shift(timedelta(days=1))
        call_command(SendNotifications())
        delivery.refresh_from_db()
        assert delivery.attempts == 4

    # The frontend comes back on the same address; an editor's "Retry now" (tested in the admin) or a
    # forced send delivers the very same notification, with the same delivery id.
    back = Receiver(port=free_port)
    try:
        tasks.deliver([delivery], force=True)
    finally:
        back.close()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 5, 200)
    [request] = back.requests
    assert request.headers["x-cms-delivery"] == str(delivery.delivery_id)
    assert request.headers["x-cms-attempt"] == "5"
    assert verify_like_a_frontend(request.body, request.headers, SECRET)


def test_a_slow_frontend_costs_at_most_the_timeout(webhooks, memorial, django_capture_on_commit_callbacks):
    """Two frontends that accept the connection and never answer: the editor waits one timeout, not two."""
    listeners = []
    for _ in range(2):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        listeners.append(sock)
    try:
        webhooks.FRONTEND_WEBHOOK_URLS = [f"http://127.0.0.1:{s.getsockname()[1]}/hook" for s in listeners]
        webhooks.FRONTEND_WEBHOOK_TIMEOUT = 2
        started = time.monotonic()
        publish(memorial, django_capture_on_commit_callbacks)
        elapsed = time.monotonic() - started
    finally:
        for sock in listeners:
            sock.close()

    assert elapsed < 3.5, elapsed  # one after the other, they would take 4 s
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"pending"}
    assert all("(2 s)" in e or "timed out" in e for e in WebhookDelivery.objects.values_list("last_error", flat=True))


def test_without_a_secret_nothing_unsigned_is_sent(webhooks, receiver, memorial, django_capture_on_commit_callbacks):
    # base.py refuses to start like this (tested in test_settings_policy); overridden settings still never send.
    webhooks.FRONTEND_WEBHOOK_SECRET = ""
    publish(memorial, django_capture_on_commit_callbacks)

    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 0)
    assert "FRONTEND_WEBHOOK_SECRET" in delivery.last_error
