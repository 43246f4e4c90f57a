"""What a client sees when a resolver fails for a reason that is not its request.

graphql-core catches whatever a resolver raises and reports it in ``errors`` with the exception's own text
as the message. Our resolvers and middleware raise ``GraphQLError`` (or an exception with ``extensions``) with a message
written for the client; anything else is either

- a database outage (``cms.middleware.is_database_unavailable``): the whole request is answered with
  HTTP 503, ``Retry-After`` and ``{"code": "SERVICE_UNAVAILABLE"}`` (``raise_if_database_unavailable``),
  since a partial answer with ``null`` fields would look like missing content; or
- a bug: logged with its traceback, and reported as ``{"code": "INTERNAL_SERVER_ERROR"}`` with a generic
  message (``format_error``), because the exception's text can name models, fields, SQL or file paths.
"""

import logging

from graphene_django.views import GraphQLView, HttpError
from graphql import ExecutionResult, GraphQLError

from cms.middleware import (
    DATABASE_UNAVAILABLE_MESSAGE,
    database_unavailable_response,
    is_database_unavailable,
    log_database_unavailable,
)

logger = logging.getLogger(__name__)

INTERNAL_ERROR_MESSAGE = "An internal error occurred while answering this field; it has been logged."


def original_error(error: Exception) -> Exception:
    """The exception behind ``error``: what the resolver raised, or ``error`` itself."""
    if isinstance(error, GraphQLError) and error.original_error is not None:
        return error.original_error
    return error


def raise_if_database_unavailable(request, result: ExecutionResult | None) -> None:
    """Answer 503 (through graphene-django's ``HttpError``) when a resolver could not reach the database."""
    for error in (result.errors or []) if result else []:
        cause = original_error(error)
        if is_database_unavailable(cause):
            log_database_unavailable(request, cause)
            raise HttpError(database_unavailable_response(request), DATABASE_UNAVAILABLE_MESSAGE)


def is_unexpected(error: Exception) -> bool:
    """Not an error meant for the client: a resolver (errors with a ``path``) raised something other than a
    ``GraphQLError`` or an exception carrying ``extensions`` (graphql-core's convention, which
    ``pages.models.base.PreviewTokenError`` follows), or graphene-django caught a bare exception. Errors
    without a path (syntax, validation, variable coercion) are graphql-core's own messages about the document."""
    if not isinstance(error, GraphQLError):
        return True
    cause = original_error(error)
    return error.path is not None and not isinstance(cause, GraphQLError) and not getattr(cause, "extensions", None)


def format_error(error: Exception) -> dict:
    """graphene-django's formatting, with the text of unexpected exceptions replaced and logged."""
    if not is_unexpected(error):
        return GraphQLView.format_error(error)
    cause = original_error(error)
    logger.error("GraphQL resolver failed: %r", cause, exc_info=(type(cause), cause, cause.__traceback__))
    formatted = {"message": INTERNAL_ERROR_MESSAGE, "extensions": {"code": "INTERNAL_SERVER_ERROR"}}
    if isinstance(error, GraphQLError):
        formatted.update({key: value for key, value in error.formatted.items() if key in ("locations", "path")})
    return formatted
