"""The demo register: its records, their French and Dutch text, and the demo pages that point at them."""

from django.apps import apps
from wagtail.models import Locale, Page

from .register_content import LINKS, RECORDS, RecordSpec
from .report import Report
from .translation import translate_record


def ensure_records(locales: list[Locale], user, report: Report) -> dict[tuple[str, str], object]:
    """Create each missing source record and its translations; return them by (model, external_id)."""
    records = {}
    for spec in RECORDS:
        record = _ensure_record(spec, report)
        records[(spec.model, spec.external_id)] = record
        for locale in locales:
            translate_record(record, locale, user, report)
    return records


def _ensure_record(spec: RecordSpec, report: Report):
    model = apps.get_model(spec.model)
    label = f"{model._meta.verbose_name} '{spec.external_id}'"
    existing = model.source_rows().filter(external_id=spec.external_id).first()
    if existing is not None:
        report.exists(label)
        return existing
    record = model(external_id=spec.external_id, **spec.fields)
    record.full_clean()
    record.save()
    report.created(label)
    return record


def link_pages(pages: dict[str, Page], records: dict, user, report: Report) -> list[Page]:
    """Point the demo pages at their register records; return the pages changed (to republish translations)."""
    changed = []
    for link in LINKS:
        page = pages[link.page]
        wanted = _wanted(link, records)
        if _current(page, link.field) == _ids(wanted):
            report.exists(f"link from '{page.title}' to the register ({link.field})")
            continue
        setattr(page, link.field, wanted)
        page.save_revision(user=user).publish(user=user)
        changed.append(page)
        report.updated(f"page '{page.title}': linked to the register ({link.field})")
    return changed


def _wanted(link, records):
    if isinstance(link.external_ids, list):
        return [records[(link.model, external_id)] for external_id in link.external_ids]
    return records[(link.model, link.external_ids)]


def _ids(value):
    return sorted(item.pk for item in value) if isinstance(value, list) else value.pk


def _current(page: Page, name: str):
    value = getattr(page, name)
    return sorted(item.pk for item in value.all()) if hasattr(value, "all") else getattr(value, "pk", None)
