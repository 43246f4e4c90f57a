"""The measurements on one dataset: GraphQL uncached and cached, REST API v2, the static floor, the error run."""

import json
import secrets
import urllib.request
from dataclasses import asdict

from . import services, targets, wrk
from .datasets import Dataset
from .query_count import HEADER


class ProbeError(RuntimeError):
    """A request the run depends on did not answer as it must (an error, or no data)."""


def probe(base: str, path: str, body: bytes | None = None) -> tuple[bytes, int]:
    """One request as wrk sends it: the response body and the database queries it ran."""
    request = urllib.request.Request(base + path, data=body, headers={"X-Forwarded-Proto": "https"})
    if body:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=120) as response:
        content, queries = response.read(), int(response.headers[HEADER])
    if path.startswith("/graphql/"):
        answer = json.loads(content)
        if answer.get("errors") or not any(answer.get("data", {}).values()):
            raise ProbeError(f"{path} answered without data or with errors: {content[:300]!r}")
    return content, queries


def server_env(dataset: Dataset, redis_url: str, *, cached: bool) -> dict:
    return {
        **dataset.environment(),
        "DJANGO_SETTINGS_MODULE": "cms.settings.benchmark",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": redis_url,
        "GRAPHQL_RESPONSE_CACHE": "1" if cached else "0",
        "LOG_LEVEL": "WARNING",
    }


class Run:
    """Collects one dataset's figures: ``results[kind][name] = {p50_ms, p95_ms, rps, queries, errors}``."""

    def __init__(self, dataset: Dataset, redis_url: str, options, log):
        self.dataset, self.redis_url, self.options, self.log = dataset, redis_url, options, log
        self.results: dict[str, dict[str, dict]] = {}
        self.documents = targets.documents()
        self.requests = targets.graphql_requests()
        self.floor_dir = services.DATA / "floor"

    def measure(self, kind: str, name: str, base: str, path: str, body: bytes | None) -> None:
        result = wrk.load(base + path, body=body, seconds=self.options.seconds, connections=self.options.connections)
        # Counted after the run, when every worker has served the request: a worker's first request also
        # loads what a process keeps (content types, sites, locales), which no later request repeats.
        _, queries = probe(base, path, body)
        figures = {**asdict(result), "rps": result.rps, "queries": queries}
        self.results.setdefault(kind, {})[name] = figures
        self.log(
            f"    {kind:<17} {name:<26} p50 {result.p50_ms:7.1f} ms  p95 {result.p95_ms:7.1f} ms  "
            f"{result.rps:7.1f} req/s  {queries} queries  {result.errors} errors"
        )

    def all(self) -> dict:
        log_file = services.DATA / f"gunicorn-{self.dataset.name}.log"
        services.flush_redis()
        env = server_env(self.dataset, self.redis_url, cached=False)
        with services.gunicorn(env, log_file, self.options.workers) as base:
            self.uncached(base)
        services.flush_redis()
        env = server_env(self.dataset, self.redis_url, cached=True)
        with services.gunicorn(env, log_file, self.options.workers) as base:
            self.cached(base)
        return self.results

    def uncached(self, base: str) -> None:
        """GraphQL with the response cache off (GRAPHQL_RESPONSE_CACHE=0), REST API v2, and the error run."""
        memorial_id = None
        for request in self.requests:
            body = request.body(self.documents[request.query])
            content, _ = probe(base, "/graphql/", body)
            targets.write_floor(self.floor_dir, request.name, content)  # the floor serves these exact bytes
            if request.name == "page-by-path.memorial.en":
                memorial_id = json.loads(content)["data"]["page"]["id"]
            self.measure("graphql-uncached", request.name, base, "/graphql/", body)
        for name, path in (
            ("page-by-path.memorial.en", targets.rest_memorial_path(memorial_id)),
            ("events.past-20.en", targets.rest_events_path()),
        ):
            self.measure("rest-v2", name, base, path, None)
        if self.options.error_seconds:
            request = next(r for r in self.requests if r.name == "page-by-path.memorial.en")
            result = wrk.load(
                base + "/graphql/",
                body=request.body(self.documents[request.query]),
                seconds=self.options.error_seconds,
                connections=self.options.error_connections,
                check_bodies=True,
            )
            self.results["error-run"] = {
                request.name: {**asdict(result), "rps": result.rps, "connections": self.options.error_connections}
            }
            self.log(
                f"    error run c={self.options.error_connections} {self.options.error_seconds} s: "
                f"{result.requests} requests, {result.errors} errors"
            )

    def cached(self, base: str) -> None:
        """GraphQL answered from the response cache in Redis, and the static floor with the same bytes."""
        for request in self.requests:
            body = request.body(self.documents[request.query])
            probe(base, "/graphql/", body)  # stores the answer
            self.measure("graphql-cached", request.name, base, "/graphql/", body)
            self.measure("static-floor", request.name, base, targets.floor_path(request.name), body)
