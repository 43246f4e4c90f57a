"""``manage.py restore PATH [--yes]``: replace the database and media files with a backup (see docs/operations.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.backup import BackupError
from cms.backup.media import count_media_files
from cms.backup.restore import VerifiedBackup


class Command(BaseCommand):
    help = (
        "Restore the database and the media files from an archive made by `manage.py backup`. The archive is "
        "verified completely before anything changes. Stop the web and worker processes first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .tar.gz archive to restore.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, yes=False, **options):
        try:
            with VerifiedBackup(path) as backup:
                if not yes and not self.confirmed(backup):
                    self.stdout.write("Restore cancelled; nothing was changed.")
                    return
                result = backup.apply()
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {result.created_at}: the database and {count_media_files(result.media_count)}."
            )
        )
        if result.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup predates {result.pending_migrations} migrations of this code: "
                    "run `manage.py migrate` before starting the site."
                )
            )

    def confirmed(self, backup):
        name = connection.settings_dict["NAME"]
        self.stdout.write(
            f"This replaces the whole database ({connection.vendor} {name}) and the media directory "
            f"({settings.MEDIA_ROOT}) with the backup of {backup.manifest.created_at}. "
            "Anything saved since that backup is lost."
        )
        try:
            return input("Type 'yes' to continue: ").strip().lower() == "yes"
        except EOFError:  # no one to answer (a script, a cron job): refuse loudly rather than succeed doing nothing
            raise BackupError("No confirmation could be read: run again with --yes. Nothing was changed.") from None
