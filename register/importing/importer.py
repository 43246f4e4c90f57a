"""Importing rows into a register: all or nothing, idempotent through external ids, with a row-by-row report.

A dry run and a real import are the same run: every row is validated and saved inside one transaction,
which is rolled back for a dry run or when any row is rejected. So a dry run reports exactly what the
import would do, including rows that only clash with an earlier row of the same file.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..source_rows import source_language_code
from .columns import CellError, ListColumn, ReferenceColumn
from .layouts import Layout
from .reading import Row

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


class Lookup:
    """Finds register records by external id, one query per model, and remembers records created meanwhile.

    The imported register's own records come with their inline rows, to compare them without more queries.
    """

    def __init__(self, layout: Layout):
        self._by_model = {layout.model: {record.external_id: record for record in layout.records()}}

    def find(self, model, external_id: str):
        return self._records(model).get(external_id)

    def remember(self, record) -> None:
        self._records(type(record))[record.external_id] = record

    def _records(self, model) -> dict:
        if model not in self._by_model:
            rows = model.source_rows() if hasattr(model, "source_rows") else model._default_manager.all()
            self._by_model[model] = {record.external_id: record for record in rows}
        return self._by_model[model]


def import_rows(layout: Layout, rows: list[Row], *, dry_run: bool, progress=iter) -> ImportReport:
    """Import ``rows`` into ``layout``'s register; nothing is kept if it is a dry run or any row is rejected.

    ``progress`` wraps the rows (e.g. ``tqdm``) to show how far the import has come.
    """
    lookup = Lookup(layout)
    seen = {}
    outcomes = []
    # Wagtail re-indexes references after every save, in a task per record; a dry run or a rejected file
    # would index rows that are rolled back, so the saved records are indexed once the import is kept.
    with transaction.atomic(), disable_reference_index_auto_update():
        importer = RowImporter(layout, lookup)
        for row in progress(rows):
            outcome = importer.import_row(row, seen)
            outcomes.append(outcome)
        report = ImportReport(layout, outcomes, dry_run)
        if not report.applied:
            transaction.set_rollback(True)
        else:
            for record in importer.saved:
                ReferenceIndex.create_or_update_for_object(record)
    return report


class RowImporter:
    """Reads, validates and saves one row at a time for one register."""

    def __init__(self, layout: Layout, lookup: Lookup):
        self.layout = layout
        self.lookup = lookup
        self.saved = []
        self.translatable = hasattr(layout.model, "source_rows")
        self.locale = Locale.objects.get(language_code=source_language_code()) if self.translatable else None
        self.column_of = {name: column.name for column in layout.columns for name in column.fields()}
        # Resolved by the columns themselves, so the model need not query for them again.
        self.resolved = [column.field for column in layout.columns if isinstance(column, ReferenceColumn | ListColumn)]

    def import_row(self, row: Row, seen: dict) -> RowOutcome:
        external_id = row.cells.get("external_id", "").strip()
        outcome = RowOutcome(row.line, external_id, REJECT)
        if row.width_error:
            outcome.reasons.append(row.width_error)
            return outcome
        if external_id in seen:
            outcome.reasons.append(f"external_id: '{external_id}' is also on line {seen[external_id]}")
            return outcome
        seen[external_id] = row.line

        values, outcome.reasons = self.read_cells(row)
        if outcome.reasons:
            return outcome
        existing = self.lookup.find(self.layout.model, external_id)
        record = existing or self.layout.model(**({"locale": self.locale} if self.translatable else {}))
        before = self.layout.write(existing) if existing else None
        for name, value in values.items():
            setattr(record, name, value)
        outcome.reasons = self.validate(record, values)
        if outcome.reasons:
            return outcome
        if existing and self.layout.write(record) == before:
            outcome.action = UNCHANGED
            return outcome
        try:
            with transaction.atomic():
                record.save()
        except DatabaseError:
            outcome.reasons.append("the database refused this row (it clashes with another record)")
            return outcome
        self.lookup.remember(record)
        self.saved.append(record)
        outcome.action = UPDATE if existing else CREATE
        return outcome

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
            record.full_clean(exclude=self.resolved, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            reasons += self.reasons_of(error)
        for name in self.layout.inline:
            relation = name.split("__")[0]
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
