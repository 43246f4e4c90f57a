"""Prepare register records for a reader's language, in bulk, so a listing costs a fixed number of queries.

Records are always source rows (where the data lives); ``SourceRecordMixin.read_in`` gives each its
translated text row. Listings prefetch related records and hand the whole graph to ``prepare`` at once:
one translation query per translatable model, however many records a page returns.
"""

from collections import defaultdict

from wagtail.models import Locale

from register.models import SourceRecordMixin

READER_LOCALE = "_reader_locale"


def reader_locale(record) -> Locale:
    """The language a record is being read in, set by ``prepare`` (or ``read_in``)."""
    return getattr(record, READER_LOCALE)


def prepare(records, locale: Locale) -> list:
    """``records`` and every register record cached on them (select_related, prefetch_related), ready for
    ``locale``: translatable ones get their text row, the others remember the locale for their own relations."""
    records = [record for record in records if record is not None]
    translatable = defaultdict(list)
    seen = set()
    stack = list(records)
    while stack:
        record = stack.pop()
        if id(record) in seen or record._meta.app_label != "register":
            continue
        seen.add(id(record))
        if isinstance(record, SourceRecordMixin):
            translatable[type(record)].append(record)
        else:
            setattr(record, READER_LOCALE, locale)
        stack.extend(related for related in record._state.fields_cache.values() if related is not None)
        for cached in getattr(record, "_prefetched_objects_cache", {}).values():
            stack.extend(cached)
    for model, group in translatable.items():
        model.read_in(group, locale)
    return records


def related_records(record, relation: str) -> list:
    """A record's related rows (prefetched or not), prepared in the record's own reader language."""
    return prepare(getattr(record, relation).all(), reader_locale(record))


def related_record(record, relation: str):
    """A record's related row through a foreign key, prepared in the record's reader language."""
    related = getattr(record, relation)
    return prepare([related], reader_locale(record))[0] if related is not None else None
