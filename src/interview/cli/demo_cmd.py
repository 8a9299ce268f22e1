"""``interview demo --out PATH``: write the complete demo session."""

from __future__ import annotations

import argparse
from pathlib import Path

DEMO_ID = "demo-sample-pay"  # = interview.services.demo.DEMO_ID (kept here for a quick start-up)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "demo", help="架空のAPI接続先（全38項目回答済み）のデモセッションを書き出します"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"出力先（既定: セッションの保存先の {DEMO_ID}.toml）",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from interview.services.demo import write_demo

    out = args.out if args.out is not None else Path(args.sessions_dir) / f"{DEMO_ID}.toml"
    written = write_demo(out)
    print(f"デモセッションを書き出しました: {written}")
    print(f"  interview export {written} -o demo.xlsx で Excel にできます。")
    return 0
