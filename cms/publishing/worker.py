"""The ``send_notifications`` management command: the sweep that sends every pending notification that is due.

The db_worker runs first attempts and the retries it was given; this catches up with anything else: retries
under a backend that cannot defer tasks (the immediate one), and deliveries whose task was lost (a worker
killed mid-send). Run it from cron every few minutes, or as a process of its own with ``--loop``.

It is exposed as ``manage.py send_notifications`` by cms/management/commands/send_notifications.py, which only
imports this ``Command`` (cms/publishing is a package of the cms app, not an app with commands of its own).
"""

import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from cms.models import WebhookDelivery

from . import delivery, tasks

BATCH = 100


def sweep() -> list[WebhookDelivery]:
    """Attempt every due delivery once; return those attempted."""
    attempted = []
    while batch := delivery.due(BATCH):
        sent = tasks.deliver(batch)
        attempted += sent
        if len(batch) < BATCH or not sent:
            break  # nothing left, or the rest is being sent by someone else
    return attempted


def prune(days: int) -> int:
    """Delete delivered notifications older than ``days`` days; failures stay until someone looks."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.SUCCEEDED, created_at__lt=cutoff).delete()
    return deleted


class Command(BaseCommand):
    help = "Send the frontend notifications that are due: retries, and any whose task was lost."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, checking every --interval seconds.")
        parser.add_argument("--interval", type=float, default=15.0, help="Seconds between checks with --loop.")
        parser.add_argument(
            "--prune-days", type=int, default=None, help="Also delete delivered notifications older than this."
        )

    def handle(self, *args, loop=False, interval=15.0, prune_days=None, **options):
        if prune_days is not None:
            self.stdout.write(f"Deleted {prune(prune_days)} delivered notifications older than {prune_days} days.")
        try:
            while True:
                attempted = sweep()
                if attempted or options["verbosity"] > 1:
                    succeeded = sum(d.status == WebhookDelivery.Status.SUCCEEDED for d in attempted)
                    self.stdout.write(f"Attempted {len(attempted)} notifications, {succeeded} delivered.")
                if not loop:
                    return
                time.sleep(interval)
                close_old_connections()  # a long-running process must not keep a dead connection
        except KeyboardInterrupt:
            return
