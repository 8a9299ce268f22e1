"""``interview new``, ``interview sessions``, ``interview show ID``, ``interview restore ID``."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from interview.catalog.party import RESPONDENT_PARTIES, Party
from interview.textsafety import json_safe, printable

if TYPE_CHECKING:
    from interview.session.models import Session
    from interview.session.store import SessionStore
    from interview.session.summary import SessionSummary


def _party(text: str) -> Party:
    try:
        party = Party.from_label(text)
    except ValueError:
        party = None
    if party not in RESPONDENT_PARTIES:
        raise argparse.ArgumentTypeError(
            "api_connector（API接続先）か financial_institution（金融機関）を指定してください"
        )
    assert party is not None
    return party


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = sub.add_parser("new", help="新しいセッションを作成します")
    new.add_argument("--org", metavar="NAME", help="組織名（--from のとき以外は必須）")
    new.add_argument(
        "--party",
        type=_party,
        metavar="P",
        help="回答する立場: api_connector（API接続先）または financial_institution（金融機関）",
    )
    new.add_argument("--respondent", default="", metavar="NAME", help="回答者の氏名")
    new.add_argument("--role", default="", help="回答者の役職・部署")
    new.add_argument(
        "--counterpart",
        action="append",
        default=[],
        metavar="NAME",
        help="相手方の金融機関・API接続先（複数回指定できます）",
    )
    new.add_argument("--interviewer", default="", metavar="NAME", help="面談を進める方")
    new.add_argument(
        "--certification",
        action="append",
        default=[],
        metavar="NAME",
        help=(
            "取得している第三者認証・報告書。「名称|対象範囲|取得日|認証機関=…|登録番号=…"
            "|有効期限=…|適用宣言書=…」（SOC2は「Type=…|対象期間=…|例外事項=…」）とも書けます"
            "（複数回指定可）"
        ),
    )
    new.add_argument(
        "--id", dest="session_id", default=None, help="セッションID（既定: 組織名と日付）"
    )
    new.add_argument(
        "--from",
        dest="from_session",
        metavar="PREVIOUS",
        help="年次確認: 前回のセッション（IDまたは.toml）の回答を「要再確認」として引き継ぎます",
    )
    new.add_argument(
        "--reuse",
        metavar="OTHER",
        help="同じ組織・立場の別セッションの回答を、確認用の提案として取り込みます",
    )
    new.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="項目の除外・追加を定めたプロファイル（TOML）で始めます",
    )
    new.set_defaults(handler=run_new)

    sessions = sub.add_parser("sessions", help="保存したセッションを一覧表示します")
    sessions.add_argument("--json", action="store_true", help="JSONで出力します")
    sessions.set_defaults(handler=run_sessions)

    show = sub.add_parser("show", help="セッションの内容を要約して表示します")
    show.add_argument("session_id", metavar="ID", help="セッションID（interview sessions で確認）")
    show.add_argument(
        "--backup", action="store_true", help="直前のバックアップ（.bak）を表示します"
    )
    show.set_defaults(handler=run_show)

    restore = sub.add_parser("restore", help="セッションを直前のバックアップから復元します")
    restore.add_argument("session_id", metavar="ID", help="セッションID")
    restore.set_defaults(handler=run_restore)

    unlock = sub.add_parser(
        "unlock", help="落ちたアプリが残したセッションのロックを、確認のうえ解除します"
    )
    unlock.add_argument("session_id", metavar="ID", help="セッションID")
    unlock.add_argument("--yes", action="store_true", help="確認せずに解除します（スクリプト用）")
    unlock.set_defaults(handler=run_unlock)


def _store(args: argparse.Namespace) -> SessionStore:
    from interview.session.store import SessionStore

    return SessionStore(Path(args.sessions_dir))


# --- new -----------------------------------------------------------------------------------


def run_new(args: argparse.Namespace) -> int:
    from interview.errors import UserError
    from interview.services.sessions import (
        NewSession,
        create_session,
        make_respondent,
        start_yearly,
    )

    store = _store(args)
    if args.from_session:
        if args.reuse:
            raise UserError("--from と --reuse は同時に指定できません。")
        created = start_yearly(
            store, args.from_session, session_id=args.session_id, profile=args.profile
        )
        session, previous = created.session, created.previous
        assert previous is not None
        _profile_note(session)
        print(
            f"前回（{printable(previous.id)}）の回答を確認する年次確認セッションを作成しました: {printable(session.id)}"
        )
        print(f"  確認待ちの回答: {len(session.suggestions)}件（すべての項目が「要再確認」です）")
        print(f"回答を始めるには: interview resume {printable(session.id)}")
        return 0
    if not args.org or args.party is None:
        raise UserError("--org と --party を指定してください（前回から始めるときは --from）。")
    request = NewSession(
        respondent=make_respondent(
            args.org,
            args.party,
            name=args.respondent,
            role=args.role,
            counterparts=args.counterpart,
            interviewer=args.interviewer,
        ),
        certifications=args.certification,
        session_id=args.session_id,
        reuse=args.reuse or "",
        profile=args.profile,
    )
    created = create_session(store, request)
    session = created.session
    if created.reused_from is not None:
        print(
            f"{printable(created.reused_from.id)} の回答 {len(session.suggestions)}件を提案として用意しました（確認するまで回答にはなりません）。"
        )
    _profile_note(session)
    print(f"セッションを作成しました: {printable(session.id)}")
    print(f"保存先: {printable(str(store.path_for(session.id)))}")
    print(f"回答を始めるには: interview resume {printable(session.id)}")
    return 0


def _profile_note(session: Session) -> None:
    if session.profile_name:
        print(f"プロファイル「{printable(session.profile_name)}」を適用しました。")


# --- sessions ------------------------------------------------------------------------------


def _summary_json(s: SessionSummary) -> dict[str, object]:
    return {
        "id": s.id,
        "organisation": s.organisation,
        "party": s.party.value,
        "party_label": s.party_label,
        "progress": round(s.progress, 1),
        "updated_at": s.updated_at.isoformat(),
        "unknown": s.unknown,
        "follow_ups": s.follow_ups,
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _clip(text: str, width: int) -> str:
    out = ""
    for char in text:
        if _width(out + char) > width - 1:
            return out + "…"
        out += char
    return out


def run_sessions(args: argparse.Namespace) -> int:
    from interview.services.sessions import list_sessions

    store = _store(args)
    summaries, problems = list_sessions(store)
    for problem in problems:
        print(f"警告: {printable(problem)}", file=sys.stderr)
    if args.json:
        text = json.dumps([_summary_json(s) for s in summaries], ensure_ascii=False, indent=2)
        print(json_safe(text))
        return 0
    if not summaries:
        print(f"保存されたセッションはありません（{printable(str(store.directory))}）。")
        print("interview new --org 組織名 --party api_connector で作成できます。")
        return 0
    rows = [
        (
            printable(s.id),
            _clip(printable(s.organisation), 30),
            s.party_label,
            f"{s.progress:.0f}%",
            s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            str(s.unknown) if s.unknown else "-",
            str(s.follow_ups) if s.follow_ups else "-",
        )
        for s in summaries
    ]
    # 要確認, named apart: 不明 answers and フォロー marks (F6)
    header = ("ID", "組織", "対象者", "進捗", "更新日時", "不明", "フォロー")
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True))
        for row in [header, *rows]
    ]
    print("\n".join(line.rstrip() for line in lines))
    print(f"\n計 {len(summaries)} 件（{printable(str(store.directory))}）")
    return 0


# --- show ----------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    from interview.services.sessions import load_session

    store = _store(args)
    session = load_session(store, args.session_id, backup=args.backup)
    if args.backup:
        print("※ 直前のバックアップ（.bak）の内容です。")
    print("\n".join(show_lines(session)))
    return 0


def show_lines(session: Session) -> list[str]:
    """The readable summary printed by ``interview show`` (every string made printable)."""
    from interview.services.checklist import checklist_for
    from interview.services.progress import progress_of_session
    from interview.services.sessions import edition_mismatch
    from interview.session.resume import resume_question
    from interview.wording import edition_warning, open_marks_lines

    p = printable
    r = session.respondent
    checklist = checklist_for(session)
    catalog, questions = checklist.catalog, checklist.questions
    lines = [
        f"セッション: {p(session.id)}",
        f"組織: {p(r.organisation)}",
        f"対象者: {r.party.label}",
    ]
    if r.name or r.role:
        lines.append(
            f"回答者: {p(r.name) or '（未記入）'}" + (f"（{p(r.role)}）" if r.role else "")
        )
    if r.counterparts:
        lines.append(f"相手方: {'、'.join(p(c) for c in r.counterparts)}")
    if r.interviewer:
        lines.append(f"面談担当: {p(r.interviewer)}")
    if session.certifications:
        lines.append(f"第三者認証等: {'、'.join(p(c.name) for c in session.certifications)}")
    stamp = "%Y-%m-%d %H:%M"
    lines.append(
        f"作成: {session.created_at.astimezone().strftime(stamp)}　"
        f"更新: {session.updated_at.astimezone().strftime(stamp)}"
    )
    mismatch = edition_mismatch(session, checklist)
    lines.append(f"チェックリストの版: {p(session.catalog_edition)}")
    if mismatch is not None:
        lines.append(f"※ {p(edition_warning(mismatch))}")

    report = progress_of_session(session, checklist)  # counted as the TUI counts it
    overall = report.overall
    lines += ["", f"進捗: {overall.percent:.0f}%（{overall.answered}/{overall.total}問）"]
    if r.party in RESPONDENT_PARTIES:
        from interview.services.progress import header_progress

        # the figures of the app's header (a group screen or a merged closing question
        # counts as one 質問 there)
        lines.append(f"  アプリの見出しでは: {header_progress(session, checklist)}")
    width = max((_width(c.name) for c in report.categories), default=0)
    for c in report.categories:
        done = c.progress
        lines.append(
            f"  区分{c.no} {_pad(c.name, width)}  {done.answered:>3}/{done.total:<3} "
            f"{done.percent:>4.0f}%"
        )

    lines += _readiness_lines(session) if questions is not None else []
    unresolved = open_marks_lines(report.marks)
    lines += ["", *unresolved] if unresolved else []
    if session.follow_ups:
        lines += ["", f"フォローの印（F6）: {len(session.follow_ups)}件"]
    for key, memo in session.follow_ups.items():
        lines.append(f"  ・{p(key)}" + (f"：{p(memo)}" if memo else ""))

    if session.review_requests:
        from interview.services.review.feedback_read import request_lines

        lines += ["", f"金融機関からの確認依頼: {len(session.review_requests)}件"]
        lines += [p(line) for line in request_lines(session.review_requests)]

    lines.append("")
    if questions is None:
        if session.position is not None:
            lines.append(f"前回の位置: 通番{session.position.item} {p(session.position.question)}")
    elif session.respondent.party in RESPONDENT_PARTIES:
        nxt = resume_question(session, catalog, questions)
        if nxt is None:
            lines.append(
                "すべての質問に回答済みです。"
                + ("ただし上の未解決（不明・フォロー）が残っています。" if report.marks else "")
            )
        else:
            # a 手法例's number (1.1.3) means something to a respondent; 1.other does not
            number = f"（質問 {nxt.id}）" if nxt.example is not None else ""
            lines.append(f"再開位置: 通番{nxt.item}「{p(nxt.short)}」{number}")
    return lines


def _readiness_lines(session: Session) -> list[str]:
    """Stale texts and unresolved answers: what export would stop at."""
    from interview.compile.export import check_export
    from interview.compile.readiness import STALE_MARK
    from interview.errors import UserError

    try:
        check = check_export(session)
    except UserError:
        return []
    lines: list[str] = []
    if check.stale:
        lines += ["", f"{STALE_MARK}: {len(check.stale)}項目"]
        lines += [f"  ・{printable(s.label)}" for s in check.stale]
    if check.unresolved:
        lines += ["", f"不明・要確認（回答予定の年月が未定）: {len(check.unresolved)}件"]
        lines += [f"  ・{printable(u.label)}" for u in check.unresolved]
    return lines


# --- restore -------------------------------------------------------------------------------


def run_restore(args: argparse.Namespace) -> int:
    from interview.services.sessions import restore

    kept = restore(_store(args), args.session_id)
    print(f"セッション「{printable(args.session_id)}」をバックアップから復元しました。")
    if kept is not None:
        print(f"置き換えたファイルは {printable(str(kept))} に残してあります。")
    return 0


# --- unlock --------------------------------------------------------------------------------


def run_unlock(args: argparse.Namespace) -> int:
    """Show who holds the lock, ask, then remove it (git's ``index.lock`` advice, built in)."""
    from interview.errors import UserError
    from interview.services.sessions import lock_state, unlock

    store = _store(args)
    state = lock_state(store, args.session_id)
    sid = printable(args.session_id)
    if state is None:
        print(f"セッション「{sid}」はロックされていません。")
        return 0
    holder = printable(state.holder.describe()) if state.holder else "保持者は記録されていません"
    print(f"セッション「{sid}」のロック: {holder}")
    print(f"ロックファイル: {printable(str(state.path))}")
    if state.in_use:
        print(
            "注意: このPCのOSは、ロックがまだ使われていると報告しています。"
            "そのアプリが動いているなら、解除せずにアプリを閉じてください。"
        )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(
                "確認できないため解除しませんでした。スクリプトからは --yes を付けてください。"
            )
        try:
            reply = input("そのアプリが終了していることを確かめましたか？解除するには y: ")
        except EOFError:
            reply = ""
        if reply.strip().lower() not in ("y", "yes", "ｙ", "はい"):
            print("解除しませんでした。")
            return 1
    unlock(store, args.session_id)
    print(f"セッション「{sid}」のロックを解除しました。")
    return 0
