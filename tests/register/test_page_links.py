"""Pages that point at the register: memorials commemorate records, ceremonies mark a loss's anniversary."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from pages.models import EventPage, MemorialPage

from ..helpers import brussels, data_of, publish_child, translate
from .test_models import translate as translate_record


def ceremony(tree, **fields):
    return publish_child(
        tree.events,
        EventPage(title="Ceremony", slug="ceremony", start=brussels(2022, 5, 22, 11, 0), place="Westerlo", **fields),
    )


def anniversary_of(client, page):
    query = "query($id: ID) { page(id: $id) { ... on EventPage { anniversary commemoratedDate } } }"
    return data_of(client, query, {"id": page.pk})["page"]


def test_anniversary_comes_from_the_linked_loss_when_no_date_is_typed(client, tree, register):
    event = ceremony(tree, aircraft_loss=register["loss"])
    assert str(event.commemorated) == "May 1944"
    assert anniversary_of(client, event) == {"anniversary": 78, "commemoratedDate": None}


def test_a_typed_date_wins_over_the_linked_loss(client, tree, register):
    event = ceremony(tree, aircraft_loss=register["loss"], commemorated_date=datetime.date(1945, 5, 8))
    assert anniversary_of(client, event)["anniversary"] == 77


def test_a_ceremony_refuses_a_translated_loss(tree, register, locales):
    french = translate_record(register["loss"], locales["fr"])
    event = EventPage(title="Ceremony", slug="c", start=brussels(2022, 5, 22), place="Westerlo", aircraft_loss=french)
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    assert "aircraft_loss" in raised.value.message_dict


def test_memorial_links_are_kept_in_translations_and_listed_by_the_cemetery(client, editor, tree, register, locales):
    memorial = MemorialPage(title="Stone", slug="stone", place="Cemetery", municipality="Testville")
    memorial.commemorated_people = [register["pilot"], register["partisan"]]
    memorial.commemorated_losses = [register["loss"]]
    memorial.cemetery = register["cemetery"]
    memorial = publish_child(tree.memorials, memorial)
    french = translate(memorial, locales["fr"])
    assert set(french.commemorated_people.all()) == {register["pilot"], register["partisan"]}
    assert list(french.commemorated_losses.all()) == [register["loss"]]
    assert french.cemetery == register["cemetery"]
    assert set(register["cemetery"].memorial_pages.all()) == {memorial, french}
    inspect = client.get(f"/admin/snippets/register/cemetery/inspect/{register['cemetery'].pk}/").content.decode()
    assert "Stone" in inspect
