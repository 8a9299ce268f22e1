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
        "-o", "--output", type=Path, required=True, help="出力するファイル（.xlsx）"
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
    imp.set_defaults(handler=run_import)


def load_session(store: SessionStore, reference: str) -> Session:
    """Kept for callers of the old name: see :func:`interview.services.sessions.load_reference`."""
    from interview.services.sessions import load_reference

    return load_reference(store, reference)


def run_export(args: argparse.Namespace) -> int:
    from interview.services.workbooks import export_reference
    from interview.session.store import SessionStore

    written = export_reference(SessionStore(args.sessions_dir), args.session, args.output)
    print(f"出力しました: {written}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from interview.services.workbooks import import_workbook
    from interview.session.store import SessionStore

    party = None
    if args.party:
        try:
            party = Party.from_label(args.party)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    session = import_workbook(
        SessionStore(args.sessions_dir),
        args.workbook,
        session_id=args.output,
        party=party,
        organisation=args.org,
    )
    answered = sum(1 for a in session.answers.values() if not a.skipped)
    print(
        f"セッション {session.id} を作成しました（項目の文章 {len(session.texts)}件、回答 {answered}件）"
    )
    return 0
