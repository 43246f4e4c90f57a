"""What editors see: the "Frontend notifications" report, "Retry now", and the dashboard warning."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from cms.models import WebhookDelivery

from .conftest import Receiver

pytestmark = pytest.mark.django_db

INDEX = "/admin/reports/frontend-notifications/"


@pytest.fixture
def failed(webhooks, down_url, memorial, django_capture_on_commit_callbacks):
    """A publish whose notification failed for good (one attempt allowed) against a frontend that is down."""
    webhooks.FRONTEND_WEBHOOK_URLS = [down_url]
    webhooks.FRONTEND_WEBHOOK_MAX_ATTEMPTS = 1
    with django_capture_on_commit_callbacks(execute=True):
        memorial.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    return delivery


def test_the_report_lists_failures_with_their_error_and_paths(admin_client, failed):
    assert reverse("frontend_notifications:index") == INDEX
    response = admin_client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Frontend notifications" in html
    assert "page.published" in html
    assert "Failed" in html
    assert "ConnectionError" in html
    assert "/fr/memorials/soviet-memorial/" in html
    assert failed.url in html
    assert reverse("frontend_notifications:retry", args=[failed.pk]) in html
    assert 'name="csrfmiddlewaretoken" value=""' not in html  # the POST form carries a real token


def test_the_report_filters_by_status(admin_client, failed, receiver):
    WebhookDelivery.objects.create(
        event="settings.changed", url=receiver.url, payload={"paths": []}, status="succeeded"
    )

    failed_only = admin_client.get(INDEX, {"status": "failed"}).content.decode()
    delivered_only = admin_client.get(INDEX, {"status": "succeeded"}).content.decode()

    # Rows are told apart by their frontend URL (event names also appear in the event filter).
    assert failed.url in failed_only and receiver.url not in failed_only
    assert receiver.url in delivered_only and failed.url not in delivered_only
    assert admin_client.get(reverse("frontend_notifications:results"), {"status": "failed"}).status_code == 200


def test_retry_now_delivers_once_the_frontend_is_back(admin_client, failed, free_port):
    back = Receiver(port=free_port)
    try:
        response = admin_client.post(
            reverse("frontend_notifications:retry", args=[failed.pk]), {"next": f"{INDEX}?status=failed"}
        )
    finally:
        back.close()

    assert response.status_code == 302 and response.url == f"{INDEX}?status=failed"
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.last_status_code) == ("succeeded", 2, 200)
    assert [request.payload["event"] for request in back.requests] == ["page.published"]
    assert "Delivered the page.published notification" in admin_client.get(INDEX).content.decode()


def test_retry_now_against_a_frontend_still_down_keeps_it_failed(admin_client, failed):
    response = admin_client.post(
        reverse("frontend_notifications:retry", args=[failed.pk]), {"next": "https://evil.example/"}
    )

    assert response.status_code == 302 and response.url == INDEX  # only a local "next"
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == ("failed", 2)
    assert "still fails" in admin_client.get(INDEX).content.decode()


def test_retry_now_works_with_csrf_checks_on(django_user_model, failed):
    """The test client skips CSRF checks unless asked: ask, and post the form as a browser would."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "pw"))
    html = browser.get(INDEX).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    url = reverse("frontend_notifications:retry", args=[failed.pk])

    assert browser.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert browser.post(url, {}).status_code == 403


def test_retry_is_a_post(admin_client, failed):
    assert admin_client.get(reverse("frontend_notifications:retry", args=[failed.pk])).status_code == 405


def test_the_report_is_for_admin_users_only(client, failed):
    response = client.get(INDEX)
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_the_dashboard_warns_of_recent_failures(admin_client, failed):
    html = admin_client.get("/admin/").content.decode()
    assert "1 notification to the frontends failed in the last 7 days" in html
    assert f"{INDEX}?status=failed" in html


def test_the_dashboard_is_quiet_without_failures(admin_client, db):
    assert "notification to the frontends failed" not in admin_client.get("/admin/").content.decode()


def test_the_report_is_in_the_reports_menu(admin_client, db):
    assert INDEX in admin_client.get("/admin/").content.decode()
