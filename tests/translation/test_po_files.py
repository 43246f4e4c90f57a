"""PO file upload (cms.translation.po_files): a real round trip through wagtail-localize's admin, and every bad file
refused with a specific message, as a redirect, with nothing changed."""

import tempfile
import uuid

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from wagtail_localize.models import StringTranslation, Translation

from cms.translation import po_files
from pages.models import MemorialPage

from ..helpers import publish_child

pytestmark = pytest.mark.django_db

TITLE = "Rebecq war memorial"


# --- Setup ------------------------------------------------------------------------------------------------------


@pytest.fixture
def memorial(tree):
    """An English memorial: four translatable strings (title, place, country, dedication), a synced inscription."""
    return publish_child(
        tree.memorials,
        MemorialPage(
            title=TITLE,
            slug="rebecq",
            place="Grand-Place",
            municipality="Rebecq",
            dedication='<p>To the <b>fallen</b> of <a href="https://example.org/1940">1940</a>.</p>',
            inscription="AUX HÉROS DE REBECQ",
        ),
    )


@pytest.fixture
def submit(admin_client, django_capture_on_commit_callbacks):
    """Translate a page into a locale through wagtail-localize's own submit view, as an editor does."""

    def submit(page, locale):
        # wagtail-localize publishes the new translated page in transaction.on_commit.
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.id]), {"locales": [locale.id]}
            )
        assert response.status_code == 302, response.content
        return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)

    return submit


@pytest.fixture
def dutch(memorial, tree, submit):
    return submit(memorial, tree.locales["nl"])


@pytest.fixture
def french(memorial, tree, submit):
    return submit(memorial, tree.locales["fr"])


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    return polib.pofile(response.content.decode("utf-8"))


def filled(po, prefix):
    """The PO file with every msgstr translated as ``prefix + msgid``."""
    for entry in po:
        entry.msgstr = prefix + entry.msgid
    return po


def as_bytes(po):
    return str(po).encode("utf-8")


def upload(client, translation, content, **data):
    """POST a file (bytes) to the upload URL, or no file at all when ``content`` is None."""
    # Messages earlier requests left unread (wagtail-localize's "submitted for translation", an earlier upload's)
    # wait in the messages cookie and would be read back with this response's; no page was rendered to show them.
    client.cookies.pop("messages", None)
    if content is not None:
        data["file"] = SimpleUploadedFile("translation.po", content, content_type="text/x-gettext-translation")
    return client.post(reverse("wagtail_localize:upload_pofile", args=[translation.id]), data)


def messages_of(response):
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def errors_of(response):
    return [text for level, text in messages_of(response) if level == "error"]


def edit_url(translation):
    return reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().id])


def state():
    """Everything an upload could write: every StringTranslation row, in every locale."""
    return sorted(
        StringTranslation.objects.values_list(
            "id", "translation_of_id", "context_id", "locale_id", "data", "translation_type", "updated_at"
        )
    )


def stored(translation):
    """{msgctxt: msgstr} of the StringTranslations stored for the translation's language."""
    return dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("context__path", "data")
    )


def assert_refused(response, translation, before, message):
    """A redirect back to the translation editor with exactly this error, and nothing stored."""
    assert response.status_code == 302
    assert response["Location"] == edit_url(translation)
    assert errors_of(response) == [message]
    assert state() == before


# --- The URL is ours --------------------------------------------------------------------------------------------


def test_the_upload_url_reaches_this_view_not_wagtail_localizes(dutch):
    url = reverse("wagtail_localize:upload_pofile", args=[dutch.id])
    assert url == f"/admin/localize/translate/{dutch.id}/pofile/upload/"
    assert resolve(url).func is po_files.upload_pofile


# --- Success ----------------------------------------------------------------------------------------------------


def test_round_trip_download_fill_upload_publish_download(
    admin_client, dutch, tree, django_capture_on_commit_callbacks
):
    po = filled(download(admin_client, dutch), "NL: ")
    uploaded = {entry.msgctxt: entry.msgstr for entry in po}
    # The inscription is synchronised (quoted as carved), so it is not in the file.
    assert set(uploaded) == {"title", "place", "country", "dedication"}

    response = upload(admin_client, dutch, as_bytes(po))

    assert response.status_code == 302
    assert response["Location"] == edit_url(dutch)
    assert messages_of(response) == [
        ("success", "Imported 4 translated strings from the PO file. Publish the translation to put them on the site.")
    ]
    assert stored(dutch) == uploaded
    assert dutch.get_progress() == (4, 4)

    with django_capture_on_commit_callbacks(execute=True):
        dutch.save_target(publish=True)
    dutch_page = MemorialPage.objects.get(translation_key=dutch.source.object_id, locale=tree.locales["nl"])
    assert dutch_page.title == uploaded["title"] == f"NL: {TITLE}"
    assert dutch_page.place == "NL: Grand-Place"
    # The link's URL is not in the PO file (only <a id="a1">); wagtail-localize puts it back.
    assert 'href="https://example.org/1940"' in dutch_page.dedication
    assert "NL: To the <b>fallen</b> of" in dutch_page.dedication
    assert dutch_page.inscription == "AUX HÉROS DE REBECQ"
    assert dutch_page.live

    again = download(admin_client, dutch)
    assert {entry.msgctxt: entry.msgstr for entry in again} == uploaded


def test_upload_again_updates_the_strings_and_goes_to_a_safe_next_url(admin_client, dutch):
    upload(admin_client, dutch, as_bytes(filled(download(admin_client, dutch), "NL: ")))

    response = upload(admin_client, dutch, as_bytes(filled(download(admin_client, dutch), "Beter: ")), next="/admin/")

    assert response["Location"] == "/admin/"
    assert stored(dutch)["title"] == f"Beter: {TITLE}"


def test_an_unsafe_next_url_is_ignored(admin_client, dutch):
    response = upload(admin_client, dutch, None, next="https://evil.example/")
    assert response["Location"] == edit_url(dutch)


@pytest.mark.parametrize("language", ["nl", "nl_BE", "nl-BE", "NL", ""])
def test_a_dutch_or_empty_language_header_is_accepted(admin_client, dutch, language):
    po = filled(download(admin_client, dutch), "NL: ")
    po.metadata["Language"] = language

    response = upload(admin_client, dutch, as_bytes(po))

    assert errors_of(response) == []
    assert stored(dutch)["title"] == f"NL: {TITLE}"


def test_a_byte_order_mark_and_an_upper_case_translation_id_are_accepted(admin_client, dutch):
    # Translation.import_po compares the header with str(uuid) and silently imports nothing on any other spelling.
    po = filled(download(admin_client, dutch), "NL: ")
    po.metadata["X-WagtailLocalize-TranslationID"] = str(dutch.uuid).upper()

    response = upload(admin_client, dutch, b"\xef\xbb\xbf" + as_bytes(po))

    assert errors_of(response) == []
    assert stored(dutch)["title"] == f"NL: {TITLE}"


def test_untranslated_fuzzy_and_unknown_entries_are_skipped_with_a_warning(admin_client, dutch):
    po = download(admin_client, dutch)
    by_context = {entry.msgctxt: entry for entry in po}
    by_context["title"].msgstr = "NL: titel"
    by_context["place"].msgstr = "NL: plaats"
    by_context["place"].flags.append("fuzzy")  # a draft: not imported, by gettext convention
    # "country" stays untranslated; one entry from a page this translation does not have:
    po.append(polib.POEntry(msgctxt="title", msgid="Some other page", msgstr="Een andere pagina"))

    response = upload(admin_client, dutch, as_bytes(po))

    assert messages_of(response) == [
        (
            "warning",
            "1 entry of this PO file did not match the page and was skipped; "
            "the page may have changed since the file was downloaded.",
        ),
        ("warning", "1 fuzzy entry was not imported. Remove the fuzzy flag once the translation is final."),
        ("success", "Imported 1 translated string from the PO file. Publish the translation to put them on the site."),
    ]
    assert stored(dutch) == {"title": "NL: titel"}


def test_a_file_with_nothing_translated_imports_nothing(admin_client, dutch):
    before = state()

    response = upload(admin_client, dutch, as_bytes(download(admin_client, dutch)))

    assert messages_of(response) == [
        ("warning", "This PO file has no translated strings yet, so nothing was imported.")
    ]
    assert state() == before


# --- Refusals: each one a redirect with a specific message, and nothing stored ----------------------------------


def test_no_file(admin_client, dutch):
    assert_refused(upload(admin_client, dutch, None), dutch, state(), "Choose a PO file to upload.")


def test_a_file_over_the_size_limit(admin_client, dutch, settings):
    content = as_bytes(filled(download(admin_client, dutch), "NL: "))
    settings.TRANSLATION_PO_MAX_BYTES = 100
    before = state()

    response = upload(admin_client, dutch, content)

    assert_refused(
        response,
        dutch,
        before,
        f"This file is too large ({len(content)} bytes). A PO file can be at most 100 bytes.",
    )


def test_a_file_exactly_at_the_size_limit_is_accepted(admin_client, dutch, settings):
    content = as_bytes(filled(download(admin_client, dutch), "NL: "))
    settings.TRANSLATION_PO_MAX_BYTES = len(content)

    response = upload(admin_client, dutch, content)

    assert errors_of(response) == []
    assert stored(dutch)["title"] == f"NL: {TITLE}"


def test_the_default_size_limit_is_two_megabytes(admin_client, dutch, settings):
    del settings.TRANSLATION_PO_MAX_BYTES  # the settings fixture restores it afterwards
    big = filled(download(admin_client, dutch), "NL: ")
    big.append(polib.POEntry(msgctxt="padding", msgid="padding", msgstr="x" * 2_000_000))
    content = as_bytes(big)
    before = state()

    response = upload(admin_client, dutch, content)

    size = f"{len(content) / 1_000_000:.1f} MB"
    assert_refused(response, dutch, before, f"This file is too large ({size}). A PO file can be at most 2.0 MB.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"this is not a po file\n\x00\xff",
            "This is not a valid PO file: it is not UTF-8 text. Save it as UTF-8 and upload it again.",
        ),
        (
            'msgid "Gedenkteken"\nmsgstr "Monument"\n'.encode("latin-1") + b"\xe9",
            "This is not a valid PO file: it is not UTF-8 text. Save it as UTF-8 and upload it again.",
        ),
        (b"", "This is not a valid PO file: the file is empty."),
        (b" \n\n", "This is not a valid PO file: the file is empty."),
    ],
)
def test_a_file_that_is_not_utf8_or_empty(admin_client, dutch, content, message):
    assert_refused(upload(admin_client, dutch, content), dutch, state(), message)


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a po file\n",
        b'msgstr "a translation of nothing"\n',
        b'msgid "Gedenkteken" msgstr "Monument"\n',
        # polib.pofile() would read a file named by the contents; this view never passes contents to it.
        b"/etc/passwd",
    ],
)
def test_a_file_polib_cannot_parse(admin_client, dutch, content):
    before = state()

    response = upload(admin_client, dutch, content)

    assert response.status_code == 302
    assert state() == before
    [error] = errors_of(response)
    assert error.startswith("This is not a valid PO file: Syntax error in po file (line 1)")
    assert tempfile.gettempdir() not in error  # the temporary file's path means nothing to a translator


def test_a_file_without_the_translation_id(admin_client, dutch):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=utf-8", "Language": "nl"}
    po.append(polib.POEntry(msgctxt="title", msgid=TITLE, msgstr="Gedenkteken van Rebecq"))

    assert_refused(
        upload(admin_client, dutch, as_bytes(po)),
        dutch,
        state(),
        "This PO file was not exported by this CMS (it has no translation ID). "
        "Download the PO file from the translation editor and fill that in.",
    )


def test_the_french_file_uploaded_to_the_dutch_translation(admin_client, dutch, french):
    french_po = as_bytes(filled(download(admin_client, french), "FR: "))
    before = state()
    dutch_before = StringTranslation.objects.filter(locale=dutch.target_locale).count()

    response = upload(admin_client, dutch, french_po)

    assert_refused(
        response,
        dutch,
        before,
        f"This PO file is for the French translation of '{TITLE}', not the Dutch translation of '{TITLE}'.",
    )
    assert StringTranslation.objects.filter(locale=dutch.target_locale).count() == dutch_before == 0
    # The file itself was fine: it goes into the French translation.
    assert errors_of(upload(admin_client, french, french_po)) == []
    assert stored(french)["title"] == f"FR: {TITLE}"
    assert stored(dutch) == {}


@pytest.mark.parametrize("translation_id", [str(uuid.uuid4()), "not-a-uuid"])
def test_a_file_for_a_translation_that_does_not_exist(admin_client, dutch, translation_id):
    po = filled(download(admin_client, dutch), "NL: ")
    po.metadata["X-WagtailLocalize-TranslationID"] = translation_id

    assert_refused(
        upload(admin_client, dutch, as_bytes(po)),
        dutch,
        state(),
        "This PO file belongs to a translation that does not exist here.",
    )


def test_a_file_whose_language_header_is_french(admin_client, dutch):
    po = filled(download(admin_client, dutch), "FR: ")
    po.metadata["Language"] = "fr"

    assert_refused(
        upload(admin_client, dutch, as_bytes(po)),
        dutch,
        state(),
        "This PO file is in French (fr), but this is the Dutch translation.",
    )


def test_a_file_none_of_whose_strings_belong_to_the_page(admin_client, dutch):
    po = download(admin_client, dutch)
    for entry in po:
        entry.msgid = f"Old {entry.msgid}"  # the page has changed since the file was made
        entry.msgstr = "NL: oud"

    assert_refused(
        upload(admin_client, dutch, as_bytes(po)),
        dutch,
        state(),
        "None of the strings in this PO file belong to this page.",
    )


def test_a_file_with_only_obsolete_entries(admin_client, dutch):
    po = filled(download(admin_client, dutch), "NL: ")
    for entry in po:
        entry.obsolete = True

    assert_refused(upload(admin_client, dutch, as_bytes(po)), dutch, state(), "This PO file contains no strings.")


# --- Access -----------------------------------------------------------------------------------------------------


@pytest.fixture
def staff_client(client, dutch):
    """A user who may enter the admin but has no permission on any page."""
    user = get_user_model().objects.create_user("staff", "staff@example.org", "pw-not-used", is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)
    return client


def test_a_user_who_cannot_edit_the_dutch_page_is_refused(admin_client, staff_client, dutch):
    content = as_bytes(filled(download(admin_client, dutch), "NL: "))
    before = state()

    response = upload(staff_client, dutch, content)

    # Wagtail's require_admin_access turns PermissionDenied into its usual redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert [error.strip() for error in errors_of(response)] == [
        "Sorry, you do not have permission to access this area."
    ]
    assert state() == before

    # Asked by script (as the admin's JavaScript would), the same refusal is a plain 403.
    xhr = staff_client.post(
        reverse("wagtail_localize:upload_pofile", args=[dutch.id]),
        {"file": SimpleUploadedFile("translation.po", content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert xhr.status_code == 403
    assert state() == before


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, admin_client, dutch):
    content = as_bytes(filled(download(admin_client, dutch), "NL: "))
    before = state()

    response = upload(client, dutch, content)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert state() == before


def test_an_unknown_translation_is_404(admin_client, dutch):
    before = state()
    url = reverse("wagtail_localize:upload_pofile", args=[dutch.id + 1000])

    response = admin_client.post(url, {"file": SimpleUploadedFile("translation.po", b"msgid ...")})

    # LocaleMiddleware first retries any 404 under its language prefix (the i18n_patterns catch-all makes every
    # /en/... path look valid), and that path is not found either.
    assert response.status_code == 302
    assert response["Location"] == f"/en{url}"
    assert admin_client.get(response["Location"]).status_code == 404
    assert state() == before


def test_get_is_not_allowed(admin_client, dutch):
    response = admin_client.get(reverse("wagtail_localize:upload_pofile", args=[dutch.id]))
    assert response.status_code == 405
