"""Admin wiring for the translation workflow: submitting for review and the sync restart guard."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail_localize.models import Translation

from .restart_guard import keep_manual_edits
from .review import submit_for_review

# Ahead of wagtail-localize's hook (default order 0), which restarts sync straight away.
hooks.register("before_edit_page", keep_manual_edits, order=-1)


@hooks.register("register_admin_urls")
def review_urls():
    return [path("translation/<int:translation_id>/submit/", submit_for_review, name="translation_submit_for_review")]


def submit_for_review_button(page, user, view_name=None, next_url=None):
    """Offered on translated pages to those who may edit but not publish them: translators."""
    if page.locale_id is None:
        return
    perms = page.permissions_for_user(user)
    if not perms.can_edit() or perms.can_publish():
        return
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is not None:
        yield ListingButton(
            "Submit translation for review",
            reverse("translation_submit_for_review", args=[translation.pk]),
            icon_name="resubmit",
            priority=60,
        )


hooks.register("register_page_header_buttons", submit_for_review_button)
hooks.register("register_page_listing_more_buttons", submit_for_review_button)
