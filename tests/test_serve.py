"""``interview serve``: a real server process, real HTTP and websocket clients."""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import aiohttp
import pytest
from helpers import new_session
from serve_helpers import alive, children_of, serve

from interview.session.store import SessionStore

_ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def test_serve_answers_with_the_textual_serve_page_and_stops_on_ctrl_c(tmp_path):
    """No page, or ctrl+c did not stop the server cleanly."""
    with serve(tmp_path / "s") as served:
        with urllib.request.urlopen(served.url + "/", timeout=10) as response:
            status, page = response.status, response.read().decode("utf-8")
        status_code, printed = served.stop()
    assert f"ブラウザで開いてください: {served.url}/" in served.banner
    assert status == 200
    assert "textual.js" in page and 'id="terminal"' in page  # textual-serve's page
    assert "API接続チェックリスト 回答アシスタント" in page
    assert served.url.replace("http://", "ws://") + "/ws" in page
    assert status_code == 0 and "停止しました" in printed
    assert "Traceback" not in printed


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interview", "serve", *args],
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.7"])
def test_non_loopback_host_is_refused_without_allow_remote(tmp_path, host):
    """A server open to the network started without the person asking for it."""
    done = _run_cli("--host", host, "--sessions-dir", str(tmp_path))
    assert done.returncode == 1
    assert "ループバックではない" in done.stderr and "--allow-remote" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_allow_remote_warns_that_there_is_no_authentication():
    """--allow-remote bound silently, without saying anyone can open the sessions."""
    from interview.cli.serve_cmd import check_options

    args = argparse.Namespace(host="0.0.0.0", port=8000, allow_remote=True, public_url=None)
    warning = check_options(args)
    assert warning is not None and "認証" in warning and "docs/remote.md" in warning
    args.host = "127.0.0.1"
    assert check_options(args) is None


def test_bad_port_is_refused_with_a_message(tmp_path):
    done = _run_cli("--port", "70000", "--sessions-dir", str(tmp_path))
    assert done.returncode == 1 and "ポート番号" in done.stderr


def test_port_in_use_is_a_message_not_a_traceback(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _run_cli("--port", str(port), "--sessions-dir", str(tmp_path))
    assert done.returncode == 1
    assert f"ポート {port} は既に使われています" in done.stderr and "Traceback" not in done.stderr


class _Tab:
    """One browser tab, as textual-serve's page talks to the server."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.raw = b""

    @property
    def screen_text(self) -> str:
        return _ANSI.sub("", self.raw.decode("utf-8", "replace"))

    async def pump(self, until: str, timeout: float = 15) -> bool:
        deadline = time.monotonic() + timeout
        while until not in self.screen_text:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                message = await self.ws.receive(timeout=left)
            except TimeoutError:
                return False
            if message.type == aiohttp.WSMsgType.BINARY:
                self.raw += message.data
            elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSE):
                return False
        return True

    async def type(self, text: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", text]))


async def _two_tabs(url: str) -> tuple[bool, bool, bool]:
    ws_url = url.replace("http://", "ws://") + "/ws?width=120&height=40"
    async with aiohttp.ClientSession() as client:
        first = _Tab(await client.ws_connect(ws_url))
        second = _Tab(await client.ws_connect(ws_url))
        listed = await first.pump("ロック社") and await second.pump("ロック社")
        await first.type("\r")  # open the listed session
        opened = await first.pump("出力")  # the interview footer (F10 出力)
        await second.type("\r")  # the same session, in another tab
        refused = await second.pump("「lk」は別のアプリで開かれています")
        return listed, opened, refused


def test_two_tabs_on_one_session_get_the_lock_message(tmp_path):
    """Each tab has its own app; the second one on a session is refused with the message;
    ctrl+c ends both apps."""
    new_session(SessionStore(tmp_path), "ロック社", "api_connector", session_id="lk")
    with serve(tmp_path) as served:
        listed, opened, refused = asyncio.run(_two_tabs(served.url))
        apps = children_of(served.process.pid)
        status, printed = served.stop()
    assert listed, "the home screen did not list the session in both tabs"
    assert opened and refused, printed
    assert status == 0 and "Traceback" not in printed
    assert len(apps) >= 2, "each tab should have its own app process"
    time.sleep(0.2)
    # ctrl+c ended every tab's app, and cleanly: the session's lock is released.
    assert not [pid for pid in apps if alive(pid)], "app processes outlived the server"
    SessionStore(tmp_path).open("lk").close()
