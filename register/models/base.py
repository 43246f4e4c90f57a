"""What every register record shares: a stable external id, and the rule that data lives in source rows.

Translatable records (people, cemeteries, aircraft losses) have one row per language, linked by
``translation_key``. The row in the default content language is the *source* row: it holds the data,
and every relation (burials, crew, page links) points at it. A translated row only carries translated
text, looked up by ``translation_key`` for a reader's language.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from ..source_rows import source_language_code

# Rich text in register records: plain prose with links, nothing that would need layout.
TEXT_FEATURES = ["bold", "italic", "link"]

EXTERNAL_ID_HELP = "A stable identifier used by imports and links, e.g. 'ja712'. Leave blank to generate one."


def synchronised(*names: str) -> list[SynchronizedField]:
    """Fields copied from the source row to every translation, never offered to translators."""
    return [SynchronizedField(name, overridable=False) for name in names]


class RegisterRecord(models.Model):
    """Abstract base: an ``external_id`` that imports use to find a record again, generated when left blank."""

    external_id = models.SlugField(max_length=100, blank=True, help_text=EXTERNAL_ID_HELP)

    # The prefix of generated ids, e.g. "person" -> "person-3f2a9c1b7d4e".
    external_id_prefix = "record"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def fill_derived_fields(self) -> None:
        """Set what is stored but never typed: the locale and a generated id here, more in subclasses.

        ``save()`` and the CSV import's bulk writes both call it, so a record is stored the same either way.
        """
        self._ensure_locale()
        if not self.external_id:
            candidate = slugify(self.external_id_candidate())
            if not candidate or self._same_scope().filter(external_id=candidate).exists():
                candidate = f"{self.external_id_prefix}-{uuid.uuid4().hex[:12]}"
            self.external_id = candidate

    def clean(self):
        super().clean()
        self._ensure_locale()

    def validate_unique(self, exclude=None):
        """Django's unique checks, after this one: the external id is free among the rows of its scope.

        A uniqueness check, so ``full_clean(validate_unique=False)`` skips its query: the CSV import checks
        a whole file's ids against the database in a few queries instead.
        """
        checked = exclude is None or "external_id" not in exclude
        if checked and self.external_id and self._same_scope().filter(external_id=self.external_id).exists():
            raise ValidationError({"external_id": f"Another record already has the id '{self.external_id}'."})
        super().validate_unique(exclude=exclude)

    def external_id_candidate(self) -> str:
        """A readable id to try first; subclasses override (an aircraft loss uses its serial)."""
        return ""

    def _same_scope(self):
        """Rows whose external ids must differ from this one's: all rows, or one language's rows."""
        rows = type(self)._default_manager.exclude(pk=self.pk)
        if isinstance(self, TranslatableMixin):
            rows = rows.filter(locale_id=self.locale_id)
        return rows

    def _ensure_locale(self):
        if isinstance(self, TranslatableMixin) and self.locale_id is None:
            self.locale = Locale.get_default()


class SourceRecordMixin(TranslatableMixin):
    """A translatable register record whose data lives in its source-language row."""

    class Meta:
        abstract = True
        unique_together = [("translation_key", "locale"), ("external_id", "locale")]

    @classmethod
    def source_rows(cls):
        """The source rows: where the data is, and what searches, filters and relations use."""
        return cls._default_manager.filter(locale__language_code=source_language_code())

    @property
    def is_source(self) -> bool:
        return self.locale.language_code == source_language_code()

    def in_locale(self, locale: Locale):
        """This record's row in ``locale`` (its translated text), or this row if there is none yet."""
        if self.locale_id == locale.pk:
            return self
        return self.get_translation_or_none(locale) or self

    @property
    def text_row(self):
        """The row whose translated text a reader sees, as chosen by ``read_in``; this row otherwise."""
        return getattr(self, "_text_row", self)

    @classmethod
    def read_in(cls, records, locale: Locale) -> list:
        """Source rows ready for a reader of ``locale``, with one query for all their translations.

        Each record keeps its own data (translated rows hold stale copies of synchronised fields) and
        gets ``text_row``: its row in ``locale`` when one exists, else itself. Records already prepared
        for that locale are left as they are, so nested listings prepared in bulk are not looked up again.
        """
        records = [record for record in records if record is not None]
        pending = [record for record in records if getattr(record, "_reader_locale", None) != locale]
        if pending and locale.language_code != source_language_code():
            rows = cls._default_manager.filter(
                translation_key__in={record.translation_key for record in pending}, locale=locale
            )
            by_key = {row.translation_key: row for row in rows}
        else:
            by_key = {}
        for record in pending:
            record._reader_locale = locale
            record._text_row = by_key.get(record.translation_key, record)
        return records
