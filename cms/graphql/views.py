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

Caching (``response_cache.py``, ``persisted_queries.py``, ``documents.py``): complete answers to
anonymous queries (never mutations) are stored server-side and answered again without a database query
until cms/publishing reports a change; anonymous GETs get CDN headers and an ETag (304 on
``If-None-Match``). Parsed and validated documents are reused. No csrftoken cookie is set: nothing here is
authenticated by a cookie (the one mutation, a correction proposal, is public and anonymous; a preview is
authorised by its signed token), and a cookie would stop CDNs from caching.

Failures that are not the client's (``errors.py``): a database outage is a 503 with ``Retry-After``; any
other exception from a resolver is logged and reported without its text.
"""

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseNotModified
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphene_django.views import HttpError
from graphql import ExecutionResult, OperationType, execute, get_operation_ast

from . import persisted_queries, response_cache
from .documents import checked_document, document_hash
from .errors import format_error, raise_if_database_unavailable
from .preview import mark_preview_request, used_preview_token
from .settled import use_version
from .validation import check_size, current_limits

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


# graphene-django's dispatch without its ``ensure_csrf_cookie`` decorator (see the module docstring).
_dispatch_without_csrf_cookie = BaseGraphQLView.dispatch.__wrapped__


class GraphQLView(BaseGraphQLView):
    # Per request (Django makes a view instance per request): what the caching headers depend on.
    to_register: persisted_queries.PersistedQuery | None = None  # a document sent with its APQ hash
    shareable = False  # a complete answer to an anonymous request without a preview token
    etag: str | None = None
    complete = False  # the execution gave data and no errors

    def dispatch(self, request, *args, **kwargs):
        try:
            # One language for every request: nothing in an answer may depend on Accept-Language, which
            # is not part of the cache key (the content language is always a `locale` argument).
            with translation.override(settings.LANGUAGE_CODE):
                response = _dispatch_without_csrf_cookie(self, request, *args, **kwargs)
        except (RequestDataTooBig, TooManyFieldsSent) as error:
            # Raised outside graphene-django's own handling (a form body read before ``parse_body``);
            # Django would answer with an HTML 400.
            http_error = too_big() if isinstance(error, RequestDataTooBig) else refuse(str(error))
            response = http_error.response
            response["Content-Type"] = "application/json"
            response.content = self.json_encode(request, {"errors": [self.format_error(http_error)]})
        return self.with_cache_headers(request, response)

    def with_cache_headers(self, request, response):
        if used_preview_token(request) or response.status_code == 503:
            # A draft, or an outage that must not be kept once the database is back (errors.py).
            # Replace, not patch: a "public, max-age" set elsewhere must not survive beside no-store.
            response["Cache-Control"] = "no-store"
            return response
        if not (request.method == "GET" and self.shareable and response.status_code == 200):
            response_cache.set_private(response)
            return response
        response["ETag"] = self.etag or response_cache.etag_for(response.content)
        response_cache.set_public(response)
        if response_cache.matches_if_none_match(request, response["ETag"]):
            not_modified = HttpResponseNotModified()
            for header in ("ETag", "Cache-Control", "Vary"):
                if header in response:
                    not_modified[header] = response[header]
            return not_modified
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

    def get_response(self, request, data, show_graphiql=False):
        """graphene-django's, with persisted queries resolved first and the response cache around it."""
        query, variables, operation_name, _id = self.get_graphql_params(request, data)
        check_types(query, variables, operation_name)
        if (persisted := self.persisted_query(request, data, query)) is not None:
            if not query:
                query = persisted_queries.stored_document(persisted)
                if query is None:
                    return self.json_encode(request, {"errors": [self.format_error(persisted_queries.NOT_FOUND)]}), 200
                data = {**data, "query": query}  # graphene-django reads the document from ``data``
            else:
                self.to_register = persisted

        key = self.response_key(request, query, variables, operation_name)
        found = response_cache.lookup(key) if key and response_cache.enabled() else None
        if found:
            use_version(request, found.version)  # what the per-process lookups are valid for, read once
        if found and found.hit:
            if self.to_register:  # only valid documents are ever answered from the cache
                persisted_queries.register(self.to_register, query)
            self.shareable, self.etag = True, found.hit.etag
            return found.hit.body, 200
        body, status = super().get_response(request, data, show_graphiql)
        self.shareable = status == 200 and self.complete and key is not None and not used_preview_token(request)
        if self.shareable and found:
            self.etag = response_cache.store(key, body, found.version).etag
        return body, status

    @staticmethod
    def persisted_query(request, data, query) -> persisted_queries.PersistedQuery | None:
        """The persisted query the request names (its hash checked against ``query`` when one is sent)."""
        try:
            persisted = persisted_queries.requested(request, data)
            if persisted and query:
                persisted_queries.check_hash(persisted, query)
        except persisted_queries.PersistedQueryRefused as error:
            raise refuse(error.message) from error
        return persisted

    def response_key(self, request, query, variables, operation_name) -> str | None:
        """The response cache key of an anonymous request for a valid document without a preview token;
        None for any other request, which is neither answered from the cache nor stored."""
        if not isinstance(query, str) or not query:
            return None
        limits = current_limits()
        if check_size(query, limits):
            return None
        checked = checked_document(self.schema.graphql_schema, query, limits)
        # Anonymity last: with a session cookie it costs a query, which a refused document must not cost.
        if not checked.valid or checked.asks_for_preview_token or not is_query(checked.document, operation_name):
            return None
        if not response_cache.is_anonymous(request):
            return None
        return response_cache.response_key(
            request,
            schema=self.schema.graphql_schema,
            query_hash=document_hash(query),
            operation_name=operation_name,
            variables=variables,
            limits=limits,
        )

    def execute_graphql_request(self, request, data, query, variables, operation_name, show_graphiql=False):
        if not query:
            return super().execute_graphql_request(request, data, query, variables, operation_name, show_graphiql)

        # Read at request time, so a changed setting applies at once (and tests can change it).
        limits = current_limits()
        refused = check_size(query, limits)
        if refused:
            return ExecutionResult(errors=[refused])
        checked = checked_document(self.schema.graphql_schema, query, limits)
        # Our ``page(token:)`` marks the request itself; grapple's own token arguments do not, so the
        # document is checked too.
        if checked.asks_for_preview_token:
            mark_preview_request(request)
        if not checked.valid:
            return ExecutionResult(errors=list(checked.errors))
        if self.to_register:
            persisted_queries.register(self.to_register, query)
        result = self.execute_document(request, checked.document, variables, operation_name)
        raise_if_database_unavailable(request, result)
        self.complete = result.data is not None and not result.errors
        return result

    def execute_document(self, request, document, variables, operation_name) -> ExecutionResult:
        """graphene-django's execution of an already parsed and validated document.

        Its ATOMIC_MUTATIONS handling is left out: the one mutation (a public correction proposal) writes a
        single row.
        """
        operation = get_operation_ast(document, operation_name)
        if request.method == "GET" and operation is not None and operation.operation != OperationType.QUERY:
            raise HttpError(
                HttpResponseNotAllowed(["POST"]),
                f"Can only perform a {operation.operation.value} operation from a POST request.",
            )
        try:
            return execute(
                self.schema.graphql_schema,
                document,
                root_value=self.get_root_value(request),
                context_value=self.get_context(request),
                variable_values=variables,
                operation_name=operation_name,
                middleware=self.get_middleware(request),
                execution_context_class=self.execution_context_class,
            )
        except Exception as error:  # noqa: BLE001 - graphene-django reports it as a GraphQL error, as here
            return ExecutionResult(errors=[error])


def is_query(document, operation_name) -> bool:
    """Only queries are answered from the cache: a mutation must run every time it is sent."""
    operation = get_operation_ast(document, operation_name)
    return operation is not None and operation.operation == OperationType.QUERY


def check_types(query, variables, operation_name) -> None:
    """Refuse parameters graphql-core would choke on with a confusing message (or graphene-django with a 500)."""
    if query is not None and not isinstance(query, str):
        raise refuse(f"`query` must be a string, not {type(query).__name__}.")
    if variables not in (None, "") and not isinstance(variables, dict):
        raise refuse(f"`variables` must be a JSON object, not {type(variables).__name__}.")
    if operation_name is not None and not isinstance(operation_name, str):
        raise refuse(f"`operationName` must be a string, not {type(operation_name).__name__}.")
