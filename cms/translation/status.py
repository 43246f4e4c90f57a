"""How far each source-language page is translated into each other language, for the admin report.

Every page in the source language (settings.LANGUAGE_CODE) gets one status per other configured
language (settings.WAGTAIL_CONTENT_LANGUAGES):

- missing: no page with the same translation_key in that language (an alias of the source page
  counts as missing too: it shows the source's text, and wagtail-localize's "Translate this page"
  form offers that language and converts the alias);
- manual: the page exists but wagtail-localize cannot tell how current it is, because sync was
  stopped (Translation.enabled is False) or the page was never made with wagtail-localize;
- out of date: the source page was published after its TranslationSource was last synced;
- untranslated: synced, but not every string has a translation ("n of m strings");
- up to date: otherwise.

The whole report costs a fixed number of queries whatever the number of pages (see
``build_report``): progress is counted with two aggregate queries instead of calling
``Translation.get_progress()`` once per translation, and counts exactly what it counts.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource


class Status:
    """The five statuses, as used in the ``status`` GET parameter, with labels for editors."""

    MISSING = "missing"
    UNTRANSLATED = "untranslated"
    OUT_OF_DATE = "out-of-date"
    MANUAL = "manual"
    UP_TO_DATE = "up-to-date"

    # Display order, worst first, so the summary reads as a to-do list.
    ALL = (MISSING, OUT_OF_DATE, UNTRANSLATED, MANUAL, UP_TO_DATE)
    LABELS = {
        MISSING: _("Missing"),
        OUT_OF_DATE: _("Out of date"),
        UNTRANSLATED: _("Untranslated"),
        MANUAL: _("Manual"),
        UP_TO_DATE: _("Up to date"),
    }

    @classmethod
    def parse(cls, value: str) -> str | None:
        """The status named by ``value``, tolerating "out_of_date" or "Out of date"; None if unknown."""
        normalised = value.strip().lower().replace("_", "-").replace(" ", "-")
        return normalised if normalised in cls.ALL else None


@dataclass(frozen=True)
class Language:
    """A target language column: its code and name, and its Locale row if one has been created."""

    code: str
    name: str
    locale_id: int | None


@dataclass(frozen=True)
class Cell:
    """One page's status in one language, with where to go to act on it (None if the user may not)."""

    language: Language
    status: str
    url: str | None = None
    total_strings: int = 0
    translated_strings: int = 0
    is_alias: bool = False

    @property
    def label(self):
        return Status.LABELS[self.status]


@dataclass
class Row:
    """A source page and its cells, one per shown language."""

    page_id: int
    title: str
    depth: int
    live: bool
    ancestors: list[str]
    edit_url: str
    cells: list[Cell] = field(default_factory=list)

    @property
    def indent(self) -> int:
        """Nesting below the site's home page (depth 2), for indenting the title."""
        return max(self.depth - 2, 0)


@dataclass
class Report:
    """Every row, every target language, and per-language status counts."""

    source_language: Language | None
    languages: list[Language]
    rows: list[Row]
    summary: dict[str, Counter]  # language code -> Counter(status -> number of pages)

    def filtered(self, language_code: str | None = None, status: str | None = None) -> "Report":
        """The report narrowed to one language's column and/or to rows where a shown cell has ``status``."""
        languages = [lang for lang in self.languages if language_code in (None, lang.code)]
        codes = {lang.code for lang in languages}
        rows = []
        for row in self.rows:
            cells = [cell for cell in row.cells if cell.language.code in codes]
            if status is None or any(cell.status == status for cell in cells):
                rows.append(Row(row.page_id, row.title, row.depth, row.live, row.ancestors, row.edit_url, cells))
        summary = {code: counts for code, counts in self.summary.items() if code in codes}
        return Report(self.source_language, languages, rows, summary)


def configured_languages() -> tuple[tuple[str, str], list[tuple[str, str]]]:
    """(source code, name) and the other configured (code, name) pairs, in settings order."""
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    source = settings.LANGUAGE_CODE
    return (source, names.get(source, source)), [(code, name) for code, name in names.items() if code != source]


def build_report(*, can_sync: bool = True, next_url: str = "") -> Report:
    """The status of every source-language page in every other configured language.

    Seven queries in all: locales, source pages, their translations, TranslationSources,
    Translations, segment totals and translated-segment counts. The sets of keys and sources are
    passed to the database as subqueries, not as lists of ids, so SQLite's limit on query
    parameters is never reached on a large site.

    ``can_sync``: whether to link to wagtail-localize's submit and update views (they require the
    ``wagtail_localize.submit_translation`` permission; other users would only meet a 403).
    ``next_url``: where those views return to after they are done.
    """
    (source_code, source_name), targets = configured_languages()
    locale_ids = dict(
        Locale.objects.filter(language_code__in=[source_code, *(code for code, _name in targets)]).values_list(
            "language_code", "id"
        )
    )
    languages = [Language(code, name, locale_ids.get(code)) for code, name in targets]
    source_locale_id = locale_ids.get(source_code)
    if source_locale_id is None:
        # No source-language locale yet, so there are no source pages to report on.
        return Report(None, languages, [], {lang.code: Counter() for lang in languages})
    source_language = Language(source_code, source_name, source_locale_id)

    source_pages = Page.objects.filter(locale_id=source_locale_id, depth__gt=1)  # depth 1 is the tree's root
    keys = source_pages.values("translation_key")
    target_locale_ids = [lang.locale_id for lang in languages if lang.locale_id is not None]

    pages = list(
        source_pages.order_by("path").values(
            "id", "title", "draft_title", "depth", "path", "live", "translation_key", "last_published_at"
        )
    )
    translated_pages = _translated_pages(keys, target_locale_ids)
    sources = _translation_sources(keys, source_locale_id)
    source_ids = TranslationSource.objects.filter(object_id__in=keys, locale_id=source_locale_id).values("id")
    translations = _translations(source_ids, target_locale_ids)
    totals, translated = _progress(source_ids, target_locale_ids)

    titles_by_path = {page["path"]: page["draft_title"] or page["title"] for page in pages}
    summary = {lang.code: Counter() for lang in languages}
    rows = []
    for page in pages:
        source = sources.get(page["translation_key"])
        row = Row(
            page_id=page["id"],
            title=titles_by_path[page["path"]],
            depth=page["depth"],
            live=page["live"],
            ancestors=_ancestor_titles(page["path"], titles_by_path),
            edit_url=reverse("wagtailadmin_pages:edit", args=[page["id"]]),
        )
        for lang in languages:
            cell = _cell(
                page,
                lang,
                translated_page=translated_pages.get((page["translation_key"], lang.locale_id)),
                source=source,
                sync_enabled=translations.get((source["id"], lang.locale_id)) if source else None,
                total=totals.get(source["id"], 0) if source else 0,
                done=translated.get((source["id"], lang.locale_id), 0) if source else 0,
                can_sync=can_sync,
                next_url=next_url,
            )
            row.cells.append(cell)
            summary[lang.code][cell.status] += 1
        rows.append(row)
    return Report(source_language, languages, rows, summary)


def _translated_pages(keys, locale_ids) -> dict:
    """(translation_key, locale_id) -> {"id", "alias_of_id"} of every other-language version."""
    rows = Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
        "id", "translation_key", "locale_id", "alias_of_id"
    )
    return {(row["translation_key"], row["locale_id"]): row for row in rows}


def _translation_sources(keys, source_locale_id) -> dict:
    """translation_key -> {"id", "last_updated_at"} of the source-language TranslationSource.

    A TranslationSource's object_id is the page's translation_key; there is at most one per
    (object, locale). Sources in other locales (a page translated *from* French) are not ours.
    """
    rows = TranslationSource.objects.filter(object_id__in=keys, locale_id=source_locale_id).values(
        "id", "object_id", "last_updated_at"
    )
    return {row["object_id"]: row for row in rows}


def _translations(source_ids, locale_ids) -> dict:
    """(source id, target locale id) -> enabled flag of each wagtail-localize Translation."""
    rows = Translation.objects.filter(source_id__in=source_ids, target_locale_id__in=locale_ids).values_list(
        "source_id", "target_locale_id", "enabled"
    )
    return {(source_id, locale_id): enabled for source_id, locale_id, enabled in rows}


def _progress(source_ids, locale_ids) -> tuple[dict, dict]:
    """String counts as ``Translation.get_progress()`` computes them, for every source and locale at once.

    get_progress() counts the source's StringSegments, and those for which a StringTranslation
    exists with the segment's string and context, in the target locale, without an error. A
    StringTranslation is unique per (locale, string, context), so joining segments to translations
    and counting segments per (source, locale) gives the same number, in one query for all.
    """
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    # One filter() call, so all three conditions apply to the same joined StringTranslation.
    translated_rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .filter(
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("id", distinct=True))
        .values_list("source_id", "string__translations__locale_id", "n")
    )
    translated = {(source_id, locale_id): n for source_id, locale_id, n in translated_rows}
    return totals, translated


def _ancestor_titles(path: str, titles_by_path: dict) -> list[str]:
    """Titles of the page's source-language ancestors, top down, from paths already fetched (no query)."""
    step = Page.steplen
    return [titles_by_path[path[:end]] for end in range(step, len(path), step) if path[:end] in titles_by_path]


def _cell(page, lang, *, translated_page, source, sync_enabled, total, done, can_sync, next_url) -> Cell:
    """Classify one page in one language; the order of the checks is the precedence of the statuses.

    ``sync_enabled`` is the Translation's ``enabled`` flag, or None when there is no Translation.
    """
    if translated_page is None or translated_page["alias_of_id"] is not None:
        url = None
        if can_sync:
            # select_locale ticks this language in wagtail-localize's form; next brings the editor back here.
            url = _with_query(
                reverse("wagtail_localize:submit_page_translation", args=[page["id"]]),
                select_locale=lang.code,
                next=next_url,
            )
        return Cell(lang, Status.MISSING, url, is_alias=translated_page is not None)

    edit_url = reverse("wagtailadmin_pages:edit", args=[translated_page["id"]])
    if not sync_enabled:
        # No Translation row (made by hand, or by Wagtail's own copy) or sync stopped: no way to tell.
        return Cell(lang, Status.MANUAL, edit_url)

    published = page["last_published_at"]
    if published is not None and published > source["last_updated_at"]:
        url = None
        if can_sync:
            url = _with_query(reverse("wagtail_localize:update_translations", args=[source["id"]]), next=next_url)
        return Cell(lang, Status.OUT_OF_DATE, url, total, done)

    status = Status.UNTRANSLATED if done < total else Status.UP_TO_DATE
    return Cell(lang, status, edit_url, total, done)


def _with_query(url: str, **params) -> str:
    """``url`` with the non-empty ``params`` as its query string."""
    query = urlencode({name: value for name, value in params.items() if value})
    return f"{url}?{query}" if query else url
