"""The import at scale: a few queries per batch of rows, the API's cache refreshed, clashes still reported."""

import pytest
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from register.importing import importer
from register.importing.fictional import fictional_people
from register.importing.layouts import PEOPLE
from register.importing.lookup import Lookup
from register.models import AircraftLoss, Person

from ..helpers import data_of
from .csv_files import csv_bytes, export, import_file
from .test_import import person_row

BATCH = 20
# Reading a batch's records, a savepoint, inserting or updating them and their inline rows, and
# indexing their references: a fixed number of statements per batch, never one per row.
QUERIES_PER_BATCH = 10


def people_csv(count: int, seed: int, renamed: bool = False) -> bytes:
    rows = fictional_people(count, seed)
    if renamed:
        family = PEOPLE.header.index("family_name")
        for row in rows:
            row[family] += "x"
    return csv_bytes(PEOPLE.header, *rows)


def queries_of(tmp_path, data: bytes) -> int:
    with CaptureQueriesContext(connection) as captured:
        import_file(tmp_path, "people", data)
    return len(captured)


@pytest.mark.parametrize("renamed", [False, True], ids=["creates", "updates"])
def test_twice_the_rows_cost_only_the_queries_of_the_extra_batches(tmp_path, locales, monkeypatch, renamed):
    monkeypatch.setattr(importer, "BATCH_SIZE", BATCH)
    small, large = people_csv(2 * BATCH, seed=1), people_csv(4 * BATCH, seed=2)
    if renamed:  # the same people again, each with a new name: every row updates its record
        import_file(tmp_path, "people", small)
        import_file(tmp_path, "people", large)
        small, large = people_csv(2 * BATCH, seed=1, renamed=True), people_csv(4 * BATCH, seed=2, renamed=True)

    two_batches, four_batches = queries_of(tmp_path, small), queries_of(tmp_path, large)

    assert Person.objects.count() == 6 * BATCH
    expected = "x" if renamed else ""
    assert Person.objects.filter(family_name__endswith="x").count() == (6 * BATCH if expected else 0)
    assert four_batches - two_batches <= 2 * QUERIES_PER_BATCH, (two_batches, four_batches)
    assert four_batches < 4 * BATCH  # far fewer queries than rows


def test_a_cached_people_answer_is_fresh_after_an_import(client, tmp_path, tree):
    query = '{ people(locale: "en") { items { familyName } pagination { total } } }'
    assert data_of(client, query)["people"]["pagination"]["total"] == 0
    with CaptureQueriesContext(connection) as captured:
        data_of(client, query)
    assert len(captured) == 0  # answered from the response cache

    import_file(tmp_path, "people", csv_bytes(PEOPLE.header, person_row("p-1", "Imported")))

    assert data_of(client, query)["people"]["items"] == [{"familyName": "Imported"}]


def test_a_record_saved_meanwhile_is_a_clash_reported_on_its_row(tmp_path, locales, monkeypatch):
    """Another editor saves "p-2" after the import looked the file's ids up: the database refuses that row."""
    load = Lookup.load

    def load_then_another_editor_saves(self, external_ids):
        load(self, external_ids)
        Person.objects.create(family_name="Meanwhile", external_id="p-2")

    monkeypatch.setattr(Lookup, "load", load_then_another_editor_saves)
    data = csv_bytes(PEOPLE.header, person_row("p-1", "Alder"), person_row("p-2", "Birch"), person_row("p-3", "Cedar"))

    with pytest.raises(CommandError, match="Nothing imported: 1 rows rejected"):
        import_file(tmp_path, "people", data)
    assert not Person.objects.exists()  # the import's transaction, the meanwhile record with it

    out, err = import_file(tmp_path, "people", data, "--dry-run")
    assert "line 3: rejected p-2: the database refused this row (it clashes with another record)" in err
    assert "line 2: create p-1" in out and "line 4: create p-3" in out


def test_reimporting_a_changed_crew_replaces_the_crew_and_its_references(tmp_path, register):
    from wagtail.models import ReferenceIndex

    data = export("losses")
    pilot, partisan = register["pilot"], register["partisan"]
    changed = data.replace(f"{pilot.external_id} | pilot | killed", f"{partisan.external_id} | navigator")
    assert changed != data
    out, _ = import_file(tmp_path, "losses", changed)
    assert "0 to create, 1 to update" in out

    loss = AircraftLoss.objects.get(pk=register["loss"].pk)
    assert [(m.person, m.role) for m in loss.crew.all()] == [(partisan, "navigator")]
    referenced = set(ReferenceIndex.get_references_for_object(loss).values_list("to_object_id", flat=True))
    assert str(partisan.pk) in referenced and str(pilot.pk) not in referenced
    assert export("losses") == changed
