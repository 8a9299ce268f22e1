"""``interview search QUERY``: find the checklist items a question is about."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from interview.catalog.party import Party
from interview.cli.options import add_limit
from interview.errors import UserError
from interview.textsafe import printable

if TYPE_CHECKING:
    from interview.catalog import Catalog
    from interview.search import ItemHit

MAX_LIMIT = 44
_INDENT = "    "


def _party(text: str) -> Party:
    try:
        return Party.from_label(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "api_connector（API接続先）、financial_institution（金融機関）"
            "または common（共通）を指定してください"
        ) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "search",
        help="確認項目を検索します（言い換えや質問文でも可）",
        description=(
            "チェックリストの確認項目を、意味の近い順に表示します。"
            "例: interview search スタッフへの研修 / interview search バックアップはどこで聞かれますか"
        ),
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="検索する語や文（複数語も可）")
    parser.add_argument(
        "--party",
        type=_party,
        metavar="P",
        help="対象者で絞り込みます（api_connector / financial_institution、"
        "その対象者の項目と共通項目）",
    )
    parser.add_argument("--json", action="store_true", help="JSONで出力します")
    add_limit(parser, MAX_LIMIT)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    if not query.strip():
        raise UserError("検索する語を指定してください（例: interview search スタッフへの研修）")
    from interview.services.checklist import plain_checklist

    checklist = plain_checklist()
    catalog = checklist.catalog
    party = args.party
    hits = checklist.item_index.search(query, args.limit, party)
    if args.json:
        print(json.dumps([_result(hit) for hit in hits], ensure_ascii=False, indent=2))
        return 0
    print(_listing(query, hits, catalog, party))
    return 0


def _result(hit: ItemHit) -> dict[str, object]:
    from interview.cli.search_json import SearchResult

    row = SearchResult(
        item=hit.item, score=hit.score, field=hit.field, ref=hit.ref, snippet=hit.snippet
    )
    return row.model_dump()


def _listing(query: str, hits: list[ItemHit], catalog: Catalog, party: Party | None) -> str:
    shown = printable(" ".join(query.split()))
    if len(shown) > 40:
        shown = shown[:40] + "…"
    if not hits:
        from interview.search import suggest_checklist

        lines = [f"「{shown}」に一致する確認項目は見つかりませんでした。"]
        maybe = suggest_checklist(query, limit=3, party=party, catalog=catalog)
        if maybe:
            lines.append("もしかして:")
            lines.extend(f"  {no:>2}. {printable(catalog.item(no).goal)}" for no in maybe)
        else:
            lines.append("別の言い方でも探せます（例: 研修、入退室、パッチ、バックアップ）。")
        return "\n".join(lines)
    lines = [f"「{shown}」の検索結果（{len(hits)}件、近い順）", ""]
    for rank, hit in enumerate(hits, 1):
        item = catalog.item(hit.item)
        where = hit.field_label + (f" {hit.ref}" if hit.ref else "")
        lines.append(f"{rank}. 通番{item.no} [{item.party.label}] {printable(item.goal)}")
        lines.append(f"{_INDENT}{where}: {printable(hit.snippet)}")
    return "\n".join(lines)
