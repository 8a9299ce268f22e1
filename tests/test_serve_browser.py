"""A real browser: Debian's chromium, driven through the DevTools protocol.

The page is textual-serve's (xterm.js); Japanese is typed as an input method does it (a
composition, then the chosen text committed), sent with Enter, and must be in the saved
TOML. F10 then downloads the workbook into the browser's download folder.
"""

from __future__ import annotations

import asyncio
import os
import time
import tomllib
from pathlib import Path

import pytest
from cdp import browser_page, find_chromium
from helpers import new_session
from serve_helpers import serve

from interview.session.store import SessionStore

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium; .ci/run installs it)",
)

READING = "はい、しーあいえすおーをおいています"
REPLY = "はい、CISO（最高情報セキュリティ責任者）を置いています"
DETAIL = REPLY  # saved exactly as typed (the status words stay in the detail)


async def _wait_file(path: Path, text: str | None = None, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and (text is None or text in path.read_text(encoding="utf-8")):
            return True
        await asyncio.sleep(0.1)
    return False


async def _interview_in_browser(url: str, sessions: Path, downloads: Path, shot: Path) -> None:
    assert CHROMIUM is not None
    async with browser_page(CHROMIUM, 1280, 720) as page:
        await page.send("Page.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
        await page.send("Page.navigate", url=url + "/")
        await page.wait_for_text("ブラウザ社")  # the home screen lists the session
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await page.key("Enter", "Enter", 13, "\r")
        await page.wait_for_text("最高責任者")  # the first question
        assert await _wait_file(sessions / "br.toml.lock"), "the session was not opened"
        await page.compose(READING, REPLY)
        await page.wait_for_text("を置いています")  # in the reply field, as a person sees it
        await page.key("Enter", "Enter", 13, "\r")
        if not await _wait_file(sessions / "br.toml", DETAIL):
            await page.screenshot(shot.with_name("not-saved.png"))
            tail = (await page.terminal_text())[-800:]
            raise AssertionError(f"the reply was not saved ({shot.parent}); screen: {tail}")
        await asyncio.sleep(0.5)  # saved; let the chat show it before the screenshot
        await page.screenshot(shot)
        await page.key("F10", "F10", 121)
        await page.wait_for_text("ダウンロード (Enter)")
        await page.key("Enter", "Enter", 13, "\r")
        assert await _wait_file(downloads / "br.xlsx"), "F10 delivered no workbook"


def test_japanese_reply_typed_in_chromium_is_saved_and_f10_downloads(tmp_path):
    """IME text typed in the browser was lost, or F10 gave no download."""
    new_session(SessionStore(tmp_path), "ブラウザ社", "api_connector", session_id="br")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    shot = Path(os.environ.get("INTERVIEW_SERVE_SCREENSHOT") or tmp_path / "browser.png")
    with serve(tmp_path) as served:
        asyncio.run(_interview_in_browser(served.url, tmp_path, downloads, shot))
        status, printed = served.stop()
    saved = tomllib.loads((tmp_path / "br.toml").read_text(encoding="utf-8"))
    # Literally as the input method committed it; the composition's reading is not stored.
    first = saved["answers"]["1.1.1"]
    assert (first["status"], first["detail"]) == ("done", DETAIL)
    assert READING not in (tmp_path / "br.toml").read_text(encoding="utf-8")
    assert (downloads / "br.xlsx").read_bytes()[:2] == b"PK"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    assert status == 0 and "Traceback" not in printed
