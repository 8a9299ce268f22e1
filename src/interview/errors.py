"""Errors that reach the user as a plain message (never a traceback)."""


class UserError(Exception):
    """A problem the user can fix: bad input, a missing file, a locked session.

    ``code`` names the kind of problem in ASCII (for scripts and for front ends that
    word it themselves); ``str()`` is the Japanese message.
    """

    exit_code = 1
    code = "user_error"


class CoreError(Exception):
    """A problem found by the core, as a code and its data; the front ends word it.

    ``code`` is a stable ASCII name (``"item_not_for_party"``), ``data`` what a message
    needs (``{"item": 8, "party": "api_connector"}``). ``str()`` is for logs, not people:
    :func:`interview.wording.core_message` gives the Japanese sentence.
    """

    def __init__(self, code: str, **data: object) -> None:
        self.code = code
        self.data = data
        super().__init__(code, data)

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v!r}" for k, v in self.data.items())
        return f"{self.code}({details})"


def describe_os_error(exc: OSError) -> str:
    """A plain Japanese sentence for an OS error (no traceback, no Python repr)."""
    reasons = {
        "EACCES": "アクセスが許可されていません",
        "EPERM": "操作が許可されていません",
        "ENOSPC": "ディスクの空きがありません",
        "EROFS": "読み取り専用の場所です",
        "ENAMETOOLONG": "ファイル名が長すぎます",
        "ENOENT": "見つかりません",
        "EEXIST": "既に存在します",
        "ENOTDIR": "フォルダではありません",
        "EISDIR": "フォルダです",
        "ELOOP": "シンボリックリンクが多すぎるか、リンクは使えません",
        "EDQUOT": "ディスク使用量の上限に達しました",
    }
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    reason = reasons.get(name) or exc.strerror or type(exc).__name__
    where = f"（{exc.filename}）" if exc.filename else ""
    return f"{reason}{where}"
