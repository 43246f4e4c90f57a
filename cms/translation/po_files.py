"""Upload of a translator's PO file, replacing wagtail-localize's own view at the same URL.

wagtail-localize's ``upload_pofile`` answers a PO file without its ``X-WagtailLocalize-TranslationID`` header with
a 500 (KeyError), accepts files of any size, never looks at the file's ``Language`` header and answers most problems
with "Please upload a valid PO file.". This view checks an upload step by step and turns every problem into a
specific error message on the page the translator came from; nothing is stored unless the file passes every check,
and the import itself runs in one transaction.

Fuzzy entries are not imported: by gettext convention (``msgfmt`` leaves them out) a fuzzy translation is a draft
the translator has not confirmed, and wagtail-localize would otherwise store it (and publish it with the page)
like any other.
"""

import os
import re
import tempfile
import uuid

import polib
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language_info
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

DEFAULT_MAX_BYTES = 2_000_000
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
NO_TRANSLATION_ID = (
    "This PO file was not exported by this CMS (it has no translation ID). "
    "Download the PO file from the translation editor and fill that in."
)
UNKNOWN_TRANSLATION = "This PO file belongs to a translation that does not exist here."


class _Rejected(Exception):
    """An upload that cannot be imported; the message tells the translator why. Nothing has been changed."""


@require_admin_access
@require_POST
def upload_pofile(request, translation_id):
    """Import the uploaded PO file (field ``file``) into the translation, then redirect to ``next`` or the editor."""
    translation = get_object_or_404(Translation.objects.select_related("source", "target_locale"), id=translation_id)
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        # The translated page or snippet was deleted: there is nothing left to import into.
        raise Http404("The translated object no longer exists.") from None
    # Note: require_admin_access turns this into Wagtail's usual "no permission" redirect (a 403 only for XHR).
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied

    try:
        po = _parse_upload(request)
        _check_belongs_to(po, translation)
        _import(request, po, translation)
    except _Rejected as rejection:
        messages.error(request, str(rejection))

    return redirect(get_valid_next_url_from_request(request) or _edit_url(translation, instance))


def _parse_upload(request):
    """The uploaded file as a ``polib.POFile``; ``_Rejected`` if there is none, it is too big or it is no PO file."""
    upload = request.FILES.get("file")
    if upload is None:
        raise _Rejected("Choose a PO file to upload.")

    limit = getattr(settings, "TRANSLATION_PO_MAX_BYTES", DEFAULT_MAX_BYTES)
    # Django has already received the file (on disk when large); checking the size it measured first means we
    # never read or parse an oversized one.
    if upload.size > limit:
        raise _Rejected(f"This file is too large ({_size(upload.size)}). A PO file can be at most {_size(limit)}.")

    content = upload.read()
    if not content.strip():
        raise _Rejected("This is not a valid PO file: the file is empty.")
    try:
        # utf-8-sig also accepts the byte order mark some Windows editors put in front of UTF-8 text.
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Rejected(
            "This is not a valid PO file: it is not UTF-8 text. Save it as UTF-8 and upload it again."
        ) from None

    # polib.pofile() takes a file name *or* contents and decides with os.path.isfile(), so uploaded contents that
    # happen to name a file on the server would make it read that file. Parsing from our own temporary file avoids
    # that. delete=False and closing before parsing keeps it readable on Windows, as wagtail-localize does.
    with tempfile.NamedTemporaryFile("wb", suffix=".po", delete=False) as temp_file:
        temp_file.write(text.encode("utf-8"))
    try:
        # Explicit encoding: the text is UTF-8 now whatever charset the file's header claims.
        return polib.pofile(temp_file.name, encoding="utf-8")
    except (OSError, ValueError) as error:
        # polib reports syntax errors as OSError, naming the file; our temporary path means nothing to a translator.
        detail = str(error).replace(f" {temp_file.name}", "").replace(temp_file.name, "")
        raise _Rejected(f"This is not a valid PO file: {detail}") from None
    finally:
        os.unlink(temp_file.name)


def _check_belongs_to(po, translation):
    """``_Rejected`` unless the file's translation ID and language (if given) are those of ``translation``."""
    file_id = (po.metadata.get(TRANSLATION_ID_HEADER) or "").strip()
    if not file_id:
        raise _Rejected(NO_TRANSLATION_ID)
    try:
        file_uuid = uuid.UUID(file_id)
    except ValueError:
        raise _Rejected(UNKNOWN_TRANSLATION) from None
    if file_uuid != translation.uuid:
        other = Translation.objects.select_related("source", "target_locale").filter(uuid=file_uuid).first()
        if other is None:
            raise _Rejected(UNKNOWN_TRANSLATION)
        # Name both sides: usually the translator picked the wrong language's file, sometimes another page's.
        raise _Rejected(
            f"This PO file is for the {_language_name(other.target_locale.language_code)} translation of "
            f"'{other.source.object_repr}', not the {_language_name(translation.target_locale.language_code)} "
            f"translation of '{translation.source.object_repr}'."
        )

    # wagtail-localize does not write a Language header, but PO editors (Poedit and others) add one on save, so
    # when present it catches a file translated into the wrong language.
    file_language = (po.metadata.get("Language") or "").strip()
    target_language = translation.target_locale.language_code
    if file_language and _base_language(file_language) != _base_language(target_language):
        name = _language_name(file_language)
        described = name if name == file_language else f"{name} ({file_language})"
        raise _Rejected(
            f"This PO file is in {described}, but this is the {_language_name(target_language)} translation."
        )


def _import(request, po, translation):
    """Store the file's translations in one transaction and report what was imported and what was skipped."""
    # Obsolete entries (#~) are strings the page no longer has; wagtail-localize exports them for reference only.
    entries = [entry for entry in po if not entry.obsolete]
    if not entries:
        raise _Rejected("This PO file contains no strings.")

    # Translation.import_po() stores every non-blank msgstr. Offering fuzzy entries with a blank msgstr lets it still
    # check that they belong to the page (it reports strings and contexts it does not know) without storing them.
    # The header is set to this translation's UUID exactly as import_po compares it: given any other spelling of the
    # same UUID (upper case, say) it would silently import nothing while we reported success.
    offered = polib.POFile()
    offered.metadata = {TRANSLATION_ID_HEADER: str(translation.uuid)}
    for entry in entries:
        offered.append(
            polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr="" if entry.fuzzy else entry.msgstr)
        )

    with transaction.atomic():
        warnings = translation.import_po(offered, user=request.user, tool_name="PO File")
        unknown = {warning.index for warning in warnings}
        if len(unknown) == len(entries):
            # Raising inside the atomic block rolls back anything import_po might have written.
            raise _Rejected("None of the strings in this PO file belong to this page.")

    matched = [entry for index, entry in enumerate(entries) if index not in unknown]
    imported = sum(1 for entry in matched if entry.msgstr and not entry.fuzzy)
    fuzzy = sum(1 for entry in matched if entry.msgstr and entry.fuzzy)

    if unknown:
        messages.warning(
            request,
            f"{_count(len(unknown), 'entry', 'entries')} of this PO file did not match the page and "
            f"{'was' if len(unknown) == 1 else 'were'} skipped; the page may have changed since the file was "
            "downloaded.",
        )
    if fuzzy:
        messages.warning(
            request,
            f"{_count(fuzzy, 'fuzzy entry', 'fuzzy entries')} {'was' if fuzzy == 1 else 'were'} not imported. "
            "Remove the fuzzy flag once the translation is final.",
        )
    if imported:
        messages.success(
            request,
            f"Imported {_count(imported, 'translated string', 'translated strings')} from the PO file. "
            "Publish the translation to put them on the site.",
        )
    else:
        messages.warning(request, "This PO file has no translated strings yet, so nothing was imported.")


def _edit_url(translation, instance):
    # For a page this is the page editor, which wagtail-localize turns into its translation editor.
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.id])
    return translation.get_target_instance_edit_url()


def _base_language(code):
    """'nl', 'nl-BE', 'nl_BE' and 'NL' all name Dutch: compare the language, not the region or script."""
    return re.split(r"[-_@.]", code.strip(), maxsplit=1)[0].lower()


def _language_name(code):
    """'French' for 'fr' or 'fr_BE'; the code itself for a language Django does not know."""
    try:
        return get_language_info(code.strip().replace("_", "-").lower())["name"]
    except KeyError:
        return code


def _count(number, singular, plural):
    return f"{number} {singular if number == 1 else plural}"


def _size(number_of_bytes):
    """Decimal units, as file managers show them: '512 bytes', '40.0 kB', '2.0 MB'."""
    if number_of_bytes < 1000:
        return _count(number_of_bytes, "byte", "bytes")
    if number_of_bytes < 1_000_000:
        return f"{number_of_bytes / 1000:.1f} kB"
    return f"{number_of_bytes / 1_000_000:.1f} MB"
