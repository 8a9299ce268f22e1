"""``interview diff A B [--xlsx OUT [--force]] [--json] [--all]``: what changed since last time."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from interview.textsafe import printable
from interview.textsafety import json_safe

if TYPE_CHECKING:
    from interview.compile.diff import SessionDiff


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    parser.add_argument(
        "--force", action="store_true", help="--xlsx の出力先に既にあるファイルを上書きします"
    )
    parser.add_argument("--json", action="store_true", help="JSONで出力します")
    parser.add_argument(
        "--all", action="store_true", help="変更のない項目も含めます（既定: 変わった項目のみ）"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from interview.diff_text import report_text
    from interview.services.diffs import compare, write_diff_xlsx
    from interview.session.store import SessionStore

    diff, newer = compare(SessionStore(args.sessions_dir), args.before, args.after)
    written = None
    if args.xlsx is not None:
        written = write_diff_xlsx(diff, args.xlsx, args.all, newer.updated_at, args.force)
    if args.json:
        print(json_text(diff, args.all))
    else:
        print(report_text(diff, args.all))
        if written is not None:
            print(f"出力しました: {printable(str(written))}")
    return 0


def json_text(diff: SessionDiff, include_all: bool = False) -> str:
    """JSON safe for a terminal: characters a terminal could act on are \\u-escaped."""
    from interview.cli.diff_json import diff_document

    data = diff_document(diff, include_all).model_dump(mode="json")
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return json_safe(text)
