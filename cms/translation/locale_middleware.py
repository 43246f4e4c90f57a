"""Django's LocaleMiddleware, except on the GraphQL endpoint.

An API answer never depends on the browser's language: the content language is the ``locale`` argument,
and the view runs every request in the default language (cms/graphql/views.py). Django's middleware would
still add ``Vary: Accept-Language`` to every answer, which makes a CDN keep one copy per distinct
Accept-Language header its visitors send, for the same bytes.
"""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "graphql":
            return response
        return super().process_response(request, response)
