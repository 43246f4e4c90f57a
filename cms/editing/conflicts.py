"""Concurrent edits of one page: keep both versions, tell the second editor, never overwrite live content blindly.

Wagtail already keeps every save as its own revision and refuses a stale *autosave*, but a stale form that is
submitted with Save or Publish goes through silently: the second editor is not told that someone saved in
between, and a stale Publish replaces what the first editor just put live. These hooks close that gap:

- ``before_edit_page`` notes which revisions were saved after the editor's form was loaded (the form carries
  ``loaded_revision_id`` and ``loaded_revision_created_at``, which the editor's own autosaves keep current);
- Save still saves (the newer revision stays in the history) and the editor is warned, by name of the others;
- Publish from a stale form saves the editor's work as a draft revision and does not publish it, so the live
  page keeps the version the other editor chose; the reloaded form is current, so publishing again is a
  deliberate choice after comparing the revisions in the page history.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.timezone import localtime
from wagtail.admin.utils import get_user_display_name

# Where the revisions an editor had not seen are kept on the request, between the hooks of one edit.
NEWER_REVISIONS = "_cms_newer_revisions"


def revisions_saved_since_loaded(page, data):
    """Revisions of ``page`` saved after the edit form in ``data`` was loaded, oldest first (empty if current)."""
    revisions = page.revisions.select_related("user").order_by("created_at", "pk")
    loaded_id = data.get("loaded_revision_id", "")
    if not loaded_id.isdigit():
        return []  # not an admin form (nothing to compare with)
    # An autosave may rewrite the loaded revision itself, which moves its created_at: compare times first.
    if loaded_at := parse_datetime(data.get("loaded_revision_created_at", "")):
        return list(revisions.filter(created_at__gt=loaded_at))
    return list(revisions.filter(pk__gt=int(loaded_id)))


def remember_newer_revisions(request, page):
    """``before_edit_page``: note, before anything is saved, what the editor's form did not include."""
    if request.method == "POST" and request.accepts("text/html"):  # autosave (JSON) is refused by Wagtail itself
        setattr(request, NEWER_REVISIONS, revisions_saved_since_loaded(page, request.POST))


def conflict_message(request, page, revisions, consequence):
    """``'<names> saved this page at <time> while you were editing. <consequence>'`` with a link to the history."""
    names = []
    for revision in revisions:
        if revision.user_id == request.user.pk:
            name = "you (in another window)"
        elif revision.user is not None:
            name = get_user_display_name(revision.user)
        else:
            name = "someone else"
        if name not in names:
            names.append(name)
    saved_at = date_format(localtime(revisions[-1].created_at), "DATETIME_FORMAT")
    return format_html(
        '{} saved this page at {} while you were editing. {} <a href="{}">Compare the versions in the history</a>.',
        get_text_list(names, "and"),
        saved_at,
        consequence,
        reverse("wagtailadmin_pages:history", args=[page.pk]),
    )


def hold_stale_publish(request, page):
    """``before_publish_page``: a stale form's work is already saved as a revision; do not put it live."""
    if revisions := getattr(request, NEWER_REVISIONS, None):
        setattr(request, NEWER_REVISIONS, None)  # told once
        consequence = "Your changes were saved as a draft and were not published, so their version stays live."
        messages.warning(request, conflict_message(request, page, revisions, consequence))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def warn_of_newer_revisions(request, page):
    """``after_edit_page``: the save went through as a new revision; tell the editor whose work came before."""
    if revisions := getattr(request, NEWER_REVISIONS, None):
        setattr(request, NEWER_REVISIONS, None)
        consequence = "Both versions are kept: yours is the latest revision."
        messages.warning(request, conflict_message(request, page, revisions, consequence))
