"""Test settings: fast hashing, in-memory cache, plain HTTP, GraphiQL available to test it."""

import os
from pathlib import Path

os.environ.setdefault("GRAPHIQL_ENABLED", "1")
os.environ.setdefault("MACHINE_TRANSLATOR", "dummy")
# Tests point notifications at their own local receivers; never at a frontend named in the environment.
os.environ["FRONTEND_WEBHOOK_URLS"] = ""

from .base import *  # noqa: E402,F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"] = ["/graphiql/"]  # noqa: F405  GraphiQL loads from unpkg.com
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Uploads, restores and screenshots go here; CI runs its SQLite and PostgreSQL passes side by side, each
# with its own folder.
TEST_ARTIFACTS_DIR = Path(os.environ.get("TEST_ARTIFACTS_DIR") or BASE_DIR / "test-artifacts")  # noqa: F405
MEDIA_ROOT = TEST_ARTIFACTS_DIR / "media"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Background tasks run at once, inside the test (notifications are sent after the test's on_commit callbacks).
# Thirty renditions per saved image (AVIF among them) would slow every test that saves one; the tests of
# pre-generation and of query counts turn it back on.
RENDITIONS_PREGENERATE = False
TASKS = {alias: {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"} for alias in ("default", "publishing")}
