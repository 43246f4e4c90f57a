"""The GraphQL endpoint: graphene-django's view with our HTTP policy.

Preview: a response to a request that presented a preview token (GET or POST, answered or refused) may
hold a draft, so it is sent with ``Cache-Control: no-store``: no browser, CDN or proxy may keep it.

Limits (``validation.py``): the document's size and token count are checked while parsing, before
graphene-django sees it; its depth, aliases, field count and (when ``GRAPHQL_INTROSPECTION`` is off)
introspection are checked by validation rules added to graphql-core's own. A refused document gets
HTTP 400 and a GraphQL error naming the limit, before any resolver runs, so it costs no database query.

Bad requests: anything the view cannot read (malformed or non-object JSON, a batch, an unsupported
content type, an oversized body, a ``query`` that is not a string…) gets a 4xx JSON answer
``{"errors": [{"message": …, "extensions": {"code": "BAD_REQUEST"…}}]}``, never a 500.

Failures that are not the client's (``errors.py``): a database outage is a 503 with ``Retry-After``; any
other exception from a resolver is logged and reported without its text.
"""

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphene_django.views import HttpError
from graphql import ExecutionResult, GraphQLError, parse

from .errors import format_error, raise_if_database_unavailable
from .preview import asks_for_preview_token, mark_preview_request, used_preview_token
from .validation import check_size, current_limits, is_token_limit_error, token_limit_error, validation_rules

SUPPORTED_CONTENT_TYPES = (
    "application/json",
    "application/graphql",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
)
# The ``extensions.code`` of a request refused before GraphQL sees it, by HTTP status.
CODES = {
    400: "BAD_REQUEST",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    503: "SERVICE_UNAVAILABLE",
}


def refuse(message: str, status: int = 400) -> HttpError:
    """graphene-django's way to answer early: its ``dispatch`` turns the error into a JSON body."""
    return HttpError(HttpResponse(status=status), message)


def too_big() -> HttpError:
    return refuse(f"The request body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes.", 413)


class GraphQLView(BaseGraphQLView):
    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
        except (RequestDataTooBig, TooManyFieldsSent) as error:
            # Raised outside graphene-django's own handling, e.g. while ``ensure_csrf_cookie`` reads a
            # form body; Django would answer with an HTML 400.
            http_error = too_big() if isinstance(error, RequestDataTooBig) else refuse(str(error))
            response = http_error.response
            response["Content-Type"] = "application/json"
            response.content = self.json_encode(request, {"errors": [self.format_error(http_error)]})
        if used_preview_token(request):
            # Replace, not patch: a "public, max-age" set elsewhere must not survive beside no-store.
            response["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def format_error(error):
        if isinstance(error, HttpError):
            code = CODES.get(error.response.status_code, "BAD_REQUEST")
            return {"message": error.message, "extensions": {"code": code}}
        return format_error(error)

    def parse_body(self, request):
        content_type = self.get_content_type(request)
        try:
            if content_type == "application/json":
                return self.parse_json(request.body)
            if request.method == "POST" and content_type not in SUPPORTED_CONTENT_TYPES and "query" not in request.GET:
                raise refuse(
                    f"Unsupported content type {content_type or '(none)'!r}: send the query as application/json.", 415
                )
            return super().parse_body(request)
        except RequestDataTooBig as error:
            raise too_big() from error
        except (TooManyFieldsSent, TooManyFilesSent, MultiPartParserError) as error:
            raise refuse(f"The form data could not be read: {error}") from error
        except UnicodeDecodeError as error:
            raise refuse("The request body is not valid UTF-8.") from error

    @staticmethod
    def parse_json(body: bytes) -> dict:
        try:
            data = json.loads(body)
        except ValueError as error:
            raise refuse(f"The request body is not valid JSON: {error}.") from error
        if isinstance(data, list):
            # graphene-django's ``batch`` stays off: one expensive document per request is enough to bound.
            raise refuse("Query batching is not supported: send one query per request, as a JSON object.")
        if not isinstance(data, dict):
            raise refuse(f'The request body must be a JSON object like {{"query": "…"}}, not {type(data).__name__}.')
        return data

    def execute_graphql_request(self, request, data, query, variables, operation_name, show_graphiql=False):
        check_types(query, variables, operation_name)
        if not query:
            return super().execute_graphql_request(request, data, query, variables, operation_name, show_graphiql)

        # Read at request time, so a changed setting applies at once (and tests can change it).
        limits = current_limits()
        refused = check_size(query, limits)
        if refused:
            return ExecutionResult(errors=[refused])
        try:
            # graphql-core stops lexing past the limit, so a huge document costs little to refuse.
            parse(query, max_tokens=limits.max_tokens)
        except GraphQLError as error:
            return ExecutionResult(errors=[token_limit_error(limits) if is_token_limit_error(error, limits) else error])

        # Our ``page(token:)`` marks the request itself; grapple's own token arguments do not, so the
        # document is checked too.
        if asks_for_preview_token(query):
            mark_preview_request(request)
        # graphene-django parses again (cheap now that the document is known to be small) and validates
        # with these rules; the view instance is per request, so setting them here is safe.
        self.validation_rules = validation_rules(limits)
        result = super().execute_graphql_request(request, data, query, variables, operation_name, show_graphiql)
        raise_if_database_unavailable(request, result)
        return result


def check_types(query, variables, operation_name) -> None:
    """Refuse parameters graphql-core would choke on with a confusing message (or graphene-django with a 500)."""
    if query is not None and not isinstance(query, str):
        raise refuse(f"`query` must be a string, not {type(query).__name__}.")
    if variables not in (None, "") and not isinstance(variables, dict):
        raise refuse(f"`variables` must be a JSON object, not {type(variables).__name__}.")
    if operation_name is not None and not isinstance(operation_name, str):
        raise refuse(f"`operationName` must be a string, not {type(operation_name).__name__}.")
