"""``interview diff A B [--xlsx OUT] [--json] [--all]``: what changed since last time."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interview.textsafe import printable
from interview.textsafety import json_safe

if TYPE_CHECKING:
    from interview.compile.diff import SessionDiff

SubParsers = argparse._SubParsersAction  # type: ignore[type-arg]


def register(sub: SubParsers) -> None:
    parser = sub.add_parser(
        "diff", help="2つのセッション（前回と今回）の回答を比べ、変わった項目を表示します"
    )
    parser.add_argument(
        "before", metavar="A", help="前回のセッションID、またはセッションファイル（.toml）"
    )
    parser.add_argument(
        "after", metavar="B", help="今回のセッションID、またはセッションファイル（.toml）"
    )
    parser.add_argument(
        "--xlsx",
        type=Path,
        metavar="OUT",
        help="変更点をExcelブック（「変更点」シート）に出力します",
    )
    parser.add_argument("--json", action="store_true", help="JSONで出力します")
    parser.add_argument(
        "--all", action="store_true", help="変更のない項目も含めます（既定: 変わった項目のみ）"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from interview.cli.workbook_cmd import load_session
    from interview.compile.diff import diff_sessions
    from interview.compile.diff_report import report_text
    from interview.session.store import SessionStore
    from interview.session.tailoring import session_checklist

    store = SessionStore(args.sessions_dir)
    older = load_session(store, args.before)
    newer = load_session(store, args.after)
    catalog, questions = session_checklist(newer)
    older_catalog, older_questions = session_checklist(older)
    diff = diff_sessions(
        older,
        newer,
        catalog,
        questions,
        older_catalog=older_catalog,
        older_questions=older_questions,
    )
    written = None
    if args.xlsx is not None:
        written = _write_xlsx(diff, args.xlsx, args.all, newer.updated_at)
    if args.json:
        print(json_text(diff, args.all))
    else:
        print(report_text(diff, args.all))
        if written is not None:
            print(f"出力しました: {printable(str(written))}")
    return 0


def _write_xlsx(diff: SessionDiff, path: Path, include_all: bool, updated: datetime) -> Path:
    from interview.workbook.diff_sheet import write_diff_workbook

    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    stamp = updated.astimezone().replace(tzinfo=None, microsecond=0)
    write_diff_workbook(diff, path, include_all, stamp if stamp.year >= 1980 else None)
    return path


def json_text(diff: SessionDiff, include_all: bool = False) -> str:
    """JSON safe for a terminal: characters a terminal could act on are \\u-escaped."""
    from interview.cli.diff_json import diff_document

    data = diff_document(diff, include_all).model_dump(mode="json")
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return json_safe(text)
