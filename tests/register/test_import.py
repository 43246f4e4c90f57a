"""CSV import through the management command: all or nothing, every bad row reported, idempotent."""

import datetime

import pytest
from django.core.management.base import CommandError

from register.importing.layouts import PEOPLE
from register.models import AircraftLoss, Burial, Person

from .csv_files import csv_bytes, export, import_file


def person_row(external_id, family_name, **cells):
    values = {"external_id": external_id, "family_name": family_name, **cells}
    return [values.get(name, "") for name in PEOPLE.header]


def test_a_file_with_bad_rows_imports_nothing_and_reports_every_bad_row(tmp_path, locales):
    data = csv_bytes(
        PEOPLE.header,
        person_row("good-one", "Goodname", birth_date="1920-03"),
        person_row("no-name", ""),
        person_row("bad date", "Badid", death_date="1944-02-30"),
        person_row("good-two", "Othername", fate="vanished"),
        person_row("good-one", "Twice"),
        person_row("backwards", "Early", birth_date="1944", death_date="1943-05-01"),
        ["too-short", "Few cells"],
    )
    with pytest.raises(CommandError, match="Nothing imported: 6 rows rejected"):
        _, err = import_file(tmp_path, "people", data)
    assert not Person.objects.exists()

    # The dry run shows the same, row by row, with line numbers and reasons.
    out, err = import_file(tmp_path, "people", data, "--dry-run")
    assert "line 2: create good-one" in out
    assert "line 3: rejected no-name: family_name: is required" in err
    assert "line 4: rejected bad date: external_id: 'bad date' is not an id" in err
    assert "birth_date" not in err.split("line 4")[1].split("\n")[0]
    assert "death_date: '1944-02-30' is not a real date" in err
    assert "line 5: rejected good-two: fate: 'vanished' is not one of: killed" in err
    assert "line 6: rejected good-one: external_id: 'good-one' is also on line 2" in err
    assert "line 7: rejected backwards: death_date: The death cannot be before the birth." in err
    assert "line 8: rejected : has 2 cells but the header has 16" in err
    assert "Dry run, nothing saved: 1 to create, 0 to update, 0 unchanged, 6 rejected." in out
    assert not Person.objects.exists()


def test_import_creates_then_reimport_updates_in_place_without_duplicates(tmp_path, locales):
    rows = [
        person_row(
            "p-1", "Stone", given_names="Ada", name_variants="Ada Stoun | misspelt\nАда Стоун", death_date="1944"
        ),
        person_row("p-2", "Vale", birth_date="1921-05-03"),
    ]
    out, _ = import_file(tmp_path, "people", csv_bytes(PEOPLE.header, *rows))
    assert "Imported people: 2 to create, 0 to update, 0 unchanged, 0 rejected." in out
    stone = Person.objects.get(external_id="p-1")
    assert stone.locale.language_code == "en"
    assert [(v.name, v.note) for v in stone.name_variants.all()] == [("Ada Stoun", "misspelt"), ("Ада Стоун", "")]
    assert stone.search_text == "stone ada ada stoun ada stoun"  # the Cyrillic variant transliterated
    assert (stone.death_date, stone.death_date_precision) == (datetime.date(1944, 1, 1), "year")

    out, _ = import_file(tmp_path, "people", csv_bytes(PEOPLE.header, *rows))
    assert "0 to create, 0 to update, 2 unchanged" in out

    rows[0] = person_row("p-1", "Stone", given_names="Ada Mary", name_variants="Ада Стоун | Cyrillic")
    out, _ = import_file(tmp_path, "people", csv_bytes(PEOPLE.header, *rows))
    assert "0 to create, 1 to update, 1 unchanged" in out
    stone = Person.objects.get(external_id="p-1")
    assert stone.given_names == "Ada Mary" and stone.death_date is None
    assert [(v.name, v.note) for v in stone.name_variants.all()] == [("Ада Стоун", "Cyrillic")]
    assert stone.search_text == "stone ada mary ada stoun"
    assert Person.objects.count() == 2


def test_references_are_resolved_by_external_id_and_unknown_ones_are_reported(tmp_path, register):
    header = ["external_id", "person", "cemetery", "grave_reference", "inscription", "inscription_language"]
    pilot, cemetery = register["pilot"].external_id, register["cemetery"].external_id
    data = csv_bytes(
        header,
        ["b-new", pilot, cemetery, "B. 2. 3.", "Rest in peace", "EN "],
        ["b-bad", "nobody", cemetery, "", "", ""],
    )
    with pytest.raises(CommandError):
        import_file(tmp_path, "burials", data)
    _, err = import_file(tmp_path, "burials", data, "--dry-run")
    assert "line 3: rejected b-bad: person: no person has the id 'nobody'" in err
    assert not Burial.objects.filter(external_id="b-new").exists()

    import_file(tmp_path, "burials", csv_bytes(header, ["b-new", pilot, cemetery, "B. 2. 3.", "R.I.P.", "EN "]))
    burial = Burial.objects.get(external_id="b-new")
    assert burial.person == register["pilot"] and burial.inscription_language == "en"


def test_losses_import_their_crew_and_tidy_serials(tmp_path, register):
    header = export("losses").splitlines()[0].split(",")
    partisan = register["partisan"].external_id
    cells = {
        "external_id": "ab123",
        "aircraft_type": "Handley Page Halifax",
        "serial": " ab 123 ",
        "squadron_code": "xy-z",
        "loss_date": "1944-06",
        "latitude": "50.5",
        "longitude": "4.25",
        "crew": f"{partisan} | rear_gunner | evaded",
    }
    import_file(tmp_path, "losses", csv_bytes(header, [cells.get(name, "") for name in header]))
    loss = AircraftLoss.objects.get(external_id="ab123")
    assert (loss.serial, loss.squadron_code, str(loss.loss)) == ("AB123", "XY-Z", "June 1944")
    assert [(m.person, m.role, m.fate) for m in loss.crew.all()] == [(register["partisan"], "rear_gunner", "evaded")]

    cells.update(crew=f"{partisan} | tail_gunner", latitude="95")
    _, err = import_file(tmp_path, "losses", csv_bytes(header, [cells.get(n, "") for n in header]), "--dry-run")
    assert "crew: entry 1: role 'tail_gunner' is not one of: pilot" in err
    cells.update(crew=f"{partisan} | rear_gunner")
    _, err = import_file(tmp_path, "losses", csv_bytes(header, [cells.get(n, "") for n in header]), "--dry-run")
    assert "latitude: Ensure this value is less than or equal to 90." in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Ivanov,Иван\n".encode("cp1251"), "not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a CSV text file"),
        (b"", "The file is empty"),
        (b"external_id,surname\n", "missing columns: family_name, given_names"),
        (",".join(PEOPLE.header).encode() + b"\n", "header but no rows"),
        (",".join(PEOPLE.header).encode() + b'\n"p-1,Open quote\n', "not a readable CSV file"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_error(tmp_path, locales, data, message):
    with pytest.raises(CommandError, match=message):
        import_file(tmp_path, "people", data)
    assert not Person.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path, locales):
    from django.core.management import call_command

    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_register", "people", str(tmp_path / "nowhere.csv"))


def test_imported_references_are_indexed_once_the_import_is_kept(tmp_path, register):
    from wagtail.models import ReferenceIndex

    header = ["external_id", "person", "cemetery", "grave_reference", "inscription", "inscription_language"]
    row = ["b-ref", register["partisan"].external_id, register["cemetery"].external_id, "", "", ""]
    import_file(tmp_path, "burials", csv_bytes(header, row), "--dry-run")
    assert not ReferenceIndex.get_references_to(register["partisan"]).exists()
    import_file(tmp_path, "burials", csv_bytes(header, row))
    burial = Burial.objects.get(external_id="b-ref")
    assert ReferenceIndex.get_references_for_object(burial).filter(to_object_id=str(register["partisan"].pk)).exists()
