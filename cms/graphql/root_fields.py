"""Which of grapple's root fields the API keeps: none that bypass the page visibility rule.

Grapple adds root fields for everything it knows, each with its own idea of what is public:
``sites``/``site`` (whose ``pages`` and ``page`` ignore language, expiry and aliases), ``redirects``
(whose ``page`` may be a draft or a private page), ``images``/``image`` (every upload, including
those only used on drafts), ``documents``/``document``, ``collections``, ``tags``/``tag``,
``snippets`` and ``settings``/``setting``. Frontends read pages through ``cms.graphql.queries``,
images through the pages that show them and the organisation through ``organisation``; the rest
of grapple's root fields are left out of the schema.
"""

from wagtail import hooks

# Grapple's query mixins are built in these modules; dropping a mixin drops all of its root fields.
LEFT_OUT = {
    "grapple.types.collections",  # collections
    "grapple.types.documents",  # document, documents, documentType
    "grapple.types.images",  # image, images, imageType
    "grapple.types.redirects",  # redirects
    "grapple.types.settings",  # setting, settings
    "grapple.types.sites",  # site, sites
    "grapple.types.snippets",  # snippets
    "grapple.types.tags",  # tag, tags
    "grapple.types.media",  # media, if wagtailmedia is ever installed
}


def _drop_unsafe_mixins(query_mixins):
    query_mixins[:] = [mixin for mixin in query_mixins if getattr(mixin, "__module__", None) not in LEFT_OUT]


def register_root_field_policy():
    """Filter grapple's root query mixins; runs after every other ``register_schema_query`` hook."""
    hooks.register("register_schema_query", _drop_unsafe_mixins, order=1000)
