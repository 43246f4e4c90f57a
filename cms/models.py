"""The CMS wiring's own data: the record of every notification sent to the frontends."""

import uuid

from django.db import models


class WebhookDelivery(models.Model):
    """One notification to one frontend URL, with its retry state.

    It is the queue (the sender picks up pending rows that are due) and the log (editors see failures in
    the admin). One row per configured URL, so a frontend that is down does not hold up the others.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SUCCEEDED = "succeeded", "Delivered"
        FAILED = "failed", "Failed"

    delivery_id = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, help_text="Sent as X-CMS-Delivery; the same on every retry."
    )
    event = models.CharField(max_length=64, help_text="e.g. page.published or settings.changed.")
    url = models.URLField(max_length=500, help_text="The frontend endpoint this notification goes to.")
    payload = models.JSONField(help_text="The JSON body, as signed and sent.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, help_text="When a pending delivery is tried again.")
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "frontend notification"
        indexes = [
            # The sender's question, asked every few seconds: which pending deliveries are due?
            models.Index(fields=["status", "next_attempt_at"], name="cms_delivery_due_idx"),
            models.Index(fields=["-created_at"], name="cms_delivery_created_idx"),
        ]

    def __str__(self):
        return f"{self.event} → {self.url}"

    @property
    def paths(self) -> list[str]:
        return list(self.payload.get("paths", []))
