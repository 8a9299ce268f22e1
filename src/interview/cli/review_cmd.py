"""``interview review``: the bank's review of its connectors' checklists.

Subcommands: new, add, verdict, status, export (see docs/review.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interview.errors import UserError

RESULT_LABELS = ("確認済み", "要追加説明", "要改善", "対象外を確認")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = sub.add_parser(
        "review", help="金融機関として、接続先から届いたチェックリストを確認します"
    )
    cmds = review.add_subparsers(dest="review_command", metavar="SUBCOMMAND")
    review.set_defaults(handler=lambda args: _usage(review))

    new = cmds.add_parser("new", help="レビュー（金融機関ごとの確認作業）を作成します")
    new.add_argument("--bank", required=True, help="金融機関名")
    new.add_argument("--id", default="", help="レビューID（既定: 金融機関名と日付から）")
    new.set_defaults(handler=run_new)

    add = cmds.add_parser("add", help="接続先のブック（.xlsx）をレビューに追加します")
    add.add_argument("review", metavar="REVIEW", help="レビューID")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE.xlsx")
    add.add_argument("--org", default="", help="接続先の組織名（表紙がないブック用）")
    add.set_defaults(handler=run_add)

    verdict = cmds.add_parser("verdict", help="項目に確認結果を付けます")
    verdict.add_argument("review", metavar="REVIEW")
    verdict.add_argument("--org", required=True, help="接続先の組織名")
    verdict.add_argument("--item", required=True, help="通番")
    verdict.add_argument("--result", required=True, choices=RESULT_LABELS, help="確認結果")
    verdict.add_argument("--comment", default=None, help="金融機関コメント（\\n で改行）")
    verdict.set_defaults(handler=run_verdict)

    status = cmds.add_parser("status", help="接続先ごとの確認状況を表示します")
    status.add_argument("review", metavar="REVIEW")
    status.add_argument("--json", action="store_true", help="JSON で出力します")
    status.set_defaults(handler=run_status)

    walk = cmds.add_parser(
        "open", help="アプリでレビューを開きます（接続先の一覧 → 項目ごとに確認結果）"
    )
    walk.add_argument("review", metavar="REVIEW")
    walk.set_defaults(handler=run_open)

    export = cmds.add_parser("export", help="フィードバック用・一覧用のブックを出力します")
    export.add_argument("review", metavar="REVIEW")
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--feedback", metavar="ORG", help="接続先に返すブック（確認結果つき）")
    what.add_argument("--portfolio", action="store_true", help="全接続先の一覧")
    what.add_argument(
        "--bank-session",
        metavar="SESSION",
        help="金融機関のセッションと合わせた44項目のチェックリスト（--org で接続先を指定）",
    )
    export.add_argument("--org", default="", help="--bank-session で合わせる接続先")
    export.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    export.add_argument("--force", action="store_true", help="既にあるファイルを上書きします")
    export.set_defaults(handler=run_export)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _store(args: argparse.Namespace):
    from interview.services.review.store import ReviewStore

    return ReviewStore(args.sessions_dir)


def run_new(args: argparse.Namespace) -> int:
    from datetime import date

    from interview.services.review.models import Review
    from interview.session.ids import default_id, unique_id, validate_id

    bank = " ".join(args.bank.split())
    if not bank:
        raise UserError("金融機関名が空です。--bank で指定してください。")
    store = _store(args)
    if args.id:
        try:
            review_id = validate_id(args.id)
        except UserError as exc:  # the same rules as a session ID, named for a review
            raise UserError(str(exc).replace("セッションID", "レビューID", 1)) from None
    else:
        review_id = unique_id("review-" + default_id(bank, date.today()), store.exists)
    path = store.create(Review(id=review_id, bank=bank))
    print(f"レビュー {review_id} を作成しました: {path}")
    print(f"  interview review add {review_id} 接続先.xlsx … で接続先のブックを追加します。")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from interview.services.review.submissions import add_submission
    from interview.textsafe import printable

    failed = 0
    store = _store(args)
    with store.edit(args.review) as review:
        for path in args.files:
            try:
                added = add_submission(review, path, args.org, store.archive_dir(review))
            except UserError as exc:
                failed += 1
                print(f"エラー: {path.name}: {printable(str(exc))}", file=sys.stderr)
                continue
            line = f"追加しました: {path.name} → {added.organisation} 第{added.round}回（{added.items}項目）"
            print(printable(line))
            if added.round > 1:
                changed = "、".join(f"通番{n}" for n in added.changed) or "なし"
                print(f"  再提出で変更: {changed}（確認結果を引き継いだ項目 {added.kept}件）")
            for note in added.notes:
                print("  " + printable(note))
    if failed:
        print(f"{failed}件のファイルを追加できませんでした。", file=sys.stderr)
        return 1
    return 0


def run_verdict(args: argparse.Namespace) -> int:
    from interview.services.checklist import plain_checklist
    from interview.services.review.actions import find_connector, parse_item, set_verdict
    from interview.services.review.verdicts import Verdict

    catalog = plain_checklist().catalog
    item = parse_item(args.item, catalog)
    verdict = Verdict.from_label(args.result)
    comment = args.comment.replace("\\n", "\n") if args.comment is not None else None
    with _store(args).edit(args.review) as review:
        entry = set_verdict(review, catalog, args.org, item, verdict, comment)
        org = find_connector(review, args.org).organisation
    print(f"{org} の通番{item}: {verdict.label}" + ("（コメントあり）" if entry.comment else ""))
    return 0


def run_status(args: argparse.Namespace) -> int:
    from interview.services.checklist import plain_checklist
    from interview.services.review.status import review_status

    review = _store(args).load(args.review)
    status = review_status(review, plain_checklist().catalog)
    if args.json:
        print(status.model_dump_json(indent=2))
        return 0
    print(f"レビュー {status.review}（{status.bank}）: 接続先 {len(status.connectors)}件")
    if not status.connectors:
        print("  接続先のブックはまだありません。interview review add で追加してください。")
    for c in status.connectors:
        print(
            f"  {c.organisation}  第{c.round}回  全{c.items_total}項目  未確認 {c.unreviewed}"
            f"  確認済み {c.confirmed}  要追加説明 {c.needs_explanation}"
            f"  要改善 {c.needs_improvement}  対象外を確認 {c.not_applicable_confirmed}"
            + (f"  再提出で変更 {c.changed}" if c.changed else "")
        )
    return 0


def run_open(args: argparse.Namespace) -> int:
    import interview.tui  # noqa: F401  (sets TEXTUAL_DISABLE_KITTY_KEY before textual loads)
    from interview.tui.review_app import ReviewApp

    ReviewApp(args.sessions_dir, args.review).run()
    return 0


def run_export(args: argparse.Namespace) -> int:
    from interview.services.review import export as review_export

    store = _store(args)
    review = store.load(args.review)
    archive = store.archive_dir(review)
    if args.feedback:
        written = review_export.export_feedback(
            review, args.feedback, args.output, args.force, archive
        )
    elif args.portfolio:
        written = review_export.export_portfolio(review, args.output, args.force)
    else:
        from interview.cli.workbook_cmd import load_session
        from interview.session.store import SessionStore

        if not args.org:
            raise UserError("--bank-session には --org で接続先を指定してください。")
        bank = load_session(SessionStore(args.sessions_dir), args.bank_session)
        written = review_export.export_merged(
            review, args.org, bank, args.output, args.force, archive
        )
    print(f"出力しました: {written}")
    return 0
