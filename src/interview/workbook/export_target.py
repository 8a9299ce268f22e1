"""Where an export goes, and whether it may go there: never over a file by surprise.

- ``-o DIR`` (an existing folder, or any path written with a trailing slash) means
  ``DIR/<default name>.xlsx``; a trailing slash on a folder that does not exist is refused.
- A name without ``.xlsx`` gets it, unless something already exists under that name.
- Only a regular file is ever replaced: a device (``/dev/full``), a pipe, a socket or a
  symbolic link is refused, as is a folder.
- An existing file is replaced only when asked (``--force``, or a yes in the app), and
  never while an office program shows it open (LibreOffice ``.~lock.NAME#``, Excel
  ``~$NAME``), while another program holds a lock on it, or when it is read-only.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from interview.errors import Message, UserError

SUFFIX = ".xlsx"


class ExportTargetError(UserError):
    """The export cannot go to this path."""


class TargetExistsError(ExportTargetError):
    """The file exists and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(Message("export_target_exists", path=path))


def resolve_target(raw: str | os.PathLike[str], default_name: str) -> Path:
    """The file an export given *raw* (as typed after ``-o``) writes to."""
    text = os.fspath(raw)
    if not text.strip():
        raise ExportTargetError(Message("export_name_empty"))
    path = Path(text).expanduser()
    if text.endswith(("/", os.sep)) or _is_dir(path):
        if not path.is_dir():
            raise ExportTargetError(Message("export_folder_missing", path=path, make_it=True))
        return path / default_name
    if path.suffix.lower() != SUFFIX and not _exists(path):
        path = path.with_name(path.name + SUFFIX)
    return path


def _exists(path: Path) -> bool:
    try:
        path.lstat()
    except OSError:
        return False
    return True


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode) or path.is_dir()
    except OSError:
        return False


def office_lock_files(path: Path) -> list[Path]:
    """Lock files that office programs leave beside a workbook they have open."""
    names = [f".~lock.{path.name}#", f"~${path.name}"]
    if len(path.name) > 2:
        names.append(f"~${path.name[2:]}")  # Excel drops the first two characters of long names
    return [path.parent / n for n in names if (path.parent / n).exists()]


def check_target(path: Path, overwrite: bool) -> bool:
    """Refuse what must not be written over; True when *path* already exists.

    Raises TargetExistsError for an existing file when *overwrite* is False, and
    ExportTargetError for anything that is never replaced.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise ExportTargetError(
                Message("export_folder_missing", path=path.parent, make_it=False)
            ) from None
        return False
    except OSError as exc:
        raise ExportTargetError(
            Message("export_cannot_check", path=path, reason=exc.strerror or str(exc))
        ) from exc
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise ExportTargetError(Message("export_is_a_folder", path=path))
    if stat.S_ISLNK(mode):
        raise ExportTargetError(Message("export_is_a_link", path=path))
    if not stat.S_ISREG(mode):
        raise ExportTargetError(Message("export_not_a_file", path=path))
    locks = office_lock_files(path)
    if locks:
        raise ExportTargetError(Message("export_open_in_office", path=path, lock=locks[0].name))
    if not overwrite:
        raise TargetExistsError(path)
    if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ExportTargetError(Message("export_read_only", path=path))
    if _locked_by_other(path):
        raise ExportTargetError(Message("export_locked", path=path))
    return True


def _locked_by_other(path: Path) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: the replace itself fails on a file in use
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def write_failure(path: Path, exc: OSError) -> str:
    """A message for a failed write, with the 「閉じて」 hint only when that is the likely cause."""
    reason = exc.strerror or str(exc)
    folder = path.parent
    cause = ""
    if isinstance(exc, PermissionError):
        if not os.access(folder, os.W_OK):
            cause = "folder_not_writable"
        elif _exists(path) and os.access(path, os.W_OK):
            # The folder and file are writable: another program (Excel on Windows) has it open.
            cause = "open_elsewhere"
        else:
            cause = "read_only"
    return str(Message("export_write_failed", path=path, reason=reason, folder=folder, cause=cause))
