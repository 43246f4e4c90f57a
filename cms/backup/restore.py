"""``manage.py restore``: verify the whole archive, then swap the media in and load the database, all or nothing.

Order matters for "never half-applied": everything that can fail on a bad archive (reading, checksums, the
manifest, vendor, migrations, the dump itself) is checked in a staging directory first. The media directory is
then swapped in by renames (instant, reversible), and the database loaded in one transaction; if the load
fails, the media swap is undone.
"""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection

from . import BackupError, database
from .archive import unpack_verified
from .media import MediaSwap, check_swappable
from .migrations import pending_migrations, unknown_migrations


@dataclass
class RestoreResult:
    created_at: str
    media_count: int
    pending_migrations: int


class VerifiedBackup:
    """An archive unpacked into staging beside MEDIA_ROOT and checked against this site; use as a context manager."""

    def __init__(self, archive):
        self.archive = Path(archive)
        self.media_root = Path(settings.MEDIA_ROOT).resolve()

    def __enter__(self):
        self.media_root.parent.mkdir(parents=True, exist_ok=True)
        # Beside MEDIA_ROOT, on the same file system, so that the swap is a rename.
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.media_root.name}-restore-", dir=self.media_root.parent))
        try:
            self.manifest = unpack_verified(self.archive, self.staging)
            self.check_fits_this_site()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info):
        shutil.rmtree(self.staging, ignore_errors=True)

    def check_fits_this_site(self):
        name, vendor = self.archive.name, self.manifest.vendor
        if vendor != connection.vendor:
            have = database.VENDOR_NAMES.get(connection.vendor, connection.vendor)
            raise BackupError(
                f"{name} holds a {database.VENDOR_NAMES.get(vendor, vendor)} database; this site runs on {have}. "
                "Restore it on a site with the same database engine."
            )
        if unknown := unknown_migrations(self.manifest.migrations):
            raise BackupError(
                f"{name} was made by a newer version of the CMS (migrations unknown here: {', '.join(unknown[:5])}). "
                "Deploy that version, then restore."
            )
        database.check_dump(connection, self.staging / self.manifest.database_file)
        check_swappable(self.media_root)

    def apply(self):
        """Swap the media directory in and load the database; undo the swap if the load fails."""
        swap = MediaSwap(self.staging / "media", self.media_root, self.staging / "previous-media")
        try:
            swap.apply()
        except OSError as error:
            raise BackupError(
                f"The media directory could not be replaced ({error.strerror}); nothing changed."
            ) from error
        try:
            database.load(connection, self.staging / self.manifest.database_file)
        except BaseException:
            swap.undo()
            raise
        # The shared cache (Redis in production) must not serve content from before the restore.
        for cache in caches.all():
            cache.clear()
        media_count = sum(1 for path in self.manifest.files if path.startswith("media/"))
        return RestoreResult(self.manifest.created_at, media_count, pending_migrations(connection))
