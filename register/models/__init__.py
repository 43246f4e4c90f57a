"""The register's models; each module holds one kind of record."""

from ..source_rows import require_source_record, source_language_code, source_records
from .base import RegisterRecord, SourceRecordMixin
from .cemeteries import Burial, Cemetery
from .losses import AircraftLoss, CrewMember, CrewRole, LossDocument, tidy_serial
from .people import Fate, NameVariant, Person

__all__ = [
    "AircraftLoss",
    "Burial",
    "Cemetery",
    "CrewMember",
    "CrewRole",
    "Fate",
    "LossDocument",
    "NameVariant",
    "Person",
    "RegisterRecord",
    "SourceRecordMixin",
    "require_source_record",
    "source_language_code",
    "source_records",
    "tidy_serial",
]
