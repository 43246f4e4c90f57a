"""Configuration from the environment: production is secure and refuses to start half-configured."""

import pytest

from ..helpers import run_django


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("cms.settings.production", "", ALLOWED_HOSTS="cms.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment for production." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django("cms.settings.production", "", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list the site's host names" in result.stderr


PROBE = (
    "from django.conf import settings; from django.urls import resolve, Resolver404\n"
    "try:\n    resolve('/graphiql/'); graphiql = True\nexcept Resolver404:\n    graphiql = False\n"
    "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT, graphiql, "
    "settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1])"
)


def probe(settings_module, **env):
    result = run_django(settings_module, PROBE, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("module", "env", "expected"),
    [
        (
            "cms.settings.production",
            {"SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "cms.example.org"},
            ["False", "True", "True", "False"],
        ),
        # Production keeps GraphiQL off even when the variable asks for it.
        (
            "cms.settings.production",
            {"SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "a.org", "GRAPHIQL_ENABLED": "1"},
            ["False", "True", "True", "False"],
        ),
        ("cms.settings.dev", {}, ["True", "False", "False", "True"]),
        ("cms.settings.dev", {"GRAPHIQL_ENABLED": "0"}, ["True", "False", "False", "False"]),
    ],
)
def test_settings_per_environment(module, env, expected):
    assert probe(module, **env)[:4] == expected


def test_database_url_selects_postgresql():
    out = probe("cms.settings.dev", DATABASE_URL="postgres://u:p@127.0.0.1:5/db")
    assert out[4] == "postgresql"
    assert probe("cms.settings.dev", DATABASE_URL="")[4] == "sqlite3"


def test_invalid_boolean_is_a_clear_error():
    result = run_django("cms.settings.dev", "", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"MACHINE_TRANSLATOR": "deepl", "DEEPL_AUTH_KEY": "k"},
            "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        ),
        (
            {"MACHINE_TRANSLATOR": "libretranslate", "LIBRETRANSLATE_URL": "http://127.0.0.1:5000"},
            "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        ),
        ({"MACHINE_TRANSLATOR": ""}, "None"),
    ],
)
def test_machine_translator_is_chosen_by_environment(env, expected):
    code = (
        "from django.conf import settings; "
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
    )
    result = run_django("cms.settings.dev", code, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MACHINE_TRANSLATOR": "deepl"}, "MACHINE_TRANSLATOR=deepl needs DEEPL_AUTH_KEY."),
        ({"MACHINE_TRANSLATOR": "libretranslate"}, "MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL."),
        ({"MACHINE_TRANSLATOR": "babelfish"}, "MACHINE_TRANSLATOR must be one of"),
    ],
)
def test_machine_translator_misconfiguration_is_a_clear_error(env, message):
    result = run_django("cms.settings.dev", "", **env)
    assert result.returncode != 0
    assert message in result.stderr
