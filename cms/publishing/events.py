"""Signal handlers that turn content changes into notification events, handed over once the change is committed.

Events: ``page.published``, ``page.unpublished``, ``page.deleted``, ``page.moved`` (a move, or a new slug on
a live page) and one per watched model (``settings.changed``). What will be gone after the change (the paths
of deleted pages, the old paths of moved ones) is captured when the signal fires; everything else is read
after the commit. A rolled-back change notifies no one, and no handler ever makes the editor's action fail.
"""

import functools
import logging
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from asgiref.local import Local
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_save, pre_delete
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

from . import tasks
from .paths import affected_paths, home_paths, url_path

logger = logging.getLogger(__name__)

PUBLISHED, UNPUBLISHED, DELETED, MOVED = "page.published", "page.unpublished", "page.deleted", "page.moved"


@dataclass(frozen=True)
class Watched:
    """A non-page model whose saves and deletes reach the frontends as ``event``, affecting ``paths(instance)``."""

    model: str  # "app_label.ModelName"
    event: str
    paths: Callable[[models.Model], Iterable[str]] = lambda instance: home_paths()  # the whole site shell
    on_create: bool = True


# The registration point: a model opts in with one line here (snippets of the register app, later).
WATCHED = [
    # The organisation details are in every page's header and footer: every language's home, i.e. the site.
    # A row created empty by OrganisationSettings.for_site() on first read changes nothing anyone sees.
    Watched("pages.OrganisationSettings", "settings.changed", lambda s: home_paths(s.site_id), on_create=False),
]


@dataclass(frozen=True)
class Event:
    name: str
    content_type: str  # "pages.MemorialPage"
    object_id: int | str
    locale: str | None
    paths: frozenset[str]
    occurred_at: datetime = field(default_factory=timezone.now)

    def payload(self) -> dict:
        return {
            "event": self.name,
            "occurred_at": self.occurred_at.isoformat(),
            "content_type": self.content_type,
            "id": self.object_id,
            "locale": self.locale,
            "paths": sorted(self.paths),
        }


def page_event(name: str, page: Page, paths: Iterable[str], occurred_at: datetime | None = None) -> Event:
    model = page.specific_class or type(page)
    return Event(
        name=name,
        content_type=model._meta.label,
        object_id=page.pk,
        locale=page.locale.language_code,
        paths=frozenset(paths),
        occurred_at=occurred_at or timezone.now(),
    )


def after_commit(build: Callable[[], Event | None]) -> None:
    """Build the event and dispatch it once the transaction commits; log, never raise, on failure."""

    def run():
        try:
            event = build()
            if event is not None and event.paths:
                tasks.dispatch(event.payload())
        except Exception:
            logger.exception("Could not notify the frontends of a change.")

    transaction.on_commit(run, robust=True)


def notify_page(name: str, page: Page, *, before: Iterable[str] = (), subtree: bool = False) -> None:
    """Notify ``name`` for ``page`` after the commit, with its paths as they are then (plus ``before``)."""
    page_id, occurred_at, before = page.pk, timezone.now(), set(before)

    def build():
        current = Page.objects.filter(pk=page_id).first()
        if current is None:
            return None  # deleted in the same transaction: its page.deleted event says it all
        descendants = current.get_descendants() if subtree else ()
        return page_event(name, current, before | affected_paths(current, descendants=descendants), occurred_at)

    after_commit(build)


def guarded(handler):
    """Handlers do nothing without frontends, and never break the editor's save, publish, move or delete."""

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        if not settings.FRONTEND_WEBHOOK_URLS:
            return
        try:
            # A savepoint: a query failing in here must not leave the editor's transaction unusable.
            with transaction.atomic():
                handler(*args, **kwargs)
        except Exception:
            logger.exception("Could not prepare a frontend notification in %s.", handler.__name__)

    return wrapper


@guarded
def on_page_published(sender, instance, **kwargs):
    notify_page(PUBLISHED, instance)


@guarded
def on_page_unpublished(sender, instance, **kwargs):
    # Wagtail also sends this for every live page it deletes; notify_page drops those after the commit.
    notify_page(UNPUBLISHED, instance)


# Old paths of pages being moved, from pre_page_move to post_page_move (Wagtail passes no state between them).
_moves = Local()


def _pending_moves() -> dict[int, set[str]]:
    if not hasattr(_moves, "paths"):
        _moves.paths = {}
    return _moves.paths


@guarded
def on_pre_page_move(sender, instance, **kwargs):
    page = Page.objects.get(pk=instance.pk)
    descendants = list(page.get_descendants())
    if page.live or any(d.live for d in descendants):  # moving drafts changes no public URL
        _pending_moves()[page.pk] = affected_paths(page, descendants=descendants)


@guarded
def on_post_page_move(sender, instance, **kwargs):
    before = _pending_moves().pop(instance.pk, None)
    if before is not None:
        notify_page(MOVED, instance, before=before, subtree=True)


@guarded
def on_page_slug_changed(sender, instance, instance_before, **kwargs):
    """A new slug on a live page moves it (and its subtree) to new URLs: a move, for the frontends."""
    if not instance.live:
        return
    old, new = url_path(instance_before), url_path(instance)
    if not (old and new):
        return
    before = {old}
    for descendant in instance.get_descendants():
        path = url_path(descendant)
        if path and path.startswith(new):
            before.add(old + path[len(new) :])
    notify_page(MOVED, instance, before=before, subtree=True)


# Deletions already captured, by the queryset they started from: deleting a page deletes its whole subtree
# in one query, and Django sends pre_delete for every page of it, in no particular order.
_captured_deletions = weakref.WeakSet()


@guarded
def on_page_pre_delete(sender, instance, origin=None, **kwargs):
    """One page.deleted event per deleted subtree, with the paths of every page in it, captured before deletion."""
    if isinstance(origin, models.QuerySet) and issubclass(origin.model, Page):
        if origin in _captured_deletions:
            return
        _captured_deletions.add(origin)
        doomed = list(Page.objects.filter(pk__in=origin.values("pk")))
    else:
        doomed = [instance]
    # Wagtail's own pre_delete handler has already set live=False on ``instance``, in memory only.
    tree_paths = {page.path for page in doomed}
    for top in doomed:
        if top.path[: -top.steplen] in tree_paths:
            continue  # inside a subtree deleted with its root
        subtree = [page for page in doomed if page.path.startswith(top.path) and page.pk != top.pk]
        if top.live or any(page.live for page in subtree):  # deleting drafts changes no public URL
            event = page_event(DELETED, top, affected_paths(top, descendants=subtree))
            after_commit(lambda event=event: event)


def _watch(watched: Watched) -> None:
    model = apps.get_model(watched.model)

    def build(instance) -> Event:
        locale = getattr(instance, "locale", None)
        return Event(
            name=watched.event,
            content_type=model._meta.label,
            object_id=instance.pk,
            locale=getattr(locale, "language_code", None),
            paths=frozenset(watched.paths(instance)),
        )

    @guarded
    def saved(sender, instance, created=False, raw=False, **kwargs):
        if not raw and (watched.on_create or not created):
            event = build(instance)
            after_commit(lambda: event)

    @guarded
    def deleting(sender, instance, **kwargs):
        event = build(instance)  # now, while what the paths depend on still exists
        after_commit(lambda: event)

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"publishing-saved-{watched.model}")
    pre_delete.connect(deleting, sender=model, weak=False, dispatch_uid=f"publishing-deleting-{watched.model}")


def connect() -> None:
    """Called once from CmsConfig.ready()."""
    page_published.connect(on_page_published, dispatch_uid="publishing-page-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="publishing-page-unpublished")
    pre_page_move.connect(on_pre_page_move, dispatch_uid="publishing-pre-page-move")
    post_page_move.connect(on_post_page_move, dispatch_uid="publishing-post-page-move")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid="publishing-page-slug-changed")
    pre_delete.connect(on_page_pre_delete, sender=Page, dispatch_uid="publishing-page-pre-delete")
    for watched in WATCHED:
        _watch(watched)
