"""Counts the database queries of each request into an ``X-DB-Queries`` response header (benchmark settings only).

It wraps the connection's execution instead of reading ``connection.queries``, which needs DEBUG.
"""

from django.db import connection

HEADER = "X-DB-Queries"


class QueryCountMiddleware:
    """Adds ``X-DB-Queries: <n>`` to every response: the queries run while the request was handled."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        response[HEADER] = str(count)
        return response
