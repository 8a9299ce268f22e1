"""Session problems the user can act on: a code and its data (``interview.messages`` words them)."""

from __future__ import annotations

from pathlib import Path

from interview.errors import Message, UserError


class SessionError(UserError):
    """Base class of every session problem."""

    code = "session_error"


class InvalidSessionIdError(SessionError):
    """A session id that is not a safe file name."""

    code = "invalid_session_id"


class SessionNotFoundError(SessionError):
    code = "session_not_found"

    def __init__(self, session_id: str, path: Path) -> None:
        self.session_id = session_id
        self.path = path
        super().__init__(Message(self.code, session=session_id, path=path))


class SessionExistsError(SessionError):
    code = "session_exists"

    def __init__(self, session_id: str, path: Path) -> None:
        self.session_id = session_id
        self.path = path
        super().__init__(Message(self.code, session=session_id, path=path))


class SessionFileError(SessionError):
    """A session file that cannot be read: broken TOML, a schema mismatch, a newer format.

    ``reason`` says what is wrong (a :class:`Message`, or a parser's own text),
    ``line``/``column`` locate the problem when known, ``field`` names the field
    (e.g. ``answers.1.1.1.status``), ``backup`` is the previous version when one exists,
    and ``hint`` (a :class:`Message`) what the user can do.
    """

    code = "session_file_unreadable"

    def __init__(
        self,
        path: Path,
        reason: str | Message,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str = "",
        backup: Path | None = None,
        hint: Message | None = None,
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column
        self.field = field
        self.backup = backup
        self.hint = hint
        super().__init__(
            Message(
                self.code,
                path=path,
                reason=reason,
                line=line,
                column=column,
                field=field,
                backup=backup,
                hint=hint,
            )
        )

    def with_backup(self, backup: Path, hint: Message) -> SessionFileError:
        """The same error, offering *backup* (and how to restore it)."""
        return type(self)(
            self.path,
            self.reason,
            line=self.line,
            column=self.column,
            field=self.field,
            backup=backup,
            hint=hint,
        )


class SessionVersionError(SessionFileError):
    """A file written by a newer version of the app (higher ``format_version``)."""

    code = "session_file_newer"


class SessionLockedError(SessionError):
    """Another app holds the session's lock."""

    code = "session_locked"

    def __init__(self, session_id: str, holder: str) -> None:
        self.session_id = session_id
        self.holder = holder
        super().__init__(Message(self.code, session=session_id, holder=holder))


class UnsafeLockPathError(SessionError):
    """The lock path is a link, a folder or a special file: refused, never followed."""

    code = "unsafe_lock_path"

    def __init__(self, session_id: str, path: Path, kind: str) -> None:
        self.session_id = session_id
        self.path = path
        self.kind = kind
        super().__init__(Message(self.code, session=session_id, path=path, kind=kind))
