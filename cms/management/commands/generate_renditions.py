"""``manage.py generate_renditions``: make every missing allowlisted rendition of every image (backfill)."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from cms.publishing import renditions

BATCH = 50


class Command(BaseCommand):
    help = (
        "Generate the renditions the API allows (GRAPPLE ALLOWED_IMAGE_FILTERS) for every image that lacks some, "
        "e.g. images uploaded before renditions were made on save. Safe to run again: existing ones are kept."
    )

    def handle(self, *args, **options):
        ids = list(get_image_model().objects.order_by("pk").values_list("pk", flat=True))
        done = 0
        for start in range(0, len(ids), BATCH):
            done += renditions.generate(ids[start : start + BATCH])
        if options["verbosity"]:
            filters = len(renditions.allowed_filters())
            self.stdout.write(f"Renditions checked for {done} of {len(ids)} images ({filters} filters each).")
