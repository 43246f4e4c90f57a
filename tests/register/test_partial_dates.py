"""Partial dates: stored as the first day of the known period plus its precision."""

import datetime

import pytest

from register.models import AircraftLoss
from register.partial_dates import PartialDate, normalise, overlap_q

D = datetime.date


@pytest.mark.parametrize(
    ("day", "precision", "shown", "start", "end"),
    [
        (D(1944, 5, 27), "day", "27 May 1944", D(1944, 5, 27), D(1944, 5, 27)),
        (D(1944, 5, 17), "month", "May 1944", D(1944, 5, 1), D(1944, 5, 31)),
        (D(1944, 2, 10), "month", "February 1944", D(1944, 2, 1), D(1944, 2, 29)),
        (D(1944, 9, 3), "year", "1944", D(1944, 1, 1), D(1944, 12, 31)),
    ],
)
def test_display_and_period(day, precision, shown, start, end):
    partial = PartialDate(day, precision)
    assert (str(partial), partial.start, partial.end) == (shown, start, end)
    assert normalise(day, precision) == start


def test_empty_date_is_none():
    assert PartialDate.of(None, "month") is None
    assert normalise(None, "year") is None


def test_sorting_puts_the_less_precise_first_on_the_same_first_day():
    dates = [
        PartialDate(D(1944, 5, 2)),
        PartialDate(D(1944, 5, 1), "month"),
        PartialDate(D(1944, 1, 1), "year"),
        PartialDate(D(1944, 5, 1)),
        PartialDate(D(1943, 12, 31)),
    ]
    assert [str(d) for d in sorted(dates, key=lambda d: d.sort_key)] == [
        "31 December 1943",
        "1944",
        "May 1944",
        "1 May 1944",
        "2 May 1944",
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(1944, 5, 20), D(1944, 6, 10), True),  # the brief's example
        (D(1944, 6, 1), D(1944, 6, 10), False),
        (D(1944, 4, 1), D(1944, 4, 30), False),
        (D(1944, 5, 31), None, True),
        (None, D(1944, 5, 1), True),
        (None, D(1944, 4, 30), False),
    ],
)
def test_month_overlap(start, end, expected):
    assert PartialDate(D(1944, 5, 1), "month").overlaps(start, end) is expected


def test_certainly_before_compares_whole_periods():
    may = PartialDate(D(1944, 5, 1), "month")
    assert not may.certainly_before(PartialDate(D(1944, 1, 1), "year"))  # May 1944 lies inside 1944
    assert not PartialDate(D(1944, 1, 1), "year").certainly_before(may)
    assert may.certainly_before(PartialDate(D(1944, 6, 1)))
    assert PartialDate(D(1943, 1, 1), "year").certainly_before(may)


@pytest.mark.django_db
def test_overlap_filter_in_the_database_matches_the_python_rule(locales):
    rows = [
        (D(1944, 5, 27), "day"),
        (D(1944, 5, 9), "month"),  # stored as 1 May
        (D(1944, 8, 8), "year"),  # stored as 1 January
        (D(1943, 11, 1), "month"),
        (D(1944, 6, 11), "day"),
    ]
    for index, (day, precision) in enumerate(rows):
        AircraftLoss.objects.create(
            aircraft_type="Test", serial=f"T{index}", loss_date=day, loss_date_precision=precision
        )
    for start, end in [(D(1944, 5, 20), D(1944, 6, 10)), (D(1944, 5, 28), None), (None, D(1943, 12, 31))]:
        found = set(AircraftLoss.objects.filter(overlap_q("loss_date", "loss_date_precision", start, end)))
        expected = {loss for loss in AircraftLoss.objects.all() if loss.loss.overlaps(start, end)}
        assert found == expected and found
    stored = AircraftLoss.objects.get(serial="T2")
    assert (stored.loss_date, str(stored.loss)) == (D(1944, 1, 1), "1944")
