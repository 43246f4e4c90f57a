"""The rule that a translatable record's data lives in its source row, shared by the register and the pages.

It imports no models of ours, so page models can use it without importing the register's models.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_supported_language_variant
from wagtail.models import TranslatableMixin


def source_language_code() -> str:
    """The language of source rows: the first content language (CMS_LANGUAGES)."""
    return get_supported_language_variant(settings.LANGUAGE_CODE)


def source_records() -> models.Q:
    """``limit_choices_to`` for relations to translatable records: only source rows can be chosen."""
    return models.Q(locale__language_code=source_language_code())


def require_source_record(record, field_name: str) -> None:
    """Refuse a relation to a translated row: the data and its links live in the source row."""
    if isinstance(record, TranslatableMixin) and record.locale.language_code != source_language_code():
        raise ValidationError(
            {field_name: f"Choose the {source_language_code()} record; translations only carry translated text."}
        )
