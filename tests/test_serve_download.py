"""In the browser, F10 downloads the workbook (built in memory) and import is explained."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import new_session
from python_calamine import CalamineWorkbook

from interview.compile.export import export_session
from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.browser_commands import IMPORT_IN_BROWSER


async def _settle(pilot, done) -> None:
    for _ in range(150):
        await pilot.pause()
        if done():
            return
        await asyncio.sleep(0.02)


async def _drive(tmp_path: Path, web: bool) -> tuple[str, list, list[str]]:
    delivered: list = []
    app = InterviewApp(sessions_dir=tmp_path, resume="dl")
    if web:
        type(app).is_web = property(lambda self: True)  # restored by the caller

        def deliver_binary(file, *, save_filename=None, mime_type=None, **_):
            delivered.append((file.read(), save_filename, mime_type))
            return "key"

        app.deliver_binary = deliver_binary  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot, lambda: type(app.screen).__name__ == "InterviewScreen")
        await pilot.press("f10")
        await _settle(pilot, lambda: type(app.screen).__name__ != "InterviewScreen")
        shown = type(app.screen).__name__
        if web:
            await pilot.press("enter")
            await _settle(pilot, lambda: bool(delivered))
            await pilot.press("escape")
            await pilot.press("ctrl+p")
            await pilot.press(*"取り込")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
        notes = [n.message for n in app._notifications]
    return shown, delivered, notes


def test_f10_in_the_browser_delivers_the_workbook_bytes(tmp_path, monkeypatch):
    """F10 in the browser asked for a server path or wrote nothing to download."""
    session = new_session(
        SessionStore(tmp_path), "ダウンロード社", "api_connector", session_id="dl"
    )
    monkeypatch.setattr(InterviewApp, "is_web", InterviewApp.is_web)
    shown, delivered, notes = asyncio.run(_drive(tmp_path, web=True))
    assert shown == "DownloadScreen"
    [(payload, name, mime)] = delivered
    assert name == "dl.xlsx" and mime.endswith("spreadsheetml.sheet")
    # The same bytes the terminal's export writes to a file.
    written = export_session(session, tmp_path / "out.xlsx")
    assert payload == written.read_bytes()
    book = CalamineWorkbook.from_filelike(io.BytesIO(payload))
    assert "フォーマット" in book.sheet_names
    assert [p.name for p in tmp_path.glob("*.xlsx")] == ["out.xlsx"]  # F10 wrote no file
    assert IMPORT_IN_BROWSER in notes


def test_f10_in_the_terminal_keeps_the_export_screen(tmp_path):
    """The terminal's F10 changed."""
    new_session(SessionStore(tmp_path), "端末社", "api_connector", session_id="dl")
    shown, delivered, _notes = asyncio.run(_drive(tmp_path, web=False))
    assert shown == "ExportScreen" and delivered == []


def test_serve_command_imports_no_web_library_up_front():
    """Building the parser (every command's start-up) loaded textual-serve or aiohttp."""
    code = (
        "import sys; from interview.cli.main import build_parser; build_parser(); "
        "print(' '.join(m for m in ('textual_serve', 'aiohttp', 'interview.web.server') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("", False),
        ("192.168.1.10", False),
        ("no-such-host.invalid", False),
    ],
)
def test_loopback_hosts(host, loopback):
    from interview.web.hosts import is_loopback

    assert is_loopback(host) is loopback
