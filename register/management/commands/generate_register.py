"""``manage.py generate_register --people N --seed S [--csv people.csv]``: clearly fictional people.

Without ``--csv`` the people are imported through the same importer as a CSV file (so running it twice
with the same seed adds nobody); with ``--csv`` they are written as a people CSV, e.g. for the import benchmark.
"""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from register.importing.fictional import fictional_people
from register.importing.importer import import_rows
from register.importing.layouts import PEOPLE
from register.importing.reading import Row


class Command(BaseCommand):
    help = "Generate clearly fictional people for tests and benchmarks, into the database or a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, required=True, help="How many people.")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same people.")
        parser.add_argument("--csv", type=Path, help="Write a people CSV here instead of saving to the database.")

    def handle(self, *args, people, seed, csv: Path | None, **options):
        if people < 1:
            raise CommandError("--people must be at least 1.")
        rows = fictional_people(people, seed)
        if csv:
            self.write_csv(csv, rows)
            self.stdout.write(f"Wrote {people} fictional people to {csv}.")
            return

        def progress(items):
            return tqdm(items, desc="Generating people", unit="row", disable=options["verbosity"] < 1)

        records = [Row(line, dict(zip(PEOPLE.header, cells, strict=True))) for line, cells in enumerate(rows, 2)]
        report = import_rows(PEOPLE, records, dry_run=False, progress=progress)
        self.stdout.write(report.summary())

    @staticmethod
    def write_csv(path: Path, rows: list[list[str]]) -> None:
        try:
            with path.open("w", encoding="utf-8", newline="") as stream:
                writer = csv.writer(stream, lineterminator="\n")
                writer.writerow(PEOPLE.header)
                writer.writerows(rows)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from None
