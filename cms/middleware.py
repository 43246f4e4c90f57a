"""A database outage is a 503 the client may retry, never a 500.

While PostgreSQL restarts or fails over, Django raises ``OperationalError`` (connection refused, terminated
by the administrator, "the database system is starting up") or ``InterfaceError`` (a connection already
closed). Those are not bugs in the request, and the service recovers by itself: Django drops a broken
connection at the end of the request and, with ``CONN_HEALTH_CHECKS``, checks a kept one before reusing it.
So the client gets ``503 Service Unavailable`` with ``Retry-After``, and the details go to the log only.

``DatabaseUnavailableMiddleware`` answers for exceptions that escape a view (the admin, page redirects);
the GraphQL view answers for its own resolvers, whose exceptions graphql-core catches into ``errors``
(``cms/graphql/errors.py``).
"""

import json
import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
DATABASE_UNAVAILABLE_MESSAGE = "The database is temporarily unavailable; try again in a few seconds."
DATABASE_UNAVAILABLE_CODE = "SERVICE_UNAVAILABLE"


def is_database_unavailable(error: BaseException | None) -> bool:
    """Whether ``error`` says the database cannot be reached now (rather than that a query is wrong)."""
    return isinstance(error, OperationalError | InterfaceError)


def log_database_unavailable(request, error: BaseException) -> None:
    logger.warning("Database unavailable while serving %s %s: %s", request.method, request.path, error)


def database_unavailable_response(request) -> HttpResponse:
    """503 with ``Retry-After``: a GraphQL-shaped JSON body for the API, plain text elsewhere."""
    if request.path.startswith("/graphql/"):
        error = {"message": DATABASE_UNAVAILABLE_MESSAGE, "extensions": {"code": DATABASE_UNAVAILABLE_CODE}}
        response = HttpResponse(json.dumps({"errors": [error]}), status=503, content_type="application/json")
    else:
        response = HttpResponse(DATABASE_UNAVAILABLE_MESSAGE, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database outage raised by a view into a 503 (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        log_database_unavailable(request, exception)
        return database_unavailable_response(request)
