"""Queries run a bounded number of database queries: the count does not grow with the data or the page size."""

import datetime
import json

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from pages.models import EventPage, HistoryPage, MemorialPage, NewsPage

from ..helpers import brussels, data_of, make_image, publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pregenerate_renditions(settings):
    settings.RENDITIONS_PREGENERATE = True


@pytest.fixture(autouse=True)
def _no_response_cache(settings):
    """These tests count what resolving costs; an answer from the response cache would cost nothing."""
    settings.GRAPHQL_RESPONSE_CACHE = False


ITEMS = 50
QUERY_CEILING = 45  # the most any single contract query may run, whatever the data (preview is the heaviest)
Rendition = get_image_model().get_rendition_model()
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
    assert fifty <= 3, f"{field}: {fifty} queries"  # the page, the count, the renditions


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


# --- Every contract query, on generated content at two sizes ---------------------------------------------

SMALL, MORE = 36, 120  # pages generated first, then added: the second measurement sees 156 pages


def contract_cases(tree) -> dict[str, list[dict]]:
    """Variables for every query of frontend-contract/queries/, pointing at generated pages."""

    def first(model):
        return model.objects.filter(slug__startswith="s1-", locale=tree.locales["en"]).order_by("path").first()

    memorial, history, event, news = (first(model) for model in (MemorialPage, HistoryPage, EventPage, NewsPage))
    listing = [{"locale": "en", "perPage": 5}, {"locale": "fr", "perPage": 20}]
    return {
        "site-shell": [{"locale": "nl"}],
        "home-page": [{"locale": "fr"}],
        "page-by-path": [{"urlPath": page.url} for page in (memorial, history, event, news)]
        + [{"urlPath": "/memorials/", "locale": "nl"}],
        "page-translations": [{"urlPath": memorial.url}],
        "memorials": listing,
        "history-articles": listing,
        "events": [{**variables, "when": "ALL"} for variables in listing],
        "news-items": listing,
        # Terms found in one page type: each type in the results adds its own few queries, whatever the size.
        "search": [{"query": "ceremony", "locale": "en", "perPage": 5}, {"query": "cérémonie", "locale": "fr"}],
        "preview": [{"token": memorial.create_page_preview().token}],
        "people": listing,
        "aircraft-losses": listing,
        "cemeteries": listing,
        "register-map": [{"locale": "fr"}],
    }


def add_register(people, records, seed):
    """Fictional people (generate_register), and cemeteries with burials and losses with crew for them."""
    from register.models import AircraftLoss, Burial, Cemetery, CrewMember, CrewRole, Person

    call_command("generate_register", people=people, seed=seed, verbosity=0)
    crew = list(Person.objects.order_by("-pk")[:records])
    for number, person in enumerate(crew):
        name = f"s{seed}-{number}"
        cemetery = Cemetery.objects.create(
            name=f"Synthetic cemetery {name}", municipality="Rebecq", latitude=50.6, longitude=4.1
        )
        Burial.objects.create(person=person, cemetery=cemetery, grave_reference=name)
        loss = AircraftLoss(
            aircraft_type="Avro Lancaster",
            serial=f"SX{seed}{number:03d}",
            loss_date=datetime.date(1944, 5, 1),
            loss_date_precision="month",
            crash_place="Synthetic field",
            latitude=50.7,
            longitude=4.2,
        )
        loss.crew = [CrewMember(person=person, role=CrewRole.PILOT)]
        loss.save()


def measure(client, documents, cases) -> dict[str, int]:
    """Database queries per request, each on a cold cache so a response cache cannot hide any."""
    counts = {}
    for name, variable_sets in cases.items():
        for variables in variable_sets:
            caches_clear()
            with CaptureQueriesContext(connection) as captured:
                data = data_of(client, documents[name], variables)
            assert any(value for value in data.values()), (name, variables, data)
            counts[f"{name} {json.dumps(variables, sort_keys=True)}"] = len(captured.captured_queries)
    return counts


def caches_clear():
    for alias in settings.CACHES:
        caches[alias].clear()


def test_every_contract_query_runs_a_bounded_number_of_queries(client, tree, django_capture_on_commit_callbacks):
    from cms.management.commands.export_examples import document_for, query_names

    documents = {name: document_for(name) for name in query_names()}
    with django_capture_on_commit_callbacks(execute=True):  # renditions are made after the commit
        call_command("generate_content", size=str(SMALL), seed=1, verbosity=0)
    add_register(people=12, records=6, seed=1)
    cases = contract_cases(tree)
    assert set(cases) == set(documents), "every query of frontend-contract/queries/ needs a case here"
    renditions = Rendition.objects.count()

    small = measure(client, documents, cases)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("generate_content", size=str(MORE), seed=2, verbosity=0)
    add_register(people=40, records=24, seed=2)
    large = measure(client, documents, cases)

    print("\nDatabase queries per contract query (small / large):")
    for case in small:
        print(f"  {small[case]:3d} / {large[case]:3d}  {case}")
    grown = {case: (small[case], large[case]) for case in small if small[case] != large[case]}
    assert not grown, f"query counts grew with the data: {grown}"
    assert Rendition.objects.count() == renditions, "a request generated a rendition"
    assert max(large.values()) <= QUERY_CEILING, large
