"""``manage.py backup``: one archive with the database dump, every media file and the manifest."""

import os
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from . import BackupError, database
from .archive import ArchiveWriter
from .manifest import Manifest
from .media import media_files
from .migrations import applied_migrations


@dataclass
class BackupResult:
    path: Path
    media_count: int
    size: int
    skipped: list


def default_name(now):
    return f"cms-backup-{now:%Y%m%d-%H%M%S}.tar.gz"


def target_path(output, now):
    """Where to write: ``output`` itself, or a dated name inside it if it is a directory; never over a file."""
    path = Path(output) if output else Path.cwd()
    if path.is_dir():
        path = path / default_name(now)
    if path.exists():
        raise BackupError(f"{path} already exists; choose another --output.")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} is not a directory.")
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if path.resolve().is_relative_to(media_root):
        raise BackupError("The archive cannot be written inside MEDIA_ROOT, which it backs up.")
    return path


def create_backup(output=None):
    """Write the archive (database first, then media, so that every file the snapshot names is included)."""
    now = timezone.now()
    path = target_path(output, now)
    dump_name = database.dump_file_name(connection)
    # Written under a temporary name beside the target, renamed once complete: a failed run leaves no archive.
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    partial = Path(partial)
    try:
        with tempfile.TemporaryDirectory(prefix="cms-backup-") as work:
            dump = Path(work, Path(dump_name).name)
            database.dump(connection, dump)
            migrations = applied_migrations(connection)
            with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
                writer = ArchiveWriter(tar)
                writer.add_file(dump, dump_name)
                dump.unlink()
                files, skipped = media_files(settings.MEDIA_ROOT)  # listed after the snapshot
                for source, name in files:
                    try:
                        writer.add_file(source, name)
                    except FileNotFoundError:  # deleted since it was listed: no longer part of the site
                        skipped.append(source)
                writer.add_manifest(
                    Manifest(
                        created_at=now.isoformat(),
                        vendor=connection.vendor,
                        database_file=dump_name,
                        migrations=migrations,
                        files=writer.files,
                    )
                )
        os.replace(partial, path)
    except OSError as error:
        raise BackupError(f"The backup could not be written: {error.strerror or error}.") from error
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(path=path, media_count=len(writer.files) - 1, size=path.stat().st_size, skipped=skipped)
