"""The admin side of notifications: a report of every delivery, "Retry now", and a dashboard warning.

Who may see and retry: anyone with admin access (Wagtail checks it for every admin URL). Editors need to
know when the site they published is not yet updated; a retry re-sends an already signed, already
recorded notification, so it changes nothing else.
"""

from datetime import timedelta

import django_filters
from django.contrib import messages
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView

from cms.models import WebhookDelivery

from . import tasks

Status = WebhookDelivery.Status
URL_NAMESPACE = "frontend_notifications"
RECENT_FAILURES = timedelta(days=7)


def _event_choices():
    events = WebhookDelivery.objects.order_by("event").values_list("event", flat=True).distinct()
    return [(event, event) for event in events]


class DeliveryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Status", choices=Status.choices, empty_label="Any status")
    event = django_filters.ChoiceFilter(label="Event", choices=_event_choices, empty_label="Any event")

    class Meta:
        model = WebhookDelivery
        fields = ["status", "event"]


class PathsColumn(Column):
    """One path per line: they are what the frontend refreshes."""

    def render_cell_html(self, instance, parent_context):
        return format_html("<td>{}</td>", format_html_join("", "<div>{}</div>", ((path,) for path in instance.paths)))


class RetryColumn(Column):
    """A POST form per undelivered row: retrying sends a request, so it is not a link."""

    def render_cell_html(self, instance, parent_context):
        if instance.status == Status.SUCCEEDED:
            return mark_safe("<td></td>")  # noqa: S308 - a constant
        request = parent_context["request"]
        return format_html(
            '<td><form method="post" action="{}">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="next" value="{}">'
            '<button type="submit" class="button button-small button-secondary">Retry now</button>'
            "</form></td>",
            reverse(f"{URL_NAMESPACE}:retry", args=[instance.pk]),
            get_token(request),
            request.get_full_path(),
        )


class DeliveryIndexView(IndexView):
    model = WebhookDelivery
    page_title = "Frontend notifications"
    header_icon = "mail"
    filterset_class = DeliveryFilterSet
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:results"
    paginate_by = 50
    default_ordering = "-created_at"
    # Model permissions don't apply: admin access is enough (see the module docstring).
    permission_policy = None
    any_permission_required = None
    columns = [
        Column("event", label="Event"),
        StatusTagColumn(
            "get_status_display", label="Status", sort_key="status", primary=lambda d: d.status == Status.FAILED
        ),
        PathsColumn("paths", label="Paths"),
        Column("url", label="Frontend"),
        Column("attempts", label="Attempts", sort_key="attempts"),
        Column("last_status_code", label="Last response"),
        Column("last_error", label="Last error"),
        Column("next_attempt_at", label="Next attempt", sort_key="next_attempt_at"),
        DateColumn("created_at", label="Created", sort_key="created_at"),
        RetryColumn("retry", label=""),
    ]


@require_POST
def retry(request, pk):
    """Send one delivery now, whatever its schedule; a failed one stays failed if the frontend still fails."""
    delivery = get_object_or_404(WebhookDelivery, pk=pk)
    if delivery.status == Status.SUCCEEDED:
        messages.info(request, f"The {delivery.event} notification to {delivery.url} was already delivered.")
    else:
        tasks.deliver([delivery], force=True)
        delivery.refresh_from_db()
        if delivery.status == Status.SUCCEEDED:
            messages.success(request, f"Delivered the {delivery.event} notification to {delivery.url}.")
        else:
            messages.error(request, f"{delivery.url} still fails: {delivery.last_error or 'no answer'}")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse(f"{URL_NAMESPACE}:index")
    return redirect(next_url)


def recent_failures() -> int:
    return WebhookDelivery.objects.filter(
        status=Status.FAILED, updated_at__gte=timezone.now() - RECENT_FAILURES
    ).count()


class FailedDeliveriesPanel(Component):
    """Shown on the dashboard only while some notification failed for good in the last week."""

    name = "frontend_notification_failures"
    order = 90  # above Wagtail's own panels: the live site may be out of date

    def __init__(self, count: int):
        self.count = count

    def render_html(self, parent_context=None):
        return format_html(
            '<div class="help-block help-critical" role="alert"><p>'
            '<a href="{}?status=failed">{} notification{} to the frontends failed in the last 7 days</a>: '
            "the public site may not show the latest changes. Retry them once the frontend is back.</p></div>",
            reverse(f"{URL_NAMESPACE}:index"),
            self.count,
            "" if self.count == 1 else "s",
        )
