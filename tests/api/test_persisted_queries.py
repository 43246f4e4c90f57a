"""Automatic persisted queries, as Apollo clients send them: register once, then short cacheable GETs."""

import hashlib
import json

import pytest
from django.core.cache import cache

from pages.models import MemorialPage

from ..helpers import publish_child

pytestmark = pytest.mark.django_db

QUERY = "query Memorials { memorials { items { title } } }"
NOT_FOUND = {"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def extensions(sha: str, version=1) -> dict:
    return {"persistedQuery": {"version": version, "sha256Hash": sha}}


def get_persisted(client, sha: str, **headers):
    """What Apollo's persisted-queries link sends first: a GET with the hash and no document."""
    return client.get("/graphql/", {"extensions": json.dumps(extensions(sha))}, **headers)


def post(client, body: dict):
    return client.post("/graphql/", json.dumps(body), content_type="application/json")


@pytest.fixture
def memorial(tree):
    return publish_child(tree.memorials, MemorialPage(title="Rebecq", slug="rebecq", place="P", municipality="Rebecq"))


def test_register_then_run_by_hash(client, memorial, django_assert_num_queries):
    sha = sha256(QUERY)
    unknown = get_persisted(client, sha)
    assert unknown.status_code == 200
    assert unknown.json() == {"errors": [NOT_FOUND]}

    # The client's retry: the document with its hash registers it (and is answered).
    registered = post(client, {"query": QUERY, "extensions": extensions(sha)})
    assert registered.json() == {"data": {"memorials": {"items": [{"title": "Rebecq"}]}}}

    response = get_persisted(client, sha)
    assert response.status_code == 200
    assert response.json() == registered.json()
    assert "public" in response["Cache-Control"]
    with django_assert_num_queries(0):  # the answer comes from the response cache
        again = get_persisted(client, sha, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_get_can_register_too(client, memorial):
    sha = sha256(QUERY)
    response = client.get("/graphql/", {"query": QUERY, "extensions": json.dumps(extensions(sha))})
    assert response.json()["data"]["memorials"]["items"] == [{"title": "Rebecq"}]
    assert get_persisted(client, sha).json()["data"] == response.json()["data"]


def test_registered_documents_are_shared_through_the_cache_not_kept_per_process(client, memorial):
    sha = sha256(QUERY)
    post(client, {"query": QUERY, "extensions": extensions(sha)})
    cache.clear()  # what another process, sharing nothing else, would see after an eviction
    assert get_persisted(client, sha).json() == {"errors": [NOT_FOUND]}


def test_an_unknown_hash_is_not_found_without_a_database_query(client, tree, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = get_persisted(client, "a" * 64)
    assert response.json() == {"errors": [NOT_FOUND]}
    assert "public" not in response["Cache-Control"]  # a CDN must not keep the "not found"
    assert "ETag" not in response


def test_a_hash_that_does_not_match_the_document_is_refused(client, memorial):
    wrong = sha256(QUERY + " ")
    response = post(client, {"query": QUERY, "extensions": extensions(wrong)})
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {"message": "The provided sha256Hash does not match the query.", "extensions": {"code": "BAD_REQUEST"}}
        ]
    }
    assert get_persisted(client, wrong).json() == {"errors": [NOT_FOUND]}  # nothing was registered


@pytest.mark.parametrize(
    ("extension", "message"),
    [
        ({"persistedQuery": {"version": 2, "sha256Hash": "a" * 64}}, "Unsupported persisted query version"),
        ({"persistedQuery": {"version": 1, "sha256Hash": "not-a-hash"}}, "must be 64 hexadecimal characters"),
        ({"persistedQuery": {"version": 1}}, "must be 64 hexadecimal characters"),
        ({"persistedQuery": "abc"}, "must be a JSON object"),
        ("{not json", "`extensions` is not valid JSON"),
        ([1, 2], "`extensions` must be a JSON object"),
    ],
)
def test_a_malformed_persisted_query_gets_a_clear_400(client, tree, extension, message):
    raw = extension if isinstance(extension, str) else json.dumps(extension)
    response = client.get("/graphql/", {"extensions": raw})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert message in error["message"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}


def test_an_invalid_document_is_not_registered(client, tree):
    query = "{ memorials { nothingHere } }"
    response = post(client, {"query": query, "extensions": extensions(sha256(query))})
    assert response.status_code == 400
    assert get_persisted(client, sha256(query)).json() == {"errors": [NOT_FOUND]}


def test_a_document_over_the_size_limit_is_refused_and_not_registered(client, tree, settings):
    settings.GRAPHQL_MAX_QUERY_BYTES = len(QUERY) - 1
    response = post(client, {"query": QUERY, "extensions": extensions(sha256(QUERY))})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["limit"] == "MAX_QUERY_BYTES"
    settings.GRAPHQL_MAX_QUERY_BYTES = 20_000
    assert get_persisted(client, sha256(QUERY)).json() == {"errors": [NOT_FOUND]}


def test_extensions_without_a_persisted_query_are_ignored(client, memorial):
    response = post(client, {"query": QUERY, "extensions": {"tracing": True}})
    assert response.json()["data"]["memorials"]["items"] == [{"title": "Rebecq"}]


def test_a_document_answered_from_the_response_cache_is_registered_too(client, memorial):
    post(client, {"query": QUERY})  # cached by an ordinary request
    post(client, {"query": QUERY, "extensions": extensions(sha256(QUERY))})  # answered from the cache
    assert get_persisted(client, sha256(QUERY)).json()["data"]["memorials"]["items"] == [{"title": "Rebecq"}]
