"""Backup and restore of the whole CMS: the database and the media files, in one verifiable archive.

An archive is a ``.tar.gz`` holding ``database/`` (a database-native dump), ``media/`` (every file under
MEDIA_ROOT) and, last, ``manifest.json`` (format, creation time, database vendor, applied migrations and the
size and SHA-256 of every file). ``create.py`` writes one; ``restore.py`` verifies one completely before it
changes anything, then swaps the media directory and loads the database, undoing the swap if the load fails.
"""


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is meant for the operator."""
