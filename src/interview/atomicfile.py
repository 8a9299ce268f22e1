"""Crash-safe file replacement: the file on disk is always either the old or the new version.

One helper for every file the app writes (sessions and workbooks). Steps: write a temp
file (mode 0600 unless told) in the same folder → fsync it → re-read and check it → keep
the current file as ``<name>.bak`` if asked (a hard link, so no copy) → ``os.replace``
the temp file over the target → fsync the folder so both renames survive a power cut.
With ``exclusive`` the temp file only takes the name when nothing has it (a hard link,
which fails on an existing file): an export never replaces a file that appeared meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def temp_prefix(path: Path) -> str:
    """Temp files are hidden (leading dot) and never end in the target's suffix.

    A long name is cut so that the temp name still fits the usual 255-byte limit.
    """
    name = path.name
    while len(name.encode("utf-8")) > 200:
        name = name[:-1]
    return f".{name}."


def fsync_dir(directory: Path) -> None:
    """Make renames in *directory* durable (a no-op where folders cannot be opened: Windows)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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


def _create_temp(path: Path, mode: int) -> tuple[int, Path]:
    """A new, exclusive temp file beside *path*: ``.<name>.<8 hex>.tmp``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = path.with_name(f"{temp_prefix(path)}{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temp name beside {path}")


def atomic_write(
    path: Path,
    data: bytes,
    check: Callable[[bytes], object] | None = None,
    keep_backup: bool = True,
    mode: int = FILE_MODE,
    exclusive: bool = False,
) -> None:
    """Replace *path* with *data* so that a crash at any moment leaves a whole file.

    *check* receives the bytes read back from the temp file and raises if they are
    unusable; then the target is left untouched and the temp file removed. *mode* is the
    new file's permission (before the umask). With *exclusive* an existing *path* is
    never replaced: FileExistsError, and nothing changes.
    """
    directory = path.parent
    fd, tmp = _create_temp(path, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if check is not None:
            check(tmp.read_bytes())
        if keep_backup:
            _keep_backup(path)
        if exclusive:
            _link_new(tmp, path)
        else:
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(directory)


def _link_new(temp: Path, path: Path) -> None:
    """Give *temp* the name *path* only if nothing has that name (then drop *temp*)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT, some network shares): check, then rename.
        if path.exists() or path.is_symlink():
            raise FileExistsError(path) from None
        os.replace(temp, path)
        return
    with contextlib.suppress(OSError):
        temp.unlink()


def stale_temp_files(path: Path) -> list[Path]:
    """Temp files of *path* (and of its backup) left behind by a save that was killed."""
    pattern = re.compile(
        rf"^{re.escape(temp_prefix(path))}(?:[a-z0-9_]{{8}}|bak\.[0-9]+){re.escape(TEMP_SUFFIX)}$"
    )
    return [p for p in path.parent.iterdir() if pattern.match(p.name)]
