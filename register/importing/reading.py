"""Reading an uploaded CSV file into rows with line numbers, or refusing it with a clear reason."""

import csv
import io
from dataclasses import dataclass

from .layouts import Layout


class FileRefused(ValueError):
    """The file as a whole cannot be imported (encoding, format, columns, size); nothing is imported."""


@dataclass(frozen=True)
class Row:
    """One record of the file: the line it starts on, and its cells by column name."""

    line: int
    cells: dict[str, str]
    # Set when the record has a different number of cells from the header.
    width_error: str = ""


def decode(data: bytes) -> str:
    """The file's text: UTF-8, with or without a byte-order mark (as spreadsheets save it)."""
    if b"\x00" in data:
        raise FileRefused("This is not a CSV text file (it contains binary data).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRefused(
            f"The file is not UTF-8 text (first bad byte on line {line}). Save it as 'CSV UTF-8' and upload it again."
        ) from None


def read_rows(data: bytes, layout: Layout) -> list[Row]:
    """Every record in ``data``, checked against ``layout``'s header; raises ``FileRefused``."""
    text = decode(data)
    if not text.strip():
        raise FileRefused("The file is empty.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        check_header([name.strip() for name in header], layout)
        rows = []
        start = reader.line_num + 1
        for cells in reader:
            if cells:  # a blank line between records is no record
                rows.append(row_of(start, [name.strip() for name in header], cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileRefused(f"This is not a readable CSV file (line {reader.line_num}: {error}).") from None
    if not rows:
        raise FileRefused("The file has a header but no rows.")
    return rows


def check_header(header: list[str], layout: Layout) -> None:
    expected = layout.header
    missing = [name for name in expected if name not in header]
    unknown = [name for name in header if name not in expected]
    repeated = sorted({name for name in header if header.count(name) > 1})
    problems = []
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown columns: {', '.join(unknown)}")
    if repeated:
        problems.append(f"repeated columns: {', '.join(repeated)}")
    if problems:
        raise FileRefused(
            f"The first line does not match the {layout.key} columns ({'; '.join(problems)}). "
            f"Expected: {', '.join(expected)}."
        )


def row_of(line: int, header: list[str], cells: list[str]) -> Row:
    if len(cells) != len(header):
        return Row(line, {}, f"has {len(cells)} cells but the header has {len(header)}")
    return Row(line, dict(zip(header, cells, strict=True)))
