"""CSV export: the columns import reads, so export -> import into an empty register -> export is byte-identical."""

import datetime
from decimal import Decimal

from register.models import AircraftLoss, Burial, Cemetery, NameVariant, Person

from .csv_files import export, import_file

ORDER = ("people", "cemeteries", "burials", "losses")  # references point backwards in this order


def enrich(register):
    """Give the fixture register the hard cases: Cyrillic, partial dates, rich text, commas, quotes, lines."""
    partisan = register["partisan"]
    partisan.given_names = "Ivan"
    partisan.birth_date, partisan.birth_date_precision = datetime.date(1921, 1, 1), "year"
    partisan.death_date, partisan.death_date_precision = datetime.date(1944, 5, 1), "month"
    partisan.biography = '<p>Fought near "Rebecq", 1944; <a href="https://example.org/">source</a>.</p>'
    partisan.sources = "Archive A, box 3\nLetter, 1946"
    partisan.name_variants = [NameVariant(name="Иван Иванов-Тест", note="Cyrillic"), NameVariant(name="Iwan Iwanow")]
    partisan.save()
    cemetery = register["cemetery"]
    cemetery.latitude, cemetery.longitude = Decimal("50.664"), Decimal("4.133012")
    cemetery.notes = "<p>Left of the gate, row A.</p>"
    cemetery.save()
    Burial.objects.create(person=partisan, cemetery=cemetery, inscription="Вечная память", inscription_language="ru")
    loss = register["loss"]
    loss.mission, loss.crash_place, loss.squadron_code = "Aachen, marshalling yards", "near Testville", "BQ-H"
    loss.save()


def test_export_import_export_is_byte_identical(tmp_path, register):
    enrich(register)
    first = {name: export(name) for name in ORDER}
    assert "Иван Иванов-Тест | Cyrillic\nIwan Iwanow" in first["people"]
    assert ",1921," in first["people"] and ",1944-05," in first["people"]
    assert "50.664000,4.133012" in first["cemeteries"]

    Burial.objects.all().delete()
    AircraftLoss.objects.all().delete()
    Person.objects.all().delete()
    Cemetery.objects.all().delete()
    for name in ORDER:
        import_file(tmp_path, name, first[name])

    assert {name: export(name) for name in ORDER} == first
    assert Person.objects.get(external_id=register["partisan"].external_id).search_text == (
        "ivanov test ivan ivan ivanov test iwan iwanow"
    )


def test_reimporting_an_export_changes_nothing(tmp_path, register):
    enrich(register)
    for name in ORDER:
        out, _ = import_file(tmp_path, name, export(name))
        assert ": 0 to create, 0 to update" in out and "0 rejected" in out


def test_translated_rows_are_not_exported(register, locales):
    register["pilot"].copy_for_translation(locales["fr"]).save()
    assert export("people").count(register["pilot"].external_id) == 1
