"""``manage.py load_demo``: build the demo site of The Belgians Remember Them, once.

Running it again changes nothing: every object is looked up first and skipped if it exists. The one
exception is the demo's upcoming ceremony, whose date is moved on once it has passed.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from pages.demo.content import IMAGES, PAGES
from pages.demo.images import ensure_image
from pages.demo.register import ensure_records, link_pages
from pages.demo.report import Report
from pages.demo.site import configure_site, ensure_admin, ensure_locales, ensure_organisation, remove_default_pages
from pages.demo.translation import refresh_translations, translate_tree
from pages.demo.tree import PageTree

# Wagtail logs every page action and django-tasks every background task at INFO: hundreds of lines here.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def quiet_loggers(names, enabled=True):
    """Raise the given loggers to WARNING for the duration of the block, then restore their levels."""
    loggers = [logging.getLogger(name) for name in names] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Load the demo content (pages in English, French and Dutch, the demo register, images, settings and an "
        "admin user)."
    )

    def handle(self, *args, **options):
        with quiet_loggers(CHATTY_LOGGERS, enabled=options["verbosity"] < 2):
            self._load(Report(self.stdout, self.style))

    def _load(self, report: Report) -> None:

        locales = ensure_locales(report)
        source_locale = locales[settings.LANGUAGE_CODE]
        user = ensure_admin(report)
        images = {spec.key: self._image(spec, report) for spec in IMAGES}

        root = Page.get_first_root_node()
        remove_default_pages(root, report)
        tree = PageTree(root, source_locale, user, images, report)
        tree.build(PAGES)
        site = configure_site(tree.home, report)
        ensure_organisation(site, report)

        other_locales = [locale for code, locale in locales.items() if code != settings.LANGUAGE_CODE]
        records = ensure_records(other_locales, user, report)
        linked = link_pages(tree.pages, records, user, report)
        translate_tree(tree.home, other_locales, user, report)
        for page in [*tree.moved, *linked]:
            refresh_translations(page, user, report)

        call_command("setup_translator_groups", verbosity=0)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self._summary(report, tree.home)

    @staticmethod
    def _image(spec, report: Report):
        image, created = ensure_image(spec)
        (report.created if created else report.exists)(f"image '{image.title}'")
        return image

    def _summary(self, report: Report, home: Page) -> None:
        tally = report.tally
        self.stdout.write("")
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                f"Demo loaded: {tally['created']} created, {tally['updated']} updated, "
                f"{tally['existing']} already there, {tally['removed']} removed, {tally['warnings']} warnings."
            )
        )
        for locale in Locale.objects.order_by("language_code"):
            tree = Page.objects.filter(translation_key=home.translation_key, locale=locale).first()
            count = tree.get_descendants(inclusive=True).live().count() if tree else 0
            self.stdout.write(f"  {locale.language_code}: {count} live pages")
        self.stdout.write(f"  images: {get_image_model().objects.count()}")
        if not tally["created"] and not tally["updated"]:
            self.stdout.write("Everything already existed; nothing was changed.")
