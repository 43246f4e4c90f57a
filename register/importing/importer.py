"""Importing rows into a register: all or nothing, idempotent through external ids, with a row-by-row report.

A dry run and a real import are the same run: every row is validated and saved inside one transaction,
which is rolled back for a dry run or when any row is rejected. So a dry run reports exactly what the
import would do, including rows that only clash with an earlier row of the same file.

Rows go through the model's own validation one by one, but are read and written a batch at a time
(``lookup``, ``writing``), so a file of 50,000 rows costs a few queries per batch, not several per row.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..signals import records_imported
from ..source_rows import source_language_code
from .columns import CellError, ListColumn, ReferenceColumn
from .layouts import Layout
from .lookup import Lookup
from .reading import Row
from .writing import forget_written, write_records

CREATE, UPDATE, UNCHANGED, REJECT = "create", "update", "unchanged", "reject"


@dataclass
class RowOutcome:
    """What happens (or would happen) to one row: its action and, for a rejected row, every reason."""

    line: int
    external_id: str
    action: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    layout: Layout
    outcomes: list[RowOutcome]
    dry_run: bool

    @property
    def counts(self) -> Counter:
        return Counter(outcome.action for outcome in self.outcomes)

    @property
    def rejected(self) -> list[RowOutcome]:
        return [outcome for outcome in self.outcomes if outcome.action == REJECT]

    @property
    def applied(self) -> bool:
        """True when the rows were written: a real run with no rejected row."""
        return not self.dry_run and not self.rejected

    def summary(self) -> str:
        counts = self.counts
        text = ", ".join(f"{counts[action]} {label}" for action, label in ACTION_LABELS.items())
        if self.applied:
            return f"Imported {self.layout.key}: {text}."
        if self.dry_run:
            return f"Dry run, nothing saved: {text}."
        return f"Nothing imported: {counts[REJECT]} rows rejected ({text})."


ACTION_LABELS = {CREATE: "to create", UPDATE: "to update", UNCHANGED: "unchanged", REJECT: "rejected"}


# Rows checked and written together: bounds the queries per row and the memory held at once.
BATCH_SIZE = 500


def import_rows(
    layout: Layout, rows: list[Row], *, dry_run: bool, progress=iter, batch_size: int | None = None
) -> ImportReport:
    """Import ``rows`` into ``layout``'s register; nothing is kept if it is a dry run or any row is rejected.

    ``progress`` wraps the rows (e.g. ``tqdm``) to show how far the import has come. Rows are checked and
    written ``batch_size`` (default ``BATCH_SIZE``) at a time, in a few queries per batch whatever its size.
    """
    batch_size = batch_size or BATCH_SIZE
    importer = RowImporter(layout)
    outcomes = []
    # Wagtail re-indexes references in a task per saved or deleted record; the import indexes its records
    # itself, in bulk and inside the transaction, so a rolled-back import leaves no index behind.
    with transaction.atomic(), disable_reference_index_auto_update():
        rows = iter(progress(rows))
        while batch := list(islice(rows, batch_size)):
            outcomes += importer.import_batch(batch)
        report = ImportReport(layout, outcomes, dry_run)
        if not report.applied:
            transaction.set_rollback(True)
        elif importer.written:
            # Bulk writes send no post_save: the API's response cache and the like learn of them here, once.
            records_imported.send(sender=layout.model, records=importer.written)
    return report


class RowImporter:
    """Checks rows against the model's rules and writes the accepted ones, a batch at a time, for one register."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.lookup = Lookup(layout)
        self.seen = {}  # external id -> the line it was first on
        self.written = []
        self.translatable = hasattr(layout.model, "source_rows")
        self.locale = Locale.objects.get(language_code=source_language_code()) if self.translatable else None
        self.column_of = {name: column.name for column in layout.columns for name in column.fields()}
        # Resolved by the columns themselves, so the model need not query for them again; and the relations
        # the file does not fill (the locale, a photo), which stay as stored: checking them costs a query a row.
        resolved = [column.field for column in layout.columns if isinstance(column, ReferenceColumn | ListColumn)]
        untouched = [
            field.name
            for field in layout.model._meta.concrete_fields
            if field.is_relation and field.name not in self.column_of
        ]
        self.unchecked = [*resolved, *untouched]

    def import_batch(self, rows: list[Row]) -> list[RowOutcome]:
        """Check every row, then write the accepted ones together; one outcome per row, in file order."""
        self.lookup.load(row.cells.get("external_id", "").strip() for row in rows)
        checked = [self.check_row(row) for row in rows]
        self.write([(outcome, record) for outcome, record in checked if record is not None])
        return [outcome for outcome, _ in checked]

    def check_row(self, row: Row) -> tuple[RowOutcome, object]:
        """The row's outcome, and the record to write for a row that creates or updates one (else None)."""
        external_id = row.cells.get("external_id", "").strip()
        outcome = RowOutcome(row.line, external_id, REJECT)
        if row.width_error:
            outcome.reasons.append(row.width_error)
            return outcome, None
        if external_id in self.seen:
            outcome.reasons.append(f"external_id: '{external_id}' is also on line {self.seen[external_id]}")
            return outcome, None
        self.seen[external_id] = row.line

        values, outcome.reasons = self.read_cells(row)
        if outcome.reasons:
            return outcome, None
        existing = self.lookup.find(self.layout.model, external_id)
        record = existing or self.layout.model(**({"locale": self.locale} if self.translatable else {}))
        before = self.layout.write(existing) if existing else None
        for name, value in values.items():
            setattr(record, name, value)
        outcome.reasons = self.validate(record, values)
        if outcome.reasons:
            return outcome, None
        if existing and self.layout.write(record) == before:
            outcome.action = UNCHANGED
            return outcome, None
        outcome.action = UPDATE if existing else CREATE
        return outcome, record

    def write(self, pending: list[tuple[RowOutcome, object]]) -> None:
        """Write the batch's records together; if the database refuses the batch, find its refused rows."""
        if not pending:
            return
        try:
            with transaction.atomic():
                self.write_some(pending)
        except DatabaseError:
            # Only when the database holds what the lookup did not (a record saved meanwhile by someone
            # else): write row by row to say which rows clash. Nothing is kept either way.
            for outcome, record in pending:
                forget_written(self.layout, record, created=outcome.action == CREATE)
                try:
                    with transaction.atomic():
                        self.write_some([(outcome, record)])
                except DatabaseError:
                    forget_written(self.layout, record, created=outcome.action == CREATE)
                    outcome.action = REJECT
                    outcome.reasons.append("the database refused this row (it clashes with another record)")

    def write_some(self, pending: list[tuple[RowOutcome, object]]) -> None:
        created = [record for outcome, record in pending if outcome.action == CREATE]
        updated = [record for outcome, record in pending if outcome.action == UPDATE]
        write_records(self.layout, created, updated)
        self.written += created + updated

    def read_cells(self, row: Row) -> tuple[dict, list[str]]:
        values, reasons = {}, []
        for column in self.layout.columns:
            try:
                values.update(column.read(row.cells[column.name], self.lookup))
            except CellError as error:
                reasons.append(f"{column.name}: {error}")
        return values, reasons

    def validate(self, record, values: dict) -> list[str]:
        """The model's own rules (lengths, coordinates, dates in order, ids) as reasons naming columns."""
        reasons = []
        try:
            record.full_clean(exclude=self.unchecked, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            reasons += self.reasons_of(error)
        for relation in self.layout.relations:
            parent_key = record._meta.get_field(relation).remote_field.name
            for number, child in enumerate(values.get(relation, []), start=1):
                try:
                    child.full_clean(exclude=[parent_key, "person", "sort_order"], validate_unique=False)
                except ValidationError as error:
                    reasons += [f"{relation} entry {number}: {reason}" for reason in self.reasons_of(error, child=True)]
        return reasons

    def reasons_of(self, error: ValidationError, child: bool = False) -> list[str]:
        reasons = []
        for name, messages in error.message_dict.items():
            label = "row" if name == NON_FIELD_ERRORS else name if child else self.column_of.get(name, name)
            reasons += [f"{label}: {message}" for message in messages]
        return reasons
