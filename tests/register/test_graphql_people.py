"""People over GraphQL: name search across variants and scripts, filters, partial-date order and ranges."""

import datetime

import pytest

from register.models import Burial, Cemetery, NameVariant, Person

from ..helpers import data_of, gql
from .test_models import translate as translate_record

PEOPLE = """
query People($name: String, $nationality: String, $fate: String, $unit: String, $cemetery: ID,
             $diedFrom: Date, $diedTo: Date, $order: String, $locale: String, $perPage: PositiveInt) {
  people(name: $name, nationality: $nationality, fate: $fate, unit: $unit, cemetery: $cemetery,
         diedFrom: $diedFrom, diedTo: $diedTo, order: $order, locale: $locale, perPage: $perPage) {
    items { id familyName death { start end precision } }
    pagination { total }
  }
}
"""


def family_names(client, **variables):
    return [person["familyName"] for person in data_of(client, PEOPLE, variables)["people"]["items"]]


def person(family_name, variants=(), **fields):
    record = Person(family_name=family_name, **fields)
    record.name_variants = [NameVariant(name=name) for name in variants]
    record.save()
    return record


@pytest.fixture
def people(locales):
    return {
        "ivanov": person("Ivanov", ["Иван Иванов"], given_names="Ivan", nationality="Soviet", fate="executed"),
        "dupre": person("Dupré", given_names="Ghislain", nationality="Belgian", unit="Secret Army", fate="survived"),
        "obrien": person("O'Brien", given_names="Seán", nationality="Irish", unit="RAFVR", fate="killed"),
    }


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("IVANOV", ["Ivanov"]),  # case
        ("иванов", ["Ivanov"]),  # the Cyrillic variant, searched in Cyrillic
        ("ivan ivanov", ["Ivanov"]),  # every word must match
        ("dupre", ["Dupré"]),  # accents ignored in the term
        ("DUPRÉ ghislain", ["Dupré"]),
        ("obrien", ["O'Brien"]),  # apostrophes dropped
        ("sean", ["O'Brien"]),
        ("smith", []),
    ],
)
def test_name_search_ignores_case_accents_and_script(client, people, term, expected):
    assert family_names(client, name=term) == expected


def test_a_latin_search_finds_a_person_recorded_only_in_cyrillic(client, locales):
    person("Петров", ["Piotr Petrov"])
    assert family_names(client, name="petrov") == ["Петров"]
    assert family_names(client, name="Пётр Петров") == ["Петров"]  # "petr petrov" in any script
    assert family_names(client, name="Сергей Петров") == []  # every word must match


def test_blank_text_filters_filter_nothing(client, people):
    assert family_names(client, name="  ", nationality="", unit="") == ["Dupré", "Ivanov", "O'Brien"]


def test_a_name_without_letters_is_a_clear_error(client, people):
    status, body = gql(client, PEOPLE, {"name": "!!!"})
    assert status == 200
    assert body["errors"][0]["message"] == "The name must contain at least one letter or digit."
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_filters_by_nationality_unit_fate_and_cemetery(client, people):
    cemetery = Cemetery.objects.create(name="Cemetery", municipality="Rebecq")
    Burial.objects.create(person=people["obrien"], cemetery=cemetery)
    assert family_names(client, nationality="soviet") == ["Ivanov"]
    assert family_names(client, unit="rafvr") == ["O'Brien"]
    assert family_names(client, fate="survived") == ["Dupré"]
    assert family_names(client, cemetery=cemetery.external_id) == ["O'Brien"]
    assert family_names(client, cemetery="no-such-cemetery") == []


def test_an_unknown_fate_lists_the_allowed_ones(client, people):
    _, body = gql(client, PEOPLE, {"fate": "vanished"})
    assert body["errors"][0]["message"].startswith("Unknown fate 'vanished'. Allowed: killed, died_of_wounds")
    assert body["data"] is None


@pytest.fixture
def deaths(locales):
    """Deaths known to the day, the month and the year, all in 1944, and one with no date."""
    return [
        person("Day", death_date=datetime.date(1944, 5, 27), death_date_precision="day"),
        person("Month", death_date=datetime.date(1944, 5, 15), death_date_precision="month"),
        person("Year", death_date=datetime.date(1944, 8, 1), death_date_precision="year"),
        person("June", death_date=datetime.date(1944, 6, 2), death_date_precision="day"),
        person("Unknown"),
    ]


def test_partial_dates_sort_by_first_day_then_least_precise_first_and_undated_last(client, deaths):
    assert family_names(client, order="death_date") == ["Year", "Month", "Day", "June", "Unknown"]
    assert family_names(client, order="-death_date") == ["June", "Day", "Month", "Year", "Unknown"]


def test_partial_date_answers_give_the_known_period(client, deaths):
    items = data_of(client, PEOPLE, {"order": "death_date", "perPage": 2})["people"]["items"]
    assert [item["death"] for item in items] == [
        {"start": "1944-01-01", "end": "1944-12-31", "precision": "year"},
        {"start": "1944-05-01", "end": "1944-05-31", "precision": "month"},
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("1944-05-20", "1944-05-31", ["Year", "Month", "Day"]),  # the month and the year overlap the range
        ("1944-06-01", None, ["Year", "June"]),
        (None, "1944-04-30", ["Year"]),
        ("1944-05-28", "1944-05-31", ["Year", "Month"]),
        ("1945-01-01", None, []),
    ],
)
def test_death_range_keeps_every_partial_date_that_overlaps_it(client, deaths, start, end, expected):
    assert family_names(client, diedFrom=start, diedTo=end, order="death_date") == expected


def test_a_reversed_range_is_a_clear_error(client, deaths):
    _, body = gql(client, PEOPLE, {"diedFrom": "1944-06-01", "diedTo": "1944-05-01"})
    assert body["errors"][0]["message"] == "`diedFrom` (1944-06-01) is after `diedTo` (1944-05-01)."
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_order_outside_the_allowlist_and_oversized_pages_are_refused(client, people):
    _, body = gql(client, PEOPLE, {"order": "search_text"})
    assert body["errors"][0]["extensions"]["limit"] == "ORDER_ALLOWLIST"
    _, body = gql(client, PEOPLE, {"perPage": 101})
    assert body["errors"][0]["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "MAX_PAGE_SIZE"}
    _, body = gql(client, PEOPLE, {"name": "x" * 201})
    assert body["errors"][0]["extensions"]["limit"] == "MAX_SEARCH_LENGTH"


def test_unknown_locale_is_a_clear_error(client, people):
    _, body = gql(client, PEOPLE, {"locale": "xx"})
    assert body["errors"][0]["extensions"]["code"] == "UNKNOWN_LOCALE"


DETAIL = """
query Person($id: ID!, $locale: String) {
  person(id: $id, locale: $locale) {
    id familyName givenNames nationality fate biography sources
    nameVariants { name note }
    burials { graveReference cemetery { id name burialCount } person { familyName } }
  }
}
"""


def test_a_person_reads_translated_text_in_the_asked_language_and_data_from_the_source(client, people, locales):
    ivanov = people["ivanov"]
    ivanov.biography = "<p>Executed in 1944.</p>"
    ivanov.save()
    cemetery = Cemetery.objects.create(name="Communal cemetery", municipality="Rebecq")
    Burial.objects.create(person=ivanov, cemetery=cemetery, grave_reference="A. 1.")
    french = translate_record(ivanov, locales["fr"])
    french.biography = "<p>Fusillé en 1944.</p>"
    french.nationality = "stale copy, never shown"
    french.save()
    french_cemetery = translate_record(cemetery, locales["fr"])
    french_cemetery.name = "Cimetière communal"
    french_cemetery.save()

    in_french = data_of(client, DETAIL, {"id": ivanov.external_id, "locale": "fr"})["person"]
    assert in_french["biography"] == "<p>Fusillé en 1944.</p>"
    assert in_french["nationality"] == "Soviet"
    assert in_french["nameVariants"] == [{"name": "Иван Иванов", "note": ""}]
    assert in_french["burials"] == [
        {
            "graveReference": "A. 1.",
            "cemetery": {"id": cemetery.external_id, "name": "Cimetière communal", "burialCount": 1},
            "person": {"familyName": "Ivanov"},
        }
    ]
    in_dutch = data_of(client, DETAIL, {"id": ivanov.external_id, "locale": "nl"})["person"]
    assert in_dutch["biography"] == "<p>Executed in 1944.</p>"  # no Dutch translation: the source text
    assert in_dutch["burials"][0]["cemetery"]["name"] == "Communal cemetery"


def test_an_unknown_id_is_null_and_translated_rows_are_never_listed(client, people, locales):
    translate_record(people["dupre"], locales["fr"])
    assert data_of(client, DETAIL, {"id": "nobody"})["person"] is None
    assert data_of(client, PEOPLE, {"locale": "fr"})["people"]["pagination"]["total"] == 3
