"""Production passes Django's deployment checklist, sends secure headers and cookies, and caps query time."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from ..helpers import run_django

PRODUCTION_ENV = {"SECRET_KEY": "s3cr3t-K3y-" * 6, "ALLOWED_HOSTS": "cms.example.org"}


def test_check_deploy_is_clean_with_production_settings():
    """`manage.py check --deploy` fails on any warning, exactly as an operator would run it."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(__file__).resolve().parents[2],
        env={
            **{k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}},
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            **PRODUCTION_ENV,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_security_settings():
    code = (
        "from django.conf import settings as s\n"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.GRAPHQL_INTROSPECTION, "
        "s.CONTENT_SECURITY_POLICY['EXCLUDE_URL_PREFIXES'])"
    )
    result = run_django("cms.settings.production", code, **PRODUCTION_ENV, GRAPHQL_INTROSPECTION="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "31536000", "True", "False", "[]"]


def test_hsts_preload_is_an_opt_in():
    code = (
        "from django.conf import settings as s\n"
        "print(s.SECURE_HSTS_PRELOAD, 'security.W021' in s.SILENCED_SYSTEM_CHECKS)"
    )
    default = run_django("cms.settings.production", code, **PRODUCTION_ENV)
    opted_in = run_django("cms.settings.production", code, **PRODUCTION_ENV, SECURE_HSTS_PRELOAD="1")
    assert default.stdout.split() == ["False", "True"], default.stderr
    assert opted_in.stdout.split() == ["True", "False"], opted_in.stderr


@pytest.fixture
def production_like(settings):
    """The security settings production has, which test.py relaxes for plain-HTTP tests."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    return settings


@pytest.mark.django_db
def test_https_response_has_hsts_and_secure_cookies(client, production_like):
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    csrf_cookie = response.cookies[django_settings.CSRF_COOKIE_NAME]
    assert csrf_cookie["secure"] is True
    assert csrf_cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(client, production_like):
    response = client.get("/admin/login/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/admin/login/"


@pytest.mark.django_db
def test_session_cookie_is_secure_and_http_only_after_login(client, production_like, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "correct-horse")
    response = client.post("/admin/login/", {"username": "editor", "password": "correct-horse"}, secure=True)
    assert response.status_code == 302
    session_cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert session_cookie["secure"] is True
    assert session_cookie["httponly"] is True


def _csp(response):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )


@pytest.mark.django_db
def test_admin_login_has_a_content_security_policy_and_still_renders(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="password"' in response.content
    policy = _csp(response)
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    # Wagtail's admin needs inline scripts and styles (see base.py); nothing from other origins runs.
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"


@pytest.mark.django_db
def test_logged_in_admin_pages_render_under_the_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_graphiql_is_left_out_of_the_policy_where_it_exists(client):
    """GraphiQL (dev and test only) loads from unpkg.com, so it is excluded rather than the policy widened."""
    response = client.get("/graphiql/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "Content-Security-Policy" in client.get("/graphql/", {"query": "{ __typename }"})


def test_statement_timeout_setting_matches_the_database():
    options = django_settings.DATABASES["default"].get("OPTIONS", {})
    if django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        assert options["options"] == f"-c statement_timeout={django_settings.DATABASE_STATEMENT_TIMEOUT_MS}"
    else:
        assert "options" not in options


def test_statement_timeout_is_only_set_for_postgresql():
    code = (
        "from django.conf import settings as s; print(repr(s.DATABASES['default'].get('OPTIONS', {}).get('options')))"
    )
    postgres = run_django(
        "cms.settings.dev", code, DATABASE_URL="postgres://u:p@127.0.0.1:5/db", DATABASE_STATEMENT_TIMEOUT_MS="1234"
    )
    sqlite = run_django("cms.settings.dev", code, DATABASE_URL="")
    assert postgres.stdout.strip() == "'-c statement_timeout=1234'", postgres.stderr
    assert sqlite.stdout.strip() == "None", sqlite.stderr


@pytest.mark.django_db
def test_statement_timeout_is_applied_on_postgresql():
    """On PostgreSQL the server itself enforces the configured limit; on SQLite there is none to apply."""
    if connection.vendor != "postgresql":
        assert "options" not in connection.settings_dict.get("OPTIONS", {})
        return
    from django.db.utils import OperationalError

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        shown = cursor.fetchone()[0]
    timeout_ms = django_settings.DATABASE_STATEMENT_TIMEOUT_MS
    assert shown in {f"{timeout_ms}ms", f"{timeout_ms // 1000}s", f"{timeout_ms // 60000}min"}
    # And a statement over the limit is cancelled (a small limit for this transaction only).
    with pytest.raises(OperationalError, match="statement timeout"), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 50")
        cursor.execute("SELECT pg_sleep(2)")
