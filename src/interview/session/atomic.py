"""Kept for existing imports: the one atomic-write helper is :mod:`interview.atomicfile`."""

from interview.atomicfile import (
    DIR_MODE,
    FILE_MODE,
    TEMP_SUFFIX,
    atomic_write,
    backup_path,
    ensure_dir,
    fsync_dir,
    stale_temp_files,
    temp_prefix,
)

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
