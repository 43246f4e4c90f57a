"""Writes planned pages in every language, fast: live pages saved once each, without revisions.

Every language version shares the source's ``translation_key`` and slug, and points at the same-language
versions of the pages it links to, as a wagtail-localize translation does. The search index is filled in
bulk at the end rather than on every save, and so is the references index.
"""

import datetime
import json
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from decimal import Decimal
from html import escape
from zoneinfo import ZoneInfo

from django.db.models.signals import post_save
from modelsearch import signal_handlers as search_signals
from modelsearch.index import get_indexed_models
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from pages.models import (
    EventPage,
    HistoryPage,
    MemorialPage,
    MemorialRelatedHistory,
    NewsPage,
)
from pages.models.memorials import MemorialKind

from . import wording as w
from .plan import PlannedPage

BRUSSELS = ZoneInfo("Europe/Brussels")
MODELS = {"memorial": MemorialPage, "history": HistoryPage, "event": EventPage, "news": NewsPage}
MEMORIAL_KINDS = [kind.value for kind in MemorialKind]
# Fixed, so that a second run with the same seed writes the same rows.
PUBLISHED_AT = datetime.datetime(2025, 1, 1, 9, 0, tzinfo=datetime.UTC)


class ContentWriter:
    """Creates the pages of a plan under the given sections, one language version after another."""

    def __init__(self, sections: dict[str, dict], images: list, on_page: Callable[[], None] = lambda: None):
        self.sections = sections
        self.images = images
        self.on_page = on_page
        self.created: dict[tuple[int, str], object] = {}

    def write(self, planned: list[PlannedPage]) -> list:
        """Create every planned page in every language; return the pages created."""
        for page in planned:
            for language in self.sections:
                self._create(page, language)
        return list(self.created.values())

    def _create(self, planned: PlannedPage, language: str) -> None:
        page = MODELS[planned.kind](
            title=w.TITLES[planned.kind][language].format(number=planned.number, name=planned.name),
            slug=planned.slug,
            translation_key=planned.translation_key,
            locale=self.sections[language][planned.kind].locale,
            live=True,
            has_unpublished_changes=False,
            first_published_at=PUBLISHED_AT + datetime.timedelta(minutes=planned.index),
            last_published_at=PUBLISHED_AT + datetime.timedelta(minutes=planned.index),
            **getattr(self, f"_{planned.kind}_fields")(planned, language),
        )
        self.sections[language][planned.kind].add_child(instance=page)
        self.created[(planned.index, language)] = page
        self.on_page()

    # --- the fields of each page type ---------------------------------------------------------------

    def _memorial_fields(self, p: PlannedPage, language: str) -> dict:
        history = self._page(p.related, language)
        return {
            "kind": MEMORIAL_KINDS[p.number % len(MEMORIAL_KINDS)],
            "place": w.PLACE[language].format(name=p.name),
            "municipality": p.name,
            "province": w.PROVINCE[language],
            "country": w.COUNTRY[language],
            **_coordinates(p),
            "unveiling_date": datetime.date(min(p.year, 2024), p.day.month, min(p.day.day, 28)),
            "unveiled_by": "",
            "dedication": f"<p>{escape(w.SUMMARY[language].format(name=p.name))}</p>",
            "inscription": f"{p.name.upper()} {p.day.year}",
            "partners": _stream(p, "partners", [("partner", {"name": w.PARTNER.format(name=p.name), "url": ""})]),
            "hero_image": self.images[p.images[0]],
            "gallery": _stream(p, "gallery", [self._image_block(p, i, language) for i in p.images[1:]]),
            "body": self._body(p, language),
            "related_history": [MemorialRelatedHistory(history_page=history)] if history else [],
        }

    def _history_fields(self, p: PlannedPage, language: str) -> dict:
        return {
            "summary": w.SUMMARY[language].format(name=p.name),
            "period_start": p.day.year,
            "period_end": p.day.year + 1,
            "hero_image": self.images[p.images[0]],
            "body": self._body(p, language),
            "sources": _stream(p, "sources", [("source", _source(p))]),
        }

    def _event_fields(self, p: PlannedPage, language: str) -> dict:
        start = datetime.datetime(p.year, p.day.month, min(p.day.day, 28), 11, tzinfo=BRUSSELS)
        items = [
            ("item", {"time": f"{10 + n}:00:00", "title": title, "description": ""})
            for n, title in enumerate(w.PROGRAMME[language])
        ]
        return {
            "start": start,
            "end": start + datetime.timedelta(hours=2),
            "status": "held" if start < PUBLISHED_AT else "scheduled",
            "place": w.PLACE[language].format(name=p.name),
            **_coordinates(p),
            "related_memorial": self._page(p.related, language),
            "commemorated_event": w.COMMEMORATED[language].format(name=p.name),
            "commemorated_date": p.day,
            "summary": w.SUMMARY[language].format(name=p.name),
            "hero_image": self.images[p.images[0]],
            "programme": _stream(p, "programme", items),
            "body": self._body(p, language),
            "gallery": _stream(p, "gallery", [self._image_block(p, i, language) for i in p.images[1:]]),
        }

    def _news_fields(self, p: PlannedPage, language: str) -> dict:
        return {
            "date": datetime.date(min(p.year, 2025), p.day.month, min(p.day.day, 28)),
            "summary": w.SUMMARY[language].format(name=p.name),
            "hero_image": self.images[p.images[0]],
            "body": self._body(p, language),
        }

    # --- StreamField content -------------------------------------------------------------------------

    def _body(self, p: PlannedPage, language: str) -> str:
        text = escape(w.PARAGRAPH[language].format(name=p.name))
        linked = self._page(p.link_to, language)
        link = f' <a linktype="page" id="{linked.pk}">{w.LINK[language]}</a>' if linked else ""
        blocks = [
            ("heading", {"text": w.HEADING[language].format(name=p.name), "level": "h2"}),
            ("paragraph", f"<p>{text}{link}</p>"),
            *[("paragraph", f"<p>{text}</p>") for _ in range(p.paragraphs - 1)],
            self._image_block(p, p.images[1], language),
            ("quote", {"quote": w.QUOTE[language], "attribution": ""}),
        ]
        return _stream(p, "body", blocks)

    def _image_block(self, p: PlannedPage, image: int, language: str) -> tuple:
        return ("image", {"image": self.images[image].pk, "alt_text": "", "caption": w.CAPTION[language], "credit": ""})

    def _page(self, index: int | None, language: str):
        return None if index is None else self.created[(index, language)]


def _stream(p: PlannedPage, field: str, blocks: list[tuple]) -> str:
    """A StreamField's stored JSON; block ids derive from the page and position, the same in every language."""
    return json.dumps(
        [
            {"type": kind, "value": value, "id": str(uuid.uuid5(p.translation_key, f"{field}:{n}"))}
            for n, (kind, value) in enumerate(blocks)
        ]
    )


def _source(p: PlannedPage) -> dict:
    title = w.SOURCE.format(number=p.number, name=p.name)
    return {"title": title, "author": w.AUTHOR, "publication": w.PUBLICATION, "year": str(p.day.year), "url": ""}


def _coordinates(p: PlannedPage) -> dict:
    """A point inside Belgium's bounding box, spread by the page's position."""
    return {
        "latitude": Decimal(49.6 + (p.index * 37 % 1000) / 1000 * 1.8).quantize(Decimal("0.000001")),
        "longitude": Decimal(2.6 + (p.index * 53 % 1000) / 1000 * 3.4).quantize(Decimal("0.000001")),
    }


@contextmanager
def indexing_deferred():
    """Skip the search and reference index updates on every save; ``index_pages`` catches up once.

    Saving a memorial would otherwise index it twice over (the page, then its related-history rows).
    """
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    disconnected = [m for m in models if post_save.disconnect(search_signals.post_save_signal_handler, sender=m)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)


def index_pages(pages: list, batch: int = 500) -> None:
    """Add ``pages`` to the references index and to every search backend (in bulk, per page type)."""
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    by_model: dict[type, list] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, objects in by_model.items():
            for start in range(0, len(objects), batch):
                backend.add_bulk(model, objects[start : start + batch])
