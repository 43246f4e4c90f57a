"""Finding register records by external id during an import, in a few queries whatever the file's size."""

from collections.abc import Iterable

from .layouts import Layout

# External ids per query: well inside SQLite's limit on query parameters.
IDS_PER_QUERY = 500


class Lookup:
    """The imported register's records, a batch at a time, and the records its cells refer to.

    ``load`` fetches the imported register's records for one batch of rows, with their inline rows (to
    compare them without more queries). A referenced register (the people a burial names) is read whole
    on first use, with each record's locale, which validation checks.
    """

    def __init__(self, layout: Layout):
        self.layout = layout
        self._by_model = {layout.model: {}}

    def load(self, external_ids: Iterable[str]) -> None:
        """Hold the imported register's records with these ids (forgetting the previous batch's)."""
        wanted = sorted({external_id for external_id in external_ids if external_id})
        found = {}
        for start in range(0, len(wanted), IDS_PER_QUERY):
            chunk = wanted[start : start + IDS_PER_QUERY]
            found.update((record.external_id, record) for record in self.layout.records().filter(external_id__in=chunk))
        self._by_model[self.layout.model] = found

    def find(self, model, external_id: str):
        return self._records(model).get(external_id)

    def _records(self, model) -> dict:
        if model not in self._by_model:
            if hasattr(model, "source_rows"):
                rows = model.source_rows().select_related("locale")
            else:
                rows = model._default_manager.all()
            self._by_model[model] = {record.external_id: record for record in rows}
        return self._by_model[model]
