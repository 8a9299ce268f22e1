"""The Japanese sentences for the messages the core raises and reports.

The core (catalog … workbook and the foundation modules) words nothing: it raises and
returns :class:`interview.errors.Message` values, an ASCII code and its data. The words
live here, at the edge. The package installs :func:`word` when it is imported (see
``interview/__init__.py``), so ``str()`` of a message, or of an error carrying one, gives
the sentence. An English UI would install a table of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from interview.errors import install_wording
from interview.textsafety import printable

Data = Mapping[str, Any]


def _party(value: object) -> str:
    from interview.catalog.party import Party

    try:
        return Party(str(getattr(value, "value", value))).label
    except ValueError:
        return str(value)


def _session_file(d: Data) -> str:
    where = printable(str(d["path"]))
    if d.get("line") is not None:
        where += f" {d['line']}行目"
        if d.get("column") is not None:
            where += f" {d['column']}文字目"
    if d.get("field"):
        where += f"（{printable(d['field'])}）"
    message = f"セッションファイルを読み込めません: {where}: {d['reason']}"
    if d.get("hint"):
        message += f"\n{d['hint']}"
    if d.get("backup") is not None:
        message += f"\n直前のバックアップがあります: {d['backup']}"
    return message


_OS_REASONS = {
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


def _os_error(d: Data) -> str:
    reason = _OS_REASONS.get(d["errno"]) or d["strerror"]
    where = f"（{d['filename']}）" if d.get("filename") else ""
    return f"{reason}{where}"


_TOML_REASONS = (
    ("Unterminated string", "文字列の引用符が閉じていません"),
    ("Illegal character", "使えない文字（制御文字）があります"),
    ("Found invalid character", "使えない文字（制御文字）があります"),
    ("Invalid value", "値の書き方が正しくありません"),
    ("Expected '=' after a key", "キーの後に「=」がありません"),
    ("Expected newline or end of document", "値の後に余分な文字があります"),
    ("Cannot overwrite a value", "同じキーが二度書かれています"),
    ("Cannot declare", "同じ表が二度書かれています"),
    ("Invalid statement", "TOMLとして正しくない行です"),
    ("Invalid initial character for a key part", "キーの書き方が正しくありません"),
    ("Unclosed array", "配列の「]」がありません"),
    ("Unclosed inline table", "インラインテーブルの「}」がありません"),
    ("Expected ']' at the end of a table declaration", "表の見出しの「]」がありません"),
    ("Invalid date or datetime", "日時の書き方が正しくありません"),
)


def _toml_syntax(d: Data) -> str:
    message = d["parser"]
    if message.startswith(("Illegal character '\\n'", "Found invalid character '\\n'")):
        return f"文字列の引用符が行末までに閉じていません（{message}）"
    for prefix, japanese in _TOML_REASONS:
        if message.startswith(prefix):
            return f"{japanese}（{message}）"
    return f"TOMLの書式エラーです（{message}）"


_SCHEMA_REASONS = {
    "missing": "必須の項目がありません",
    "extra_forbidden": "この形式にない項目です（綴りを確認してください）",
    "enum": "使えない値です",
    "literal_error": "使えない値です",
    "string_type": "文字列で書いてください",
    "int_type": "整数で書いてください",
    "int_parsing": "整数で書いてください",
    "int_from_float": "整数で書いてください",
    "bool_type": "true か false で書いてください",
    "bool_parsing": "true か false で書いてください",
    "datetime_type": "日時（例: 2026-11-25T10:00:00+09:00）で書いてください",
    "datetime_parsing": "日時（例: 2026-11-25T10:00:00+09:00）で書いてください",
    "datetime_from_date_parsing": "日時（例: 2026-11-25T10:00:00+09:00）で書いてください",
    "dict_type": "表（[…]）で書いてください",
    "model_type": "表（[…]）で書いてください",
    "model_attributes_type": "表（[…]）で書いてください",
    "list_type": "配列（[…]）で書いてください",
    "tuple_type": "配列（[…]）で書いてください",
    "string_too_short": "空にはできません",
    "greater_than_equal": "値が小さすぎます",
    "value_error": "値が正しくありません",
}


def _schema(d: Data) -> str:
    reason = _SCHEMA_REASONS.get(d["kind"], "値が正しくありません")
    if d.get("value"):
        reason += f"（値: {d['value']}）"
    if d.get("expected"):
        reason += f"。使える値: {d['expected']}"
    return reason


def _lock_holder(d: Data) -> str:
    return f"PID {d['pid']}、ホスト {d['host']}、{d.get('since') or '不明'}から使用中"


def _unsafe_lock(d: Data) -> str:
    what = {"symlink": "シンボリックリンク", "directory": "フォルダ"}.get(
        d["kind"], "特殊なファイル"
    )
    return (
        f"セッション「{d['session']}」のロックファイル {d['path']} が{what}です。"
        "安全のため使いません。心当たりがなければ、中身を確かめてから削除してください。"
    )


Words = str | Callable[[Data], str]

# Session store, files and ids -------------------------------------------------------------
_SESSION: dict[str, Words] = {
    "session_not_found": (
        "セッション「{session}」が見つかりません（{path}）。"
        "interview sessions で一覧を確認してください。"
    ),
    "session_exists": "セッション「{session}」は既にあります（{path}）。別のIDを指定してください。",
    "session_file_unreadable": _session_file,
    "session_file_newer": _session_file,
    "session_locked": (
        "セッション「{session}」は別のアプリで開かれています（{holder}）。"
        "そのアプリを閉じてから、もう一度開いてください。"
        "そのアプリがもう動いていない（別のPCで落ちた等）ときは、"
        "interview unlock {session} でロックを解除できます。"
    ),
    "unsafe_lock_path": _unsafe_lock,
    "lock_holder": _lock_holder,
    "lock_holder_unknown": "使用中（保持者は不明）",
    "previous_session_empty": "前回のセッション {session} には回答がありません。",
    "reuse_other_organisation": (
        "流用元 {session} は別の組織（{theirs}）のセッションです。"
        "同じ組織のセッションだけを流用できます。"
    ),
    "reuse_other_party": lambda d: (
        f"流用元 {d['session']} は{_party(d['theirs'])}のセッションです"
        f"（こちらは{_party(d['ours'])}）。"
    ),
    "reuse_source_empty": "流用元のセッション {session} には回答がありません。",
    "sessions_dir_dangling_link": (
        "セッションの保存先を作れません: リンク切れのシンボリックリンクです（{path} → "
        "{target}）。リンク先を作るか、--sessions-dir で別の場所を指定してください。"
    ),
    "sessions_dir_is_a_file": (
        "セッションの保存先を作れません: 同じ名前のファイルがあり、フォルダではありません"
        "（{path}）。--sessions-dir で別の場所を指定してください。"
    ),
    "sessions_dir_parent_dangling": "保存先の途中のフォルダがリンク切れです（{path}）。",
    "sessions_dir_cannot_create": "セッションの保存先を作れません（{path}）: {reason}",
    "sessions_dir_unreadable": "セッションの保存先を読めません（{path}）: {reason}",
    "profile_after_answers": "回答を始めたセッションには、後からプロファイルを適用できません。",
    "respondent_party": "party は api_connector か financial_institution です",
    "cannot_open": "ファイルを開けません: {reason}",
    "not_a_session": "セッションの形式ではありません",
    "restore_hint": (
        "interview restore {session} で直前のバックアップから復元できます"
        "（読めなかったファイルは別名で残します）。"
    ),
    "restore_hint_short": "interview restore {session} でバックアップから復元できます。",
    "no_backup_hint": "バックアップはありません。ファイルを直すか、別の場所へ移してください。",
    "only_backup_left": (
        "セッション「{session}」はファイル（{path}）がなく、直前のバックアップ（.bak）だけが"
        "残っています。interview restore {session} で復元できます。"
    ),
    "file_name_not_an_id": (
        "ファイル名がセッションIDとして使えないため読み込みません: {path}（名前を変えると一覧に出ます）"
    ),
    "session_file_is_a_link": (
        "シンボリックリンクです（リンク先: {target}）。"
        "リンクを通した保存はリンクを外してしまうため、開きません。"
        "実体のファイルを保存先のフォルダに置いてください"
    ),
    "session_closed": "セッション「{session}」は閉じられています。",
    "no_free_id": lambda d: (
        f"セッションIDを決められませんでした（{d['base']}）。"
        + ("--id で指定してください。" if d.get("hint_id") else "")
    ),
    "lock_cannot_create": "ロックファイルを作れません（{path}）: {reason}",
    "read_back_differs": "書き込んだ内容を読み戻すと一致しません",
    "read_back_not_toml": "TOMLとして読めません: {reason}",
    "save_not_read_back": "保存内容を読み戻せなかったため、保存を取りやめました（{path}）: {reason}",
    "save_failed": "セッションを保存できません（{path}）: {reason}",
    "unlock_failed": "ロックを解除できません（{path}）: {reason}",
    "file_missing": "ファイルがありません",
    "toml_syntax": _toml_syntax,
    "file_empty": "ファイルが空です（保存の途中で途切れた可能性があります）",
    "not_utf8": "UTF-8として読めないバイトがあります（{offset}バイト目）",
    "nested_too_deep": (
        "配列や表の入れ子が深すぎます（アプリが書いたファイルではありません）。"
        "中身を確認するか、バックアップから復元してください"
    ),
    "format_version_not_int": "format_version は整数で書いてください（値: {value}）",
    "format_version_invalid": "format_version = {version} は正しくありません（1 から {newest} まで）",
    "format_version_newer": (
        "新しい形式（format_version = {version}）で保存されています。"
        "このアプリが読めるのは {newest} までです。アプリを更新してください。"
    ),
    "schema": _schema,
    "invalid_session_id": "セッションIDが正しくありません（{problem}）: {id}",
    "id_empty": "空です",
    "id_too_many_chars": "{most}文字以内にしてください",
    "id_too_many_bytes": lambda d: (
        f"長すぎます（UTF-8で{d['most']}バイト、日本語なら約{d['most'] // 3}文字まで）"
    ),
    "id_nul": "NUL文字は使えません",
    "id_unsafe_chars": lambda d: (
        f"制御文字・書字方向の制御文字・ゼロ幅文字は使えません（{'、'.join(d['chars'])}）"
    ),
    "id_slash": "「/」「\\」は使えません",
    "id_dot_dot": "「..」は使えません",
    "id_leading_dot": "先頭に「.」は使えません",
    "id_outer_space": "先頭と末尾に空白は使えません",
    "id_forbidden_chars": "「{chars}」は使えません",
    "id_trailing_dot": "末尾に「.」は使えません",
    "id_reserved": "OSの予約名です",
}

# Files in general ------------------------------------------------------------------------
_FILES: dict[str, Words] = {
    "os_error": _os_error,
}

_WORDS: dict[str, Words] = {**_SESSION, **_FILES}


def word(code: str, data: Data) -> str | None:
    """The sentence for *code* with *data*; None for a code this table does not know."""
    words = _WORDS.get(code)
    if words is None:
        return None
    if isinstance(words, str):
        return words.format_map(data)
    return words(data)


install_wording(word)
