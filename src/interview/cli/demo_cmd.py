"""``interview demo [--party …] --out PATH``: write a complete demo session."""

from __future__ import annotations

import argparse
from pathlib import Path

DEMO_ID = "demo-sample-pay"  # = interview.services.demo.DEMO_ID (kept here for a quick start-up)
BANK_DEMO_ID = "demo-sakura-bank"  # = interview.services.demo.BANK_DEMO_ID


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "demo",
        help="架空のAPI接続先（全38項目）または金融機関（全14項目）の回答済みデモセッションを書き出します",
    )
    parser.add_argument(
        "--party",
        default="api_connector",
        help="api_connector（既定: 株式会社サンプルペイ）か financial_institution（さくら銀行）",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"出力先（既定: セッションの保存先の {DEMO_ID}.toml / {BANK_DEMO_ID}.toml）",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from interview.catalog.party import RESPONDENT_PARTIES, Party
    from interview.errors import UserError
    from interview.services.demo import demo_id, write_demo

    try:
        party = Party.from_label(args.party)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if party not in RESPONDENT_PARTIES:
        raise UserError("--party は api_connector か financial_institution です")
    name = demo_id(party)
    out = args.out if args.out is not None else Path(args.sessions_dir) / f"{name}.toml"
    written = write_demo(out, party)
    print(f"デモセッションを書き出しました: {written}")
    print(f"  interview export {written} -o demo.xlsx で Excel にできます。")
    return 0
