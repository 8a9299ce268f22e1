"""The app's export dialog asks before it replaces an existing workbook."""

from __future__ import annotations

import asyncio
from pathlib import Path

from helpers import new_session
from textual.app import App
from textual.widgets import Input, Static

from interview.services.live import LiveSession
from interview.session.store import SessionStore
from interview.tui.screens.export import ExportScreen


class _Host(App[None]):
    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live

    def on_mount(self) -> None:
        self.push_screen(ExportScreen(self.live))


async def _drive(tmp_path: Path, target: Path) -> tuple[str, bytes, str]:
    session = new_session(SessionStore(tmp_path), "上書き確認社", "api_connector", session_id="o")
    app = _Host(LiveSession(session, lambda s: None))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await _settle(pilot, lambda: "既にあります" in _result(screen))
        asked, kept = _result(screen), target.read_bytes()
        await pilot.press("enter")  # yes, replace it
        await _settle(pilot, lambda: "出力しました" in _result(screen))
        return asked, kept, _result(screen)


def _result(screen) -> str:
    return str(screen.query_one("#export-result", Static).render())


async def _settle(pilot, done) -> None:
    for _ in range(100):
        await pilot.pause()
        if done():
            return
        await asyncio.sleep(0.02)


def test_existing_file_is_replaced_only_after_asking(tmp_path):
    """The dialog replaced an existing file without a word."""
    target = tmp_path / "answer.xlsx"
    target.write_bytes(b"last year's answers")
    asked, kept, done = asyncio.run(_drive(tmp_path, target))
    assert "既にあります" in asked and "もう一度 Enter" in asked
    assert kept == b"last year's answers"
    assert "出力しました" in done
    assert target.read_bytes().startswith(b"PK")
