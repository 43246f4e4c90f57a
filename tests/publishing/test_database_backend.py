"""The production set-up, end to end: publishing only queues a task in the database; ``db_worker`` sends it,
and a failure queues a retry deferred to its next attempt. Real commits (``transactional_db``), so the
``on_commit`` hooks run as they do in production, and the worker sees what the editor committed."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from cms.models import WebhookDelivery

from .conftest import Receiver

START = datetime(2026, 5, 8, 9, 0, tzinfo=UTC)
IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture
def database_backend(webhooks):
    webhooks.TASKS = {"default": IMMEDIATE, "publishing": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    # Options as on the command line: passed as keywords, --backend would be checked against "default" first.
    call_command("db_worker", "--backend", "publishing", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_publishing_queues_and_the_worker_sends_and_retries(memorial, database_backend, webhooks, down_url, free_port):
    # The content was built (and committed) before notifications were switched on.
    assert not WebhookDelivery.objects.exists()
    webhooks.FRONTEND_WEBHOOK_URLS = [down_url]
    with time_machine.travel(START, tick=False) as clock:
        memorial.save_revision().publish()  # commits: on_commit runs

        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts) == ("pending", 0)  # queued, nothing sent in the request
        [queued] = DBTaskResult.objects.all()
        assert queued.backend_name == "publishing" and queued.args_kwargs["args"] == [[delivery.pk]]

        run_worker()
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == ("pending", 1)
        assert delivery.next_attempt_at == START + timedelta(seconds=30)
        retry = DBTaskResult.objects.exclude(pk=queued.pk).get()
        assert retry.run_after == delivery.next_attempt_at  # the retry waits in the queue

        run_worker()  # not due yet: the worker leaves it
        assert WebhookDelivery.objects.get().attempts == 1

        back = Receiver(port=free_port)
        try:
            clock.move_to(delivery.next_attempt_at)
            run_worker()
        finally:
            back.close()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 2, 200)
    assert [request.payload["event"] for request in back.requests] == ["page.published"]
