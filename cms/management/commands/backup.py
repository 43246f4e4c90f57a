"""``manage.py backup [--output PATH]``: the database and media files in one archive (see docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError
from cms.backup.create import create_backup
from cms.backup.media import count_media_files


class Command(BaseCommand):
    help = "Back up the database and the media files into one .tar.gz archive with a checksummed manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive file to write, or a directory for a dated name (default: the current directory).",
        )

    def handle(self, *args, output=None, **options):
        try:
            result = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for path in result.skipped:
            self.stderr.write(f"Skipped (not a regular file, or deleted during the backup): {path}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {result.path} ({result.size} bytes): "
                f"the database and {count_media_files(result.media_count)}."
            )
        )
