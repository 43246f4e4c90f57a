"""Builds the English page tree from the specs in ``content``, skipping pages that already exist."""

import datetime
import json

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from .content import BRUSSELS, ImageRef, NextAnnualDate, PageRef, PageSpec
from .report import Report


def next_annual_date(when: NextAnnualDate, now: datetime.datetime) -> datetime.datetime:
    """The first occurrence of ``when`` in Brussels time that is later than ``now``."""
    year = now.astimezone(BRUSSELS).year
    for candidate_year in (year, year + 1):
        candidate = datetime.datetime(candidate_year, when.month, when.day, when.hour, when.minute, tzinfo=BRUSSELS)
        if candidate > now:
            return candidate
    raise AssertionError("unreachable: next year's date is always in the future")


class PageTree:
    """Creates and publishes the demo pages of one locale, and remembers them by spec key.

    A page is found again by its parent, locale and slug; if it exists it is left alone, so a second run
    adds no pages and no revisions. The one exception is a date that must stay in the future: when it has
    passed, it is moved on and the page republished (see ``moved``).
    """

    def __init__(self, root: Page, locale: Locale, user, images: dict, report: Report):
        self.root = root
        self.locale = locale
        self.user = user
        self.images = images
        self.report = report
        self.pages: dict[str, Page] = {}
        self.moved: list[Page] = []
        self._now = timezone.now()

    @property
    def home(self) -> Page:
        return self.pages["home"]

    def build(self, specs: list[PageSpec]) -> None:
        """Create every missing page, parents first, then fill in the fields that point at later pages."""
        waiting = [spec for spec in specs if self._ensure(spec) and spec.late_fields]
        for spec in waiting:
            page = self.pages[spec.key]
            self._assign(page, spec.late_fields)
            self._publish(page)

    def _ensure(self, spec: PageSpec) -> bool:
        """Find or create the page for ``spec``; True if it was created, or finished, in this run."""
        parent = self.root if spec.parent is None else self.pages[spec.parent]
        existing = parent.get_children().filter(locale=self.locale, slug=spec.slug).specific().first()
        if existing is not None and existing.latest_revision_id is None:
            # Created by a run that stopped before publishing it: finish the job.
            self.pages[spec.key] = existing
            if not spec.late_fields:
                self._publish(existing)
            self.report.updated(f"page '{existing.title}' ({self.locale.language_code}): published")
            return True
        if existing is not None:
            self.pages[spec.key] = existing
            self.report.exists(f"page '{existing.title}' ({self.locale.language_code})")
            self._keep_dates_ahead(existing, spec)
            return False

        page = apps.get_model(spec.model)(title=spec.title, slug=spec.slug, locale=self.locale, live=False)
        self._assign(page, spec.fields)
        parent.add_child(instance=page)
        self.pages[spec.key] = page
        if not spec.late_fields:  # pages with late fields are published once those are set
            self._publish(page)
        self.report.created(f"page '{page.title}' ({self.locale.language_code})")
        return True

    def _keep_dates_ahead(self, page: Page, spec: PageSpec) -> None:
        """Move a date meant to stay in the future (the demo's upcoming ceremony) once it has passed."""
        stale = {
            name: next_annual_date(value, self._now)
            for name, value in spec.fields.items()
            if isinstance(value, NextAnnualDate) and getattr(page, name) <= self._now
        }
        if not stale:
            return
        for name, value in stale.items():
            setattr(page, name, value)
        self._publish(page)
        self.moved.append(page)
        self.report.updated(f"page '{page.title}': its date has passed, moved to {', '.join(map(str, stale.values()))}")

    def _publish(self, page: Page) -> None:
        page.save_revision(user=self.user).publish(user=self.user)

    def _assign(self, page: Page, fields: dict) -> None:
        for name, value in fields.items():
            field = _model_field(page, name)
            if isinstance(field, StreamField):
                # StreamFields take their stored JSON form; refs become ids.
                setattr(page, name, json.dumps(self._resolve_ids(value), cls=DjangoJSONEncoder))
            elif isinstance(value, list) and all(isinstance(item, dict) and "model" in item for item in value):
                # Inline child objects (a ParentalKey relation), e.g. a history page's related memorials.
                setattr(page, name, [self._child(item) for item in value])
            else:
                setattr(page, name, self._resolve_objects(value))

    def _child(self, item: dict):
        values = {key: self._resolve_objects(value) for key, value in item.items() if key != "model"}
        return apps.get_model(item["model"])(**values)

    def _resolve_objects(self, value):
        """A model field's value: refs become the image or page they name, dates to come become datetimes."""
        if isinstance(value, ImageRef):
            return self.images[value.key]
        if isinstance(value, PageRef):
            return self.pages[value.key]
        if isinstance(value, NextAnnualDate):
            return next_annual_date(value, self._now)
        return value

    def _resolve_ids(self, value):
        """A StreamField's raw data, with every ref replaced by the id of the image or page it names."""
        if isinstance(value, ImageRef):
            return self.images[value.key].pk
        if isinstance(value, PageRef):
            return self.pages[value.key].pk
        if isinstance(value, dict):
            return {key: self._resolve_ids(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._resolve_ids(item) for item in value]
        return value


def _model_field(page: Page, name: str):
    """The model field or relation called ``name``, or None for a plain attribute."""
    try:
        return page._meta.get_field(name)
    except FieldDoesNotExist:
        return None
