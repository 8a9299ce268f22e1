"""Errors that reach the user as a plain message (never a traceback)."""


class UserError(Exception):
    """A problem the user can fix: bad input, a missing file, a locked session."""

    exit_code = 1


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
