"""The GraphQL endpoint: graphene-django's view with our HTTP policy.

A response to a request that presented a preview token (GET or POST, answered or refused) may hold
a draft, so it is sent with ``Cache-Control: no-store``: no browser, CDN or proxy may keep it.
Everything else is graphene-django's behaviour, unchanged.
"""

from graphene_django.views import GraphQLView as BaseGraphQLView

from .preview import asks_for_preview_token, mark_preview_request, used_preview_token


class GraphQLView(BaseGraphQLView):
    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if used_preview_token(request):
            # Replace, not patch: a "public, max-age" set elsewhere must not survive beside no-store.
            response["Cache-Control"] = "no-store"
        return response

    def execute_graphql_request(self, request, data, query, variables, operation_name, show_graphiql=False):
        # Our ``page(token:)`` marks the request itself; grapple's own token arguments do not, so the
        # document is checked too.
        if query and asks_for_preview_token(query):
            mark_preview_request(request)
        return super().execute_graphql_request(request, data, query, variables, operation_name, show_graphiql)
