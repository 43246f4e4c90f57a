"""The register's admin: listings, filters, search, inspect views and creating records, as an editor."""

import datetime

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from register.models import AircraftLoss, Person

from .test_models import translate

BASE = "/admin/snippets/register"


def listing(client, model, **params):
    response = client.get(f"{BASE}/{model}/", params)
    assert response.status_code == 200
    return response


def names_in(response):
    return {str(obj) for obj in response.context["object_list"]}


@pytest.mark.parametrize("model", ["person", "cemetery", "burial", "aircraftloss"])
def test_listing_and_inspect_views_load(client, editor, register, model):
    record = {"person": "pilot", "cemetery": "cemetery", "burial": "burial", "aircraftloss": "loss"}[model]
    assert names_in(listing(client, model))
    response = client.get(f"{BASE}/{model}/inspect/{register[record].pk}/")
    assert response.status_code == 200


def test_inspect_views_show_the_links_between_records(client, editor, register):
    person = client.get(f"{BASE}/person/inspect/{register['pilot'].pk}/").content.decode()
    assert "Alan Exampel" in person and "Communal cemetery of Testville" in person and "ZZ999" in person
    assert "A. 1. 2." in client.get(f"{BASE}/cemetery/inspect/{register['cemetery'].pk}/").content.decode()
    loss = client.get(f"{BASE}/aircraftloss/inspect/{register['loss'].pk}/").content.decode()
    assert "May 1944" in loss and "EXAMPLE, Alan (Pilot)" in loss


def test_listings_show_source_rows_unless_asked(client, editor, register, locales, django_assert_max_num_queries):
    translate(register["pilot"], locales["fr"])
    with django_assert_max_num_queries(40):
        default = listing(client, "person")
    assert len(default.context["object_list"]) == 2
    assert len(listing(client, "person", locale="fr").context["object_list"]) == 1


def test_person_search_uses_the_normalised_names(client, editor, register):
    for term in ("Иванов", "ivanov", "IVANOV-test", "exampel"):
        found = names_in(listing(client, "person", q=term))
        assert len(found) == 1, term
    assert not names_in(listing(client, "person", q="nobody"))


def test_person_filters(client, editor, register):
    assert names_in(listing(client, "person", nationality="Soviet")) == {"IVANOV-TEST"}
    assert names_in(listing(client, "person", fate="killed")) == {"EXAMPLE, Alan"}
    assert names_in(listing(client, "person", cemetery=register["cemetery"].pk)) == {"EXAMPLE, Alan"}


def test_loss_date_filter_overlaps_partial_dates(client, editor, register):
    other = AircraftLoss.objects.create(
        aircraft_type="Short Stirling", serial="YY111", loss_date=datetime.date(1943, 1, 9)
    )
    found = listing(client, "aircraftloss", loss_date_from="1944-05-20", loss_date_to="1944-06-10")
    assert names_in(found) == {str(register["loss"])}
    assert names_in(listing(client, "aircraftloss", loss_date_to="1944-04-30")) == {str(other)}
    assert not names_in(listing(client, "aircraftloss", loss_date_from="1944-06-01"))


PERSON = {
    "family_name": "Posted",
    "given_names": "Peter",
    "nationality": "Canadian",
    "unit": "RCAF",
    "birth_date": "1921-03-09",
    "birth_date_precision": "year",
    "death_date": "1944-05-27",
    "death_date_precision": "day",
    "fate": "killed",
    "biography": rich_text("<p>A test biography.</p>"),
    "external_id": "",
}


def test_editor_creates_a_person_with_variants(client, editor, locales):
    data = nested_form_data({**PERSON, "name_variants": inline_formset([{"name": "Пётр Постед", "note": "Cyrillic"}])})
    response = client.post(f"{BASE}/person/add/?locale=en", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    person = Person.objects.get(family_name="Posted")
    assert (person.locale.language_code, person.birth_date, str(person.birth)) == (
        "en",
        datetime.date(1921, 1, 1),
        "1921",
    )
    assert person.external_id.startswith("person-")
    assert "posted" in person.search_text and "petr" in person.search_text


def test_invalid_person_is_refused_with_a_message_and_nothing_saved(client, editor, locales):
    data = nested_form_data({**PERSON, "death_date": "1920-01-01", "name_variants": inline_formset([])})
    response = client.post(f"{BASE}/person/add/?locale=en", data)
    assert response.status_code == 200
    assert "The death cannot be before the birth." in response.content.decode()
    assert not Person.objects.exists()


def test_editor_creates_an_aircraft_loss_with_its_crew(client, editor, register):
    data = nested_form_data(
        {
            "aircraft_type": "Avro Lancaster",
            "serial": " ab 123 ",
            "squadron_code": "xy-z",
            "squadron": "No. 1 Test Squadron",
            "loss_date": "1944-06-15",
            "loss_date_precision": "month",
            "mission": "",
            "cause": "",
            "crash_place": "",
            "latitude": "",
            "longitude": "",
            "reprisal_notes": rich_text(""),
            "external_id": "",
            "crew": inline_formset([{"person": str(register["partisan"].pk), "role": "rear_gunner", "fate": "evaded"}]),
            "documents": inline_formset([]),
        }
    )
    response = client.post(f"{BASE}/aircraftloss/add/?locale=en", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    loss = AircraftLoss.objects.get(serial="AB123")
    assert (loss.external_id, loss.squadron_code, str(loss.loss)) == ("ab123", "XY-Z", "June 1944")
    assert [(c.person, c.role, c.fate) for c in loss.crew.all()] == [(register["partisan"], "rear_gunner", "evaded")]
