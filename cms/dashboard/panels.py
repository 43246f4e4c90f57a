"""Dashboard panels, each a Wagtail ``Component`` that shows only what the user may act on."""

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import PageLogEntry
from wagtail.permissions import page_permission_policy

from cms.translation.status import Status, build_report
from cms.translation.status_hooks import can_view_report
from pages.models import EventPage
from pages.models.events import EVENT_TIME_ZONE
from register.models import CorrectionProposal, ProposalStatus

# What "recent edits" means to an editor: content changed, published or taken down; not locks or views.
EDIT_ACTIONS = ["wagtail.create", "wagtail.edit", "wagtail.publish", "wagtail.unpublish"]


def editable_pages(user):
    """The pages ``user`` may change (a queryset, so it filters other queries without fetching ids)."""
    return page_permission_policy.instances_user_has_any_permission_for(user, ["change", "publish"])


class DashboardPanel(Component):
    """A panel that is left out, rather than shown empty, when it has nothing for this user."""

    def is_shown(self, context) -> bool:
        raise NotImplementedError

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not self.is_shown(context):
            return ""
        return render_to_string(self.template_name, context, request=parent_context["request"])


class UpcomingCeremoniesPanel(DashboardPanel):
    """The next ceremonies, drafts included, in the source language, or the user's own if they edit only that."""

    name = "upcoming_ceremonies"
    template_name = "cms/dashboard/upcoming_ceremonies.html"
    order = 95
    limit = 6

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        now = timezone.now()
        ceremonies = (
            EventPage.objects.filter(pk__in=editable_pages(user).values("pk"))
            .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
            .select_related("locale")
            .order_by("start", "pk")
        )
        source = ceremonies.filter(locale__language_code=settings.LANGUAGE_CODE)
        shown = list((source if source.exists() else ceremonies)[: self.limit])
        for ceremony in shown:
            ceremony.start_in_brussels = timezone.localtime(ceremony.start, EVENT_TIME_ZONE)
        return {"ceremonies": shown}

    def is_shown(self, context):
        return bool(context["ceremonies"])


class TranslationStatusPanel(DashboardPanel):
    """Per language, how many pages are missing, out of date or untranslated, each linked to the report."""

    name = "translation_status"
    template_name = "cms/dashboard/translation_status.html"
    order = 96
    to_do = (Status.MISSING, Status.OUT_OF_DATE, Status.UNTRANSLATED)

    def get_context_data(self, parent_context):
        if not can_view_report(parent_context["request"].user):
            return {"languages": []}
        report = build_report(can_sync=False)
        report_url = reverse("translation_status")
        languages = []
        for language in report.languages:
            counts = report.summary.get(language.code, {})
            items = [
                {
                    "label": Status.LABELS[status],
                    "count": counts.get(status, 0),
                    "url": f"{report_url}?locale={language.code}&status={status}",
                }
                for status in self.to_do
                if counts.get(status, 0)
            ]
            languages.append({"name": language.name, "items": items})
        return {"languages": languages, "report_url": report_url}

    def is_shown(self, context):
        return bool(context["languages"])


class TeamEditsPanel(DashboardPanel):
    """The latest changes by anyone to pages the user may edit: who did what, where, when."""

    name = "team_edits"
    template_name = "cms/dashboard/team_edits.html"
    order = 260  # just after Wagtail's "Your most recent edits"
    limit = 8

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        entries = list(
            PageLogEntry.objects.filter(action__in=EDIT_ACTIONS, page_id__in=editable_pages(user).values("pk"))
            .select_related("user", "page__locale")
            .order_by("-timestamp", "-pk")[: self.limit]
        )
        return {"entries": entries}

    def is_shown(self, context):
        return bool(context["entries"])


class PendingCorrectionsPanel(DashboardPanel):
    """How many public corrections wait for a moderator, and the oldest of them, each linked to its form."""

    name = "pending_corrections"
    template_name = "cms/dashboard/pending_corrections.html"
    order = 97
    limit = 5
    # The moderation form is the proposal's edit view, so moderating is the change permission.
    permission = "register.change_correctionproposal"

    def get_context_data(self, parent_context):
        if not parent_context["request"].user.has_perm(self.permission):
            return {"count": 0}
        pending = CorrectionProposal.objects.filter(status=ProposalStatus.PENDING)
        count = pending.count()
        # Oldest first: whoever has waited longest is answered first. The record is not fetched: the
        # proposal names it by the external id the visitor sent.
        oldest = list(pending.order_by("created_at", "pk")[: self.limit]) if count else []
        queue_url = reverse("wagtailsnippets_register_correctionproposal:list")
        return {"count": count, "oldest": oldest, "queue_url": f"{queue_url}?status={ProposalStatus.PENDING}"}

    def is_shown(self, context):
        return bool(context["count"])
