"""The map: a GeoJSON FeatureCollection (RFC 7946) of memorials, cemeteries and crash sites."""

import datetime
import json
import math
from decimal import Decimal

import pytest

from pages.models import MemorialPage
from register.models import AircraftLoss, Cemetery

from ..helpers import data_of, gql, publish_child, translate
from .test_models import translate as translate_record

MAP = """
query Map($locale: String, $layers: [MapLayer!]) {
  map(locale: $locale, layers: $layers) {
    type
    features {
      type id
      geometry { type coordinates }
      properties { layer label place url registerId }
    }
  }
}
"""


def assert_rfc7946_feature_collection(document):
    """Structural checks from RFC 7946 for a collection of Point features (sections 3.1.1, 3.1.2, 3.2, 3.3)."""
    document = json.loads(json.dumps(document))  # exactly what a client parses
    assert document["type"] == "FeatureCollection"
    assert isinstance(document["features"], list)
    ids = [feature["id"] for feature in document["features"]]
    assert len(ids) == len(set(ids)), "feature ids must be unique"
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["id"], str | int)
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        position = geometry["coordinates"]
        assert len(position) == 2 and all(isinstance(number, float | int) for number in position)
        longitude, latitude = position
        assert math.isfinite(longitude) and -180 <= longitude <= 180
        assert math.isfinite(latitude) and -90 <= latitude <= 90


@pytest.fixture
def places(tree):
    """A memorial with a French version, a draft memorial, a memorial without coordinates, a cemetery
    with a French name, a crash site with a French place, and a loss with no crash coordinates."""
    memorial = publish_child(
        tree.memorials,
        MemorialPage(
            title="Soviet memorial", slug="soviet", place="Cemetery", municipality="Rebecq",
            latitude=Decimal("50.664"), longitude=Decimal("4.133"),
        ),
    )  # fmt: skip
    translate(memorial, tree.locales["fr"], title="Mémorial soviétique")
    tree.memorials.add_child(
        instance=MemorialPage(
            title="Draft", slug="draft", place="x", municipality="x", live=False,
            latitude=Decimal("51"), longitude=Decimal("4"),
        )
    )  # fmt: skip
    publish_child(tree.memorials, MemorialPage(title="Nowhere", slug="nowhere", place="x", municipality="x"))
    cemetery = Cemetery.objects.create(
        name="Communal cemetery", municipality="Rebecq", latitude=Decimal("50.665"), longitude=Decimal("4.134")
    )
    french = translate_record(cemetery, tree.locales["fr"])
    french.name = "Cimetière communal"
    french.save()
    loss = AircraftLoss.objects.create(
        aircraft_type="Avro Lancaster", serial="JA712", loss_date=datetime.date(1944, 5, 27),
        crash_place="near Rebecq", latitude=Decimal("50.7"), longitude=Decimal("4.1"),
    )  # fmt: skip
    french_loss = translate_record(loss, tree.locales["fr"])
    french_loss.crash_place = "près de Rebecq"
    french_loss.save()
    AircraftLoss.objects.create(aircraft_type="Avro Lancaster", serial="DV309", loss_date=datetime.date(1944, 5, 1))
    return {"memorial": memorial, "cemetery": cemetery, "loss": loss}


def test_the_map_is_valid_geojson_with_longitude_first(client, places):
    collection = data_of(client, MAP)["map"]
    assert_rfc7946_feature_collection(collection)
    assert collection["features"] == [
        {
            "type": "Feature",
            "id": f"memorial-{places['memorial'].pk}",
            "geometry": {"type": "Point", "coordinates": [4.133, 50.664]},
            "properties": {
                "layer": "MEMORIAL", "label": "Soviet memorial", "place": "Cemetery",
                "url": "/en/memorials/soviet/", "registerId": None,
            },
        },
        {
            "type": "Feature",
            "id": f"cemetery-{places['cemetery'].external_id}",
            "geometry": {"type": "Point", "coordinates": [4.134, 50.665]},
            "properties": {
                "layer": "CEMETERY", "label": "Communal cemetery", "place": "Rebecq",
                "url": None, "registerId": places["cemetery"].external_id,
            },
        },
        {
            "type": "Feature",
            "id": "crash-site-ja712",
            "geometry": {"type": "Point", "coordinates": [4.1, 50.7]},
            "properties": {
                "layer": "CRASH_SITE", "label": "Avro Lancaster JA712", "place": "near Rebecq",
                "url": None, "registerId": "ja712",
            },
        },
    ]  # fmt: skip


def test_labels_come_in_the_requested_language(client, places):
    collection = data_of(client, MAP, {"locale": "fr"})["map"]
    assert_rfc7946_feature_collection(collection)
    properties = [feature["properties"] for feature in collection["features"]]
    assert [(p["label"], p["place"]) for p in properties] == [
        ("Mémorial soviétique", "Cemetery"),  # the place was not translated
        ("Cimetière communal", "Rebecq"),
        ("Avro Lancaster JA712", "près de Rebecq"),
    ]
    assert properties[0]["url"] == "/fr/memorials/soviet/"
    assert data_of(client, MAP, {"locale": "nl"})["map"]["features"][0]["properties"]["layer"] == "CEMETERY"


def test_layers_can_be_chosen(client, places):
    features = data_of(client, MAP, {"layers": ["CRASH_SITE", "CEMETERY"]})["map"]["features"]
    assert [feature["properties"]["layer"] for feature in features] == ["CEMETERY", "CRASH_SITE"]
    assert data_of(client, MAP, {"layers": []})["map"] == {"type": "FeatureCollection", "features": []}


def test_an_unknown_locale_or_layer_is_a_clear_error(client, places):
    _, body = gql(client, MAP, {"locale": "de"})
    assert body["errors"][0]["extensions"]["code"] == "UNKNOWN_LOCALE"
    status, body = gql(client, MAP, {"layers": ["GRAVE"]})
    assert status == 400 and "GRAVE" in body["errors"][0]["message"]


def test_the_checker_refuses_latitude_first_positions():
    swapped = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "x",
                "properties": {},
                "geometry": {"type": "Point", "coordinates": [50.6, 120.0]},
            }
        ],
    }
    with pytest.raises(AssertionError):
        assert_rfc7946_feature_collection(swapped)
