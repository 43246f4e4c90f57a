"""``manage.py export_register people [-o people.csv]``: write a register as CSV, in the columns import reads."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from register.importing.exporting import export_rows
from register.importing.layouts import LAYOUTS


class Command(BaseCommand):
    help = "Export a register as CSV (see docs/register-csv.md); importing the file again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("register", choices=sorted(LAYOUTS), help="Which register to export.")
        parser.add_argument("-o", "--output", type=Path, help="The file to write; standard output if omitted.")

    def handle(self, *args, register, output, **options):
        layout = LAYOUTS[register]
        if output is None:
            export_rows(layout, self.stdout)
            return
        try:
            with output.open("w", encoding="utf-8", newline="") as stream:
                count = export_rows(layout, stream)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        self.stderr.write(f"Exported {count} {register} to {output}.")
