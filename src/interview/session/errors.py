"""Session problems the user can act on; each one reads as a plain Japanese message."""

from __future__ import annotations

from pathlib import Path

from interview.errors import UserError
from interview.textsafety import printable


class SessionError(UserError):
    """Base class of every session problem."""


class InvalidSessionIdError(SessionError):
    """A session id that is not a safe file name."""


class SessionNotFoundError(SessionError):
    def __init__(self, session_id: str, path: Path) -> None:
        self.session_id = session_id
        self.path = path
        super().__init__(
            f"セッション「{session_id}」が見つかりません（{path}）。"
            "interview sessions で一覧を確認してください。"
        )


class SessionExistsError(SessionError):
    def __init__(self, session_id: str, path: Path) -> None:
        self.session_id = session_id
        self.path = path
        super().__init__(
            f"セッション「{session_id}」は既にあります（{path}）。別のIDを指定してください。"
        )


class SessionFileError(SessionError):
    """A session file that cannot be read: broken TOML, a schema mismatch, a newer format.

    ``line``/``column`` locate the problem when known, ``field`` names the field
    (e.g. ``answers.1.1.1.status``), and ``backup`` is the previous version when one exists.
    """

    def __init__(
        self,
        path: Path,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str = "",
        backup: Path | None = None,
        hint: str = "",
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column
        self.field = field
        self.backup = backup
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        where = printable(str(self.path))
        if self.line is not None:
            where += f" {self.line}行目"
            if self.column is not None:
                where += f" {self.column}文字目"
        if self.field:
            where += f"（{printable(self.field)}）"
        message = f"セッションファイルを読み込めません: {where}: {self.reason}"
        if self.hint:
            message += f"\n{self.hint}"
        if self.backup is not None:
            message += f"\n直前のバックアップがあります: {self.backup}"
        return message

    def with_backup(self, backup: Path, hint: str) -> SessionFileError:
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


class SessionLockedError(SessionError):
    """Another app holds the session's lock."""

    def __init__(self, session_id: str, holder: str) -> None:
        self.session_id = session_id
        self.holder = holder
        super().__init__(
            f"セッション「{session_id}」は別のアプリで開かれています（{holder}）。"
            "そのアプリを閉じてから、もう一度開いてください。"
        )
