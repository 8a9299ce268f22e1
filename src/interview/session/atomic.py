"""Crash-safe file replacement: the file on disk is always either the old or the new version.

Steps: write a temp file (mode 0600) in the same folder → fsync it → re-read and check it →
keep the current file as ``<name>.bak`` (a hard link, so no copy) → ``os.replace`` the temp
file over the target → fsync the folder so both renames survive a power cut.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def temp_prefix(path: Path) -> str:
    """Temp files are hidden (leading dot) and never end in the target's suffix."""
    return f".{path.name}."


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_dir(directory: Path) -> None:
    """Create *directory* (private to the user) if it does not exist."""
    from interview.session.folder import make_private_dir

    make_private_dir(directory)  # parents too, 0700 whatever the umask


def _keep_backup(path: Path) -> None:
    """Make ``<path>.bak`` the current version of *path* (atomically replacing the old backup)."""
    bak = backup_path(path)
    tmp = bak.with_name(f"{temp_prefix(bak)}{os.getpid()}{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.link(path, tmp)
    except FileNotFoundError:
        return  # nothing to back up yet
    except OSError:
        # No hard links on this file system: copy instead (mode 0600 like the original).
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "wb") as out, path.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
    os.replace(tmp, bak)


def atomic_write(
    path: Path,
    data: bytes,
    check: Callable[[bytes], object] | None = None,
    keep_backup: bool = True,
) -> None:
    """Replace *path* with *data* so that a crash at any moment leaves a whole file.

    *check* receives the bytes read back from the temp file and raises if they are
    unusable; then the target is left untouched and the temp file removed.
    """
    directory = path.parent
    fd, name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=directory)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if check is not None:
            check(tmp.read_bytes())
        if keep_backup:
            _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(directory)


def stale_temp_files(path: Path) -> list[Path]:
    """Temp files of *path* (and of its backup) left behind by a save that was killed."""
    pattern = re.compile(
        rf"^{re.escape(temp_prefix(path))}(?:[a-z0-9_]{{8}}|bak\.[0-9]+){re.escape(TEMP_SUFFIX)}$"
    )
    return [p for p in path.parent.iterdir() if pattern.match(p.name)]
