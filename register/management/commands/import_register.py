"""``manage.py import_register people people.csv [--dry-run]``: import a register's CSV file, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from register.importing.importer import REJECT, import_rows
from register.importing.layouts import LAYOUTS
from register.importing.reading import FileRefused, read_rows


class Command(BaseCommand):
    help = "Import a register CSV file (see docs/register-csv.md). Any rejected row means nothing is imported."

    def add_arguments(self, parser):
        parser.add_argument("register", choices=sorted(LAYOUTS), help="Which register the file holds.")
        parser.add_argument("path", type=Path, help="The CSV file (UTF-8).")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; save nothing.")

    def handle(self, *args, register, path, dry_run, **options):
        layout = LAYOUTS[register]
        try:
            rows = read_rows(path.read_bytes(), layout)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except FileRefused as error:
            raise CommandError(str(error)) from None

        def progress(items):
            return tqdm(items, desc=f"Importing {register}", unit="row", disable=options["verbosity"] < 1)

        report = import_rows(layout, rows, dry_run=dry_run, progress=progress)
        if options["verbosity"] >= 2 or dry_run:
            for outcome in report.outcomes:
                if outcome.action != REJECT:
                    self.stdout.write(f"line {outcome.line}: {outcome.action} {outcome.external_id}")
        for outcome in report.rejected:
            self.stderr.write(f"line {outcome.line}: rejected {outcome.external_id}: {'; '.join(outcome.reasons)}")
        if report.rejected and not dry_run:
            raise CommandError(report.summary())
        self.stdout.write(report.summary())
