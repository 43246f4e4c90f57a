"""``manage.py generate_content --size small|large|<pages> --seed S``: synthetic content at scale.

The same size and seed always give the same titles, slugs and tree. A set already generated with that seed
is refused rather than duplicated; another seed adds another set beside it.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm
from wagtail.models import Page

from pages.demo.report import Report
from pages.generation.plan import LANGUAGES_PER_PAGE, parse_size, plan
from pages.generation.structure import ensure_images, ensure_sections
from pages.generation.writer import ContentWriter, index_pages, indexing_deferred

from .load_demo import CHATTY_LOGGERS, quiet_loggers


class _Silent:
    def write(self, *args, **kwargs):
        pass


class Command(BaseCommand):
    help = (
        "Generate a reproducible set of synthetic pages of every type in English, French and Dutch, with images, "
        "StreamField bodies and rich-text links: --size small (about 200 pages), large (about 10,000) or a number."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", default="small", help="small, large or a number of pages (all languages).")
        parser.add_argument("--seed", type=int, default=1, help="The same seed and size give the same content.")

    def handle(self, *args, size, seed, verbosity, **options):
        try:
            total = parse_size(size)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if seed < 0:
            raise CommandError("--seed must be zero or a positive number.")
        planned = plan(total, seed)
        if Page.objects.filter(translation_key=planned[0].translation_key).exists():
            raise CommandError(
                f"Content generated with seed {seed} is already in the database; nothing was changed. "
                "Use another --seed to add another set."
            )
        report = Report(self.stdout if verbosity > 1 else _Silent(), self.style)
        with quiet_loggers(CHATTY_LOGGERS, enabled=verbosity < 2):
            pages = self._generate(planned, report, show_progress=verbosity > 0)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {len(pages)} pages ({len(planned)} in each of {LANGUAGES_PER_PAGE} languages), "
                    f"seed {seed}."
                )
            )
            # New images get their renditions from the publishing task backend, after the commit.
            self.stdout.write(
                "Renditions of new images are made by the publishing worker, or now by generate_renditions."
            )

    def _generate(self, planned, report, show_progress):
        with transaction.atomic():  # all or nothing
            sections = ensure_sections(report)
            images = ensure_images(report)
            # tqdm hides itself when stderr is not a terminal (disable=None); verbosity 0 hides it always.
            with tqdm(
                total=len(planned) * len(sections),
                unit="page",
                desc="Generating",
                file=sys.stderr,
                disable=None if show_progress else True,
            ) as progress:
                writer = ContentWriter(sections, images, on_page=lambda: progress.update(1))
                with indexing_deferred():
                    pages = writer.write(planned)
            index_pages(pages)
        return pages
