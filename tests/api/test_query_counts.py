"""Listings run a bounded number of database queries: the count for 5 items equals that for 50."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import EventPage, HistoryPage, MemorialPage, NewsPage

from ..helpers import brussels, data_of, make_image, publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_response_cache(settings):
    """These tests count what resolving costs; an answer from the response cache would cost nothing."""
    settings.GRAPHQL_RESPONSE_CACHE = False


ITEMS = 50
IMAGE = """heroImage { altText caption photoCredit url srcSet(sizes: [320, 640], format: "webp")
                     rendition(width: 640) { url width } }"""
LISTINGS = {
    "memorials": ("memorials", "MemorialPage", "kind municipality latitude unveilingDate"),
    "history": ("historyArticles", "HistoryPage", "summary periodStart periodEnd"),
    "events": ("events", "EventPage", "start end status place anniversary isUpcoming"),
    "news": ("newsItems", "NewsPage", "date summary"),
}


def build(tree, kind):
    for n in range(ITEMS):
        image = make_image(f"{kind} {n}", colour=(n * 5 % 255, 80, 120), description=f"Card {n}")
        common = {"title": f"{kind.title()} {n:02d}", "slug": f"{kind}-{n}", "hero_image": image}
        if kind == "memorials":
            publish_child(
                tree.memorials,
                MemorialPage(
                    place="Cemetery",
                    municipality="Rebecq",
                    latitude="50.66",
                    longitude="4.13",
                    unveiling_date=datetime.date(2019, 10, 12),
                    **common,
                ),
            )
        elif kind == "history":
            publish_child(tree.history, HistoryPage(summary="S", body=[], period_start=1942, period_end=1945, **common))
        elif kind == "events":
            publish_child(
                tree.events,
                EventPage(
                    place="Rebecq",
                    start=brussels(2022, 5, 18, 11),
                    commemorated_date=datetime.date(1944, 5, 1),
                    **common,
                ),
            )
        else:
            publish_child(tree.news, NewsPage(date=datetime.date(2024, 1, 15), summary="S", body=[], **common))


def count_queries(client, query, per_page):
    with CaptureQueriesContext(connection) as captured:
        data = data_of(client, query, {"perPage": per_page})
    return len(captured.captured_queries), data


@pytest.mark.parametrize("kind", list(LISTINGS))
def test_listing_queries_do_not_grow_with_page_size(client, tree, kind):
    build(tree, kind)
    field, type_name, fields = LISTINGS[kind]
    query = f"""query($perPage: PositiveInt) {{ {field}(perPage: $perPage) {{
        items {{ id title url locale ... on {type_name} {{ {fields} {IMAGE} }} }}
        pagination {{ total count }} }} }}"""
    data_of(client, query, {"perPage": ITEMS})  # renders the renditions once, as publishing will (issue 6)

    five, small = count_queries(client, query, 5)
    fifty, large = count_queries(client, query, ITEMS)

    assert len(small[field]["items"]) == 5
    assert len(large[field]["items"]) == ITEMS
    assert all("webp" in item["heroImage"]["srcSet"] for item in large[field]["items"])
    assert five == fifty, f"{field}: {five} queries for 5 items, {fifty} for {ITEMS}"
    assert fifty <= 10, f"{field}: {fifty} queries"


def test_generic_pages_listing_is_bounded(client, tree):
    build(tree, "news")
    query = """query($perPage: PositiveInt) { pages(perPage: $perPage, contentType: "pages.NewsPage") {
        items { id title url locale pageType } } }"""
    data_of(client, query, {"perPage": ITEMS})
    five, _ = count_queries(client, query, 5)
    fifty, large = count_queries(client, query, ITEMS)
    assert len(large["pages"]["items"]) == ITEMS
    assert five == fifty


def test_locale_and_translations_add_no_per_item_queries(client, tree):
    french = tree.locales["fr"]
    for n in range(ITEMS):
        page = publish_child(
            tree.memorials, MemorialPage(title=f"Memorial {n:02d}", slug=f"m-{n}", place="P", municipality="Rebecq")
        )
        copy = page.copy_for_translation(french, copy_parents=True)
        copy.save_revision().publish()
    query = """query($perPage: PositiveInt) { memorials(locale: "fr", perPage: $perPage) {
        items { id title url locale translations { id locale title url } } } }"""
    data_of(client, query, {"perPage": ITEMS})
    five, _ = count_queries(client, query, 5)
    fifty, large = count_queries(client, query, ITEMS)
    items = large["memorials"]["items"]
    assert len(items) == ITEMS and {item["locale"] for item in items} == {"fr"}
    assert all(item["translations"][0]["locale"] == "en" for item in items)
    assert all(item["translations"][0]["url"].startswith("/en/memorials/") for item in items)
    assert five == fifty
