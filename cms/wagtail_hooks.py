from wagtail import hooks

from .dashboard import hooks as dashboard_hooks  # noqa: F401  (the dashboard panels)
from .editing.conflicts import hold_stale_publish, remember_newer_revisions, warn_of_newer_revisions
from .graphql.queries import CMSQuery
from .graphql.register.geojson import MapQuery
from .graphql.register.queries import RegisterQuery
from .publishing import admin_hooks  # noqa: F401  (publish notifications in the admin)
from .translation import status_hooks, workflow_hooks  # noqa: F401  (each registers its admin views)

# Concurrent edits of one page (cms/editing/conflicts.py).
hooks.register("before_edit_page", remember_newer_revisions)
hooks.register("before_publish_page", hold_stale_publish)
hooks.register("after_edit_page", warn_of_newer_revisions)


@hooks.register("register_schema_query")
def put_cms_queries_first(query_mixins):
    """Our locale-aware root fields must win over grapple's fields of the same name."""
    query_mixins.insert(0, CMSQuery)


@hooks.register("register_schema_query")
def add_register_queries(query_mixins):
    """The register's listings, lookups and map."""
    query_mixins.extend([RegisterQuery, MapQuery])
