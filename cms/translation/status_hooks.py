"""Admin wiring for the translation status report: the view, its URL and its Reports menu item.

The report lives at /admin/reports/translation-status/ (URL name ``translation_status``). Wagtail's
own reports are included under "reports/" too, but Django falls through an include that has no
match, and none of Wagtail's or wagtail-localize's report paths is "translation-status/".

Who may see it: anyone with admin access (checked by Wagtail for every admin URL) who may add,
edit or publish some page; that includes the per-language translator groups.
"""

from django.core.paginator import Paginator
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import page_permission_policy

from .status import Status, build_report, configured_languages

PAGE_ACTIONS = ["add", "change", "publish"]


def can_view_report(user) -> bool:
    """Admin access plus a permission on some page: editors, moderators and translators."""
    return user.has_perm("wagtailadmin.access_admin") and page_permission_policy.user_has_any_permission(
        user, PAGE_ACTIONS
    )


class TranslationStatusView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every source-language page against every other language, with filters and pagination."""

    template_name = "cms/translation_status.html"
    page_title = _("Translation status")
    header_icon = "site"
    permission_policy = page_permission_policy
    any_permission_required = PAGE_ACTIONS
    paginate_by = 50

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        (source_code, source_name), targets = configured_languages()
        target_codes = [code for code, _name in targets]
        language, language_error = self._language_filter(target_codes, source_code)
        status, status_error = self._status_filter()

        # wagtail-localize's submit and update views refuse users without this permission.
        can_sync = self.request.user.has_perm("wagtail_localize.submit_translation")
        report = build_report(can_sync=can_sync, next_url=self.request.get_full_path())
        shown = report.filtered(language, status)
        page = Paginator(shown.rows, self.paginate_by).get_page(self.request.GET.get("page"))

        context.update(
            report=shown,
            page_obj=page,
            rows=page.object_list,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            source_name=source_name,
            language_choices=targets,
            status_choices=[(value, Status.LABELS[value]) for value in Status.ALL],
            selected_language=language,
            selected_status=status,
            filter_errors=[error for error in (language_error, status_error) if error],
            summary=self._summary(shown),
            statuses=Status,
        )
        return context

    def _language_filter(self, target_codes, source_code):
        """The ``locale`` GET parameter if it names a target language, else (None, message for the editor)."""
        value = self.request.GET.get("locale", "").strip()
        if not value or value in target_codes:
            return value or None, None
        valid = ", ".join(target_codes) or _("none configured")
        if value == source_code:
            return None, _("“%(code)s” is the source language, which is not translated. Choose one of: %(valid)s.") % {
                "code": value,
                "valid": valid,
            }
        return None, _("Unknown language “%(code)s”; showing all languages. Valid codes: %(valid)s.") % {
            "code": value,
            "valid": valid,
        }

    def _status_filter(self):
        """The ``status`` GET parameter if it names a status, else (None, message for the editor)."""
        value = self.request.GET.get("status", "").strip()
        if not value:
            return None, None
        status = Status.parse(value)
        if status is not None:
            return status, None
        return None, _("Unknown status “%(status)s”; showing all statuses. Valid statuses: %(valid)s.") % {
            "status": value,
            "valid": ", ".join(Status.ALL),
        }

    @staticmethod
    def _summary(report):
        """Per language, each status with its count and a link filtering the report to it."""
        return [
            {
                "language": language,
                "total": sum(report.summary[language.code].values()),
                "counts": [
                    {
                        "status": status,
                        "label": Status.LABELS[status],
                        "count": report.summary[language.code][status],
                        "query": f"?locale={language.code}&status={status}",
                    }
                    for status in Status.ALL
                ],
            }
            for language in report.languages
        ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("reports/translation-status/", TranslationStatusView.as_view(), name="translation_status")]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    # Just after wagtail-localize's own "Translations" report (order 9000).
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="site", order=9001
    )
