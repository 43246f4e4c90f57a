"""Cache invalidation: every change to what the API serves makes every cached GraphQL response stale.

One content version for the whole API (``cms.graphql.response_cache.invalidate``): a publish is rare next
to reads, and any page can appear in another's listing, menu or translations, so finer keys would buy
little and risk a stale answer.

The version is bumped twice: at once, when the signal fires, so no response is answered from before the
change inside the same transaction; and again after the commit, so a response computed by another
request between the two (from data not yet committed) is not kept. A rolled-back change just costs one
needless refresh. Unlike webhooks, invalidation runs whether or not frontends are configured.

What counts as a change:
- pages: publish, unpublish, move, delete, and any save of a live page other than a draft bookkeeping save
  (``save_revision`` on a live page changes only draft fields, which the API never shows);
- every model in ``events.WATCHED`` (the models frontends are notified about) and in ``SERVED_MODELS``
  (the rest of what the API serves). A new model the API serves (the register app's snippets) is added to
  one of the two lists;
- a register CSV import, which writes in bulk without per-record signals: once per import
  (``register.signals.records_imported``).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.graphql.response_cache import invalidate
from register.signals import records_imported

from .events import WATCHED

logger = logging.getLogger(__name__)

# Models the API serves besides pages and the WATCHED ones ("app_label.ModelName", as in WATCHED).
SERVED_MODELS = [
    "wagtailcore.Site",  # hostnames and root pages decide which pages a request sees
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",  # privacy set on a section hides its pages, without saving them
    settings.WAGTAILIMAGES_IMAGE_MODEL,
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    # The register: records and the inline rows saved with them (names, crew, documents) and burials.
    "register.Person",
    "register.NameVariant",
    "register.Cemetery",
    "register.Burial",
    "register.AircraftLoss",
    "register.CrewMember",
    "register.LossDocument",
]

# Page fields that ``save_revision`` and page locking write: the live content does not change.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def served_labels() -> frozenset[str]:
    return frozenset(label.lower() for label in [*SERVED_MODELS, *(watched.model for watched in WATCHED)])


def content_changed(**kwargs) -> None:
    """Bump the version now and again after the commit; never make the editor's change fail."""
    try:
        invalidate()
        transaction.on_commit(invalidate, robust=True)
    except Exception:
        logger.exception("Could not invalidate the API response cache.")


def on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return  # fixtures being loaded
    if isinstance(instance, Page):
        if instance.live and not (update_fields and DRAFT_ONLY_FIELDS.issuperset(update_fields)):
            content_changed()
    elif sender._meta.label_lower in served_labels():
        content_changed()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or sender._meta.label_lower in served_labels():
        content_changed()


def on_import(sender, **kwargs):
    if sender._meta.label_lower in served_labels():
        content_changed()


def connect() -> None:
    """Called once from CmsConfig.ready(). Saves and deletes of every model pass through the two
    handlers, which ignore what the API does not serve."""
    page_published.connect(content_changed, dispatch_uid="invalidation-page-published")
    page_unpublished.connect(content_changed, dispatch_uid="invalidation-page-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="invalidation-page-moved")
    post_save.connect(on_save, dispatch_uid="invalidation-saved")
    post_delete.connect(on_delete, dispatch_uid="invalidation-deleted")
    records_imported.connect(on_import, dispatch_uid="invalidation-imported")
