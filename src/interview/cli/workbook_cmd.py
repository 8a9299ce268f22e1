"""``interview export`` and ``interview import``: the official フォーマット workbook."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from interview.catalog.party import Party
from interview.errors import UserError

if TYPE_CHECKING:
    from interview.session.models import Session
    from interview.session.store import SessionStore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="回答を公式フォーマットのExcelブックに出力します")
    export.add_argument(
        "session", metavar="SESSION", help="セッションID、またはセッションファイル（.toml）"
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.xlsx|DIR/",
        help="出力するファイル（.xlsx）。フォルダを指定するとその中に「セッションID.xlsx」を作ります",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="既にあるファイルを上書きします（Excel などで開かれているファイルは上書きしません）",
    )
    export.add_argument(
        "--unresolved-by",
        metavar="YYYY-MM",
        help="「不明・要確認」の回答を「確認中（YYYY年M月までに回答）」として出力します",
    )
    export.add_argument(
        "--allow-unresolved",
        action="store_true",
        help="「不明・要確認」の回答が残っていても出力します（「確認中」と書きます）",
    )
    export.add_argument(
        "--redraft",
        action="store_true",
        help="確定後に回答が変わった項目の文章を、最新の回答から作り直して出力します",
    )
    export.add_argument(
        "--move-detail",
        action="store_true",
        help="409pt に収まらない行は、収まる分だけを書き、残りは回答詳細シートに任せます",
    )
    export.add_argument(
        "--paper",
        choices=("A4", "A3"),
        default="A4",
        help="印刷の用紙（既定: A4 横。A3 は等倍で印刷されます）",
    )
    export.set_defaults(handler=run_export)

    imp = sub.add_parser("import", help="フォーマットのExcelブックを読み込んでセッションを作ります")
    imp.add_argument("workbook", type=Path, metavar="FILE.xlsx")
    imp.add_argument(
        "-o", "--output", metavar="SESSION", help="作成するセッションID（既定: 組織名と日付）"
    )
    imp.add_argument(
        "--party", help="回答者の立場（表紙がない場合）: api_connector か financial_institution"
    )
    imp.add_argument("--org", default="", help="組織名（表紙がない場合）")
    imp.add_argument(
        "--profile",
        type=Path,
        metavar="PROFILE.toml",
        help="項目の除外・追加を定めたプロファイル（独自の「追加」項目も読み込みます）",
    )
    imp.set_defaults(handler=run_import)


def load_session(store: SessionStore, reference: str) -> Session:
    """Kept for callers of the old name: see :func:`interview.services.sessions.load_reference`."""
    from interview.services.sessions import load_reference

    return load_reference(store, reference)


def _ask_month(found: int) -> str:
    """Ask on a terminal for the month unresolved answers will be answered by ('' = no)."""
    import sys

    from interview.compile.dates import parse_due_month

    if not sys.stdin.isatty():
        return ""
    while True:
        try:
            reply = input(
                f"「不明・要確認」の回答が{found}件あります。回答予定の年月（例: 2027-01、"
                "空欄で中止）: "
            ).strip()
        except EOFError:
            return ""
        if not reply:
            return ""
        try:
            return parse_due_month(reply)
        except ValueError as exc:
            print(exc)


def run_export(args: argparse.Namespace) -> int:
    import sys

    from interview.compile.dates import parse_due_month
    from interview.compile.export import ExportOptions, check_export
    from interview.services.sessions import load_reference
    from interview.services.workbooks import export_reference
    from interview.session.store import SessionStore

    store = SessionStore(args.sessions_dir)
    session = load_reference(store, args.session)
    due = ""
    if args.unresolved_by:
        try:
            due = parse_due_month(args.unresolved_by)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    check = check_export(session)
    if check.unresolved:
        print("「不明・要確認」の回答（回答予定の年月が未定）:", file=sys.stderr)
        for found in check.unresolved:
            print(f"  ・{found.label}", file=sys.stderr)
        if not due and not args.allow_unresolved:
            due = _ask_month(len(check.unresolved))
    options = ExportOptions(
        unresolved_due=due,
        allow_unresolved=args.allow_unresolved,
        redraft=args.redraft,
        paper=args.paper,
        move_detail=args.move_detail,
    )
    written = export_reference(
        store, args.session, args.output, overwrite=args.force, options=options
    )
    if check.stale and args.redraft:
        print("文章を作り直した項目: " + "、".join(s.label for s in check.stale), file=sys.stderr)
    print(f"出力しました: {written}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from interview.services.workbooks import import_workbook
    from interview.session.store import SessionStore
    from interview.textsafe import printable

    party = None
    if args.party:
        try:
            party = Party.from_label(args.party)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    imported = import_workbook(
        SessionStore(args.sessions_dir),
        args.workbook,
        session_id=args.output,
        party=party,
        organisation=args.org,
        profile=args.profile,
    )
    session = imported.session
    answered = sum(1 for a in session.answers.values() if not a.skipped)
    print(
        f"セッション {session.id} を作成しました（項目の文章 {len(session.texts)}件、回答 {answered}件）"
    )
    for line in [*imported.report, *imported.notes]:
        print(printable(line))
    return 0
