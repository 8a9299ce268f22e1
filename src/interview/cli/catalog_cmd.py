"""``interview catalog``: list the checklist (human or JSON)."""

from __future__ import annotations

import argparse
import json

from interview.catalog.party import Party


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("catalog", help="チェックリストの確認項目を一覧表示します")
    parser.add_argument(
        "--party",
        choices=[Party.API_CONNECTOR.value, Party.FINANCIAL_INSTITUTION.value],
        help="対象者で絞り込みます（その対象者の項目と共通項目）",
    )
    parser.add_argument("--json", action="store_true", help="JSONで出力します")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from interview.catalog.serialize import catalog_to_dict
    from interview.services.checklist import shipped_catalog

    catalog = shipped_catalog()
    party = Party(args.party) if args.party else None
    if args.json:
        print(json.dumps(catalog_to_dict(catalog, party), ensure_ascii=False, indent=2))
        return 0
    items = catalog.items_for(party)
    print(f"{catalog.edition.title} {catalog.edition.label}")
    for category in catalog.categories:
        shown = [i for i in items if i.category == category.no]
        if not shown:
            continue
        print(f"\n■ 区分{category.no} {category.name}（通番{category.first}〜{category.last}）")
        for item in shown:
            print(f"  {item.no:>2}. [{item.party.label}] {item.goal}")
    print(f"\n計 {len(items)} 項目")
    return 0
