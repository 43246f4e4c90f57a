"""Limits on the GraphQL document itself (size, tokens, depth, aliases, fields, batching, introspection)
and bad requests: each refused with a 4xx JSON error that names the problem, never a 500, and a refused
document costs no database query."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import parse

from cms.graphql.validation import current_limits, document_shape
from cms.management.commands.export_examples import document_for, load_cases, query_names

from ..helpers import data_of, gql

pytestmark = pytest.mark.django_db

DEFAULTS = current_limits()


def refused(client, query, variables=None):
    """POST ``query``; assert it is refused with 400 without touching the database; return its one error."""
    with CaptureQueriesContext(connection) as queries:
        status, body = gql(client, query, variables)
    assert status == 400, body
    assert len(queries) == 0, [q["sql"] for q in queries.captured_queries]
    assert "data" not in body
    return body["errors"][0]


def nested_pages(depth):
    """A valid document ``depth`` levels deep, as graphene's depth_limit_validator counts: page > children…"""
    return '{ page(urlPath: "/") { ' + "children { " * (depth - 1) + "id" + " }" * depth + " }"


def test_the_defaults():
    assert DEFAULTS.max_depth == 12
    assert DEFAULTS.max_tokens == 2000
    assert DEFAULTS.max_query_bytes == 20_000
    assert DEFAULTS.max_aliases == 30
    assert DEFAULTS.max_fields == 500
    assert DEFAULTS.introspection is True


# --- Depth ----------------------------------------------------------------------------------------


def test_a_query_at_the_maximum_depth_runs(client, tree):
    assert document_shape(parse(nested_pages(12))).depth == 12
    assert data_of(client, nested_pages(12))["page"]["children"]


def test_a_query_past_the_maximum_depth_is_refused(client, tree):
    error = refused(client, nested_pages(13))
    assert error["message"] == "The query is 13 levels deep; the maximum is 12."
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "MAX_DEPTH"}


def test_depth_counts_through_fragments(client, tree):
    query = (
        '{ page(urlPath: "/") { ...A } } '
        "fragment A on PageInterface { children { ...B } } "
        "fragment B on PageInterface { " + "children { " * 11 + "id" + " }" * 11 + " }"
    )
    assert "13 levels deep" in refused(client, query)["message"]


def test_the_setting_is_read_at_request_time(client, tree, settings):
    settings.GRAPHQL_MAX_DEPTH = 3
    data_of(client, nested_pages(3))
    assert refused(client, nested_pages(4))["message"] == "The query is 4 levels deep; the maximum is 3."


def test_nesting_too_deep_to_parse_is_a_400(client, tree):
    # Deeper than graphql-core's parser guard (200 selection sets), yet within the token and size limits.
    query = "{ a" * 300 + " }" * 300
    assert len(query) < 20_000 and 3 * 300 < 2000
    error = refused(client, query)
    assert error["message"] == "Syntax Error: Document is nested too deeply. Parsing aborted."


# --- Aliases and fields ---------------------------------------------------------------------------


def aliased(count):
    return "{ " + " ".join(f'a{i}: page(urlPath: "/") {{ id }}' for i in range(count)) + " }"


def test_aliases_at_the_maximum_run(client, tree):
    assert len(data_of(client, aliased(30))) == 30


def test_aliases_past_the_maximum_are_refused(client, tree):
    error = refused(client, aliased(31))
    assert error["message"] == "The query uses 31 aliases; the maximum is 30."
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "MAX_ALIASES"}


def test_aliases_in_a_fragment_count_once_however_often_it_is_spread(client, tree):
    fragment = "fragment F on PageInterface { " + " ".join(f"t{i}: title" for i in range(20)) + " }"
    query = '{ page(urlPath: "/") { ...F children { ...F } } } ' + fragment
    assert document_shape(parse(query)).aliases == 20
    data_of(client, query)


def fields(count):
    """``count`` field selections: ``page`` and ``count - 1`` (merged) ``id`` fields."""
    return '{ page(urlPath: "/") { ' + "id " * (count - 1) + "} }"


def test_fields_at_the_maximum_run(client, tree):
    assert document_shape(parse(fields(500))).fields == 500
    data_of(client, fields(500))


def test_fields_past_the_maximum_are_refused(client, tree):
    error = refused(client, fields(501))
    assert error["message"] == "The query selects 501 fields; the maximum is 500."
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "MAX_FIELDS"}


# --- Tokens and size ------------------------------------------------------------------------------

SMALL = '{ page(urlPath: "/") { id } }'


def with_tokens(count):
    """``SMALL`` padded with comment lines (graphql-core's max_tokens counts comments) to ``count`` tokens."""
    padding = count - parse(SMALL).token_count
    return "#\n" * padding + SMALL


def test_tokens_at_the_maximum_run(client, tree):
    assert parse(with_tokens(2000)).token_count == 2000
    data_of(client, with_tokens(2000))


def test_tokens_past_the_maximum_are_refused(client, tree):
    error = refused(client, with_tokens(2001))
    assert error["message"] == "The query has more than 2000 tokens; the maximum is 2000."
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "MAX_TOKENS"}


def with_bytes(size):
    """``SMALL`` after one comment, ``size`` UTF-8 bytes in all (one token whatever its length)."""
    return "#" + "x" * (size - len(SMALL) - 2) + "\n" + SMALL


def test_a_document_at_the_maximum_size_runs(client, tree):
    assert len(with_bytes(20_000).encode()) == 20_000
    data_of(client, with_bytes(20_000))


def test_a_document_past_the_maximum_size_is_refused(client, tree):
    error = refused(client, with_bytes(20_001))
    assert error["message"] == "The query is 20001 bytes; the maximum is 20000."
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "MAX_QUERY_BYTES"}


def test_size_counts_bytes_not_characters(client, tree):
    query = "#" + "é" * 10_000 + "\n" + SMALL  # 10 000 characters, 20 000 bytes
    assert "bytes; the maximum is 20000" in refused(client, query)["message"]


# --- Batching and introspection -------------------------------------------------------------------


def test_batching_is_refused(client, db):
    body = json.dumps([{"query": "{ __typename }"}, {"query": "{ __typename }"}])
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/graphql/", body, content_type="application/json")
    assert response.status_code == 400
    assert len(queries) == 0
    assert response.json()["errors"][0] == {
        "message": "Query batching is not supported: send one query per request, as a JSON object.",
        "extensions": {"code": "BAD_REQUEST"},
    }


INTROSPECTION = "{ __schema { queryType { name } } }"


def test_introspection_is_allowed_by_default(client, db):
    assert data_of(client, INTROSPECTION) == {"__schema": {"queryType": {"name": "Query"}}}


def test_introspection_is_refused_when_turned_off(client, db, settings):
    settings.GRAPHQL_INTROSPECTION = False
    error = refused(client, INTROSPECTION)
    assert error["message"] == "Cannot query '__schema': introspection is disabled."
    assert error["extensions"] == {"code": "INTROSPECTION_DISABLED"}
    assert "introspection is disabled" in refused(client, '{ __type(name: "Query") { name } }')["message"]


def test_typename_stays_available_without_introspection(client, tree, settings):
    settings.GRAPHQL_INTROSPECTION = False
    assert data_of(client, '{ __typename page(urlPath: "/") { __typename } }') == {
        "__typename": "Query",
        "page": {"__typename": "HomePage"},
    }


# --- The contract's documents ---------------------------------------------------------------------


@pytest.mark.parametrize("name", query_names())
def test_every_contract_document_passes_the_limits(client, tree, name):
    document = document_for(name)
    shape = document_shape(parse(document))
    assert shape.depth <= DEFAULTS.max_depth // 2
    assert shape.aliases <= DEFAULTS.max_aliases // 2
    assert shape.fields <= DEFAULTS.max_fields // 2
    assert parse(document).token_count <= DEFAULTS.max_tokens // 2
    assert len(document.encode()) <= DEFAULTS.max_query_bytes // 2
    variables = next((case.variables for case in load_cases().values() if case.query == name), {})
    status, body = gql(client, document, variables)
    assert status == 200, body
    codes = [error.get("extensions", {}).get("code") for error in body.get("errors", [])]
    assert "LIMIT_EXCEEDED" not in codes
    assert "GRAPHQL_VALIDATION_FAILED" not in codes


# --- Bad requests ---------------------------------------------------------------------------------


def post(client, body, content_type="application/json"):
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/graphql/", body, content_type=content_type)
    assert len(queries) == 0
    return response.status_code, response.json()["errors"][0]


def get(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/graphql/", params, HTTP_ACCEPT="application/json")
    assert len(queries) == 0
    return response.status_code, response.json()["errors"][0]


def test_malformed_json(client, db):
    status, error = post(client, '{"query": ')
    assert status == 400
    assert error["message"].startswith("The request body is not valid JSON: ")
    assert error["extensions"] == {"code": "BAD_REQUEST"}


@pytest.mark.parametrize(("body", "kind"), [("42", "int"), ('"{ __typename }"', "str"), ("null", "NoneType")])
def test_a_json_body_that_is_not_an_object(client, db, body, kind):
    status, error = post(client, body)
    assert status == 400
    assert error["message"] == f'The request body must be a JSON object like {{"query": "…"}}, not {kind}.'


def test_a_query_that_is_not_a_string(client, db):
    assert post(client, json.dumps({"query": 42})) == (
        400,
        {"message": "`query` must be a string, not int.", "extensions": {"code": "BAD_REQUEST"}},
    )
    assert (
        post(client, json.dumps({"query": ["{ __typename }"]}))[1]["message"] == "`query` must be a string, not list."
    )


def test_variables_that_are_not_an_object(client, db):
    status, error = post(client, json.dumps({"query": "{ __typename }", "variables": [1]}))
    assert (status, error["message"]) == (400, "`variables` must be a JSON object, not list.")


def test_a_missing_query(client, db):
    status, error = post(client, json.dumps({"variables": {}}))
    assert (status, error["message"]) == (400, "Must provide query string.")


def test_a_plain_text_body_is_unsupported(client, db):
    status, error = post(client, "{ __typename }", content_type="text/plain")
    assert status == 415
    assert error == {
        "message": "Unsupported content type 'text/plain': send the query as application/json.",
        "extensions": {"code": "UNSUPPORTED_MEDIA_TYPE"},
    }


def test_a_form_without_a_query(client, db):
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/graphql/", {"something": "else"})  # multipart/form-data
    assert len(queries) == 0
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "Must provide query string."


def test_a_form_with_a_query_still_works(client, db):
    response = client.post("/graphql/", {"query": "{ __typename }"})
    assert (response.status_code, response.json()) == (200, {"data": {"__typename": "Query"}})


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (json.dumps({"query": "{ __typename }", "padding": "x" * 2000}), "application/json"),
        ("query=" + "x" * 2000, "application/x-www-form-urlencoded"),
        ("{ __typename }" + " " * 2000, "application/graphql"),
    ],
)
def test_an_oversized_body_is_a_413(client, db, settings, body, content_type):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    status, error = post(client, body, content_type)
    assert status == 413
    assert error == {
        "message": "The request body is larger than 1000 bytes.",
        "extensions": {"code": "PAYLOAD_TOO_LARGE"},
    }


def test_a_get_without_a_query(client, db):
    assert get(client) == (400, {"message": "Must provide query string.", "extensions": {"code": "BAD_REQUEST"}})


def test_a_get_with_variables_that_are_not_json(client, db):
    status, error = get(client, query="{ __typename }", variables="not-json")
    assert (status, error["message"]) == (400, "Variables are invalid JSON.")


def test_a_get_query_works(client, db):
    response = client.get("/graphql/", {"query": "{ __typename }"}, HTTP_ACCEPT="application/json")
    assert (response.status_code, response.json()) == (200, {"data": {"__typename": "Query"}})


def test_a_get_is_limited_too(client, tree):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/graphql/", {"query": nested_pages(13)}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert len(queries) == 0
    assert response.json()["errors"][0]["extensions"]["limit"] == "MAX_DEPTH"


def test_a_mutation_over_get_is_not_allowed(client, db):
    mutation = "mutation($i: CorrectionProposalInput!) { proposeRegisterCorrection(input: $i) { received } }"
    status, error = get(client, query=mutation)
    assert status == 405
    assert error == {
        "message": "Can only perform a mutation operation from a POST request.",
        "extensions": {"code": "METHOD_NOT_ALLOWED"},
    }


def test_an_unknown_mutation_over_post_is_refused(client, db):
    # The only mutation is proposeRegisterCorrection (tests/register/test_corrections.py).
    error = refused(client, "mutation { doSomething }")
    assert error["message"] == "Cannot query field 'doSomething' on type 'Mutation'."


def test_a_variable_of_the_wrong_type(client, tree):
    error = refused(client, "query($n: PositiveInt) { memorials(perPage: $n) { items { id } } }", {"n": "ten"})
    assert error["message"] == "Variable '$n' got invalid value 'ten'; Expected type 'PositiveInt'."


def test_a_syntax_error(client, db):
    error = refused(client, "{ page(urlPath: ) { id } }")
    assert error["message"].startswith("Syntax Error: ")


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_not_allowed(client, db, method):
    response = getattr(client, method)("/graphql/", "{}", content_type="application/json")
    assert response.status_code == 405
    assert response.json()["errors"][0]["message"] == "GraphQL only supports GET and POST requests."
