"""What the session listing says about files it cannot show as sessions.

One bad file never hides the others: an unreadable session is listed as a problem with
the way out (``interview restore`` when a backup exists), and a session of which only
the backup (``<id>.toml.bak``) is left is listed too, with ``restore`` offered.
"""

from __future__ import annotations

import os
from pathlib import Path

from interview.errors import Message
from interview.session.atomic import backup_path
from interview.session.errors import SessionFileError
from interview.session.ids import is_valid_id


def listing_problem(exc: SessionFileError, path: Path) -> str:
    """The message for an unreadable session file, with what the user can do about it."""
    session_id = path.name[: -len(".toml")]
    bak = backup_path(path)
    if exc.backup is None and bak.exists():
        exc = exc.with_backup(bak, Message("restore_hint", session=session_id))
    elif exc.backup is None:
        exc = SessionFileError(
            exc.path,
            exc.reason,
            line=exc.line,
            column=exc.column,
            field=exc.field,
            hint=Message("no_backup_hint"),
        )
    return str(exc)


def orphan_problems(directory: Path, suffix: str = ".toml") -> list[str]:
    """Sessions with only their backup left, and session-like files with unusable names."""
    try:
        names = set(os.listdir(directory))
    except OSError:
        return []
    out = []
    for name in sorted(names):
        if name.startswith("."):
            continue
        if name.endswith(suffix + ".bak"):
            session_id = name[: -len(suffix + ".bak")]
            if is_valid_id(session_id) and session_id + suffix not in names:
                path = directory / (session_id + suffix)
                out.append(str(Message("only_backup_left", session=session_id, path=path)))
        elif name.endswith(suffix) and not is_valid_id(name[: -len(suffix)]):
            out.append(str(Message("file_name_not_an_id", path=directory / name)))
    return out
