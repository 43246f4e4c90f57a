"""Register listings cost the same number of queries whatever the number of results on a page."""

import datetime

import pytest

from pages.models import EventPage, MemorialPage
from register.models import AircraftLoss, Burial, Cemetery, CrewMember, NameVariant, Person

from ..helpers import brussels, data_of, publish_child, translate
from .test_models import translate as translate_record

PEOPLE = """
query($perPage: PositiveInt) {
  people(locale: "fr", perPage: $perPage) {
    items {
      id familyName biography death { start precision } nameVariants { name }
      burials { graveReference cemetery { name burialCount } person { familyName } }
      crewPlaces { role loss { serial crashPlace } }
      memorials { title url }
    }
    pagination { total }
  }
}
"""

LOSSES = """
query($perPage: PositiveInt) {
  aircraftLosses(locale: "fr", perPage: $perPage) {
    items { serial crashPlace crew { role person { familyName biography } } memorials { title } events { title } }
  }
}
"""

CEMETERIES = """
query($perPage: PositiveInt) {
  cemeteries(locale: "fr", perPage: $perPage) {
    items { name burialCount burials { person { familyName biography } } memorials { title } }
  }
}
"""

MAP = '{ map(locale: "fr") { features { id geometry { coordinates } properties { label place url } } } }'


@pytest.fixture
def register_of_twelve(tree):
    """Twelve of everything, each person buried, aboard a loss and named on a memorial; French rows too."""
    french = tree.locales["fr"]
    for number in range(12):
        cemetery = Cemetery.objects.create(name=f"Cemetery {number}", municipality="Rebecq", latitude=50, longitude=4)
        loss = AircraftLoss.objects.create(
            aircraft_type="Lancaster",
            serial=f"JA{number:03}",
            loss_date=datetime.date(1944, 5, 1),
            latitude=50,
            longitude=4,
        )
        person = Person(family_name=f"Person {number:02}", death_date=datetime.date(1944, 5, 1))
        person.name_variants = [NameVariant(name=f"Персона {number}")]
        person.save()
        Burial.objects.create(person=person, cemetery=cemetery)
        CrewMember.objects.create(loss=loss, person=person, role="pilot")
        for record in (cemetery, loss, person):
            translate_record(record, french)
        memorial = MemorialPage(
            title=f"Memorial {number}", slug=f"memorial-{number}", place="x", municipality="x", cemetery=cemetery,
            latitude=50, longitude=4,
        )  # fmt: skip
        memorial.commemorated_people = [person]
        memorial.commemorated_losses = [loss]
        translate(publish_child(tree.memorials, memorial), french)
        event = EventPage(title=f"Ceremony {number}", slug=f"ceremony-{number}", start=brussels(2024, 5, 1), place="x")
        event.aircraft_loss = loss
        translate(publish_child(tree.events, event), french)


LISTINGS = {"people": (PEOPLE, 16), "aircraftLosses": (LOSSES, 13), "cemeteries": (CEMETERIES, 11)}


def test_listings_cost_the_same_few_queries_for_2_or_12_results(
    client, register_of_twelve, django_assert_max_num_queries
):
    for field, (query, maximum) in LISTINGS.items():
        for per_page in (2, 12):
            with django_assert_max_num_queries(maximum, info=f"{field}, {per_page} per page"):
                data = data_of(client, query, {"perPage": per_page})
            assert len(data[field]["items"]) == per_page
            if field == "people":  # each cemetery holds one burial
                assert {b["cemetery"]["burialCount"] for p in data[field]["items"] for b in p["burials"]} == {1}
    with django_assert_max_num_queries(9, info="map"):
        features = data_of(client, MAP)["map"]["features"]
    assert len(features) == 36
