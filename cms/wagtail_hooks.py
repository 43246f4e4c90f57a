from wagtail import hooks

from .graphql.queries import CMSQuery


@hooks.register("register_schema_query")
def put_cms_queries_first(query_mixins):
    """Our locale-aware root fields must win over grapple's fields of the same name."""
    query_mixins.insert(0, CMSQuery)
