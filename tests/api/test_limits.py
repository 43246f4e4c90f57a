"""Oversized pages, unknown filters, orderings and locales get a clear GraphQL error, never a 500."""

import pytest

from pages.models import MemorialPage

from ..helpers import data_of, gql, make_image, publish_child

pytestmark = pytest.mark.django_db


def error_of(client, query, variables=None):
    status, body = gql(client, query, variables)
    assert status in (200, 400), body
    assert body.get("errors"), body
    return body["errors"][0]


@pytest.mark.parametrize(
    "query",
    [
        "{ memorials(perPage: 101) { items { id } } }",
        "{ pages(perPage: 500) { items { id } } }",
        '{ search(query: "x", perPage: 1000) { items { id } } }',
        '{ page(urlPath: "/") { children(limit: 101) { id } } }',
        '{ page(urlPath: "/") { descendants(limit: 1000) { id } } }',
    ],
)
def test_page_size_over_the_cap_is_refused(client, tree, query):
    error = error_of(client, query)
    assert "maximum page size is 100" in error["message"]
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "MAX_PAGE_SIZE"}


def test_page_size_at_the_cap_is_accepted(client, tree):
    data = data_of(client, "{ memorials(perPage: 100) { items { id } pagination { perPage } } }")
    assert data["memorials"]["pagination"]["perPage"] == 100


def test_non_allowlisted_image_filter_is_a_graphql_error(client, tree):
    image = make_image("Stone")
    publish_child(tree.memorials, MemorialPage(title="M", slug="m", place="P", municipality="Rebecq", hero_image=image))
    status, body = gql(
        client,
        "{ memorials { items { ... on MemorialPage { heroImage { "
        'ok: rendition(width: 640, format: "webp") { width } '
        "bad: rendition(width: 4000) { url } } } } } }",
    )
    assert status == 200
    assert body["errors"][0]["message"].startswith("The image filter 'width-4000' is not allowed. Allowed: width-320")
    assert body["errors"][0]["path"][-1] == "bad"
    assert body["data"]["memorials"]["items"][0]["heroImage"]["ok"] == {"width": 64}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('{ memorials(order: "owner__password") { items { id } } }', "Cannot order by owner__password"),
        ('{ page(urlPath: "/") { children(order: "-owner__email") { id } } }', "Cannot order by -owner__email"),
        ('{ memorials(locale: "de") { items { id } } }', "Unknown locale 'de'. Available locales: en, fr, nl."),
        ('{ page(urlPath: "/", locale: "xx") { id } }', "Unknown locale 'xx'"),
        ("{ page { id } }", "Give exactly one of id, slug or urlPath."),
        ('{ page(id: "abc") { id } }', "id must be an id number."),
        ('{ pages(contentType: "auth.User") { items { id } } }', "Unknown page type 'auth.User'"),
        ('{ search(query: "   ") { items { id } } }', "The search query must not be empty."),
        ('{ memorials(site: "elsewhere.example") { items { id } } }', "Unknown site 'elsewhere.example'."),
    ],
)
def test_bad_arguments_get_clear_errors(client, tree, query, message):
    assert message in error_of(client, query)["message"]


def test_search_term_length_is_capped(client, tree):
    error = error_of(client, "query($q: String!) { search(query: $q) { items { id } } }", {"q": "x" * 201})
    assert error["message"] == "The search query is 201 characters; the maximum is 200."


def test_allowed_ordering_works(client, tree):
    for slug in ("b-memorial", "a-memorial"):
        publish_child(tree.memorials, MemorialPage(title=slug, slug=slug, place="P", municipality="Rebecq"))
    data = data_of(client, '{ memorials(order: "-title") { items { title } } }')
    assert [item["title"] for item in data["memorials"]["items"]] == ["b-memorial", "a-memorial"]


def test_malformed_query_is_a_400_with_a_message(client, tree):
    status, body = gql(client, "{ memorials { items { id }")
    assert status == 400
    assert "Syntax Error" in body["errors"][0]["message"]
