"""The secret warning in the TUI: mask, keep, or go back and fix it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from helpers import new_session
from textual.widgets import TextArea

from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.secret_warning import SecretWarningScreen

SECRET = "はい、管理者の初期パスワード: Xy7#kP2q! を手順書に記載"
MASKED = "はい、管理者の初期パスワード: ［マスク済み: パスワード］ を手順書に記載"


async def _back_mask_and_keep(tmp_path: Path) -> None:
    """One app, three answers to the warning: escape on 1.1.1 (back, the text kept, nothing
    saved), then m on 1.1.1 (masked), then k on the next question 1.1.2 (kept as typed)."""
    new_session(SessionStore(tmp_path), "秘密株式会社", "api_connector", session_id="s")
    app = InterviewApp(sessions_dir=tmp_path, resume="s")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await pilot.press("2", "enter")  # the group screen: one by one (a single question)
        await pilot.pause()
        reply = screen.query_one("#reply", TextArea)

        async def send_secret(key: str) -> None:
            assert reply.text == SECRET or not reply.text
            reply.text = SECRET
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SecretWarningScreen)
            shown = str(app.screen.query_one("#secret-text").source)
            assert "パスワード" in shown and "Xy7#kP2q!" not in shown  # the preview hides it
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, InterviewScreen)

        # Back: the text stays in the reply field and nothing is saved.
        await send_secret("escape")
        assert "1.1.1" not in screen.live.session.answers
        assert reply.text == SECRET
        assert "1.1.1" not in SessionStore(tmp_path).load("s").answers

        # Mask, then keep: each stored so in the session and on disk.
        for key, question, stored in (("m", "1.1.1", MASKED), ("k", "1.1.2", SECRET)):
            await send_secret(key)
            assert screen.live.session.answers[question].detail == stored
            assert SessionStore(tmp_path).load("s").answers[question].detail == stored


def test_back_then_mask_then_keep(tmp_path):
    asyncio.run(_back_mask_and_keep(tmp_path))
