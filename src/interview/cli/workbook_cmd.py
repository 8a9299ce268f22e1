"""``interview export`` and ``interview import``: the official フォーマット workbook."""

from __future__ import annotations

import argparse
from datetime import date
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
    imp.add_argument(
        "--into",
        metavar="SESSION",
        help="金融機関から返されたブックの確認依頼だけを、既にあるセッションに取り込みます",
    )
    imp.set_defaults(handler=run_import)


def load_session(store: SessionStore, reference: str) -> Session:
    from interview.session.ids import validate_id
    from interview.session.toml_format import load_bytes

    path = Path(reference)
    if path.suffix == ".toml" or path.is_file():
        if not path.is_file():
            raise UserError(f"セッションファイルが見つかりません: {path}")
        return load_bytes(path.read_bytes(), path)
    return store.load(validate_id(reference))


def run_export(args: argparse.Namespace) -> int:
    from interview.compile.export import export_session
    from interview.session.store import SessionStore

    store = SessionStore(args.sessions_dir)
    session = load_session(store, args.session)
    written = export_session(session, args.output, overwrite=args.force)
    print(f"出力しました: {written}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from interview.compile.import_workbook import session_from_workbook
    from interview.session.ids import default_id, unique_id, validate_id
    from interview.session.store import SessionStore
    from interview.session.tailoring import profile_checklist
    from interview.textsafe import printable
    from interview.workbook.reader import read_workbook_report

    if getattr(args, "into", None):
        return _import_requests(args)
    profile_text = profile_name = ""
    if args.profile is not None:
        from interview.profile.loader import load_profile

        # Clear messages naming the file, line and field.
        profile_name = load_profile(args.profile).name
        profile_text = args.profile.read_text(encoding="utf-8")
    catalog, questions = profile_checklist(profile_text)
    party = None
    if args.party:
        try:
            party = Party.from_label(args.party)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    result = read_workbook_report(args.workbook)
    data = result.data
    store = SessionStore(args.sessions_dir)
    organisation = args.org or (data.cover.organisation if data.cover else "") or "取込"
    if args.output:
        session_id = validate_id(args.output)
        if store.exists(session_id):
            raise UserError(
                f"セッション {session_id} は既にあります。別のIDを -o で指定してください。"
            )
    else:
        session_id = unique_id(default_id(organisation, date.today()), store.exists)
    notes: list[str] = []
    session = session_from_workbook(
        data, session_id, catalog, questions, party, args.org, notes, args.workbook.name
    )
    if profile_text:
        session.profile_name, session.profile_text = profile_name, profile_text
    from interview.review.feedback_read import read_requests, request_lines

    session.review_requests = read_requests(args.workbook)  # a bank's feedback workbook
    store.save(session)
    answered = sum(1 for a in session.answers.values() if not a.skipped)
    print(
        f"セッション {session_id} を作成しました（項目の文章 {len(session.texts)}件、回答 {answered}件）"
    )
    for line in [*result.report.lines(), *notes]:
        print(printable(line))
    if session.review_requests:
        print(
            f"金融機関からの確認依頼 {len(session.review_requests)}件（次回の回答で対応してください）:"
        )
        for line in request_lines(session.review_requests):
            print(printable(line))
    return 0


def _import_requests(args: argparse.Namespace) -> int:
    """``import FEEDBACK.xlsx --into SESSION``: the bank's requests, answers untouched."""
    from interview.review.feedback_read import read_requests, request_lines
    from interview.session.ids import validate_id
    from interview.session.store import SessionStore
    from interview.textsafe import printable
    from interview.workbook.reader import read_workbook_report

    read_workbook_report(args.workbook)  # the same checks as any import (broken, too large…)
    requests = read_requests(args.workbook)
    if not requests:
        raise UserError(
            f"{args.workbook} には金融機関からの確認依頼（「確認依頼」シート）がありません。"
        )
    store = SessionStore(args.sessions_dir)
    with store.open(validate_id(args.into)) as handle:
        handle.session.review_requests = requests
        handle.save()
    print(f"セッション {args.into} に金融機関からの確認依頼 {len(requests)}件を取り込みました:")
    for line in request_lines(requests):
        print(printable(line))
    return 0
