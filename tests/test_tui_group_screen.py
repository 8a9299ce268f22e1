"""Pilot tests of the shorter interview: the group screen, changing one example of a
screened group, the conditional closing questions and the yearly item confirmation."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from helpers import new_session
from textual.pilot import Pilot
from textual.widgets import TextArea

from interview.cli.main import main
from interview.compile.diff import ItemChangeKind, diff_sessions
from interview.engine.answers import Status
from interview.engine.path import NOTHING, StepKind
from interview.services.checklist import plain_checklist
from interview.services.demo import DEMO_ID, write_demo
from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.screens.change_example import ChangeExampleScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.review import ReviewScreen
from interview.tui.widgets.chat import Bubble

SIZE = (80, 24)


def bubbles(screen) -> list[str]:
    return [str(b.source) for b in screen.query(Bubble)]  # before line breaking


@contextlib.asynccontextmanager
async def new_interview(
    tmp_path: Path, organisation: str, session_id: str
) -> AsyncIterator[tuple[InterviewApp, Pilot, InterviewScreen]]:
    """A new connector session opened in the app at 80×24, at its first (group) screen."""
    new_session(SessionStore(tmp_path), organisation, "api_connector", session_id=session_id)
    app = InterviewApp(sessions_dir=tmp_path, resume=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        yield app, pilot, screen


async def reply(pilot, screen: InterviewScreen, text: str, *keys: str) -> None:
    """Press *keys* (status keys) in the empty field, then type *text* and send it."""
    if keys:
        await pilot.press(*keys)
    screen.query_one("#reply", TextArea).text = text
    await pilot.press("enter")
    await pilot.pause()


async def _screening(tmp_path: Path) -> None:
    async with new_interview(tmp_path, "グループ株式会社", "g") as (app, pilot, screen):
        live = screen.live
        answers = live.session.answers
        step = live.current_step()
        assert step.kind is StepKind.GROUP
        shown = bubbles(screen)[-1]
        assert "＜責任者の設置＞" in shown and "③ 部署ごとの情報資産管理責任者" in shown
        # 1: すべて実施済み, one shared detail
        await reply(pilot, screen, "情報セキュリティ基本規程 第5条", "1")
        for qid in ("1.1.1", "1.1.2", "1.1.3"):
            assert answers[qid].status is Status.DONE and answers[qid].shared
            assert answers[qid].detail == "情報セキュリティ基本規程 第5条"
        assert any("【すべて実施済み】" in t and "（共通）" in t for t in bubbles(screen))
        # 4: すべて該当なし, one shared reason
        assert live.current_step().id == "1.2.1"
        await reply(pilot, screen, "API利用サービスがまだない", "4")
        assert answers["1.2.1"].status is answers["1.2.2"].status is Status.NOT_APPLICABLE
        assert answers["1.2.2"].detail == "API利用サービスがまだない"
        # F12: go back into a group and change one example
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, ChangeExampleScreen)
        await pilot.press("2")  # ② of group 1.1
        await pilot.pause()
        assert live.current_step().id == "1.1.2"
        await reply(pilot, screen, "後任を選定中", "3")
        assert answers["1.1.2"].status is Status.NOT_DONE and not answers["1.1.2"].shared
        assert answers["1.1.1"].shared and answers["1.1.3"].status is Status.DONE
        # back where we were: その他＋備考 in one optional question, empty = 特になし
        step = live.current_step()
        assert step.kind is StepKind.NOTES
        await reply(pilot, screen, "")
        assert answers["1.other"].detail == answers["1.remarks"].detail == NOTHING
        # a gap (1.1.2 未実施): 課題認識 and 対応計画 are asked
        assert live.current_step().kind is StepKind.ISSUES
        await reply(pilot, screen, "後任の選定が遅れている")
        assert answers["1.issues"].detail == "後任の選定が遅れている"
        assert isinstance(app.screen, ReviewScreen)  # item complete: its texts
        await pilot.press("escape")
        await pilot.pause()
        # group 2.1, mixed: 2 → one by one
        assert live.current_step().kind is StepKind.GROUP
        await reply(pilot, screen, "", "2")
        step = live.current_step()
        assert step.kind is StepKind.EXAMPLE and step.id == "2.1.1"
        assert "2.1.1" not in answers
        await reply(pilot, screen, "基本方針を公表", "1")
        await reply(pilot, screen, "見直しは未実施", "3")
        assert answers["2.1.2"].status is Status.NOT_DONE
        # item 2's single example, then no gap-free shortcut: 2.1.2 is 未実施
        await reply(pilot, screen, "", "1")
        assert live.current_step().kind is StepKind.NOTES
        await reply(pilot, screen, "")
        assert live.current_step().kind is StepKind.ISSUES
        assert screen.sub_title.startswith("通番 2/38・質問 ")


def test_group_screen_all_done_all_na_change_one_mixed_and_closing(tmp_path):
    asyncio.run(_screening(tmp_path))
    saved = SessionStore(tmp_path).load("g")
    assert saved.answers["1.1.1"].shared and not saved.answers["1.1.2"].shared
    assert "3.issues" not in saved.answers


async def _item_without_gap(tmp_path: Path) -> None:
    async with new_interview(tmp_path, "順調株式会社", "ok") as (app, pilot, screen):
        live = screen.live
        # the fast mode: number key + Enter on every screen
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        assert "/課題" in bubbles(screen)[-1]  # no gap: 課題 only if the respondent has one
        await pilot.press("enter")  # その他＋備考: 特になし
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)  # no 課題認識 / 対応計画
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "1.issues" not in live.session.answers
        assert live.interview.item_complete(1)
        assert live.current_step().item == 2
        # 「/課題」: item 2's 課題認識 will be asked even if nothing turns out missing
        assert not live.interview.on_path_issues(2)
        await reply(pilot, screen, "/課題")
        assert (
            live.interview.on_path_issues(2)
            and "課題認識・対応計画も伺います" in bubbles(screen)[-1]
        )
        # F8 skips a whole group
        await pilot.press("f8")
        await pilot.pause()
        assert live.session.answers["2.1.1"].skipped and live.session.answers["2.1.2"].skipped


def test_item_without_gaps_skips_issues_and_plan(tmp_path):
    asyncio.run(_item_without_gap(tmp_path))


async def _yearly(store_dir: Path) -> None:
    app = InterviewApp(sessions_dir=store_dir, resume="y2027")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        live = screen.live
        assert live.current_step().kind is StepKind.CONFIRM_ITEM
        assert "前回の回答（この項目）" in "".join(bubbles(screen))
        await pilot.press("enter")  # one key: the whole item 「前回どおり」
        await pilot.pause()
        if isinstance(app.screen, ReviewScreen):
            await pilot.press("ctrl+s")
            await pilot.pause()
        step = live.current_step()
        assert step.kind is StepKind.CONFIRM_ITEM and step.item == 2
        # item 2 changed: words typed there are never dropped by a 「前回どおり」; they
        # go to the first question, asked one by one
        field = screen.query_one("#reply", TextArea)
        field.text = "基本方針を改定中"
        await pilot.press("enter")
        await pilot.pause()
        assert live.current_step().id == "2.1.1"
        assert field.text == "基本方針を改定中"
        assert "2.1.1" not in live.session.answers
        await reply(pilot, screen, "基本方針を改定中", "2")
        assert live.session.answers["2.1.1"].status is Status.PARTIAL


def test_yearly_check_confirms_an_item_with_one_key(tmp_path):
    write_demo(tmp_path / f"{DEMO_ID}.toml")
    assert main(["--sessions-dir", str(tmp_path), "new", "--from", DEMO_ID, "--id", "y2027"]) == 0
    asyncio.run(_yearly(tmp_path))
    store = SessionStore(tmp_path)
    previous, now = store.load(DEMO_ID), store.load("y2027")
    item1 = [q for q in now.answers if q.startswith("1.")]
    assert len(item1) == 9 and all(now.answers[q] is not None for q in item1)
    assert all(now.answers[q].detail == previous.answers[q].detail for q in item1)
    diff = diff_sessions(previous, now, plain_checklist().catalog, plain_checklist().questions)
    kinds = {i.no: i.kind for i in diff.items}
    assert kinds[1] is ItemChangeKind.UNCHANGED
    assert kinds[2] is not ItemChangeKind.UNCHANGED  # the change is marked for the diff


async def _certification_again(tmp_path: Path) -> None:
    from interview.engine.answers import Answer

    store = SessionStore(tmp_path)
    session = new_session(store, "認証株式会社", "api_connector", session_id="c2")
    session.answers["3.cert"] = Answer(checks=("2",), detail="ISMS 全社 2024-04")
    store.save(session)
    app = InterviewApp(sessions_dir=tmp_path, resume="c2")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.live.interview.goto("9.cert")
        screen._show_current()
        await pilot.pause()
        assert "前回と同じ認証で代替" in bubbles(screen)[-1]
        assert screen.query_one("#answer-bar").checks() == ("2",)
        await pilot.press("enter")  # one key
        await pilot.pause()
        answer = screen.live.session.answers["9.cert"]
        assert answer.checks == ("2",) and answer.detail == "ISMS 全社 2024-04"


def test_later_certification_items_offer_the_same_certification(tmp_path):
    asyncio.run(_certification_again(tmp_path))


# --- issue 12 on the group screen: a reply is never glued, cut or lost ----------------------


def _saved_answers(tmp_path: Path, sid: str) -> dict:
    import tomllib

    return tomllib.loads((tmp_path / f"{sid}.toml").read_text(encoding="utf-8")).get("answers", {})


async def _group_pending(tmp_path: Path) -> None:
    from test_tui_chat_input import type_text

    async with new_interview(tmp_path, "保留株式会社", "gp") as (app, pilot, screen):
        field = screen.query_one("#reply", TextArea)
        assert screen.live.current_step().kind is StepKind.GROUP  # 1.1, three examples
        await type_text(pilot, "テスト")
        await pilot.press("enter")
        await pilot.pause()
        assert "answers" not in (tmp_path / "gp.toml").read_text(encoding="utf-8")
        assert field.text == ""  # the field is empty for the next key
        assert "保留中の回答：テスト" in str(screen.query_one("#bar-note").render())
        assert "テスト" in bubbles(screen) and "まとめての状態" in bubbles(screen)[-1]
        await pilot.press("1")  # one key applies the status to the pending reply
        await pilot.pause()
        saved = _saved_answers(tmp_path, "gp")
        for qid in ("1.1.1", "1.1.2", "1.1.3"):
            assert saved[qid]["status"] == "done" and saved[qid]["detail"] == "テスト"
        assert field.text == "" and screen.live.current_step().id == "1.2.1"
        # a new attempt replaces a pending reply, never glued to it
        await type_text(pilot, "テスト2")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "該当しません")
        await pilot.press("enter")
        await pilot.pause()
        saved = _saved_answers(tmp_path, "gp")
        assert saved["1.2.1"]["detail"] == saved["1.2.2"]["detail"] == "該当しません"
        assert saved["1.2.1"]["status"] == "not_applicable"
        assert any("「テスト2」は保存せず" in b for b in bubbles(screen))
        # the status read from the words: one key corrects it for the whole group
        assert "すべて該当なしとして記録しました" in bubbles(screen)[-2]
        await pilot.press("1")
        await pilot.pause()
        saved = _saved_answers(tmp_path, "gp")
        assert saved["1.2.1"]["status"] == saved["1.2.2"]["status"] == "done"
        assert saved["1.2.2"]["detail"] == "該当しません"  # the reply, as typed
        assert any("すべて実施済みに訂正しました" in b for b in bubbles(screen))
        assert screen.live.current_step().kind is StepKind.NOTES
        await pilot.press("enter")  # その他＋備考: 特になし; item 1 complete: its review
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        # …and a gap asks the group's examples one by one, the reply kept in the field
        assert screen.live.current_step().id == "2.1.1"
        await type_text(pilot, "該当しません")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        step = screen.live.current_step()
        assert step.kind is StepKind.EXAMPLE and step.id == "2.1.1"
        assert "2.1.1" not in _saved_answers(tmp_path, "gp")
        assert field.text == "該当しません"


def test_group_screen_keeps_an_unread_reply_pending_and_corrects_with_one_key(tmp_path):
    asyncio.run(_group_pending(tmp_path))


async def _group_digits(tmp_path: Path) -> None:
    from test_tui_chat_input import type_text

    async with new_interview(tmp_path, "数字株式会社", "gd") as (app, pilot, screen):
        field = screen.query_one("#reply", TextArea)
        bar = screen.query_one("#answer-bar")
        # 「12月に改訂」: both digits were text, not two status keys
        await type_text(pilot, "12月に改訂")
        assert field.text == "12月に改訂" and bar.sequence == [] and bar.status is None
        await pilot.press("enter")
        await pilot.pause()
        # pending: a number typed on at once is a new reply, not a status key
        await type_text(pilot, "2026年")
        assert field.text == "2026年" and screen._pending.text == "12月に改訂"
        field.text = ""
        await pilot.press("escape")  # esc puts the pending reply back to rewrite
        await pilot.pause()
        assert field.text == "12月に改訂"
        field.text = ""
        # two keys for three examples, then words: pending with the words kept, not guessed
        await type_text(pilot, "13規程あり")
        await pilot.press("enter")
        await pilot.pause()
        assert "1.1.1" not in _saved_answers(tmp_path, "gd")
        assert "規程あり" in (tmp_path / "gd.toml").read_text(encoding="utf-8")  # [typed]
        assert "数字キーは2回（13）でした" in bubbles(screen)[-1]
        assert not screen.query_one("#sequence").display and bar.sequence == []
        await pilot.press("4")
        await pilot.pause()
        saved = _saved_answers(tmp_path, "gd")
        assert saved["1.1.3"]["status"] == "not_applicable"
        assert saved["1.1.3"]["detail"] == "規程あり"
        # three keys, then words: one status per example
        await type_text(pilot, "14手順書で定める")
        await pilot.press("enter")
        await pilot.pause()
        saved = _saved_answers(tmp_path, "gd")
        assert saved["1.2.1"]["status"] == "done"
        assert saved["1.2.1"]["detail"] == "手順書で定める"
        # ② 該当なし is asked on its own, its status already picked: Enter keeps it
        assert screen.live.current_step().id == "1.2.2"
        assert bar.status is Status.NOT_APPLICABLE
        await pilot.press("enter")
        await pilot.pause()
        assert _saved_answers(tmp_path, "gd")["1.2.2"]["status"] == "not_applicable"
        # a pending reply that holds a secret: going back from the warning puts it back
        await pilot.press("enter")  # その他＋備考: 特になし → item 1's review
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.live.current_step().kind is StepKind.GROUP  # 2.1
        field.text = "管理者パスワードは P@ssw0rd-2026! です"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert type(app.screen).__name__ == "SecretWarningScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert field.text == "管理者パスワードは P@ssw0rd-2026! です"
        assert "2.1.1" not in _saved_answers(tmp_path, "gd")
        # the status read is open to one key, but a number typed on at once is the next reply
        field.text = "規程第5条で定めています"
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "3年ごとに見直し")
        assert field.text == "3年ごとに見直し"
        saved = _saved_answers(tmp_path, "gd")
        assert saved["2.1.1"]["status"] == saved["2.1.2"]["status"] == "done"


def test_group_screen_digits_in_text_and_incomplete_keys(tmp_path):
    asyncio.run(_group_digits(tmp_path))


async def _named(tmp_path: Path) -> None:
    async with new_interview(tmp_path, "名指し株式会社", "nm") as (_app, pilot, screen):
        live = screen.live
        assert "ほかは実施済み" in bubbles(screen)[-1]  # the group screen says how
        await reply(pilot, screen, "②は一部実施、ほかは実施済み。規程第5条")
        answers = live.session.answers
        assert answers["1.1.1"].shared and answers["1.1.3"].status is Status.DONE
        assert answers["1.1.1"].detail == "②は一部実施、ほかは実施済み。規程第5条"
        assert "1.1.2" not in answers and live.session.pending == {"1.1.2": Status.PARTIAL}
        assert "【手法例ごと】①実施済み ②一部実施 ③実施済み" in bubbles(screen)[-2]
        # only ② is asked, its status already picked
        assert live.current_step().id == "1.1.2"
        assert screen.query_one("#answer-bar").status is Status.PARTIAL
        await reply(pilot, screen, "兼任のため専任化を検討中")
        assert answers["1.1.2"].status is Status.PARTIAL and live.session.pending == {}
        assert live.current_step().id == "1.2.1"


def test_a_reply_naming_the_example_that_differs_asks_only_that_one(tmp_path):
    asyncio.run(_named(tmp_path))
    assert SessionStore(tmp_path).load("nm").pending == {}


async def _named_pending(tmp_path: Path) -> None:
    async with new_interview(tmp_path, "名指し保留株式会社", "np") as (_app, pilot, screen):
        said = "①は該当なし、規程は未整備"
        await reply(pilot, screen, said)  # ② and ③ left out: asked, never guessed
        assert "1.1.2" not in screen.live.session.answers
        assert "②・③の状態が書かれていません" in bubbles(screen)[-1]
        await pilot.press("1")  # one key gives ② and ③ theirs
        await pilot.pause()
        answers = _saved_answers(tmp_path, "np")
        assert answers["1.1.2"]["status"] == answers["1.1.3"]["status"] == "done"
        assert answers["1.1.3"]["detail"] == said
        assert screen.live.current_step().id == "1.1.1"  # 該当なし on its own, pre-selected


def test_a_reply_naming_some_examples_is_pending_and_one_key_gives_the_rest(tmp_path):
    asyncio.run(_named_pending(tmp_path))
