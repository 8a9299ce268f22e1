"""Session problems the user can act on; each one reads as a plain Japanese message."""

from __future__ import annotations

from pathlib import Path

from interview.errors import UserError
from interview.textsafety import printable


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
        super().__init__(
            f"セッション「{session_id}」が見つかりません（{path}）。"
            "interview sessions で一覧を確認してください。"
        )


class SessionExistsError(SessionError):
    code = "session_exists"

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

    code = "session_file_unreadable"

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

    code = "session_file_newer"


class SessionLockedError(SessionError):
    """Another app holds the session's lock."""

    code = "session_locked"

    def __init__(self, session_id: str, holder: str) -> None:
        self.session_id = session_id
        self.holder = holder
        super().__init__(
            f"セッション「{session_id}」は別のアプリで開かれています（{holder}）。"
            "そのアプリを閉じてから、もう一度開いてください。"
            f"そのアプリがもう動いていない（別のPCで落ちた等）ときは、"
            f"interview unlock {session_id} でロックを解除できます。"
        )


class UnsafeLockPathError(SessionError):
    """The lock path is a link, a folder or a special file: refused, never followed."""

    code = "unsafe_lock_path"

    def __init__(self, session_id: str, path: Path, kind: str) -> None:
        self.session_id = session_id
        self.path = path
        self.kind = kind
        what = {"symlink": "シンボリックリンク", "directory": "フォルダ"}.get(
            kind, "特殊なファイル"
        )
        super().__init__(
            f"セッション「{session_id}」のロックファイル {path} が{what}です。"
            "安全のため使いません。心当たりがなければ、中身を確かめてから削除してください。"
        )
