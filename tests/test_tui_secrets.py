"""The secret warning in the TUI: mask, keep, or go back and fix it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from helpers import new_session
from textual.widgets import TextArea

from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.secret_warning import SecretWarningScreen

SECRET = "はい、管理者の初期パスワード: Xy7#kP2q! を手順書に記載"


async def _answer_with_secret(tmp_path: Path, key: str) -> tuple[dict, str]:
    new_session(SessionStore(tmp_path), "秘密株式会社", "api_connector", session_id="s")
    app = InterviewApp(sessions_dir=tmp_path, resume="s")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await pilot.press("2", "enter")  # the group screen: one by one (a single question)
        await pilot.pause()
        reply = screen.query_one("#reply", TextArea)
        reply.text = SECRET
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SecretWarningScreen)
        shown = str(app.screen.query_one("#secret-text").source)
        assert "パスワード" in shown and "Xy7#kP2q!" not in shown  # the preview hides it
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        return dict(screen.live.session.answers), reply.text


@pytest.mark.parametrize(
    ("key", "stored"),
    [
        ("m", "はい、管理者の初期パスワード: ［マスク済み: パスワード］ を手順書に記載"),
        ("k", "はい、管理者の初期パスワード: Xy7#kP2q! を手順書に記載"),
    ],
)
def test_mask_or_keep(tmp_path, key, stored):
    answers, _ = asyncio.run(_answer_with_secret(tmp_path, key))
    assert answers["1.1.1"].detail == stored
    on_disk = SessionStore(tmp_path).load("s").answers["1.1.1"].detail
    assert on_disk == stored


def test_back_keeps_the_text_and_saves_nothing(tmp_path):
    answers, reply = asyncio.run(_answer_with_secret(tmp_path, "escape"))
    assert "1.1.1" not in answers
    assert reply == SECRET
    assert "1.1.1" not in SessionStore(tmp_path).load("s").answers
