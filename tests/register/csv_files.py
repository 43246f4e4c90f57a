"""Helpers for the register's CSV tests: write a file, run the import and export commands on it."""

import csv
import io

from django.core.management import call_command


def csv_bytes(header, *rows) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return stream.getvalue().encode()


def export(register: str) -> str:
    out = io.StringIO()
    call_command("export_register", register, stdout=out)
    return out.getvalue()


def import_file(tmp_path, register: str, data: bytes | str, *args) -> tuple[str, str]:
    """Run import_register on ``data``; return (stdout, stderr). Raises CommandError as the command does."""
    path = tmp_path / f"{register}.csv"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_register", register, str(path), *args, stdout=out, stderr=err, verbosity=0)
    return out.getvalue(), err.getvalue()
