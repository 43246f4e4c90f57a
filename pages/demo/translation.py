"""French and Dutch versions of the demo tree, made the way wagtail-localize makes them.

Each English page becomes a TranslationSource with a Translation per language. The wording in
``content.TRANSLATIONS`` is stored as wagtail-localize string translations, so it shows in the translation
editor like a translator's work, and ``save_target`` then creates and publishes the translated page.
Strings with no translation keep their English text. Chosen pages (the home page's featured pages) stay
synchronised with the source; the API shows each in the reader's language.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from .content import TRANSLATIONS
from .report import Report


def translate_tree(home: Page, locales: list[Locale], user, report: Report) -> None:
    """Translate ``home`` and every page below it into each of ``locales``, parents before children."""
    for page in [home, *home.get_descendants().order_by("path").specific()]:
        for locale in locales:
            _translate(page, locale, user, report)


def refresh_translations(page: Page, user, report: Report) -> None:
    """Bring every existing translation of ``page`` up to date after the English page changed."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for translation in Translation.objects.filter(source=source, enabled=True).select_related("target_locale"):
        translation.save_target(user=user, publish=True)
        report.updated(f"{translation.target_locale.language_code} translation of '{page.title}'")


def _translate(page: Page, locale: Locale, user, report: Report) -> None:
    """Create and publish the ``locale`` version of ``page`` unless it is already live."""
    label = f"{locale.language_code} translation of '{page.title}'"
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.live:
        report.exists(label)
        return

    source, _ = TranslationSource.update_or_create_from_instance(page)
    _store_translation_memory(source, locale, user)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    try:
        translation.save_target(user=user, publish=True)
    except Exception as error:  # noqa: BLE001 - any failure falls back to Wagtail's plain copy
        report.warn(f"wagtail-localize could not save the {label} ({error!r}); copying the page instead.")
        target = page.get_translation_or_none(locale) or page.copy_for_translation(locale, copy_parents=True)
        target.save_revision(user=user).publish(user=user)
    report.created(label)


def translate_record(record, locale: Locale, user, report: Report) -> None:
    """Create the ``locale`` version of a register record through wagtail-localize, unless it exists.

    As for pages, the demo's wording becomes the translators' work; untranslated text stays in English.
    """
    label = f"{locale.language_code} translation of {record._meta.verbose_name} '{record}'"
    if record.get_translation_or_none(locale) is not None:
        report.exists(label)
        return
    source, _ = TranslationSource.update_or_create_from_instance(record)
    _store_translation_memory(source, locale, user)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(user=user)
    report.created(label)


def _store_translation_memory(source: TranslationSource, locale: Locale, user) -> None:
    """Record the demo's wording for each of the source's strings that has one; never overwrite a translator's."""
    memory = TRANSLATIONS.get(locale.language_code, {})
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = memory.get(segment.string.as_value().render_text())
        if text is None:
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(text).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
