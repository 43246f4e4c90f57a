"""What is measured: each contract query with its example's variables, and the REST API v2 and static-floor
requests that fetch the same data."""

import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import services

QUERIES = services.ROOT / "frontend-contract" / "queries"

# One example per contract query (frontend-contract/queries/examples.json), plus the events listing at 20 items.
# `preview` is left out: a preview answer is never cached and needs a token made in the admin.
EXAMPLES = [
    "site-shell.en",
    "home-page.en",
    "page-by-path.memorial.en",
    "page-translations.en",
    "memorials.en",
    "events.past.en",
    "history-articles.en",
    "news-items.en",
    "search.en",
]
EVENTS_20 = ("events.past-20.en", "events", {"when": "PAST", "locale": "en", "perPage": 20})


@dataclass(frozen=True)
class GraphQLRequest:
    name: str  # the example's name
    query: str  # the contract query's file name
    variables: dict

    def body(self, document: str) -> bytes:
        return json.dumps({"query": document, "variables": self.variables}).encode()


def graphql_requests() -> list[GraphQLRequest]:
    examples = json.loads((QUERIES / "examples.json").read_text())
    requests = [GraphQLRequest(name, examples[name]["query"], examples[name]["variables"]) for name in EXAMPLES]
    return [*requests, GraphQLRequest(*EVENTS_20)]


def documents() -> dict[str, str]:
    """The self-contained document of every contract query, assembled as export_examples does."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from cms.management.commands.export_examples import document_for, query_names

    return {name: document_for(name) for name in query_names()}


# REST API v2 requests for the same data (cms/benchmark_urls.py declares the fields):
# the memorial page by id (resolved once by the harness; `find/?html_path=` would add a redirect), and the
# 20 latest past events with their card fields and thumbnail.
MEMORIAL_FIELDS = (
    "kind,place,municipality,province,country,latitude,longitude,unveiling_date,unveiled_by,dedication,"
    "inscription,partners,gallery,body,hero_image,seo_title,search_description"
)
EVENT_FIELDS = "start,end,status,place,anniversary,is_upcoming,summary,hero_image"


def rest_memorial_path(page_id: int) -> str:
    return f"/api/v2/pages/{page_id}/?fields={MEMORIAL_FIELDS}"


def rest_events_path() -> str:
    # PAST as the GraphQL query means it is judged at request time; the REST API has no such filter, so the
    # listing is the 20 latest events by start (the same rows, give or take ceremonies still running).
    return f"/api/v2/pages/?type=pages.EventPage&locale=en&order=-start&limit=20&fields={EVENT_FIELDS}"


def floor_path(name: str) -> str:
    return f"/benchmark/floor/{name}/"


def write_floor(directory: Path, name: str, body: bytes) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{name}.json").write_bytes(body)
