"""One group per language, whose members translate in that language's tree and nowhere else."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page, Site


@dataclass
class GroupReport:
    group: Group
    created: bool
    roots: list[Page]


def group_name(language_code: str) -> str:
    return f"Translators ({dict(settings.WAGTAIL_CONTENT_LANGUAGES)[language_code]})"


def page_permission_codenames() -> list[str]:
    """Edit (and submit for moderation); publish only when the setup says translators may."""
    return ["change_page", "publish_page"] if settings.TRANSLATORS_CAN_PUBLISH else ["change_page"]


def locale_roots(locale: Locale) -> list[Page]:
    """The home pages of every site's tree in ``locale``."""
    keys = Site.objects.values_list("root_page__translation_key", flat=True)
    return list(Page.objects.filter(translation_key__in=keys, locale=locale))


def ensure_translator_group(language_code: str) -> GroupReport:
    """Create or bring up to date the group for one language; running it twice changes nothing.

    The group's permissions are set to exactly what translators need, so a stale
    permission (say, publish after TRANSLATORS_CAN_PUBLISH was turned off) is removed.
    """
    group, created = Group.objects.get_or_create(name=group_name(language_code))
    group.permissions.set(Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"))

    locale = Locale.objects.filter(language_code=language_code).first()
    roots = locale_roots(locale) if locale else []
    wanted = {
        (root.pk, permission.pk)
        for root in roots
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=page_permission_codenames()
        )
    }
    existing = {(gpp.page_id, gpp.permission_id): gpp for gpp in GroupPagePermission.objects.filter(group=group)}
    for key, gpp in existing.items():
        if key not in wanted:
            gpp.delete()
    for page_id, permission_id in wanted - existing.keys():
        GroupPagePermission.objects.create(group=group, page_id=page_id, permission_id=permission_id)

    # Choosing images and documents, so a translator can swap a picture carrying text in another language.
    collection = Collection.get_first_root_node()
    for codename in ("choose_image", "choose_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=Permission.objects.get(codename=codename)
        )
    return GroupReport(group, created, roots)
