"""Configuration: webhook URLs without a secret refuse to start, in production and in development alike."""

import pytest

from ..helpers import run_django

PRODUCTION = {"SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "cms.example.org"}
PROBE = "from django.conf import settings; print(settings.FRONTEND_WEBHOOK_URLS, settings.TASKS['publishing'])"


@pytest.mark.parametrize(("module", "env"), [("cms.settings.production", PRODUCTION), ("cms.settings.dev", {})])
def test_urls_without_a_secret_refuse_to_start(module, env):
    result = run_django(module, "", FRONTEND_WEBHOOK_URLS="https://www.example.org/api/revalidate", **env)
    assert result.returncode != 0
    assert "FRONTEND_WEBHOOK_URLS is set but FRONTEND_WEBHOOK_SECRET is empty" in result.stderr


def test_urls_must_be_http():
    result = run_django(
        "cms.settings.production", "", FRONTEND_WEBHOOK_URLS="ftp://x/", FRONTEND_WEBHOOK_SECRET="s", **PRODUCTION
    )
    assert result.returncode != 0
    assert "FRONTEND_WEBHOOK_URLS must be http(s) URLs" in result.stderr


def test_production_with_urls_and_a_secret_queues_in_the_database():
    result = run_django(
        "cms.settings.production",
        PROBE,
        FRONTEND_WEBHOOK_URLS="https://a.example.org/hook, https://b.example.org/hook",
        FRONTEND_WEBHOOK_SECRET="s" * 64,
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "['https://a.example.org/hook', 'https://b.example.org/hook'] {'BACKEND': 'django_tasks_db.DatabaseBackend'}"
    )


def test_no_urls_no_secret_is_fine():
    result = run_django("cms.settings.production", PROBE, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[] ")


def test_tests_never_notify_a_frontend_named_in_the_environment():
    result = run_django("cms.settings.test", PROBE, FRONTEND_WEBHOOK_URLS="https://real.example.org/hook")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[] ")
