"""Upcoming and past ceremonies are split on the server against the current time."""

import datetime

import pytest
import time_machine

from pages.models import EventPage

from ..helpers import brussels, data_of, publish_child

pytestmark = pytest.mark.django_db

NOW = brussels(2022, 5, 20, 12, 0)
LISTING = """query($when: EventTime) { events(when: $when) { items { title ... on EventPage { isUpcoming } }
                                        pagination { total } } }"""


def event(tree, title, start, end=None, **fields):
    return publish_child(
        tree.events,
        EventPage(title=title, slug=title.lower().replace(" ", "-"), place="Rebecq", start=start, end=end, **fields),
    )


@pytest.fixture
def ceremonies(tree):
    event(tree, "Long past", brussels(2019, 10, 12, 11))
    event(tree, "Just ended", brussels(2022, 5, 20, 10), brussels(2022, 5, 20, 11, 59))
    event(tree, "Still going", brussels(2022, 5, 20, 9), brussels(2022, 5, 20, 18))
    event(tree, "Starts in a minute", brussels(2022, 5, 20, 12, 1))
    event(tree, "Next year", brussels(2023, 5, 18, 11))


def titles(client, when):
    with time_machine.travel(NOW, tick=False):
        data = data_of(client, LISTING, {"when": when})["events"]
    assert data["pagination"]["total"] == len(data["items"])
    return [item["title"] for item in data["items"]], {item["isUpcoming"] for item in data["items"]}


def test_upcoming_soonest_first_including_ceremonies_under_way(client, ceremonies):
    names, flags = titles(client, "UPCOMING")
    assert names == ["Still going", "Starts in a minute", "Next year"]
    assert flags == {True}


def test_past_latest_first(client, ceremonies):
    names, flags = titles(client, "PAST")
    assert names == ["Just ended", "Long past"]
    assert flags == {False}


def test_all_is_the_union(client, ceremonies):
    names, _ = titles(client, "ALL")
    assert sorted(names) == sorted(["Still going", "Starts in a minute", "Next year", "Just ended", "Long past"])


def test_the_split_moves_with_the_clock(client, ceremonies):
    with time_machine.travel(brussels(2022, 5, 20, 12, 2), tick=False):
        data = data_of(client, LISTING, {"when": "UPCOMING"})
    assert [item["title"] for item in data["events"]["items"]] == ["Still going", "Next year"]


@pytest.mark.parametrize(
    ("commemorated", "start", "expected"),
    [
        (datetime.date(1944, 5, 1), brussels(2022, 5, 22, 10), 78),  # Westerlo, Lancaster DV309 (May 1944)
        (datetime.date(1944, 5, 28), brussels(2022, 5, 18, 11), 78),  # before the day itself: still the 78th year
        (datetime.date(2019, 10, 12), brussels(2020, 10, 22, 11), 1),
        (datetime.date(2022, 5, 1), brussels(2022, 5, 22, 10), None),  # same year: not an anniversary
        (None, brussels(2022, 5, 22, 10), None),
    ],
)
def test_anniversary_is_computed(client, tree, commemorated, start, expected):
    page = event(tree, "Anniversary", start, commemorated_date=commemorated)
    data = data_of(client, "query($id: ID) { page(id: $id) { ... on EventPage { anniversary } } }", {"id": page.pk})
    assert data["page"]["anniversary"] == expected


def test_new_years_eve_ceremony_counts_in_brussels_time(client, tree):
    # 31 Dec 2023 23:30 UTC is already 1 Jan 2024 in Brussels.
    page = event(
        tree,
        "Midnight",
        datetime.datetime(2023, 12, 31, 23, 30, tzinfo=datetime.UTC),
        commemorated_date=datetime.date(1944, 1, 1),
    )
    data = data_of(
        client, "query($id: ID) { page(id: $id) { ... on EventPage { anniversary start } } }", {"id": page.pk}
    )
    assert data["page"] == {"anniversary": 80, "start": "2024-01-01T00:30:00+01:00"}
