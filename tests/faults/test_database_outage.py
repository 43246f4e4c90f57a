"""A database outage is answered with 503, ``Retry-After`` and a clear error, never a 500 or the driver's text;
the next request after the outage is served normally. Any other failure in a resolver is logged and
reported without its text.

The outage is simulated by making every use of the connection fail as psycopg does when PostgreSQL refuses
connections or has just closed them, so these run on SQLite too; ``test_postgres_restart.py`` restarts a
real PostgreSQL.
"""

import json
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError, connections

from pages.models import NewsPage

from ..helpers import data_of, publish_child

pytestmark = pytest.mark.django_db

REFUSED = OperationalError(
    'connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection refused'
)
CLOSED = InterfaceError("the connection is closed")
QUERY = "{ newsItems { items { title } } }"
UNAVAILABLE = {
    "errors": [
        {
            "message": "The database is temporarily unavailable; try again in a few seconds.",
            "extensions": {"code": "SERVICE_UNAVAILABLE"},
        }
    ]
}


@contextmanager
def database_failing(error):
    """Every query on the default connection raises ``error``, as during a restart."""
    with mock.patch.object(connections["default"], "ensure_connection", side_effect=error):
        yield


@pytest.fixture
def news(tree):
    return publish_child(tree.news, NewsPage(title="Kept", slug="kept", summary="S", body=[]))


def assert_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"
    assert response.json() == UNAVAILABLE


@pytest.mark.parametrize("error", [REFUSED, CLOSED], ids=["refused", "closed"])
def test_an_api_request_during_an_outage_is_a_503(client, news, error, caplog):
    with database_failing(error):
        response = client.post("/graphql/", json.dumps({"query": QUERY}), content_type="application/json")
    assert_unavailable(response)
    assert str(error) not in response.content.decode()
    assert any("Database unavailable" in record.getMessage() for record in caplog.records)


def test_a_get_during_an_outage_is_a_503_too(client, news):
    with database_failing(REFUSED):
        response = client.get("/graphql/", {"query": QUERY}, HTTP_ACCEPT="application/json")
    assert_unavailable(response)


def test_the_api_answers_again_as_soon_as_the_database_is_back(client, news):
    with database_failing(REFUSED):
        assert (
            client.post("/graphql/", json.dumps({"query": QUERY}), content_type="application/json").status_code == 503
        )
    assert data_of(client, QUERY) == {"newsItems": {"items": [{"title": "Kept"}]}}


def test_a_query_that_needs_no_database_is_still_answered(client, db):
    with database_failing(REFUSED):
        assert data_of(client, "{ __typename }") == {"__typename": "Query"}


def test_an_admin_page_during_an_outage_is_a_503(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    with database_failing(REFUSED):
        response = client.get("/admin/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "The database is temporarily unavailable; try again in a few seconds."


def test_any_other_failure_is_logged_and_reported_without_its_text(client, news, caplog):
    secret = ProgrammingError('relation "pages_newspage" does not exist at /srv/cms/secret.py')
    with database_failing(secret):
        response = client.post("/graphql/", json.dumps({"query": QUERY}), content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert body["errors"] == [
        {
            "message": "An internal error occurred while answering this field; it has been logged.",
            "extensions": {"code": "INTERNAL_SERVER_ERROR"},
            "locations": [{"line": 1, "column": 3}],
            "path": ["newsItems"],
        }
    ]
    logged = [record for record in caplog.records if record.name == "cms.graphql.errors"]
    assert len(logged) == 1 and "pages_newspage" in logged[0].getMessage() and logged[0].exc_info
