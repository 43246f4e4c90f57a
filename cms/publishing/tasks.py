"""The background side: hand deliveries to the "publishing" task backend, and schedule their retries there.

In production and development that backend is django-tasks-db: tasks wait in the database until
``manage.py db_worker --backend publishing`` runs them, and a failed delivery is retried by a task deferred
to its next attempt. In tests it is the immediate backend, which runs the task inside ``on_commit`` and
cannot defer: there, and whenever a task is lost (a worker killed mid-task), the ``send_notifications``
sweep sends whatever is due.
"""

import logging
from datetime import datetime
from itertools import groupby

from django_tasks import task

from cms.models import WebhookDelivery

from . import delivery

logger = logging.getLogger(__name__)

TASK_BACKEND = "publishing"


@task(backend=TASK_BACKEND)
def send_deliveries(delivery_ids: list[int]) -> None:
    """Attempt the given deliveries that are still due (a retry may already have been sent by the sweep)."""
    deliver(list(WebhookDelivery.objects.filter(pk__in=delivery_ids).order_by("pk")))


def dispatch(payload: dict) -> list[WebhookDelivery]:
    """Record one delivery per frontend URL and queue their first attempt. Called after the commit."""
    deliveries = delivery.record(payload)
    pending = [d.pk for d in deliveries if d.status == WebhookDelivery.Status.PENDING]
    if pending:
        enqueue(pending)
    return deliveries


def deliver(deliveries: list[WebhookDelivery], *, force: bool = False) -> list[WebhookDelivery]:
    """Attempt ``deliveries`` now, then queue the retries of those that failed and have attempts left."""
    attempted = delivery.send(deliveries, force=force)
    retries = sorted((d for d in attempted if d.status == WebhookDelivery.Status.PENDING), key=_next_attempt)
    for when, group in groupby(retries, key=_next_attempt):
        enqueue([d.pk for d in group], run_after=when)
    return attempted


def enqueue(delivery_ids: list[int], *, run_after: datetime | None = None) -> bool:
    """Queue a send; False if the backend refused (the deliveries stay pending, and the sweep sends them)."""
    try:
        queued = send_deliveries
        if run_after is not None:
            if not queued.get_backend().supports_defer:
                return False  # the immediate backend: retries are left to the sweep
            queued = queued.using(run_after=run_after)
        queued.enqueue(delivery_ids)
    except Exception:
        logger.exception("Could not queue webhook deliveries %s; the send_notifications sweep will.", delivery_ids)
        return False
    return True


def _next_attempt(d: WebhookDelivery) -> datetime:
    return d.next_attempt_at
