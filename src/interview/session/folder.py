"""The sessions folder itself: created private (0700) and kept private.

Sessions hold a firm's security answers, so the folder is readable only by its owner:
every folder created on the way is made 0700 whatever the umask, and an existing
folder others can read (e.g. ``./sessions`` checked out by git as 0755) is tightened
once, with a notice.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from interview.errors import Message, os_error_message
from interview.session.errors import SessionError

DIR_MODE = 0o700


def make_private_dir(directory: Path) -> None:
    """Create *directory* and any missing parents, each 0700 (umask does not apply)."""
    if directory.is_dir():
        return
    if directory.is_symlink():
        raise SessionError(
            Message("sessions_dir_dangling_link", path=directory, target=os.readlink(directory))
        )
    if directory.exists():
        raise SessionError(Message("sessions_dir_is_a_file", path=directory))
    missing: list[Path] = []
    current = directory
    while not current.exists() and not current.is_symlink() and current != current.parent:
        missing.append(current)
        current = current.parent
    if current.is_symlink() and not current.exists():
        raise SessionError(Message("sessions_dir_parent_dangling", path=current))
    try:
        for folder in reversed(missing):
            try:
                os.mkdir(folder, DIR_MODE)
            except FileExistsError:
                continue  # made by another process a moment ago
            os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    except OSError as exc:
        raise SessionError(
            Message("sessions_dir_cannot_create", path=directory, reason=os_error_message(exc))
        ) from None


def tighten_sessions_dir(directory: Path) -> str:
    """Make an existing sessions folder private (0700); a notice when it was changed, else ''.

    Only a folder owned by this user is changed, never the home folder or the current
    folder themselves (a ``--sessions-dir .`` must not lock others out of a project).
    """
    try:
        st = os.stat(directory)
    except OSError:
        return ""
    if not stat.S_ISDIR(st.st_mode) or not st.st_mode & 0o077:
        return ""
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return ""
    try:
        resolved = directory.resolve()
        if resolved in (Path.home().resolve(), Path.cwd().resolve(), Path(resolved.anchor)):
            return ""
        os.chmod(directory, DIR_MODE)
    except (OSError, RuntimeError):
        return ""
    old = stat.S_IMODE(st.st_mode)
    return str(Message("sessions_dir_tightened", path=directory, old=f"{old:04o}"))
