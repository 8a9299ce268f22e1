"""Issue 12 items 1–5 and the chat side of reading replies, typed key by key in Pilot.

Each test types exactly the keys a respondent types and asserts what reached the saved
TOML file (read back from disk, not from memory).
"""

from __future__ import annotations

import asyncio
import functools
import tomllib
from pathlib import Path

from helpers import new_session
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Button, SelectionList, TextArea

from interview.engine.reply import parse_status_reply
from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.screens.confirm_quit import ConfirmQuitScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.review import ReviewScreen
from interview.tui.widgets.chat import Bubble

SIZE = (80, 24)
SID = "chat"


def run_async(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


def new_store(tmp_path: Path) -> Path:
    new_session(SessionStore(tmp_path), "チャット株式会社", "api_connector", session_id=SID)
    return tmp_path


def saved(tmp_path: Path, table: str = "answers") -> dict:
    """The answers (or another table) as they are in the TOML file on disk."""
    data = tomllib.loads((tmp_path / f"{SID}.toml").read_text(encoding="utf-8"))
    return data.get(table, {})


async def open_app(pilot) -> InterviewScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    await one_by_one(pilot, screen)
    return screen


async def one_by_one(pilot, screen: InterviewScreen) -> None:
    """At a group screen, 2 + Enter asks its examples one by one (the chat-input rules
    under test are those of a single question)."""
    step = screen.live.interview.current_step()
    if step is not None and step.kind.value == "group":
        await pilot.press("2", "enter")
        await pilot.pause()


async def type_text(pilot, text: str) -> None:
    """Type *text* key by key, as a terminal sends it.

    ``pilot.press`` loses the character of some keys (「、」 arrives as the key
    ``ideographic_comma`` with no character), so each key carries its character here.
    """
    app = pilot.app
    for character in text:  # queued in order, like a burst from the terminal
        key = character if character.isalnum() else _character_to_key(character)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


async def type_and_send(pilot, text: str) -> None:
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


def reply_text(screen) -> str:
    return screen.query_one("#reply", TextArea).text


def current_id(screen) -> str | None:
    question = screen.live.interview.current()
    return question.id if question else None


def bubbles(screen) -> list[str]:
    return [str(b.source) for b in screen.query(Bubble)]  # as said, before line breaking


async def goto(pilot, screen: InterviewScreen, question_id: str) -> None:
    screen.live.interview.goto(question_id)
    screen._show_current(introduce=True)
    await pilot.pause()


# --- 1. digits are not status keys inside text ----------------------------------------------


@run_async
async def test_a_status_key_then_words_picks_the_status_and_a_year_typed_first_is_text(
    tmp_path: Path,
):
    """One app run: a status key then words (1.1.1), a number's first digit (1.1.2), then a
    year typed first (1.1.3)."""
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        await pilot.press("2")
        await type_and_send(pilot, "テスト環境のみ")
        assert saved(tmp_path)["1.1.1"]["status"] == "partial"
        assert saved(tmp_path)["1.1.1"]["detail"] == "テスト環境のみ"
        await pilot.press("3")  # 「3社…」: the 「3」 was the start of a number, not 未実施
        await type_and_send(pilot, "社に委託")
        if "1.1.2" not in saved(tmp_path):  # unread: pending, settled by one key
            await pilot.press("4")
            await pilot.pause()
        assert saved(tmp_path)["1.1.2"]["detail"] == "3社に委託"

        # a year typed first is text, not a status key
        text = "2026年4月に手順書を改訂済み"
        assert current_id(screen) == "1.1.3" and reply_text(screen) == ""
        await type_and_send(pilot, text)
        if parse_status_reply(text).status is None:  # the reader asks: one key settles it
            assert "1.1.3" not in saved(tmp_path)
            assert reply_text(screen) == ""
            await pilot.press("1")
            await pilot.pause()
        answer = saved(tmp_path)["1.1.3"]
        assert answer["detail"] == text  # the 「2」 is still there
        assert answer["status"] != "partial"  # …and it did not pick 2 一部実施


# --- 2. an unread reply is kept pending, never glued -----------------------------------------


@run_async
async def test_an_unread_reply_is_pending_and_one_key_applies_the_status(tmp_path: Path):
    assert parse_status_reply("テスト").status is None
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        await type_and_send(pilot, "テスト")
        assert "1.1.1" not in saved(tmp_path)
        assert saved(tmp_path, "typed") == {"1.1.1": "テスト"}  # sent words survive a crash
        assert reply_text(screen) == ""  # the field is empty for the next reply
        note = str(screen.query_one("#bar-note").render())
        assert "保留中の回答" in note and "テスト" in note
        assert any("状態を教えてください" in b for b in bubbles(screen))
        await pilot.press("2")
        await pilot.pause()
        assert saved(tmp_path)["1.1.1"]["status"] == "partial"
        assert saved(tmp_path)["1.1.1"]["detail"] == "テスト"  # not 「テスト2」
        assert saved(tmp_path, "typed") == {}  # recorded: kept once, in the answer
        assert reply_text(screen) == ""
        assert current_id(screen) == "1.1.2"
        await type_and_send(pilot, "はい、規程で定めています")
    answers = saved(tmp_path)
    assert answers["1.1.1"]["detail"] == "テスト"
    assert answers["1.1.2"]["detail"] == "はい、規程で定めています"  # whole reply, no glue
    assert answers["1.1.2"]["status"] == "done"


@run_async
async def test_a_new_attempt_a_question_back_slash_commands_and_a_digit_in_free_text(
    tmp_path: Path,
):
    """Four checks on one session, one after the other (each leaves alone what the next
    looks at): a new attempt replaces a pending reply without gluing; a question back
    offers help and saves nothing; slash commands still work; a leading digit on a
    free-text question is text."""
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        # a new attempt replaces the pending reply without gluing
        await type_and_send(pilot, "なし")
        if "1.1.1" not in saved(tmp_path):  # else the reader read 「なし」: nothing pending
            said = len(bubbles(screen))
            await type_and_send(pilot, "はい、規程で定めています")
            assert saved(tmp_path)["1.1.1"]["detail"] == "はい、規程で定めています"
            assert any("保存せず" in b for b in bubbles(screen)[said:])
        # a question back offers help and saves nothing (the reader's own tests cover
        # whether it flags one)
        text = "どういう意味ですか？"
        if parse_status_reply(text).is_question:
            asked = current_id(screen)
            assert asked == "1.1.2" and asked not in saved(tmp_path)
            said = len(bubbles(screen))
            await type_and_send(pilot, text)
            assert asked not in saved(tmp_path)
            assert any("ご質問ですね" in b for b in bubbles(screen)[said:])
            assert reply_text(screen) == ""
        # slash commands still work
        await type_and_send(pilot, "/移動 23")
        assert current_id(screen) == "23.1.1"
        await pilot.press("1")
        await type_and_send(pilot, "CloudTrailで5年保管")
        assert saved(tmp_path)["23.1.1"] == saved(tmp_path)["23.1.1"] | {
            "status": "done",
            "detail": "CloudTrailで5年保管",
        }
        await type_and_send(pilot, "/戻る")
        assert current_id(screen) == "23.1.1"
        # a leading digit on a free-text question is text
        await goto(pilot, screen, "1.issues")
        await type_and_send(pilot, "1年ごとに見直しています")
        assert saved(tmp_path)["1.issues"]["detail"] == "1年ごとに見直しています"


@run_async
async def test_escape_puts_the_pending_reply_back_and_enter_takes_the_guess(tmp_path: Path):
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        await type_and_send(pilot, "テスト")
        await pilot.press("escape")
        await pilot.pause()
        assert reply_text(screen) == "テスト"  # back in the field, cursor at the end
        await pilot.press(*"中")
        assert reply_text(screen) == "テスト中"
        await pilot.press("enter")
        await pilot.pause()
        if "1.1.1" not in saved(tmp_path):  # unread again: pending
            if screen.bar.status is None:
                await pilot.click("#status-unknown")  # a click settles it too
            else:
                await pilot.press("enter")  # Enter on the empty field: the guess
            await pilot.pause()
        assert saved(tmp_path)["1.1.1"]["detail"] == "テスト中"


# --- the status read from the words: shown, and one key corrects it ----------------------------


@run_async
async def test_the_read_status_is_shown_and_one_key_corrects_it_after_sending(tmp_path: Path):
    text = "はい、CSIRTを設置済みです"
    read = parse_status_reply(text).status
    assert read is not None
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        await type_and_send(pilot, text)
        assert any(f"{read.label}として記録しました" in b for b in bubbles(screen))
        assert saved(tmp_path)["1.1.1"]["detail"] == text  # status words kept
        await pilot.press("3")  # field empty: corrects the answer just read
        await pilot.pause()
        assert saved(tmp_path)["1.1.1"] == saved(tmp_path)["1.1.1"] | {
            "status": "not_done",
            "detail": text,
        }
        assert current_id(screen) == "1.1.2"  # still on the next question
        assert any("未実施に訂正しました" in b for b in bubbles(screen))
        await type_and_send(pilot, "いいえ")  # typing closes the correction window
        assert saved(tmp_path)["1.1.2"]["status"] == "not_done"


# --- 3. the review does not steal the keyboard -----------------------------------------------


@run_async
async def test_the_review_opens_read_only_and_typed_replies_go_back_to_the_chat(tmp_path: Path):
    from interview.engine.answers import Answer, Status

    store = SessionStore(new_store(tmp_path))
    handle = store.open(SID)
    for qid in ("1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2"):
        handle.session.answers[qid] = Answer(status=Status.DONE, detail="済み")
    for qid in ("1.other", "1.issues", "1.plan"):
        handle.session.answers[qid] = Answer(detail="なし")
    handle.save(handle.session)
    handle.close()
    app = InterviewApp(sessions_dir=tmp_path, resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        assert current_id(screen) == "1.remarks"
        await type_and_send(pilot, "テスト回答1")  # 1.remarks: the item is complete
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen
        assert isinstance(app.focused, Button)
        before = {a.id: a.text for a in review.query(".review-text").results(TextArea)}
        await type_text(pilot, "テスト回答2")
        await pilot.press("enter")  # meant as a reply: it neither confirms nor edits
        await pilot.pause()
        assert app.screen is review
        after = {a.id: a.text for a in review.query(".review-text").results(TextArea)}
        assert after == before
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert reply_text(screen) == "テスト回答2"  # handed back, not lost
        assert current_id(screen) == "2.1.1"
    data = tomllib.loads((tmp_path / f"{SID}.toml").read_text(encoding="utf-8"))
    texts = data.get("texts", {}).get("1", {})
    assert all(field.get("state", "draft") == "draft" for field in texts.values())
    assert "テスト回答2" not in (tmp_path / f"{SID}.toml").read_text(encoding="utf-8")


@run_async
async def test_editing_the_review_is_an_explicit_step(tmp_path: Path):
    from interview.services.demo import DEMO_ID, write_demo

    write_demo(tmp_path / f"{DEMO_ID}.toml")
    app = InterviewApp(sessions_dir=tmp_path, resume=DEMO_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        issues = review.query_one("#review-issues", TextArea)
        assert issues.read_only
        await pilot.press("e")  # edit
        await pilot.pause()
        assert not issues.read_only
        issues.focus()
        issues.move_cursor(issues.document.end)
        await pilot.press(*"人員を採用")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        item = review.review_title.removeprefix("通番").split()[0]
        assert screen.live.session.texts[item].issues.state == "edited"
        assert screen.live.session.texts[item].issues.text.endswith("人員を採用")
        await pilot.press("f9")  # opened again (the screen is kept): read-only, 確定 focused
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and not review.editing
        issues = review.query_one("#review-issues", TextArea)
        assert issues.read_only and issues.text.endswith("人員を採用")
        assert app.focused is review.query_one("#review-ok", Button)
        assert not review.query_one("#review-edit", Button).disabled


# --- 4. a prefilled reply: cursor at the end, typing replaces it, ctrl+u clears ----------------


@run_async
async def test_a_prefilled_reply_is_replaced_by_typing_and_ctrl_u_clears(tmp_path: Path):
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        await type_and_send(pilot, "はい、CISOを置いています")
        await pilot.press("f7")  # back: the earlier answer is prefilled
        await pilot.pause()
        area = screen.query_one("#reply", TextArea)
        assert area.text == "はい、CISOを置いています"
        assert area.cursor_location == area.document.end
        assert area.selected_text == area.text  # typing replaces it
        await type_and_send(pilot, "はい、規程第4条に移動しました")
        assert saved(tmp_path)["1.1.1"]["detail"] == "はい、規程第4条に移動しました"
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("end")  # keep the prefill, then clear it all at once
        await pilot.press("ctrl+u")
        assert area.text == ""
        await type_and_send(pilot, "いいえ")
        assert saved(tmp_path)["1.1.1"] == saved(tmp_path)["1.1.1"] | {
            "status": "not_done",
            "detail": "いいえ",
        }


# --- 5. ctrl+q with unsent text or ticks asks first -------------------------------------------


@run_async
async def test_ctrl_q_with_unsent_text_asks_first(tmp_path: Path):
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        await type_text(pilot, "まだ送っていない回答")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuitScreen)
        await pilot.press("escape")  # back to the text
        await pilot.pause()
        assert app.screen is screen and reply_text(screen) == "まだ送っていない回答"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        if isinstance(app.screen, ConfirmQuitScreen):  # the reply was pending (unread)
            await pilot.press("y")
            await pilot.pause()
    assert app.return_code is not None or not app.is_running


@run_async
async def test_ctrl_q_asks_for_words_carried_from_the_group_screen(tmp_path: Path):
    """Words typed at a group screen and carried into the first example's field are the
    respondent's own: ctrl+q asks before dropping them."""
    said = "CISOは置いていますが部署ごとの責任者はまだです"
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await type_and_send(pilot, said)
        if parse_status_reply(said).status is None:  # the reader asks: one key settles it
            await pilot.press("2")
            await pilot.pause()
        assert current_id(screen) == "1.1.1" and reply_text(screen) == said
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuitScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and reply_text(screen) == said
        assert saved(tmp_path, "typed") == {"1.1.1": said}  # on disk at once
    # Killed or closed now: the next run puts the words back into the same field.
    again = InterviewApp(sessions_dir=tmp_path, resume=SID)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, InterviewScreen)
        assert current_id(screen) == "1.1.1" and reply_text(screen) == said


@run_async
async def test_ctrl_q_with_unsent_ticks_asks_and_y_quits(tmp_path: Path):
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        await goto(pilot, screen, "1.2.1")
        checklist = screen.query_one("#checklist", SelectionList)
        await pilot.press("shift+tab")
        assert app.focused is checklist
        await pilot.press("space")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuitScreen)
        await pilot.press("y")
        await pilot.pause()
    assert not app.is_running
    assert "1.2.1" not in saved(tmp_path)


@run_async
async def test_ctrl_q_with_nothing_unsent_quits_at_once(tmp_path: Path):
    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


# --- 15. every path through the plan question's three fields ------------------------------


@run_async
async def test_every_path_through_the_plan_fields_keeps_what_was_typed(tmp_path: Path):
    """課題認識＋対応計画 on one screen: the plan's 期限 typed is never saved as 未定."""
    from textual.widgets import Input

    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        due = screen.query_one("#plan-due", Input)
        extra = screen.query_one("#extra", Input)
        paths = [
            # (keys after typing the due date, expected owner)
            (("enter",), ""),  # Enter in the due field sends
            (("tab", "enter"), ""),  # to the owner field, Enter there
            (("shift+tab", "tab", "enter"), ""),  # the issue's sequence
        ]
        for n, (keys, expected_owner) in enumerate(paths):
            await goto(pilot, screen, "1.issues")
            await type_text(pilot, f"課題{n}")
            extra.value = f"計画{n}"
            due.focus()
            await pilot.press("ctrl+a", "ctrl+k")
            await type_text(pilot, f"2027年{n + 1}月")
            await pilot.press(*keys)
            await pilot.pause()
            if app.focused is not None and app.focused is not due and keys[-1] != "enter":
                await pilot.press("enter")
                await pilot.pause()
            plan = saved(tmp_path)["1.plan"]
            assert plan["due"] == f"2027年{n + 1}月", (keys, plan)
            assert plan.get("owner", "") == expected_owner
            assert saved(tmp_path)["1.issues"]["detail"] == f"課題{n}"


@run_async
async def test_keys_typed_while_the_last_reply_is_saved_are_kept_for_the_next(tmp_path: Path):
    """A fast typist starts the next reply before the screen has taken the last one away."""
    from textual.app import App, ComposeResult

    from interview.tui.widgets.answer_bar import ReplyArea

    sent: list[str] = []

    class Field(App[None]):
        def compose(self) -> ComposeResult:
            yield ReplyArea(id="reply")

        def on_reply_area_send(self, event: ReplyArea.Send) -> None:
            sent.append(event.text)

    app = Field()
    async with app.run_test() as pilot:
        area = app.query_one(ReplyArea)
        area.focus()
        await pilot.press(*"はい")
        await pilot.press("enter")
        await pilot.press(*"次の")  # typed before the screen resets the field
        area.set_prefill("")  # the next question
        assert sent == ["はい"]
        assert area.text == "次の"  # kept, not wiped
        area.set_prefill("前回の回答")  # no typing since: the prefill shows as usual
        assert area.text == "前回の回答"


@run_async
async def test_ctrl_c_says_how_to_quit_in_japanese(tmp_path: Path):
    app = InterviewApp(sessions_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = [(n.title, n.message) for n in app._notifications]
        assert ("終了しますか？", "終了するには ctrl+q を押してください。") in said
        assert app.is_running  # not quit


@run_async
async def test_a_request_in_words_says_which_key_and_saves_nothing(tmp_path: Path):
    """「この項目は後回しにして次へ」 is answered (F8), not read as 未実施; a request while a
    reply waits for its status leaves that reply waiting."""
    from interview.tui.keys import key_for

    app = InterviewApp(sessions_dir=new_store(tmp_path), resume=SID)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        reply = screen.query_one("#reply", TextArea)
        text = "この項目は後回しにして次へ"
        reply.text = text
        await pilot.press("enter")
        await pilot.pause()
        said = bubbles(screen)
        assert said[-2] == text  # the user's bubble, literal
        assert f"後回しにするには {key_for('skip')} を押してください" in said[-1]
        assert "記録していません" in said[-1]
        assert saved(tmp_path) == {}
        assert current_id(screen) == "1.1.1" and reply.text == ""

        reply.text = "テスト"  # unreadable: pending, its status asked for
        await pilot.press("enter")
        await pilot.pause()
        reply.text = "ちょっと待って、資料探してる"
        await pilot.press("enter")
        await pilot.pause()
        assert bubbles(screen)[-1].startswith("どうぞごゆっくり。")
        assert saved(tmp_path) == {}
        await pilot.press("1")  # the pending reply is still the one the key settles
        await pilot.pause()
        assert (
            saved(tmp_path)["1.1.1"] | {"status": "done", "detail": "テスト"}
            == saved(tmp_path)["1.1.1"]
        )
