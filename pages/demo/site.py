"""Everything around the page tree: languages, the admin account, the default Site and its settings."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from pages.models import OrganisationSettings

from .content import ORGANISATION, SITE_NAME
from .report import Report


def ensure_locales(report: Report) -> dict[str, Locale]:
    """A Locale for every content language in the settings, keyed by language code."""
    locales = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locales[code], created = Locale.objects.get_or_create(language_code=code)
        (report.created if created else report.exists)(f"locale '{code}'")
    return locales


def ensure_admin(report: Report):
    """The demo superuser, created once; an existing account is left exactly as it is."""
    username = os.environ.get("DEMO_ADMIN_USERNAME") or "admin"
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is not None:
        report.exists(f"admin user '{username}' (password unchanged)")
        return user
    password = os.environ.get("DEMO_ADMIN_PASSWORD")
    if password:
        user = user_model.objects.create_superuser(username=username, email="", password=password)
        report.created(f"admin user '{username}' with the password from DEMO_ADMIN_PASSWORD")
    else:
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_superuser(username=username, email="", password=password)
        report.created(f"admin user '{username}'")
        report.note(f"Admin user '{username}' created with password {password}")
    return user


def remove_default_pages(root: Page, report: Report) -> None:
    """Delete the 'Welcome to your new Wagtail site!' page that Wagtail's first migration creates.

    Only plain ``wagtailcore.Page`` pages without children directly under the root are removed. A Site
    rooted there is moved to the tree root first, as deleting its root page would delete the Site too;
    ``configure_site`` then points it at the demo home page.
    """
    plain_page = ContentType.objects.get_for_model(Page)
    for page in root.get_children().filter(content_type=plain_page, numchild=0):
        Site.objects.filter(root_page=page).update(root_page=root)
        title = page.title
        page.delete()
        report.removed(f"Wagtail's default page '{title}'")


def configure_site(home: Page, report: Report) -> Site:
    """Point the default Site at the English home page, creating it on localhost:80 if there is none."""
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.filter(hostname="localhost", port=80).first()
        or Site(hostname="localhost", port=80)
    )
    wanted = {"root_page_id": home.pk, "site_name": SITE_NAME, "is_default_site": True}
    if site.pk and all(getattr(site, name) == value for name, value in wanted.items()):
        report.exists(f"default site {site.hostname}:{site.port}")
        return site
    created = site.pk is None
    for name, value in wanted.items():
        setattr(site, name, value)
    site.save()
    (report.created if created else report.updated)(f"default site {site.hostname}:{site.port} -> '{home.title}'")
    return site


def ensure_organisation(site: Site, report: Report) -> OrganisationSettings:
    """The association's details on the default site, set to the demo values."""
    current = OrganisationSettings.objects.filter(site=site).first()
    if current is not None and all(getattr(current, name) == value for name, value in ORGANISATION.items()):
        report.exists("organisation settings")
        return current
    organisation, created = OrganisationSettings.objects.update_or_create(site=site, defaults=ORGANISATION)
    (report.created if created else report.updated)("organisation settings")
    return organisation
