"""Kept for existing imports: the one atomic-write helper is :mod:`interview.atomicfile`.

Only :func:`ensure_dir` is the session folder's own: parents too, 0700 whatever the umask.
"""

from __future__ import annotations

from pathlib import Path

from interview.atomicfile import (
    DIR_MODE,
    FILE_MODE,
    TEMP_SUFFIX,
    atomic_write,
    backup_path,
    fsync_dir,
    stale_temp_files,
    temp_prefix,
)


def ensure_dir(directory: Path) -> None:
    """Create *directory* (private to the user) if it does not exist."""
    from interview.session.folder import make_private_dir

    make_private_dir(directory)  # parents too, 0700 whatever the umask


__all__ = [
    "DIR_MODE",
    "FILE_MODE",
    "TEMP_SUFFIX",
    "atomic_write",
    "backup_path",
    "ensure_dir",
    "fsync_dir",
    "stale_temp_files",
    "temp_prefix",
]
