"""Reading and writing the tar.gz archive, hashing every byte on the way in and out."""

import gzip
import hashlib
import io
import tarfile
import zlib
from pathlib import Path, PurePosixPath

from . import BackupError
from .manifest import NAME as MANIFEST_NAME
from .manifest import parse_manifest

TOP_LEVEL = {"database", "media"}
CHUNK = 1024 * 1024


class HashingReader:
    """A file wrapper that hashes and counts exactly the bytes read through it."""

    def __init__(self, raw):
        self.raw, self.sha256, self.size = raw, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self.raw.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """Adds files to a new archive and records their size and checksum for the manifest."""

    def __init__(self, tar):
        self.tar, self.files = tar, {}

    def add_file(self, source, name):
        """Copy ``source`` into the archive as ``name``; the checksum covers exactly the bytes written."""
        with open(source, "rb") as raw:
            info = self.tar.gettarinfo(fileobj=raw, arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            reader = HashingReader(raw)
            self.tar.addfile(info, reader)
        self.files[name] = (reader.size, reader.sha256.hexdigest())

    def add_manifest(self, manifest):
        raw = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST_NAME)
        info.size = len(raw)
        self.tar.addfile(info, io.BytesIO(raw))


def safe_member_path(name):
    """The archive path ``name`` if it is a plain relative path under database/ or media/, else None."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or len(path.parts) < 2 or path.parts[0] not in TOP_LEVEL:
        return None
    return path


def unpack_verified(archive, staging):
    """Extract ``archive`` into ``staging`` and return its manifest once every file matches it.

    Nothing outside ``staging`` is written. Any damage (truncation, a checksum or size that differs, a file
    missing or not listed, a path that escapes, no manifest) raises :class:`BackupError`.
    """
    name = Path(archive).name
    found, manifest_raw = {}, None
    try:
        with tarfile.open(archive, "r|gz") as tar:
            for member in tar:
                if member.name == MANIFEST_NAME and member.isfile():
                    manifest_raw = tar.extractfile(member).read()
                    continue
                path = safe_member_path(member.name)
                if path is None or not member.isfile() or member.name in found:
                    raise BackupError(f"{name} holds an unexpected entry {member.name!r}: not a backup of this CMS.")
                target = Path(staging, *path.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                reader = HashingReader(tar.extractfile(member))
                with open(target, "wb") as out:
                    while chunk := reader.read(CHUNK):
                        out.write(chunk)
                found[member.name] = (reader.size, reader.sha256.hexdigest())
    except FileNotFoundError as error:
        raise BackupError(f"No such backup archive: {archive}") from error
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(f"{name} is damaged or truncated, or is not a .tar.gz backup archive.") from error
    except OSError as error:  # e.g. unreadable archive, or no room left to unpack it
        raise BackupError(f"{name} could not be unpacked: {error.strerror or error}.") from error
    if manifest_raw is None:
        raise BackupError(f"{name} has no manifest.json: it is not a complete backup made by `manage.py backup`.")
    manifest = parse_manifest(manifest_raw, name)
    for path, expected in manifest.files.items():
        if path not in found:
            raise BackupError(f"{name} is incomplete: {path} is listed in the manifest but missing.")
        if found[path] != expected:
            raise BackupError(f"{name} is corrupt: {path} does not match the size and checksum in its manifest.")
    if extra := sorted(set(found) - set(manifest.files)):
        raise BackupError(f"{name} holds files its manifest does not list (e.g. {extra[0]}): not a backup to trust.")
    return manifest
