"""The Japanese sentences for the messages the core raises and reports.

The core (catalog … workbook and the foundation modules) words nothing: it raises and
returns :class:`interview.errors.Message` values, an ASCII code and its data. The words
live here, at the edge. The package installs :func:`word` when it is imported (see
``interview/__init__.py``), so ``str()`` of a message, or of an error carrying one, gives
the sentence. An English UI would install a table of its own.
"""

from __future__ import annotations

import re
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


def _uncached(d: Data) -> str:
    cells = [f"「{sheet}」{where}" for sheet, where in d["cells"]]
    listed = "、".join(cells[:12])
    more = f" ほか{len(cells) - 12}個" if len(cells) > 12 else ""
    return (
        f"計算結果が保存されていない数式のセルがあります: {listed}{more}。"
        "Excel で開いて再計算し、保存し直してから読み込んでください"
        "（数式を値に置き換えても構いません）。"
    )


def _cell_place(d: Data) -> str:
    where = f"「{d['sheet']}」シート"
    if d.get("item"):
        where += f"の通番{d['item']}"
    if d.get("question"):
        where += f"（設問 {d['question']}）"
    return f"{where}の「{d['column']}」"


# Workbooks: reading, exporting ------------------------------------------------------------
_WORKBOOK: dict[str, Words] = {
    "workbook_unreadable": "{path} を読み込めません: {reason}",
    "workbook_os_error": "{path} を読めません（{reason}）。",
    "workbook_out_of_memory": "{path} は大きすぎるため読み込めません。",
    "workbook_damaged": (
        "{path} は壊れているか、Excel ブック（.xlsx）の形式ではありません。"
        "Excel で開けることを確かめ、.xlsx で保存し直してから読み込んでください。"
    ),
    "workbook_is_a_folder": "{path} はフォルダです。Excel ブック（.xlsx）を指定してください。",
    "workbook_too_large": "{path} は大きすぎます（{size:,} バイト）。",
    "workbook_not_found": "ファイルが見つかりません: {path}",
    "workbook_empty": "{path} は空のファイルです。",
    "workbook_encrypted": (
        "{path} はパスワードで保護されています。"
        "Excel でパスワードを解除して保存し直してから読み込んでください。"
    ),
    "workbook_xls": "{path} は古い Excel 形式（.xls）です。Excel で .xlsx 形式に保存し直してください。",
    "workbook_not_xlsx": (
        "{path} は Excel ブック（.xlsx）ではありません。"
        "FISC「API接続チェックリスト」のフォーマットのブックを指定してください。"
    ),
    "workbook_too_many_parts": (
        "{path} はブックの中のファイルが多すぎるため（{entries:,} 個）読み込めません。"
    ),
    "workbook_bad_zip": "{path} は壊れているか、Excel ブックではありません。",
    "workbook_xlsb": "{path} はバイナリ形式（.xlsb）です。Excel で .xlsx 形式に保存し直してください。",
    "workbook_unpacks_too_large": "{path} は展開後の大きさが大きすぎるため読み込めません。",
    "workbook_uncached_formulas": _uncached,
    "workbook_cell_too_long": (
        "「{sheet}」シートの {cell} セルが {length:,} 文字あり、"
        "Excel の1セルに入る {most:,} 文字を超えています。"
        "切り詰めずに読み込みを中止しました。短くしてから読み込み直してください。"
    ),
    "workbook_no_header": lambda d: (
        f"{d['path']} に「フォーマット」の表頭が見つかりません。"
        f"表頭（{'、'.join(d['labels'])}）のある FISC「API接続チェックリスト」のブックを"
        "指定してください（少なくとも「通番」と「現在の対応状況」の列が必要です）。"
    ),
    "workbook_number_twice": (
        "「{sheet}」シートに通番{number}が2回あります"
        "（{first}行目と{second}行目）。どちらか一方にしてください。"
    ),
    "xlsx_part_missing": "ブックが壊れているか、Excel ブックではありません（{part} がありません）。",
    "xlsx_part_too_large": (
        "ブックの中の {part} が展開後 {size:,} バイトあり、"
        "読み込める上限（{most:,} バイト）を超えています。"
    ),
    "xlsx_doctype": lambda d: (
        (f"ブックの中の {d['part']} に" if d.get("part") else "")
        + "文書型宣言（DOCTYPE）があります。Excel が作るブックにはないため、読み込みません。"
    ),
    "xlsx_too_many_elements": (
        "ブックの中の {part} に、1行（1つの文字列）に {most:,} を超える要素があります。"
        "読み込みを中止しました。"
    ),
    "xlsx_part_broken": "ブックが壊れているため読めません（{part}: {reason}）。",
    "xlsx_binary": "バイナリ形式（.xlsb）です。Excel で .xlsx 形式に保存し直してください。",
    "xlsx_not_a_workbook": "壊れているか、Excel ブックではありません。",
    "xlsx_shared_string_missing": "{cell} セルの共有文字列の番号 {index} がありません（壊れているようです）。",
    "xlsx_shared_chars": (
        "共有文字列が合わせて {most:,} 文字を超えています。"
        "FISC のチェックリストにしては多すぎるため、読み込みを中止しました。"
    ),
    "xlsx_shared_strings": (
        "共有文字列が {most:,} 個を超えています。"
        "FISC のチェックリストにしては多すぎるため、読み込みを中止しました。"
    ),
    "xlsx_too_many_columns": "{row}行目の列が多すぎます（壊れているようです）。",
    "xlsx_bad_row_number": "「{sheet}」シートの行番号 {row} が正しくありません（壊れているようです）。",
    "export_target_exists": (
        "{path} は既にあります。上書きしませんでした。"
        "上書きするには --force を付けるか、別のファイル名を -o で指定してください。"
    ),
    "export_name_empty": "出力先のファイル名が空です。",
    "export_folder_missing": lambda d: (
        f"出力先のフォルダがありません: {d['path']}"
        + ("（フォルダを作ってから出力してください）" if d.get("make_it") else "")
    ),
    "export_cannot_check": "{path} を確かめられません（{reason}）。",
    "export_is_a_folder": "{path} はフォルダです。出力するファイル名を指定してください。",
    "export_is_a_link": (
        "{path} はシンボリックリンクです。リンクを置き換えないよう、出力を中止しました。"
        "リンク先のファイル名を直接指定してください。"
    ),
    "export_not_a_file": (
        "{path} は通常のファイルではありません（デバイスなど）。"
        "出力先には .xlsx のファイル名を指定してください。"
    ),
    "export_open_in_office": (
        "{path} は Excel などで開かれています（{lock} があります）。"
        "閉じてから、もう一度出力してください。"
    ),
    "export_read_only": (
        "{path} は読み取り専用です。上書きしませんでした。別のファイル名を指定してください。"
    ),
    "export_locked": (
        "{path} は他のプログラムが使用中です（ロックされています）。"
        "そのプログラムを閉じてから、もう一度出力してください。"
    ),
    "cell_place": _cell_place,
    "text_too_long": (
        "{place}が {length:,} 文字あり、Excel の1セルに入る {most:,} 文字を超えています。"
        "切り詰めずに出力を中止しました。短くしてから出力し直してください。"
    ),
}


def _data_file(d: Data) -> str:
    where = f"{d['path']}"
    if d.get("line") is not None:
        where += f" {d['line']}行目"
    if d.get("field"):
        where += f"（{d['field']}）"
    return f"{where}: {d['reason']}"


def _data_toml_syntax(d: Data) -> str:
    reason = re.sub(r"\s*\(at end of document\)", "（ファイルの終わり）", d["parser"]).strip()
    column = f"{d['column']}文字目" if d.get("column") is not None else ""
    return f"TOMLの書式エラー {column}: {reason}".strip()


def _profile_problems(d: Data) -> str:
    others = d["others"]
    more = "\n".join(f"  {o}" for o in others)
    return f"{d['first']}\nほかにも{len(others)}件の問題があります:\n{more}"


def _diff_parties(d: Data) -> str:
    return (
        "立場が異なるセッションは比較できません"
        f"（{d['older']}: {_party(d['older_party'])}、{d['newer']}: {_party(d['newer_party'])}）。"
        "同じ立場のセッションを指定してください。"
    )


# Data files, the catalog, question banks, profiles, answers --------------------------------
_FILES: dict[str, Words] = {
    "os_error": _os_error,
    "data_file": _data_file,
    "file_not_found": "ファイルが見つかりません",
    "data_not_utf8": "UTF-8として読めません（{offset}バイト目）",
    "data_unreadable": "読み込めません: {reason}",
    "data_toml_syntax": _data_toml_syntax,
    "data_schema": lambda d: f"{d['reason']}（入力値: {d['value']}）"[:300],
    "catalog_folder_missing": "カタログのフォルダが見つかりません",
    "catalog_file_name": "ファイル名と通番{item}が一致しません",
    "catalog_no_category": "区分{category}がありません",
    "catalog_example_id": "手法例のidは{expected}のはずです",
    "catalog_missing_notes": "手法例{example}が存在しない注{notes}を参照しています",
    "catalog_item_order": "通番が重複しているか、順序が不正です",
    "no_such_note": "通番{item}に注{note}はありません",
    "no_such_item": "通番{item}はこのチェックリストにありません",
    "no_such_category": "区分{category}はありません",
    "no_such_example": "手法例 {example} はありません",
    "no_such_question": "質問 {question} はありません",
    "example_not_in_item": "手法例 {example} は通番{item}にありません",
    "unknown_party": "対象者が不明です: {text!r}",
    "unknown_status": "回答の状態が不明です: {text!r}",
    "bank_item": "itemが{item}ではありません",
    "bank_questions": "手法例と質問が一致しません（不足: {missing}、余分: {extra}）",
    "bank_checklist_note": "質問{question}のチェックリストが存在しない注{note}を指しています",
    "bank_note_points": "質問{question}: 注{note}に選択肢（①②…）がありません",
    "profile_toml_syntax": "TOMLの書式エラー: {parser}",
    "profile_problems": _profile_problems,
    "group_status_count": "手法例は{examples}件です。状態を{examples}つ選んでください（いま{given}つ）",
    "due_month_format": "年月を「2027-01」か「2027年1月」の形で指定してください: {text!r}",
    "due_month_invalid": "年月が正しくありません: {text!r}",
    "import_party_conflict": lambda d: (
        f"--party の指定（{_party(d['party'])}）と、表紙の「回答者の立場」"
        f"（{d['cover']}）が食い違っています。--party は表紙のないブックのための"
        "指定です。--party を外すか、表紙の立場を直してから読み込んでください。"
    ),
    "import_party_unknown": (
        "回答者の立場（API接続先／金融機関）が分かりません。--party で指定してください。"
    ),
    "import_bad_status": "回答詳細の {question} の状態「{status}」が読めません",
    "import_organisation_unknown": "組織名が分かりません。--org で指定してください。",
    "diff_parties_differ": _diff_parties,
}


def _profile_schema(d: Data) -> str:
    kind, value = d["kind"], d["value"]
    if kind == "missing":
        return "必須の項目がありません。書き加えてください"
    if kind == "extra_forbidden":
        known = "、".join(d.get("known") or ())
        hint = f"（使える項目: {known}）" if known else ""
        return f"知らない項目名です。書き間違いではありませんか{hint}"
    if kind.startswith("int_"):
        return f"整数で書いてください（入力値: {value}）"
    if kind.startswith("string_"):
        return f'文字列を "…" で囲んで書いてください（入力値: {value}）'
    if kind == "enum":
        from interview.catalog.party import Party

        parties = "、".join(f"{p.value}（{p.label}）" for p in Party)
        return f"{parties}のいずれかを書いてください（入力値: {value}）"
    if kind in ("tuple_type", "list_type"):
        return f"[[{d['table']}]] の表を並べる形で書いてください"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "表（キー = 値 の組）で書いてください"
    return f"値が正しくありません（{d['reason']}; 入力値: {value}）"


def _listed(labels: Any, most: int | None = None) -> str:
    labels = tuple(labels)
    if most is None or len(labels) <= most:
        return "、".join(labels)
    return "、".join(labels[:most]) + " …"


_FIELDS = {
    "name": "名前",
    "description": "説明",
    "reason": "除外の理由",
    "goal": "セキュリティ対応目標",
    "question": "質問",
    "detail_prompt": "回答の促し",
    "short": "短い名前",
    "hint": "ヒント",
}


def _field(d: Data) -> str:
    what = str(d["what"])
    return _FIELDS.get(what, what)


def _write_failed(d: Data) -> str:
    head = f"{d['path']} に書き込めません（{d['reason']}）。"
    return head + {
        "folder_not_writable": f"フォルダ {d['folder']} に書き込む権限がありません。",
        "open_elsewhere": "ファイルを Excel などで開いていれば閉じてから、もう一度出力してください。",
        "read_only": (
            "ファイルが変更できない設定（読み取り専用・変更不可）になっていないか確かめてください。"
        ),
    }.get(d.get("cause") or "", "")


def _ranges(rows: list[int], most: int = 12) -> str:
    """[3, 4, 5, 9] → "3〜5行目、9行目" (at most *most* pieces)."""
    pieces: list[str] = []
    start = previous = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == previous + 1:
            previous = row
            continue
        pieces.append(f"{start}行目" if start == previous else f"{start}〜{previous}行目")
        if row is not None:
            start = previous = row
    shown = "、".join(pieces[:most])
    return shown + (f" ほか{len(pieces) - most}か所" if len(pieces) > most else "")


def _few(listed: list[str], most: int, unit: str) -> str:
    shown = "、".join(listed[:most])
    return shown + (f" ほか{len(listed) - most}{unit}" if len(listed) > most else "")


# What reading and importing a workbook found ---------------------------------------------
_REPORTS: dict[str, Words] = {
    "read_summary": (
        "「{sheet}」シート（表頭 {header_row}行目）: 内容のある行 {rows:,}行のうち、"
        "項目 {items}行を読み込み、続きの行 {joined}行を上の項目につなげ、{skipped:,}行を"
        "読み飛ばしました。"
    ),
    "read_joined": "  {row}行目: 通番{into}の続きとしてつなげました",
    "read_numbers": lambda d: (
        "  通番の書き方を読み替えました: "
        + "、".join(f"{row}行目「{text}」→{no}" for row, text, no in d["changed"][:12])
        + (f" ほか{len(d['changed']) - 12}行" if len(d["changed"]) > 12 else "")
    ),
    "read_skipped": lambda d: (
        f"  読み飛ばし {_ranges(d['rows'])}（{len(d['rows']):,}行）: {d['reason']}"
    ),
    "read_merged": lambda d: (
        f"  結合セル {d['span']} は複数の項目にまたがっています。"
        f"内容は通番{d['into']}に読み込み、{'、'.join(f'通番{n}' for n in d['empty'])}の欄は"
        "空としました"
    ),
    "read_hidden": lambda d: f"  非表示の行も読み込みました: {_ranges(d['rows'])}",
    "read_formulas": lambda d: (
        f"  数式のセル {len(d['places'])}個は、保存されていた計算結果を読み込みました: "
        + _few([f"「{sheet}」{cell}" for sheet, cell in d["places"]], 12, "個")
    ),
    "read_link": "  「{sheet}」{cell} のリンク先を文章に残しました: {url}",
    "read_column": lambda d: (
        f"  「{d['sheet']}」シートの {d['column']}列 "
        + (f"「{d['label']}」" if d["label"] else "（表頭なし）")
        + f" はフォーマットの列ではないため読み込んでいません（{d['cells']:,}セル）"
    ),
    "read_more_columns": (
        "  ほかに {count:,}列（{first}列〜{last}列、{cells:,}セル）も"
        "フォーマットの列ではないため読み込んでいません"
    ),
    "read_sheets": lambda d: (
        "  読み込んでいないシート: " + "、".join(f"「{s}」" for s in d["sheets"])
    ),
    "row_no_number": "通番が空です（項目の行ではありません）",
    "row_repeated_header": "表頭の繰り返しです",
    "row_no_format_content": "フォーマットの列に内容がありません",
    "import_texts": "回答のある項目 {rows}件のうち {taken}件を取り込みました。",
    "import_theirs": lambda d: (
        f"  {_party(d['party'])}の項目ではないため取り込んでいません（相手方が記入する欄）: "
        + "、".join(f"通番{no}（{_party(whose)}）" for no, whose in d["items"])
    ),
    "import_excluded": lambda d: (
        "  プロファイルで除外した項目のため取り込んでいません: "
        + "、".join(f"通番{n}" for n in d["items"])
    ),
    "import_unknown_items": lambda d: (
        "  チェックリストにない通番のため取り込んでいません: "
        + _few([f"通番{n}" for n in d["items"]], 20, "件")
        + "。独自の項目を残すには、プロファイル（[[add]]、id は「追加1」…）に定義し、"
        "--profile を付けて読み込んでください。"
    ),
    "import_answers": "設問ごとの回答（回答詳細）{count}件を取り込みました。",
    "import_unknown_questions": lambda d: (
        "  チェックリストにない設問IDのため取り込んでいません: " + _few(d["questions"], 20, "件")
    ),
    "diff_summary": lambda d: (
        f"変更あり {d['changed']}件、新規回答 {d['new']}件、未回答 {d['unanswered']}件、"
        + (f"未確認 {d['unreviewed']}件、" if d.get("unreviewed") else "")
        + f"変更なし {d['unchanged']}件（手法例の改善 {d['improved']}件、"
        f"後退 {d['regressed']}件）"
    ),
}

# Exports, notices and offers -----------------------------------------------------------
_NOTICES: dict[str, Words] = {
    "export_unresolved": lambda d: (
        f"「不明・要確認」の回答が{len(d['labels'])}件あります（{_listed(d['labels'], 10)}）。"
        "回答予定の年月を --unresolved-by 2027-01 のように指定すると"
        "「確認中（2027年1月までに回答）」と書きます。"
        "そのまま出力するには --allow-unresolved を付けてください（「確認中」と書きます）。"
    ),
    "export_stale": lambda d: (
        f"{d['mark']}。確定後に回答が変わった項目があります: {_listed(d['labels'])}。"
        "アプリの F9 で文章を確認し直すか、--redraft で最新の回答から作り直して出力してください。"
    ),
    "export_too_tall": lambda d: (
        f"{'、'.join(f'通番{n}' for n in d['items'])} の文章が長く、"
        "Excel の行の高さの上限（409pt）に収まりません。"
        "アプリの F9 で文章を短くするか、--move-detail で収まる分だけを書き、"
        "残りは回答詳細シートに任せて出力してください。"
    ),
    "export_write_failed": _write_failed,
    "sessions_dir_tightened": (
        "お知らせ: セッションの保存先（{path}）を、本人だけが読み書きできる設定"
        "（{old} → 0700）に変更しました。回答には社内のセキュリティ情報が含まれるためです。"
    ),
    "plan_offer": lambda d: (
        "回答にあった計画を下書きしました（"
        + (f"期限「{d['due']}」、" if d.get("due") else "")
        + "内容は回答のとおり）。確かめて送信してください。直してから送ることもできます。"
    ),
    "profile_schema": _profile_schema,
    "stored_profile_source": "（セッションに保存されたプロファイル）",
    "profile_problem": lambda d: (
        (f"{d['line']}行目" if d.get("line") is not None else "")
        + (f"（{d['field']}）" if d.get("field") else "")
        + f": {d['reason']}"
    ),
    "exclude_unknown_item": "通番{item}はチェックリストにありません（{low}〜{high}のいずれかを書いてください）",
    "exclude_twice": "通番{item}はすでに除外しています（{first}番目の[[exclude]]）。1つにまとめてください",
    "exclude_no_reason": "除外の理由を書いてください。理由は相手方に示す記録になります",
    "add_bad_id": "idは「追加1」「追加2」…の形（追加＋半角数字）で書いてください（入力値: {value}）",
    "add_id_twice": "id「{id}」は{first}番目の[[add]]と重複しています",
    "add_unknown_category": "区分{category}はありません（{low}〜{high}のいずれかを書いてください）",
    "add_no_questions": "質問が1つもありません。[[add.questions]] を1つ以上書いてください",
    "question_not_a_question": (
        "質問は「…ですか？」のように「？」で終えるか、「…教えてください。」のように"
        "「ください。」で終えてください"
    ),
    "text_control_chars": lambda d: (
        f"{_field(d)}に制御文字（エスケープシーケンスなど）が含まれています。取り除いてください"
    ),
    "text_one_line": lambda d: f"{_field(d)}は1行で書いてください（改行・タブは使えません）",
    "text_empty": lambda d: f"{_field(d)}を書いてください",
    "text_too_short": lambda d: f"{_field(d)}が短すぎます（{d['low']}文字以上）",
    "text_too_long_field": lambda d: (
        f"{_field(d)}が長すぎます（{d['length']}文字。{d['high']}文字以内にしてください）"
    ),
}

# The engine's CoreError codes (interview.wording.core_message) ----------------------------
_ENGINE: dict[str, Words] = {
    "item_not_for_party": lambda d: (
        f"通番{d.get('item')}は{_party(d.get('party'))}の確認項目ではありません"
    ),
    "question_not_for_respondent": "質問 {question} はこの回答者の質問ではありません",
    "all_answered": "すべての質問に回答済みです",
    "not_a_group": "いまはまとめて答える手法例のグループではありません",
    "question_not_current": "質問 {question} はいまの質問にありません",
    "status_required": "状態（実施済み・一部実施・未実施・該当なし・不明）を選んでください",
    "unknown_checks": lambda d: (
        "チェックリストにない選択肢です: " + ", ".join(map(str, d.get("checks") or ()))
    ),
}

_WORDS: dict[str, Words] = {**_SESSION, **_WORKBOOK, **_FILES, **_REPORTS, **_NOTICES, **_ENGINE}


def word(code: str, data: Data) -> str | None:
    """The sentence for *code* with *data*; None for a code this table does not know."""
    words = _WORDS.get(code)
    if words is None:
        return None
    if isinstance(words, str):
        return words.format_map(data)
    return words(data)


install_wording(word)
