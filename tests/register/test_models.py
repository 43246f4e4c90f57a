"""Register records: validation, external ids, and translation through wagtail-localize."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail_localize.models import Translation, TranslationSource

from register.models import AircraftLoss, Burial, Cemetery, Person

D = datetime.date


def errors_of(record) -> dict:
    with pytest.raises(ValidationError) as raised:
        record.full_clean()
    return raised.value.message_dict


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [("50.6", None, "longitude"), (None, "4.1", "latitude"), ("91", "4.1", "latitude"), ("50.6", "-181", "longitude")],
)
def test_cemetery_coordinates_are_in_range_and_given_together(locales, latitude, longitude, field):
    cemetery = Cemetery(name="A cemetery", municipality="Testville", latitude=latitude, longitude=longitude)
    assert field in errors_of(cemetery)


def test_death_cannot_be_before_birth_but_partial_dates_are_compared_as_periods(locales):
    person = Person(family_name="Test", birth_date=D(1920, 3, 4), death_date=D(1919, 6, 1), death_date_precision="year")
    assert "death_date" in errors_of(person)
    # Born in May 1944, died in 1944: possible.
    person = Person(
        family_name="Test",
        birth_date=D(1944, 5, 20),
        birth_date_precision="month",
        death_date=D(1944, 2, 2),
        death_date_precision="year",
    )
    person.full_clean()
    assert (person.birth_date, person.death_date) == (D(1944, 5, 1), D(1944, 1, 1))


def test_serial_is_trimmed_and_uppercased_and_becomes_the_external_id(locales):
    loss = AircraftLoss(aircraft_type="Avro Lancaster", serial="  ja 712 ", loss_date=D(1944, 5, 27))
    loss.full_clean()
    loss.save()
    assert (loss.serial, loss.external_id) == ("JA712", "ja712")
    twin = AircraftLoss.objects.create(aircraft_type="Avro Lancaster", serial="JA712", loss_date=D(1944, 6, 1))
    assert twin.external_id.startswith("loss-") and twin.external_id != loss.external_id


def test_blank_external_ids_are_generated_and_taken_ones_refused(register):
    assert register["pilot"].external_id.startswith("person-")
    assert register["burial"].external_id.startswith("burial-")
    copy = Person(family_name="Other", external_id=register["pilot"].external_id)
    assert "external_id" in errors_of(copy)
    burial = Burial(person=register["partisan"], cemetery=register["cemetery"], external_id="grave 7")
    assert "external_id" in errors_of(burial)  # letters, digits, hyphens and underscores only
    burial.external_id = "grave-7"
    burial.full_clean()


def translate(record, locale):
    source, _ = TranslationSource.get_or_create_from_instance(record)
    Translation.objects.create(source=source, target_locale=locale).save_target()
    return record.get_translation(locale)


def test_translation_keeps_the_data_and_relations_refuse_translated_rows(register, locales):
    pilot = register["pilot"]
    french = translate(pilot, locales["fr"])
    assert (french.family_name, french.external_id, french.search_text) == (
        pilot.family_name,
        pilot.external_id,
        pilot.search_text,
    )
    assert [variant.name for variant in french.name_variants.all()] == ["Alan Exampel"]
    assert pilot.in_locale(locales["fr"]) == french and pilot.in_locale(locales["nl"]) == pilot
    assert set(Person.source_rows()) == {pilot, register["partisan"]}

    burial = Burial(person=french, cemetery=register["cemetery"])
    assert "person" in errors_of(burial)
    cemetery_fr = translate(register["cemetery"], locales["fr"])
    burial = Burial(person=pilot, cemetery=cemetery_fr)
    assert "cemetery" in errors_of(burial)
