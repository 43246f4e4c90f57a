"""Writing an import's checked records in bulk: a few queries a batch, stored exactly as ``save()`` stores them.

``save()`` would cost several queries a record (the row, each inline row, the reference index). Here a
batch's new records are inserted together, changed ones updated together (every column, as ``save()``
writes them), their inline rows replaced together, and their references indexed together. The fields
``save()`` derives (dates, search text, serials) come from the same ``fill_derived_fields()``.
"""

from .layouts import Layout
from .references import index_references


def write_records(layout: Layout, created: list, updated: list) -> None:
    """Insert ``created`` and update ``updated`` (records of ``layout.model``) with their inline rows.

    Raises ``DatabaseError`` when the database refuses any of them; run it in a savepoint.
    """
    records = [*created, *updated]
    for record in records:
        record.fill_derived_fields()
    manager = layout.model._default_manager
    manager.bulk_create(created)
    if updated:
        columns = [field.name for field in layout.model._meta.concrete_fields if not field.primary_key]
        manager.bulk_update(updated, columns)
    for relation in layout.relations:
        _replace_inline_rows(layout.model, relation, records, updated)
    index_references(layout.model, records)


def _replace_inline_rows(model, relation: str, records: list, updated: list) -> None:
    """A record's inline rows are replaced as a whole by the cell's, as ``save()`` commits them."""
    child_model = model._meta.get_field(relation).related_model
    parent = model._meta.get_field(relation).remote_field.name
    if updated:
        child_model._default_manager.filter(**{f"{parent}__in": updated}).delete()
    # The rows point at their record in memory; bulk_create takes its new primary key from it.
    child_model._default_manager.bulk_create([row for record in records for row in getattr(record, relation).all()])


def forget_written(layout: Layout, record, created: bool) -> None:
    """Undo what a rolled-back write left on ``record``: ids the database handed out, so it can be written again."""
    if created:
        record.pk = None
        record._state.adding = True
    for relation in layout.relations:
        parent = layout.model._meta.get_field(relation).remote_field
        for row in getattr(record, relation).all():
            row.pk = None
            row._state.adding = True
            setattr(row, parent.attname, record.pk)
