"""Repeated failed logins to the Wagtail admin lock the username+address out for a while (django-axes)."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

PASSWORD = "correct-horse-battery"  # noqa: S105


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def login(client, password, username="editor", **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def fail(client, times, **extra):
    for _ in range(times):
        response = login(client, "wrong", **extra)
        # Below the limit Wagtail shows its own form again with its error.
        assert response.status_code == 200
        assert b"Your username and password didn" in response.content


def assert_locked_out(response):
    assert response.status_code == 429
    assert b"Too many failed login attempts" in response.content
    assert b"15 minutes" in response.content


def assert_logged_in(response):
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_the_limits_are_the_defaults():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


@pytest.mark.django_db
def test_five_failures_lock_out_even_the_right_password(client, editor):
    fail(client, 4)
    assert_locked_out(login(client, "wrong"))  # the fifth failure reaches the limit
    assert_locked_out(login(client, PASSWORD))  # the sixth attempt is refused, right password or not
    assert client.get("/admin/").status_code == 302  # and no session was opened


@pytest.mark.django_db
def test_a_successful_login_resets_the_count(client, editor):
    fail(client, 4)
    assert_logged_in(login(client, PASSWORD))
    client.logout()
    fail(client, 4)  # counting starts again from zero
    assert_logged_in(login(client, PASSWORD))


@pytest.mark.django_db
def test_the_lockout_ends_after_the_cool_off(client, editor):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        fail(client, 4)
        assert_locked_out(login(client, "wrong"))
        clock.shift(datetime.timedelta(minutes=14))
        assert_locked_out(login(client, PASSWORD))
        clock.shift(datetime.timedelta(minutes=16))  # a refused attempt during a lockout starts it again
        assert_logged_in(login(client, PASSWORD))


@pytest.mark.django_db
def test_the_lockout_ends_fifteen_minutes_after_the_last_failure(client, editor):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        fail(client, 4)
        assert_locked_out(login(client, "wrong"))
        clock.shift(datetime.timedelta(minutes=15, seconds=1))
        assert_logged_in(login(client, PASSWORD))


@pytest.mark.django_db
def test_the_lockout_is_per_username_and_address(client, editor, django_user_model):
    django_user_model.objects.create_superuser("other", "other@example.org", PASSWORD)
    fail(client, 4)
    assert_locked_out(login(client, "wrong"))
    assert_logged_in(login(client, PASSWORD, username="other"))  # another account from the same address
    client.logout()
    assert_logged_in(login(client, PASSWORD, REMOTE_ADDR="192.0.2.7"))  # the same account from elsewhere


@pytest.mark.django_db
def test_force_login_still_works(admin_client):
    assert admin_client.get("/admin/").status_code == 200
