"""Headless Pilot tests of the TUI: the whole flow a respondent goes through."""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, TextArea

from interview.engine.answers import Status
from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.review import ReviewScreen
from interview.tui.widgets.chat import Bubble

SIZE = (80, 24)


def run_async(fn):
    """Run an async test with asyncio (no pytest plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


async def start_new(pilot, org: str = "テスト株式会社") -> InterviewScreen:
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(*org)
    await pilot.press("ctrl+s")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


async def send(pilot, text: str, key: str | None = None) -> None:
    if key is not None:
        await pilot.press(key)
    # Each key with its character (pilot.press drops 「、」「。」), queued in order like the
    # burst a terminal sends when an input method commits the text.
    for character in text:
        name = character if character.isalnum() else _character_to_key(character)
        event = events.Key(name, character)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def current_id(screen: InterviewScreen) -> str | None:
    question = screen.live.interview.current()
    return question.id if question else None


def bubbles(screen) -> list[str]:
    return [str(b.source) for b in screen.query(Bubble)]  # as said, before line breaking


@run_async
async def test_answer_a_whole_item_with_each_status_and_confirm_edited_text(tmp_path: Path):
    app = InterviewApp(sessions_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot)
        answers = screen.live.session.answers
        assert current_id(screen) == "1.1.1"
        # the group screen: 2 (一部) means "not all the same": the examples one by one
        assert screen.live.interview.current_step().kind.value == "group"
        await send(pilot, "", key="2")
        assert screen.live.interview.current_step().kind.value == "example"
        await send(pilot, "CISOを任命", key="1")  # number key picks 実施済み
        await send(pilot, "一部 兼任です")  # typed reply sets 一部実施
        await send(pilot, "いいえ")  # 未実施
        assert current_id(screen) == "1.2.1"
        # group 1.2 one by one: a key would correct the status just read from 「いいえ」,
        # so the choice is clicked
        await pilot.click("#status-unknown")
        await send(pilot, "")
        assert answers["1.1.3"].status is Status.NOT_DONE
        # a check-list: pick ① and ③ with the keyboard
        # 1〜5 would now correct the status just read from 「いいえ」: click to pick instead
        await pilot.click("#status-not_applicable")
        await pilot.press("shift+tab")  # from the reply field back to the check-list
        await pilot.press("space", "down", "down", "space")
        await pilot.press("tab")  # back to the reply field
        await send(pilot, "本社のみ")
        assert answers["1.2.1"].status is Status.NOT_APPLICABLE
        assert answers["1.2.1"].checks == ("①", "③")
        await send(pilot, "わからない。担当に確認します")
        assert [answers[q].status for q in ("1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2")] == [
            Status.DONE,
            Status.PARTIAL,
            Status.NOT_DONE,
            Status.NOT_APPLICABLE,
            Status.UNKNOWN,
        ]
        assert not any(answers[q].shared for q in ("1.1.1", "1.2.2"))
        assert answers["1.1.2"].detail == "一部 兼任です"  # the whole reply, as typed
        assert answers["1.2.2"].detail == "わからない。担当に確認します"
        await send(pilot, "SSOで一元管理")  # その他の対策 (備考 left empty)
        assert answers["1.remarks"].detail == "特になし"
        # the item has gaps: 課題認識 and 対応計画 on one screen
        screen.query_one("#extra", Input).value = "専任者を置く"
        await send(pilot, "兼任が多い")
        assert answers["1.plan"].detail == "専任者を置く"
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("e")  # editing is an explicit step
        status_area = app.screen.query_one("#review-status", TextArea)
        assert "・責任者の設置：最高責任者の明確化は対応済み" in status_area.text
        assert "—" not in status_area.text and "詳細は回答詳細シート参照" in status_area.text
        issues_area = app.screen.query_one("#review-issues", TextArea)
        assert "兼任が多い" in issues_area.text
        issues_area.text = issues_area.text + "\n人員の採用を検討中"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        texts = screen.live.session.texts["1"]
        assert texts.issues.state == "edited" and texts.issues.text.endswith("人員の採用を検討中")
        assert texts.status.state == "confirmed"
        assert current_id(screen) == "2.1.1"
    # every answer is on disk
    saved = SessionStore(tmp_path).load(screen.live.session.id)
    assert saved.answers["1.2.1"].checks == ("①", "③")
    assert saved.texts["1"].issues.text.endswith("人員の採用を検討中")


@run_async
async def test_back_skip_jump_quit_and_resume(tmp_path: Path):
    app = InterviewApp(sessions_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot)
        session_id = screen.live.session.id
        await send(pilot, "はい")  # group 1.1: すべて実施済み
        assert all(screen.live.session.answers[q].shared for q in ("1.1.1", "1.1.2", "1.1.3"))
        await pilot.press("f8")  # skip group 1.2
        await pilot.pause()
        assert current_id(screen) == "1.other"
        await pilot.press("f7")  # back
        await pilot.pause()
        assert current_id(screen) == "1.2.1"
        await send(pilot, "/移動 23")
        assert current_id(screen) == "23.1.1"
        await send(pilot, "はい、CloudTrailで5年保管")
        assert current_id(screen) == "23.2.1"
        await pilot.press("f6")  # follow-up mark
        await pilot.pause()
        assert "23.2.1" in screen.live.session.follow_ups
        await send(pilot, "/戻る")
        assert current_id(screen) == "23.1.1"
        assert screen.live.session.answers["1.1.1"].status is Status.DONE
        await pilot.press("ctrl+q")
    # resume: same place, last exchange visible
    app2 = InterviewApp(sessions_dir=tmp_path, resume=session_id)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app2.screen
        assert isinstance(screen, InterviewScreen)
        assert current_id(screen) == "23.2.1"
        texts = bubbles(screen)
        assert any("前回の続き" in t for t in texts)
        assert any("CloudTrailで5年保管" in t for t in texts)
        assert "23.2.1" in screen.live.session.follow_ups


@run_async
async def test_second_app_on_the_same_session_is_refused(tmp_path: Path):
    app = InterviewApp(sessions_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot)
        session_id = screen.live.session.id
        other = InterviewApp(sessions_dir=tmp_path, resume=session_id)
        async with other.run_test(size=SIZE) as pilot2:
            await pilot2.pause()
            assert not isinstance(other.screen, InterviewScreen)
            # the refusal names who holds it
            messages = [n.message for n in other._notifications]
            assert any("pid" in m or "使用中" in m for m in messages), messages


@run_async
async def test_unclear_reply_asks_for_the_status_and_hostile_text_is_shown_literally(
    tmp_path: Path,
):
    """One app run: an unclear reply to 1.1.1, then a hostile one to the next question."""
    app = InterviewApp(sessions_dir=tmp_path)
    hostile = "[bold]太字[/] [link=https://x]x[/link] \x1b[31m赤\x1b[0m"
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot, org="[red]赤組[/red]")
        await send(pilot, "", key="2")  # the group screen: one by one
        # an unclear reply asks for the status (unless the reader read it: nothing to ask)
        await send(pilot, "CISOがいます")
        if "1.1.1" not in screen.live.session.answers:
            assert current_id(screen) == "1.1.1"
            assert any("状態を" in b for b in bubbles(screen))
            reply = screen.query_one("#reply", TextArea)
            assert reply.text == ""  # kept as the pending reply, the field is free
            await pilot.press("1")  # one key settles the pending reply
            await pilot.pause()
            assert screen.live.session.answers["1.1.1"].status is Status.DONE
        assert screen.live.session.answers["1.1.1"].detail == "CISOがいます"
        # hostile text is shown literally (on the next question, 1.1.2)
        assert current_id(screen) == "1.1.2"
        screen.query_one("#reply", TextArea).text = "はい " + hostile
        await pilot.press("enter")
        await pilot.pause()
        answer = screen.live.session.answers["1.1.2"]
        assert answer.detail == "はい " + hostile  # stored verbatim
        shown = bubbles(screen)
        user = [t for t in shown if "太字" in t][-1]
        assert "[bold]太字[/]" in user and "[link=https://x]" in user
        assert "\x1b" not in user and "\\x1b[31m" in user
        assert any("[red]赤組[/red]" in t for t in shown)


@run_async
async def test_glossary_item_search_and_a_clicked_term(tmp_path: Path):
    from textual.widgets import Input, OptionList

    from interview.tui.screens.glossary import GlossaryScreen
    from interview.tui.screens.search import ItemSearchScreen

    app = InterviewApp(sessions_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        app.screen.query_one("#glossary-query", Input).value = ""
        await pilot.press(*"とーくん")
        await pilot.pause()
        results = app.screen.query_one("#glossary-results", OptionList)
        assert results.get_option_at_index(0).id == "トークン"
        detail = str(app.screen.query_one("#glossary-detail").render())
        assert "API提供元" in detail
        await pilot.press("escape")
        await pilot.pause()
        # by command, with the query typed in the reply field
        await send(pilot, "/用語 reverse proxy")
        assert isinstance(app.screen, GlossaryScreen)
        results = app.screen.query_one("#glossary-results", OptionList)
        assert results.get_option_at_index(0).id == "リバースプロキシ"
        await pilot.press("escape")
        await pilot.pause()
        # search the checklist and jump to the first 「ログ」 item
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ItemSearchScreen)
        await pilot.press(*"ログ")
        await pilot.pause()
        first = app.screen.query_one("#search-results", OptionList).get_option_at_index(0).id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert screen.live.interview.current().item == int(first)
        assert "ログ" in screen.live.catalog.item(int(first)).goal
        # a term in a question's bubble, clicked, opens the glossary on it (the same app
        # run: a test of its own started another app only for this)
        await send(pilot, "/移動 21")
        bubble = [b for b in screen.query(Bubble) if b.terms][-1]
        assert bubble.terms[0] == "情報資産"
        await pilot.click(bubble)
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.query_one("#glossary-query").value == "情報資産"


@run_async
async def test_command_palette_runs_interview_actions(tmp_path: Path):
    from textual.command import CommandList

    from interview.tui.screens.glossary import GlossaryScreen

    app = InterviewApp(sessions_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        listed = app.screen.query_one(CommandList)
        names = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert names[0].startswith("用語")  # the app's own commands first, in Japanese
        assert not any("Quit the application" in n or "Screenshot" in n for n in names)
        await pilot.press(*"用語")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"移動", "space", *"23")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(screen) == "23.1.1"
