"""The media directory: listing what to back up, and swapping a restored copy into place."""

import os
from pathlib import Path

from . import BackupError


def media_files(root):
    """``(files, skipped)``: regular files under ``root`` as ``(absolute path, archive name)``, and symlinks."""
    files, skipped = [], []
    root = Path(root)
    if not root.is_dir():
        return files, skipped
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory, name)
            if path.is_symlink() or not path.is_file():
                skipped.append(path)
            else:
                files.append((path, "media/" + path.relative_to(root).as_posix()))
    return files, skipped


def count_media_files(count):
    """``'1 media file'``, ``'3 media files'``: for the commands' reports."""
    return f"{count} media file{'' if count == 1 else 's'}"


def check_swappable(root):
    """The media directory is replaced by a rename, which a mount point cannot take: refuse before any change."""
    if Path(root).is_mount():
        raise BackupError(
            f"MEDIA_ROOT ({root}) is a mount point and cannot be replaced by a rename. "
            "Mount its parent directory instead (see docs/operations.md)."
        )


class MediaSwap:
    """Put ``staged`` in place of ``root``, keeping the old directory in ``keep`` until the restore commits."""

    def __init__(self, staged, root, keep):
        self.staged, self.root, self.keep = Path(staged), Path(root), Path(keep)
        self.had_root = self.swapped = False

    def apply(self):
        self.staged.mkdir(exist_ok=True)  # a backup without media restores an empty media directory
        if self.root.exists():
            os.rename(self.root, self.keep)
            self.had_root = True
        try:
            os.rename(self.staged, self.root)
            self.swapped = True
        except OSError:
            self.undo()
            raise

    def undo(self):
        """Put the previous media directory back (the restored copy goes back to staging, to be deleted)."""
        if self.swapped:
            os.rename(self.root, self.staged)
            self.swapped = False
        if self.had_root:
            os.rename(self.keep, self.root)
