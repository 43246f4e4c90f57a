"""The manifest: what an archive holds, and the checks that an archive is ours and in a version we read."""

import json
from dataclasses import dataclass

from . import BackupError

FORMAT = "remembrance-cms-backup"
FORMAT_VERSION = 1
NAME = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    """What ``manage.py backup`` recorded; ``files`` maps each archive path to ``(size, sha256)``."""

    created_at: str
    vendor: str
    database_file: str
    migrations: dict
    files: dict

    def to_json(self):
        return json.dumps(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": self.created_at,
                "database": {"vendor": self.vendor, "file": self.database_file},
                "migrations": self.migrations,
                "files": [{"path": p, "size": s, "sha256": h} for p, (s, h) in sorted(self.files.items())],
            },
            indent=2,
        ).encode()


def parse_manifest(raw, archive_name):
    """The :class:`Manifest` in ``raw``, once it is known to be one of ours, complete, in a version we read."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{archive_name}: manifest.json is not valid JSON.") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"{archive_name} is not a backup of this CMS (its manifest is of another format).")
    if data.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{archive_name} is in backup format version {data.get('format_version')!r}; "
            f"this CMS reads version {FORMAT_VERSION}."
        )
    try:
        manifest = Manifest(
            created_at=str(data["created_at"]),
            vendor=str(data["database"]["vendor"]),
            database_file=str(data["database"]["file"]),
            migrations={str(app): [str(name) for name in names] for app, names in data["migrations"].items()},
            files={str(entry["path"]): (int(entry["size"]), str(entry["sha256"])) for entry in data["files"]},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BackupError(f"{archive_name}: manifest.json is incomplete or malformed.") from error
    if manifest.database_file not in manifest.files:
        raise BackupError(f"{archive_name}: the manifest does not list the database file it names.")
    return manifest
