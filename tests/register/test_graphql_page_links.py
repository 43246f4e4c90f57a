"""Page fields that link to the register: a memorial's people, losses and cemetery; a ceremony's loss."""

import datetime

from pages.models import EventPage, MemorialPage

from ..helpers import brussels, data_of, publish_child, translate
from .test_models import translate as translate_record

MEMORIAL = """
query Memorial($urlPath: String) {
  page(urlPath: $urlPath) {
    ... on MemorialPage {
      commemoratedPeople { id familyName biography burials { cemetery { name } } }
      commemoratedLosses { serial crashPlace }
      cemetery { name memorials { title } }
    }
    ... on EventPage { aircraftLoss { serial loss { start precision } events { title } } }
  }
}
"""


def test_a_memorial_gives_its_register_records_in_its_own_language(client, tree, register, locales):
    pilot, loss, cemetery = register["pilot"], register["loss"], register["cemetery"]
    pilot.biography = "<p>Pilot.</p>"
    pilot.save()
    loss.crash_place = "near Testville"
    loss.save()
    french_pilot = translate_record(pilot, locales["fr"])
    french_pilot.biography = "<p>Pilote.</p>"
    french_pilot.save()
    french_loss = translate_record(loss, locales["fr"])
    french_loss.crash_place = "près de Testville"
    french_loss.save()
    french_cemetery = translate_record(cemetery, locales["fr"])
    french_cemetery.name = "Cimetière de Testville"
    french_cemetery.save()
    memorial = MemorialPage(title="Stone", slug="stone", place="Cemetery", municipality="Testville", cemetery=cemetery)
    memorial.commemorated_people = [pilot]
    memorial.commemorated_losses = [loss]
    memorial = publish_child(tree.memorials, memorial)
    translate(memorial, locales["fr"], title="Pierre")

    english = data_of(client, MEMORIAL, {"urlPath": "/en/memorials/stone/"})["page"]
    assert english == {
        "commemoratedPeople": [
            {
                "id": pilot.external_id,
                "familyName": "Example",
                "biography": "<p>Pilot.</p>",
                "burials": [{"cemetery": {"name": "Communal cemetery of Testville"}}],
            }
        ],
        "commemoratedLosses": [{"serial": "ZZ999", "crashPlace": "near Testville"}],
        "cemetery": {"name": "Communal cemetery of Testville", "memorials": [{"title": "Stone"}]},
    }
    french = data_of(client, MEMORIAL, {"urlPath": "/fr/memorials/stone/"})["page"]
    assert french["commemoratedPeople"][0]["biography"] == "<p>Pilote.</p>"
    assert french["commemoratedPeople"][0]["burials"] == [{"cemetery": {"name": "Cimetière de Testville"}}]
    assert french["commemoratedLosses"] == [{"serial": "ZZ999", "crashPlace": "près de Testville"}]
    assert french["cemetery"] == {"name": "Cimetière de Testville", "memorials": [{"title": "Pierre"}]}


def test_a_memorial_without_links_gives_empty_lists_and_null(client, tree):
    publish_child(tree.memorials, MemorialPage(title="Plain", slug="plain", place="x", municipality="x"))
    page = data_of(client, MEMORIAL, {"urlPath": "/en/memorials/plain/"})["page"]
    assert page == {"commemoratedPeople": [], "commemoratedLosses": [], "cemetery": None}


def test_a_ceremony_gives_its_aircraft_loss(client, tree, register):
    event = EventPage(title="Ceremony", slug="ceremony", start=brussels(2024, 5, 1, 11), place="Testville")
    event.aircraft_loss = register["loss"]
    publish_child(tree.events, event)
    page = data_of(client, MEMORIAL, {"urlPath": "/en/ceremonies/ceremony/"})["page"]
    assert page == {
        "aircraftLoss": {
            "serial": "ZZ999",
            "loss": {"start": datetime.date(1944, 5, 1).isoformat(), "precision": "month"},
            "events": [{"title": "Ceremony"}],
        }
    }
