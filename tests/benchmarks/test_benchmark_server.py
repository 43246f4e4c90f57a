"""What the benchmark settings add: the query-count header, the REST API v2 baseline and the static floor."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.query_count import HEADER
from pages.models import EventPage, MemorialPage
from tests.helpers import brussels, make_image, publish_child

PAGE_QUERY = "query ($urlPath: String!) { page(urlPath: $urlPath) { id title } }"


@pytest.fixture
def benchmark_site(settings, tmp_path):
    """The benchmark's URLs and middleware on the test settings; the floor reads from a temporary folder."""
    settings.ROOT_URLCONF = "cms.benchmark_urls"
    settings.MIDDLEWARE = ["benchmarks.query_count.QueryCountMiddleware", *settings.MIDDLEWARE]
    settings.BENCHMARK_FLOOR_DIR = tmp_path / "floor"
    settings.BENCHMARK_FLOOR_DIR.mkdir()
    return settings.BENCHMARK_FLOOR_DIR


def test_the_header_counts_every_query_of_the_request(client, tree, benchmark_site):
    publish_child(tree.memorials, MemorialPage(title="Rebecq memorial", slug="rebecq", place="P", municipality="R"))
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            "/graphql/",
            {"query": PAGE_QUERY, "variables": {"urlPath": "/en/memorials/rebecq/"}},
            content_type="application/json",
        )
    assert response.json()["data"]["page"]["title"] == "Rebecq memorial"
    assert int(response[HEADER]) == len(captured) > 0


def test_the_static_floor_returns_the_stored_bytes_without_a_query(client, benchmark_site):
    stored = json.dumps({"data": {"page": {"title": "Stored answer"}}}).encode()
    (benchmark_site / "floor-test.en.json").write_bytes(stored)
    response = client.post("/benchmark/floor/floor-test.en/", {"query": "{ x }"}, content_type="application/json")
    assert response.status_code == 200
    assert response.content == stored
    assert response["Content-Type"] == "application/json"
    assert response[HEADER] == "0"


def test_an_unknown_floor_name_is_a_404(client, db, benchmark_site):
    # LocaleMiddleware first tries the language-prefixed path, which is not found either.
    assert client.get("/benchmark/floor/no-such-answer/", follow=True).status_code == 404


def test_rest_api_v2_serves_the_memorial_fields_the_graphql_query_asks_for(client, tree, benchmark_site):
    memorial = publish_child(
        tree.memorials,
        MemorialPage(title="Rebecq", slug="rebecq", place="Cemetery", municipality="Rebecq", hero_image=make_image()),
    )
    response = client.get(f"/api/v2/pages/{memorial.id}/?fields=kind,place,municipality,hero_image,body")
    page = response.json()
    assert response.status_code == 200
    assert (page["place"], page["municipality"], page["body"]) == ("Cemetery", "Rebecq", [])
    assert page["hero_image"]["url"].endswith(".webp")


def test_rest_api_v2_lists_events_with_their_card_fields(client, tree, benchmark_site):
    for day in (1, 2):
        publish_child(
            tree.events,
            EventPage(title=f"Ceremony {day}", slug=f"c{day}", place="Rebecq", start=brussels(2022, 5, day, 11)),
        )
    response = client.get("/api/v2/pages/?type=pages.EventPage&order=-start&fields=start,place,summary,hero_image")
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Ceremony 2", "Ceremony 1"]
    assert items[0]["place"] == "Rebecq" and items[0]["hero_image"] is None
