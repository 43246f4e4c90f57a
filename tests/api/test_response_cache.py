"""The response cache: anonymous answers come back without a database query, and are never stale after a change."""

import json
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from cms.graphql import documents
from cms.graphql.response_cache import VERSION_KEY, invalidate
from pages.models import HomePage, MemorialIndexPage, MemorialPage, OrganisationSettings

from ..helpers import data_of, gql, make_image, publish_child, run_django

pytestmark = pytest.mark.django_db

PAGE = "query($id: ID) { page(id: $id) { title url } }"


@pytest.fixture
def memorial(tree):
    return publish_child(tree.memorials, MemorialPage(title="Rebecq", slug="rebecq", place="P", municipality="Rebecq"))


def get(client, query, variables=None, **headers):
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, **headers)


def queries_run(client, query, variables=None):
    """(number of database queries, data) for one POST of ``query``."""
    with CaptureQueriesContext(connection) as captured:
        data = data_of(client, query, variables)
    return len(captured), data


# --- Hits -----------------------------------------------------------------------------------------


def test_a_repeated_query_is_answered_without_a_database_query(client, memorial, django_assert_num_queries):
    first = data_of(client, PAGE, {"id": memorial.pk})
    assert first["page"]["title"] == "Rebecq"
    with django_assert_num_queries(0):
        assert data_of(client, PAGE, {"id": memorial.pk}) == first
    with django_assert_num_queries(0):
        assert get(client, PAGE, {"id": memorial.pk}).json()["data"] == first  # GET and POST share the answer


def test_the_key_covers_the_variables_and_the_operation(client, tree, memorial):
    other = publish_child(tree.memorials, MemorialPage(title="Tubize", slug="tubize", place="P", municipality="Tubize"))
    assert data_of(client, PAGE, {"id": memorial.pk})["page"]["title"] == "Rebecq"
    assert data_of(client, PAGE, {"id": other.pk})["page"]["title"] == "Tubize"
    two = f"query A {{ a: page(id: {memorial.pk}) {{ title }} }} query B {{ b: page(id: {other.pk}) {{ title }} }}"
    for name, expected in (("A", {"a": {"title": "Rebecq"}}), ("B", {"b": {"title": "Tubize"}})):
        response = client.post(
            "/graphql/", {"query": two, "operationName": name}, content_type="application/json"
        ).json()
        assert response["data"] == expected


def test_the_key_covers_the_site_the_host_names(client, tree):
    other_home = HomePage(title="Other home", slug="other-home", locale=tree.locales["en"])
    tree.home.get_parent().add_child(instance=other_home)
    other_home.save_revision().publish()
    publish_child(other_home, MemorialIndexPage(title="Other memorials", slug="other-memorials", show_in_menus=True))
    Site.objects.create(hostname="localhost", port=80, root_page=other_home, site_name="Other")

    query = "{ menu { title } }"
    assert [p["title"] for p in data_of(client, query)["menu"]] == ["Memorials", "History", "Ceremonies", "News"]
    status, body = gql(client, query, HTTP_HOST="localhost")
    assert status == 200
    assert [p["title"] for p in body["data"]["menu"]] == ["Other memorials"]


def test_accept_language_neither_changes_the_answer_nor_splits_the_cache(client, memorial, django_assert_num_queries):
    variables = json.dumps({"query": PAGE, "variables": {"id": memorial.pk}})
    english = client.post("/graphql/", variables, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    with django_assert_num_queries(0):
        french = client.post("/graphql/", variables, content_type="application/json", HTTP_ACCEPT_LANGUAGE="fr")
    assert french.content == english.content


# --- Never stale ----------------------------------------------------------------------------------


def edit_and_publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_draft_does_not_invalidate_but_its_publication_does(
    client, memorial, django_capture_on_commit_callbacks, django_assert_num_queries
):
    data_of(client, PAGE, {"id": memorial.pk})
    with django_capture_on_commit_callbacks(execute=True):
        memorial.title = "Rebecq (draft)"
        memorial.save_revision()
    with django_assert_num_queries(0):  # a saved draft changes nothing the API shows
        assert data_of(client, PAGE, {"id": memorial.pk})["page"]["title"] == "Rebecq"
    with django_capture_on_commit_callbacks(execute=True):
        memorial.get_latest_revision().publish()
    assert data_of(client, PAGE, {"id": memorial.pk})["page"]["title"] == "Rebecq (draft)"


def test_unpublishing_invalidates(client, memorial, django_capture_on_commit_callbacks):
    assert data_of(client, PAGE, {"id": memorial.pk})["page"] is not None
    with django_capture_on_commit_callbacks(execute=True):
        memorial.unpublish()
    assert data_of(client, PAGE, {"id": memorial.pk})["page"] is None


def test_moving_invalidates(client, tree, memorial, django_capture_on_commit_callbacks):
    elsewhere = publish_child(tree.home, MemorialIndexPage(title="Elsewhere", slug="elsewhere"))
    assert data_of(client, PAGE, {"id": memorial.pk})["page"]["url"] == "/en/memorials/rebecq/"
    with django_capture_on_commit_callbacks(execute=True):
        memorial.move(elsewhere, pos="last-child")
    assert data_of(client, PAGE, {"id": memorial.pk})["page"]["url"] == "/en/elsewhere/rebecq/"


def test_deleting_invalidates(client, tree, memorial, django_capture_on_commit_callbacks):
    listing = "{ memorials { items { title } } }"
    assert data_of(client, listing)["memorials"]["items"] == [{"title": "Rebecq"}]
    with django_capture_on_commit_callbacks(execute=True):
        memorial.delete()
    assert data_of(client, listing)["memorials"]["items"] == []


def test_restricting_a_section_invalidates(client, memorial, django_capture_on_commit_callbacks):
    assert data_of(client, PAGE, {"id": memorial.pk})["page"] is not None
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=memorial.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert data_of(client, PAGE, {"id": memorial.pk})["page"] is None


def test_changing_the_organisation_settings_invalidates(client, tree, django_capture_on_commit_callbacks):
    settings_row = OrganisationSettings.objects.create(site=tree.site, name="Before")
    assert data_of(client, "{ organisation { name } }")["organisation"]["name"] == "Before"
    with django_capture_on_commit_callbacks(execute=True):
        settings_row.name = "After"
        settings_row.save()
    assert data_of(client, "{ organisation { name } }")["organisation"]["name"] == "After"


def test_changing_an_image_invalidates(client, tree, django_capture_on_commit_callbacks):
    image = make_image("Before")
    page = publish_child(
        tree.memorials, MemorialPage(title="Stone", slug="stone", place="P", municipality="Rebecq", hero_image=image)
    )
    hero = "query($id: ID) { page(id: $id) { ... on MemorialPage { heroImage { title } } } }"
    assert data_of(client, hero, {"id": page.pk})["page"]["heroImage"] == {"title": "Before"}
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "After"
        image.save()
    assert data_of(client, hero, {"id": page.pk})["page"]["heroImage"] == {"title": "After"}


def test_invalidation_reaches_every_process_through_the_shared_cache(client, memorial, settings, tmp_path):
    # A cache on disk stands for Redis: shared by this test and a second Python process.
    shared = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path / "cache")}
    settings.CACHES = {"default": shared}
    data_of(client, PAGE, {"id": memorial.pk})
    assert queries_run(client, PAGE, {"id": memorial.pk})[0] == 0

    # What cms/publishing does on a publish in another process (a worker, another web server).
    code = (
        "from django.test import override_settings; "
        f"override_settings(CACHES={{'default': {shared!r}}}).enable(); "
        "from cms.publishing.invalidation import content_changed; content_changed()"
    )
    result = run_django("cms.settings.test", code)
    assert result.returncode == 0, result.stderr

    count, data = queries_run(client, PAGE, {"id": memorial.pk})
    assert count > 0, "answered from a response cached before the other process's change"
    assert data["page"]["title"] == "Rebecq"


def test_an_answer_computed_while_the_content_changed_is_not_served_afterwards(client, memorial):
    # A publish in another process lands while this request runs: its answer is stored marked with the
    # version read before the change, so the next lookup finds a stored version that is no longer current.
    def change_during_execution(execute, sql, params, many, context):
        connection.execute_wrappers.remove(change_during_execution)  # once
        MemorialPage.objects.filter(pk=memorial.pk).update(title="Rebecq (changed)")
        invalidate()
        return execute(sql, params, many, context)

    connection.execute_wrappers.append(change_during_execution)
    try:
        data_of(client, PAGE, {"id": memorial.pk})
    finally:
        if change_during_execution in connection.execute_wrappers:
            connection.execute_wrappers.remove(change_during_execution)

    count, data = queries_run(client, PAGE, {"id": memorial.pk})
    assert count > 0, "answered from a response stored under the version before the change"
    assert data["page"]["title"] == "Rebecq (changed)"
    assert queries_run(client, PAGE, {"id": memorial.pk}) == (0, data)  # stored again, under the current version


def test_a_lost_content_version_makes_every_stored_answer_stale(client, memorial):
    # Redis may evict the version key: the fresh version never equals the one the stored answers carry.
    data_of(client, PAGE, {"id": memorial.pk})
    MemorialPage.objects.filter(pk=memorial.pk).update(title="Rebecq (changed)")
    cache.delete(VERSION_KEY)
    count, data = queries_run(client, PAGE, {"id": memorial.pk})
    assert count > 0
    assert data["page"]["title"] == "Rebecq (changed)"


# --- HTTP caching ---------------------------------------------------------------------------------


def directives(response) -> dict[str, str]:
    parts = (part.strip().split("=") for part in response["Cache-Control"].split(","))
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def test_an_anonymous_get_is_cacheable_by_a_cdn(client, memorial, settings):
    settings.GRAPHQL_CACHE_MAX_AGE, settings.GRAPHQL_CACHE_S_MAXAGE = 20, 90
    settings.GRAPHQL_CACHE_STALE_WHILE_REVALIDATE = 600
    response = get(client, PAGE, {"id": memorial.pk})
    assert response.status_code == 200
    assert directives(response) == {"public": "", "max-age": "20", "s-maxage": "90", "stale-while-revalidate": "600"}
    assert response["ETag"].startswith('"')
    # Nothing that would stop a CDN from sharing it.
    assert "csrftoken" not in response.cookies
    assert "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")
    # Nor one copy per browser language: the content language is the `locale` argument.
    assert "Accept-Language" not in response.get("Vary", "")


def test_a_post_is_cached_server_side_but_not_by_a_cdn(client, memorial, django_assert_num_queries):
    data_of(client, PAGE, {"id": memorial.pk})
    with django_assert_num_queries(0):
        response = client.post(
            "/graphql/", {"query": PAGE, "variables": {"id": memorial.pk}}, content_type="application/json"
        )
    assert response.status_code == 200
    assert directives(response) == {"private": "", "no-cache": ""}
    assert "csrftoken" not in response.cookies


def test_if_none_match_gets_304(client, memorial, django_assert_num_queries, django_capture_on_commit_callbacks):
    first = get(client, PAGE, {"id": memorial.pk})
    etag = first["ETag"]
    with django_assert_num_queries(0):
        again = get(client, PAGE, {"id": memorial.pk}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "public" in again["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        edit_and_publish(memorial, title="Rebecq, renovated")
    changed = get(client, PAGE, {"id": memorial.pk}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed.json()["data"]["page"]["title"] == "Rebecq, renovated"
    assert changed["ETag"] != etag


def test_an_answer_with_errors_is_neither_cached_nor_cdn_cacheable(client, tree):
    query = '{ memorials(locale: "xx") { items { title } } }'
    for _ in range(2):
        response = get(client, query)
        assert response.json()["errors"][0]["extensions"]["code"] == "UNKNOWN_LOCALE"
        assert directives(response) == {"private": "", "no-cache": ""}
        assert "ETag" not in response


def test_a_request_refused_by_a_limit_runs_no_query_and_is_not_cached(
    client, tree, settings, django_assert_num_queries
):
    settings.GRAPHQL_MAX_DEPTH = 1
    query = "{ page(id: 1) { children { title } } }"
    for _ in range(2):
        with django_assert_num_queries(0):
            response = get(client, query)
        assert response.status_code == 400
        assert response.json()["errors"][0]["extensions"]["limit"] == "MAX_DEPTH"
        assert "public" not in response["Cache-Control"]
    settings.GRAPHQL_MAX_DEPTH = 12  # the key covers the limits: the same document is answered now
    assert get(client, query).status_code == 200


# --- Never cached ---------------------------------------------------------------------------------


def test_a_logged_in_user_is_never_answered_from_the_cache(admin_client, memorial):
    assert queries_run(admin_client, PAGE, {"id": memorial.pk})[0] > 0
    assert queries_run(admin_client, PAGE, {"id": memorial.pk})[0] > 0
    response = get(admin_client, PAGE, {"id": memorial.pk})
    assert "public" not in response["Cache-Control"]
    assert "ETag" not in response


def test_a_logged_in_users_answer_is_not_served_to_anyone_else(admin_client, client, memorial):
    data_of(admin_client, PAGE, {"id": memorial.pk})
    assert queries_run(client, PAGE, {"id": memorial.pk})[0] > 0


def test_a_preview_is_never_cached(client, memorial):
    memorial.title = "Draft title"
    token = memorial.create_page_preview().token
    query = "query($token: String) { page(token: $token) { title } }"
    for _ in range(2):
        count, data = queries_run(client, query, {"token": token})
        assert data["page"]["title"] == "Draft title"
        assert count > 0
    response = get(client, query, {"token": token})
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


def test_the_cache_can_be_switched_off(client, memorial, settings):
    settings.GRAPHQL_RESPONSE_CACHE = False
    data_of(client, PAGE, {"id": memorial.pk})
    assert queries_run(client, PAGE, {"id": memorial.pk})[0] > 0


# --- Documents parsed once ------------------------------------------------------------------------


@pytest.fixture
def parses(monkeypatch):
    """Every document graphql-core parses for the view, counted."""
    seen = []
    real_parse = documents.parse

    def counting_parse(source, **kwargs):
        seen.append(source)
        return real_parse(source, **kwargs)

    monkeypatch.setattr(documents, "parse", counting_parse)
    return seen


def unique_document():
    return f"# {uuid.uuid4()}\n{{ memorials {{ items {{ title }} }} }}"


def test_a_document_is_parsed_and_validated_once(client, tree, settings, parses):
    settings.GRAPHQL_RESPONSE_CACHE = False  # every request executes
    query = unique_document()
    for _ in range(3):
        data_of(client, query)
    assert parses.count(query) == 1
    settings.GRAPHQL_MAX_DEPTH = 11  # other limits, other validation: checked again
    data_of(client, query)
    assert parses.count(query) == 2


def test_the_document_cache_is_bounded(client, tree, settings, parses):
    settings.GRAPHQL_RESPONSE_CACHE = False
    settings.GRAPHQL_DOCUMENT_CACHE_SIZE = 2
    first, second, third = unique_document(), unique_document(), unique_document()
    for query in (first, second, first, third, first, second):
        data_of(client, query)
    # ``first`` stayed (it was used again before ``third`` came); ``second`` was pushed out by ``third``.
    assert [parses.count(q) for q in (first, second, third)] == [1, 2, 1]
