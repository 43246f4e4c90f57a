"""Submitting a translation for review: the translator's way to hand work to an editor.

wagtail-localize's editor only offers "Publish", which translators without publish
permission cannot use. This saves the translated strings as a draft of the target page
and starts the page's moderation workflow, so editors review and publish it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation


def save_draft(translation, page, user):
    """Save the translated strings as a new draft revision of the target page; leave the live page as it is.

    wagtail-localize's ``save_target(publish=False)`` also writes the draft into the page row,
    which is what readers are served, so the live content is put back from the live revision.
    """
    live_revision = page.live_revision
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    draft = page.latest_revision
    if live_revision is None:
        return page
    live = live_revision.as_object()
    live.latest_revision = draft
    live.draft_title = draft.content.get("title", live.title)
    live.has_unpublished_changes = True
    live.save(clean=False)
    return live


@require_admin_access
@require_http_methods(["GET", "POST"])
def submit_for_review(request, translation_id):
    """GET asks for confirmation; POST saves the draft and starts the workflow."""
    translation = get_object_or_404(Translation.objects.select_related("target_locale"), pk=translation_id)
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    language = translation.target_locale.get_display_name()
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    if request.method == "GET":
        total, translated = translation.get_progress()
        context = {
            "page": page,
            "language": language,
            "next_url": next_url,
            "total": total,
            "untranslated": total - translated,
            "page_title": f"Submit {language} translation for review",
            "header_title": f"Submit {language} translation for review",
        }
        return render(request, "cms/translation_submit_confirm.html", context)
    try:
        with transaction.atomic():
            page = save_draft(translation, page, request.user)
            workflow = page.get_workflow()
            if workflow is not None and not page.workflow_in_progress:
                workflow.start(page, request.user)
    except ValidationError as error:
        messages.error(request, f"The {language} translation of '{page.title}' cannot be saved yet: {error}")
    else:
        if workflow is None:
            messages.success(request, f"Saved the {language} translation of '{page.title}' as a draft for review.")
        else:
            messages.success(request, f"Submitted the {language} translation of '{page.title}' for review.")
    return redirect(next_url)
