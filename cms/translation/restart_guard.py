"""Turning sync back on must never silently drop what a translator wrote while it was off.

wagtail-localize's "Start Synced translation" re-enables the translation, and the next sync
rebuilds the page from the stored string translations, overwriting manual edits. Before it
runs, every manual edit that maps onto a source string is saved as that string's translation.
Edits with no source string to hang on (a block only the translation has) cannot be kept:
the translator is shown them and must confirm before they are discarded.
"""

from collections import defaultdict

from django.contrib import messages
from django.db import transaction
from django.shortcuts import render
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

RESTART = "localize-restart-translation"
CONFIRM = "confirm-discard-edits"


def find_manual_edits(translation, page):
    """``(keepable, lost)``: edits that differ from what sync would write, split by whether a source string exists.

    ``keepable`` is a list of ``(StringSegment, text)``; ``lost`` a list of field paths.
    """
    actual = defaultdict(list)
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            actual[segment.path].append(segment.string.data)

    source = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source=translation.source).select_related("string", "context").order_by("order")
    ):
        source[segment.context.path].append(segment)
    stored = {
        (row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id, context__object_id=translation.source.object_id
        )
    }

    keepable, lost = [], []
    for path, segments in source.items():
        texts = actual.pop(path, [])
        if len(texts) != len(segments):
            lost.append(path)
            continue
        for segment, text in zip(segments, texts, strict=True):
            if text != stored.get((segment.string_id, segment.context_id), segment.string.data):
                keepable.append((segment, text))
    lost.extend(actual)  # text in places the source does not have
    return keepable, sorted(lost)


def keep_manual_edits(request, page):
    """``before_edit_page`` hook, run ahead of wagtail-localize's own restart handling."""
    if request.method != "POST" or RESTART not in request.POST:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=False
    ).first()
    if translation is None or not page.permissions_for_user(request.user).can_edit():
        return None  # wagtail-localize and Wagtail handle these cases
    keepable, lost = find_manual_edits(translation, page.specific)
    if lost and CONFIRM not in request.POST:
        context = {"page": page, "lost": lost, "kept": len(keepable), "restart": RESTART, "confirm": CONFIRM}
        return render(request, "cms/translation_restart_confirm.html", context)
    with transaction.atomic():
        for segment, text in keepable:
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale_id=translation.target_locale_id,
                context_id=segment.context_id,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "Manual edit while sync was off",
                    "last_translated_by": request.user,
                    "has_error": False,
                    "field_error": "",
                },
            )
    if keepable:
        messages.info(request, f"Kept {len(keepable)} edit(s) made while sync was off as translations.")
    return None
