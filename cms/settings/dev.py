"""Local development: debug on, HTTP allowed, GraphiQL on."""

import os

os.environ.setdefault("GRAPHIQL_ENABLED", "1")

from .base import *  # noqa: E402,F403
from .environment import env_list, env_str  # noqa: E402

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# GraphiQL loads its scripts and styles from unpkg.com; it exists only here and in tests, so rather than
# widen the policy it is left out of it.
CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"] = ["/graphiql/"]  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
