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


def run_export(args: argparse.Namespace) -> int:
    from interview.services.workbooks import export_reference
    from interview.session.store import SessionStore

    written = export_reference(
        SessionStore(args.sessions_dir), args.session, args.output, overwrite=args.force
    )
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
