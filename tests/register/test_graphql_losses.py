"""Aircraft losses and cemeteries over GraphQL: filters, partial-date ranges, translations and links."""

import datetime
from decimal import Decimal

import pytest

from pages.models import EventPage, MemorialPage
from register.models import AircraftLoss, Burial, Cemetery, CrewMember, Person

from ..helpers import brussels, data_of, gql, publish_child, translate
from .test_models import translate as translate_record

LOSSES = """
query Losses($serial: String, $squadron: String, $lostFrom: Date, $lostTo: Date, $place: String,
             $order: String, $locale: String) {
  aircraftLosses(serial: $serial, squadron: $squadron, lostFrom: $lostFrom, lostTo: $lostTo, place: $place,
                 order: $order, locale: $locale) {
    items { id serial crashPlace loss { start precision } }
    pagination { total }
  }
}
"""


def serials(client, **variables):
    return [loss["serial"] for loss in data_of(client, LOSSES, variables)["aircraftLosses"]["items"]]


def loss(serial, day, precision="day", **fields):
    return AircraftLoss.objects.create(
        aircraft_type="Avro Lancaster", serial=serial, loss_date=day, loss_date_precision=precision, **fields
    )


@pytest.fixture
def losses(locales):
    return {
        "ja712": loss("JA712", datetime.date(1944, 5, 27), squadron="No. 550 Squadron RAF", squadron_code="BQ-H",
                      crash_place="near Rebecq", latitude=Decimal("50.66"), longitude=Decimal("4.13")),
        "dv309": loss("DV309", datetime.date(1944, 5, 1), "month", squadron="No. 61 Squadron RAF",
                      crash_place="Westerlo"),
        "ja9": loss("JA901", datetime.date(1944, 1, 1), "year", squadron="No. 7 Squadron RAF", crash_place="Mol"),
    }  # fmt: skip


def test_serial_fragments_ignore_case_and_spaces(client, losses):
    assert serials(client, serial="ja7") == ["JA712"]
    assert serials(client, serial=" ja ") == ["JA901", "JA712"]
    assert serials(client, serial="xx") == []


def test_squadron_matches_the_name_or_the_code_letters(client, losses):
    assert serials(client, squadron="550") == ["JA712"]
    assert serials(client, squadron="bq") == ["JA712"]
    assert serials(client, squadron="squadron raf") == ["JA901", "DV309", "JA712"]


def test_losses_sort_by_partial_date_least_precise_first(client, losses):
    assert serials(client) == ["JA901", "DV309", "JA712"]
    assert serials(client, order="-loss_date") == ["JA712", "DV309", "JA901"]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("1944-05-27", "1944-05-27", ["JA901", "DV309", "JA712"]),
        ("1944-05-28", None, ["JA901", "DV309"]),
        ("1944-06-01", None, ["JA901"]),
        (None, "1944-04-30", ["JA901"]),
        ("1945-01-01", None, []),
    ],
)
def test_loss_range_keeps_every_partial_date_that_overlaps_it(client, losses, start, end, expected):
    assert serials(client, lostFrom=start, lostTo=end) == expected


def test_place_matches_the_source_or_the_readers_language(client, losses, locales):
    french = translate_record(losses["ja712"], locales["fr"])
    french.crash_place = "près de Rebecq"
    french.save()
    assert serials(client, place="rebecq") == ["JA712"]
    assert serials(client, place="près", locale="fr") == ["JA712"]
    assert serials(client, place="près") == []  # an English reader searches English text
    items = data_of(client, LOSSES, {"locale": "fr", "serial": "JA712"})["aircraftLosses"]["items"]
    assert items == [
        {
            "id": "ja712",
            "serial": "JA712",
            "crashPlace": "près de Rebecq",
            "loss": {"start": "1944-05-27", "precision": "day"},
        }
    ]


LOSS = """
query Loss($id: ID!, $locale: String) {
  aircraftLoss(id: $id, locale: $locale) {
    serial squadronCode latitude longitude mission
    crew { role fate person { familyName } loss { serial } }
    memorials { title url }
    events { title }
  }
}
"""


def test_a_loss_lists_its_crew_and_the_live_pages_in_the_readers_language(client, tree, losses):
    ja712 = losses["ja712"]
    pilot = Person.objects.create(family_name="Example")
    CrewMember.objects.create(loss=ja712, person=pilot, role="pilot", fate="killed")
    memorial = MemorialPage(title="JA712 memorial", slug="ja712", place="Rebecq", municipality="Rebecq")
    memorial.commemorated_losses = [ja712]
    memorial = publish_child(tree.memorials, memorial)
    translate(memorial, tree.locales["fr"], title="Mémorial JA712")
    draft = MemorialPage(title="Draft memorial", slug="draft", place="Rebecq", municipality="Rebecq", live=False)
    draft.commemorated_losses = [ja712]
    tree.memorials.add_child(instance=draft)
    event = EventPage(title="Ceremony", slug="ceremony", start=brussels(2024, 5, 27, 11), place="Rebecq")
    event.aircraft_loss = ja712
    publish_child(tree.events, event)

    english = data_of(client, LOSS, {"id": "ja712"})["aircraftLoss"]
    assert english == {
        "serial": "JA712",
        "squadronCode": "BQ-H",
        "latitude": 50.66,
        "longitude": 4.13,
        "mission": "",
        "crew": [{"role": "pilot", "fate": "killed", "person": {"familyName": "Example"}, "loss": {"serial": "JA712"}}],
        "memorials": [{"title": "JA712 memorial", "url": "/en/memorials/ja712/"}],
        "events": [{"title": "Ceremony"}],
    }
    french = data_of(client, LOSS, {"id": "ja712", "locale": "fr"})["aircraftLoss"]
    assert french["memorials"] == [{"title": "Mémorial JA712", "url": "/fr/memorials/ja712/"}]
    assert french["events"] == []  # the ceremony has no French version


CEMETERIES = """
query Cemeteries($locale: String, $order: String, $municipality: String) {
  cemeteries(locale: $locale, order: $order, municipality: $municipality) {
    items { id name municipality latitude longitude burialCount burials { person { familyName } } memorials { title } }
    pagination { total }
  }
}
"""


def test_cemeteries_give_burial_counts_coordinates_and_names_in_the_readers_language(client, tree, locales):
    rebecq = Cemetery.objects.create(
        name="Rebecq communal", municipality="Rebecq", latitude=Decimal("50.66"), longitude=Decimal("4.13")
    )
    Cemetery.objects.create(name="Alpha cemetery", municipality="Zele")
    for family_name in ("Able", "Baker"):
        Burial.objects.create(person=Person.objects.create(family_name=family_name), cemetery=rebecq)
    french = translate_record(rebecq, locales["fr"])
    french.name = "Cimetière communal de Rebecq"
    french.save()
    publish_child(
        tree.memorials, MemorialPage(title="Stone", slug="stone", place="x", municipality="Rebecq", cemetery=rebecq)
    )

    items = data_of(client, CEMETERIES, {})["cemeteries"]["items"]
    assert items[0] == {
        "id": rebecq.external_id,
        "name": "Rebecq communal",
        "municipality": "Rebecq",
        "latitude": 50.66,
        "longitude": 4.13,
        "burialCount": 2,
        "burials": [{"person": {"familyName": "Able"}}, {"person": {"familyName": "Baker"}}],
        "memorials": [{"title": "Stone"}],
    }
    assert items[1]["burialCount"] == 0 and items[1]["latitude"] is None
    in_french = data_of(client, CEMETERIES, {"locale": "fr", "order": "name"})["cemeteries"]["items"]
    assert [item["name"] for item in in_french] == ["Alpha cemetery", "Cimetière communal de Rebecq"]
    assert in_french[1]["memorials"] == []  # the memorial has no French version
    by_count = data_of(client, CEMETERIES, {"order": "-burial_count"})["cemeteries"]["items"]
    assert [item["burialCount"] for item in by_count] == [2, 0]
    assert data_of(client, CEMETERIES, {"municipality": "zele"})["cemeteries"]["pagination"]["total"] == 1
    _, body = gql(client, CEMETERIES, {"order": "notes"})
    assert body["errors"][0]["extensions"]["limit"] == "ORDER_ALLOWLIST"
