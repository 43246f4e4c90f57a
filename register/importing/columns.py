"""How one CSV cell maps to a record, both ways: ``read`` a cell into model values, ``write`` a record's cell.

Every column writes exactly what it reads back, so export -> import -> export is byte-identical. A cell
that cannot be read raises ``CellError`` with a message for the person who wrote the file.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from ..partial_dates import DatePrecision, PartialDate

# Separates the parts of one entry in a multi-valued cell ("Name | note"); entries sit one per line.
PART_SEPARATOR = " | "

_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class CellError(ValueError):
    """A cell that cannot be read; the message says what is wrong and what is expected."""


class Column:
    """A plain text column stored in the model field ``field`` (the column's name unless given)."""

    def __init__(self, name: str, field: str | None = None, required: bool = False):
        self.name = name
        self.field = field or name
        self.required = required

    def read(self, cell: str, context) -> dict:
        """The model values for ``cell``; ``context`` resolves references. Text keeps its spaces (lossless)."""
        if self.required and not cell.strip():
            raise CellError("is required")
        return {self.field: self.parse(cell, context)}

    def parse(self, cell: str, context):
        return cell

    def write(self, record) -> str:
        return self.format(getattr(record, self.field))

    def format(self, value) -> str:
        return "" if value is None else str(value)

    def fields(self) -> list[str]:
        """The model fields this column fills, to map validation errors back to the column."""
        return [self.field]


class IdColumn(Column):
    """A record's stable external id: required, already a slug (``grave-7``, not ``grave 7``)."""

    def __init__(self):
        super().__init__("external_id", required=True)

    def parse(self, cell, context):
        cell = cell.strip()
        if not _SLUG.match(cell):
            raise CellError(f"'{cell}' is not an id of letters, digits, hyphens and underscores")
        return cell


class ChoiceColumn(Column):
    """One of a ``TextChoices``' stored values (e.g. ``killed``), or blank."""

    def __init__(self, name: str, choices, **kwargs):
        super().__init__(name, **kwargs)
        self.choices = choices

    def parse(self, cell, context):
        cell = cell.strip()
        if cell and cell not in self.choices.values:
            raise CellError(f"'{cell}' is not one of: {', '.join(self.choices.values)}")
        return cell


class DecimalColumn(Column):
    """A decimal number such as ``50.664123``, or blank."""

    def parse(self, cell, context):
        cell = cell.strip()
        if not cell:
            return None
        try:
            number = Decimal(cell)
        except InvalidOperation:
            raise CellError(f"'{cell}' is not a decimal number like 50.664") from None
        if not number.is_finite():
            raise CellError(f"'{cell}' is not a decimal number like 50.664")
        return number

    def format(self, value):
        # Six places, as the database stores them, so a fresh import and a stored row write the same text.
        return "" if value is None else f"{Decimal(value):.6f}"


class PartialDateColumn(Column):
    """A date known to the year (``1944``), the month (``1944-05``) or the day (``1944-05-27``)."""

    def __init__(self, name: str, date_field: str, precision_field: str, **kwargs):
        super().__init__(name, field=date_field, **kwargs)
        self.precision_field = precision_field

    def read(self, cell, context):
        cell = cell.strip()
        if not cell:
            if self.required:
                raise CellError("is required")
            return {self.field: None, self.precision_field: DatePrecision.DAY}
        match = _PARTIAL_DATE.match(cell)
        if not match:
            raise CellError(f"'{cell}' is not a date like 1944, 1944-05 or 1944-05-27")
        year, month, day = match.groups()
        precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
        try:
            date = datetime.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise CellError(f"'{cell}' is not a real date") from None
        return {self.field: date, self.precision_field: precision}

    def write(self, record):
        partial = PartialDate.of(getattr(record, self.field), getattr(record, self.precision_field))
        if partial is None:
            return ""
        start = partial.start
        if partial.precision == DatePrecision.YEAR:
            return f"{start.year:04d}"
        if partial.precision == DatePrecision.MONTH:
            return f"{start.year:04d}-{start.month:02d}"
        return start.isoformat()

    def fields(self):
        return [self.field, self.precision_field]


class ReferenceColumn(Column):
    """The external id of another register record (its source row), e.g. a burial's person."""

    def __init__(self, name: str, model, **kwargs):
        super().__init__(name, **kwargs)
        self.model = model

    def parse(self, cell, context):
        cell = cell.strip()
        if not cell:
            return None
        record = context.find(self.model, cell)
        if record is None:
            raise CellError(f"no {self.model._meta.verbose_name} has the id '{cell}'")
        return record

    def write(self, record):
        related = getattr(record, self.field)
        return related.external_id if related else ""


class ListColumn(Column):
    """Inline rows in one cell: one entry a line, its parts separated by `` | `` (e.g. ``Иванов | original``).

    ``parts`` names the parts; ``build(parts, context)`` makes the inline row, ``parts_of(row)`` reads one back.
    """

    def __init__(self, name: str, parts: int, build, parts_of, **kwargs):
        super().__init__(name, **kwargs)
        self.parts = parts
        self.build = build
        self.parts_of = parts_of

    def parse(self, cell, context):
        rows = []
        for number, line in enumerate(cell.strip().splitlines(), start=1):
            parts = [part.strip() for part in line.split(PART_SEPARATOR.strip())]
            if not parts[0] or len(parts) > self.parts:
                raise CellError(f"entry {number} ('{line}') must be at most {self.parts} parts separated by ' | '")
            parts += [""] * (self.parts - len(parts))
            try:
                rows.append(self.build(parts, context))
            except CellError as error:
                raise CellError(f"entry {number}: {error}") from None
        return rows

    def write(self, record):
        lines = []
        for row in getattr(record, self.field).all():
            parts = list(self.parts_of(row))
            while len(parts) > 1 and not parts[-1]:
                parts.pop()
            lines.append(PART_SEPARATOR.join(parts))
        return "\n".join(lines)
