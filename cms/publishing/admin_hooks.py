"""Admin wiring for publish notifications: the "Frontend notifications" report, its URLs and a dashboard panel.

The report lives at /admin/reports/frontend-notifications/. Like the translation status report, its path sits
beside Wagtail's "reports/" include, which has no "frontend-notifications/" of its own.
"""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import URL_NAMESPACE, DeliveryIndexView, FailedDeliveriesPanel, recent_failures, retry


@hooks.register("register_admin_urls")
def register_notification_urls():
    urls = [
        path("", DeliveryIndexView.as_view(), name="index"),
        path("results/", DeliveryIndexView.as_view(results_only=True), name="results"),
        path("<int:pk>/retry/", retry, name="retry"),
    ]
    return [path("reports/frontend-notifications/", include((urls, URL_NAMESPACE)))]


@hooks.register("register_reports_menu_item")
def register_notifications_menu_item():
    return MenuItem("Frontend notifications", reverse(f"{URL_NAMESPACE}:index"), icon_name="mail", order=9002)


@hooks.register("construct_homepage_panels")
def warn_of_failed_notifications(request, panels):
    if count := recent_failures():
        panels.append(FailedDeliveriesPanel(count))
