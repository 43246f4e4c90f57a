"""Writing a register as CSV, in the columns import reads, ordered by external id so exports are repeatable."""

import csv

from .layouts import Layout


def export_rows(layout: Layout, stream) -> int:
    """Write ``layout``'s header and every record to the text ``stream``; return the number of records."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(layout.header)
    count = 0
    for record in layout.records().order_by("external_id").iterator(chunk_size=2000):
        writer.writerow(layout.write(record))
        count += 1
    return count
