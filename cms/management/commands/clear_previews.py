"""``clear_previews``: delete stored preview drafts whose tokens have expired."""

from django.conf import settings
from django.core.management.base import BaseCommand

from pages.models.base import delete_expired_previews


class Command(BaseCommand):
    help = (
        "Delete headless-preview drafts (PagePreview rows) whose tokens are older than PREVIEW_TOKEN_MAX_AGE. "
        "Run it from cron or the platform's scheduler, e.g. hourly. Rows are dated, not timed, so a row is "
        "deleted only once every token it could hold has expired. Creating a preview also runs this cleanup."
    )

    def handle(self, *args, **options):
        deleted = delete_expired_previews()
        if options["verbosity"]:
            max_age = settings.PREVIEW_TOKEN_MAX_AGE
            self.stdout.write(f"Deleted {deleted} expired preview(s) (tokens live {max_age} seconds).")
