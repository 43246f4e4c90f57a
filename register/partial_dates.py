"""Dates known only to the year, the month or the day.

A partial date is stored as two fields: the first day of the known period (a ``DateField``) and its
precision (``DatePrecision``). "May 1944" is 1944-05-01 with precision ``month``. This module is the one
place that knows how to normalise, display, sort and compare such dates; it imports nothing of ours, so
both the pages and the register use it.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month only"
    YEAR = "year", "Year only"


PRECISION_HELP = "If only the month or year is known, enter any day in it and choose the precision."

# Least precise first: used to order equal first days ("1944" before "May 1944" before "1 May 1944").
_PRECISION_RANK = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}


def precision_field(**kwargs) -> models.CharField:
    """The companion field that stores a partial date's precision."""
    options = {"max_length": 5, "choices": DatePrecision.choices, "default": DatePrecision.DAY}
    options["help_text"] = PRECISION_HELP
    options.update(kwargs)
    return models.CharField(**options)


@dataclass(frozen=True)
class PartialDate:
    """A date with its precision. ``first_day`` may be any day of the period; read ``start`` for the first."""

    first_day: datetime.date
    precision: str = DatePrecision.DAY

    @classmethod
    def of(cls, day: datetime.date | None, precision: str | None) -> "PartialDate | None":
        """The partial date stored in a (date, precision) pair, or None when the date is empty."""
        if day is None:
            return None
        return cls(day, precision or DatePrecision.DAY)

    @property
    def start(self) -> datetime.date:
        """The first day of the known period: 1 January for a year, the 1st for a month."""
        if self.precision == DatePrecision.YEAR:
            return self.first_day.replace(month=1, day=1)
        if self.precision == DatePrecision.MONTH:
            return self.first_day.replace(day=1)
        return self.first_day

    @property
    def end(self) -> datetime.date:
        """The last day of the known period: 31 December for a year, the month's last day for a month."""
        start = self.start
        if self.precision == DatePrecision.YEAR:
            return start.replace(month=12, day=31)
        if self.precision == DatePrecision.MONTH:
            return start.replace(day=calendar.monthrange(start.year, start.month)[1])
        return start

    @property
    def sort_key(self) -> tuple[datetime.date, int]:
        """Orders by first day, the less precise first when two periods start on the same day."""
        return (self.start, _PRECISION_RANK.get(self.precision, 2))

    def overlaps(self, start: datetime.date | None = None, end: datetime.date | None = None) -> bool:
        """True if the known period shares a day with [start, end]; either bound may be open (None)."""
        return (start is None or self.end >= start) and (end is None or self.start <= end)

    def certainly_before(self, other: "PartialDate") -> bool:
        """True only if this whole period ends before ``other`` begins ("May 1944" is not before "1944")."""
        return self.end < other.start

    def display(self) -> str:
        """English display: "1944", "May 1944" or "27 May 1944"."""
        start = self.start
        if self.precision == DatePrecision.YEAR:
            return str(start.year)
        if self.precision == DatePrecision.MONTH:
            return f"{calendar.month_name[start.month]} {start.year}"
        return f"{start.day} {calendar.month_name[start.month]} {start.year}"

    def __str__(self) -> str:
        return self.display()


def normalise(day: datetime.date | None, precision: str | None) -> datetime.date | None:
    """The stored form of a partial date: the first day of its period (None stays None)."""
    partial = PartialDate.of(day, precision)
    return partial.start if partial else None


def overlap_q(date_field: str, precision_field_name: str, start=None, end=None) -> models.Q:
    """A filter for rows whose partial date shares a day with [start, end]; either bound may be None.

    Stored dates are normalised to the first day of their period, so a period ends on or after ``start``
    exactly when its first day is on or after the first day of ``start``'s own period at that precision.
    """
    query = models.Q()
    if end is not None:
        query &= models.Q(**{f"{date_field}__lte": end})
    if start is not None:
        query &= (
            models.Q(**{precision_field_name: DatePrecision.DAY, f"{date_field}__gte": start})
            | models.Q(**{precision_field_name: DatePrecision.MONTH, f"{date_field}__gte": start.replace(day=1)})
            | models.Q(
                **{precision_field_name: DatePrecision.YEAR, f"{date_field}__gte": start.replace(month=1, day=1)}
            )
        )
    return query
