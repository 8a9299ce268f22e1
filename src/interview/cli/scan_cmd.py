"""``interview scan SESSION [--mask] [--json]``: look for secrets before the workbook leaves.

Every free text of the session is scanned with :func:`interview.secrets.find_secrets`:
answers (回答・担当・期限), suggested answers, follow-up notes and the item texts (本文 and
下書き). ``--mask`` replaces what was found with 「［マスク済み: …］」 and saves the session.

A session given as a ``.toml`` path is saved through a store on its folder (locked, with a
``.bak`` backup, written atomically), so the file name must be a valid session id.

Exit status: 0 when nothing is found (or everything was masked), 3 when secrets remain.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from interview.textsafety import json_safe

if TYPE_CHECKING:
    from interview.services.scan import Finding

FOUND_EXIT = 3


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "scan",
        help="回答にパスワード・APIキー・カード番号などが含まれていないか調べます",
        description=(
            "回答と項目の文章から、パスワード・APIキー・トークン・秘密鍵・カード番号らしき"
            "記述を探します。見つからなければ終了コード0、見つかれば3（--mask で伏せ字に"
            "した場合は0）です。"
        ),
    )
    parser.add_argument(
        "session", metavar="SESSION", help="セッションID、またはセッションファイル（.toml）"
    )
    parser.add_argument(
        "--mask",
        action="store_true",
        help="見つかった箇所を「［マスク済み: …］」に置き換えて保存します",
    )
    parser.add_argument("--json", action="store_true", help="JSONで出力します")
    parser.set_defaults(handler=run)


# --- the command ---------------------------------------------------------------------------


def _print_text(session_id: str, findings: list[Finding], masked: bool) -> None:
    from interview.textsafe import printable

    name = printable(session_id)
    if not findings:
        print(f"セッション「{name}」に秘密情報らしき記述は見つかりませんでした。")
        return
    print(f"セッション「{name}」で秘密情報らしき記述が {len(findings)}件 見つかりました。")
    for f in findings:
        print(f"  {printable(f.where)}: {f.label}  {printable(f.preview)}")
    if masked:
        print("見つかった箇所を「［マスク済み: …］」に置き換えて保存しました。")
    else:
        print(
            "ブックを相手先に渡す前に、該当箇所を修正するか、"
            f"interview scan {name} --mask で伏せ字にしてください。"
        )


def run(args: argparse.Namespace) -> int:
    from interview.cli.scan_json import FindingOut, ScanReport
    from interview.services.scan import scan

    result = scan(Path(args.sessions_dir), args.session, mask=args.mask)
    session, findings, masked = result.session, result.findings, result.masked
    backup_note = result.backup_note
    # The status is decided before printing: a closed pipe (``| head -1``) must not hide it.
    args.exit_status = FOUND_EXIT if findings and not args.mask else 0
    if args.json:
        rows = [FindingOut(**asdict(f)) for f in findings]
        report = ScanReport(session=session.id, masked=masked, findings=rows)
        text = json.dumps(report.model_dump(), ensure_ascii=False, indent=2)
        print(json_safe(text))
    else:
        _print_text(session.id, findings, masked)
        if backup_note:
            print(backup_note)
    return int(args.exit_status)
