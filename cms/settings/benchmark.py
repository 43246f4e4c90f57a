"""Benchmark: the production settings, plus what `make benchmark` measures with (never deploy this).

- a middleware that counts the database queries of each request into an ``X-DB-Queries`` header;
- ``cms.benchmark_urls``: the normal URLs plus Wagtail's REST API v2 and a static floor view, the two
  baselines the GraphQL API is compared with (benchmarks/README.md).
"""

from .production import *  # noqa: F403
from .production import BASE_DIR, INSTALLED_APPS, MIDDLEWARE

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]
# First, so that the count covers every other middleware too.
MIDDLEWARE = ["benchmarks.query_count.QueryCountMiddleware", *MIDDLEWARE]
ROOT_URLCONF = "cms.benchmark_urls"
# The static floor's bodies: the GraphQL responses, written here by the harness before the server starts.
BENCHMARK_FLOOR_DIR = BASE_DIR / "benchmarks" / ".data" / "floor"
