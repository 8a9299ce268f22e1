"""A small Chrome DevTools Protocol client for the real-browser test (aiohttp only).

Starts Debian's chromium headless with a fresh profile, opens one page and sends CDP
commands to it; nothing is downloaded.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-port=0",
)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")

# Installed before the page's own scripts: keeps a copy of what the terminal is sent (the
# page draws on a canvas, so its text cannot be read from the DOM).
RECORD_TERMINAL = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__terminal = "";
  function Recording(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener("message", (event) => {
      if (event.data instanceof ArrayBuffer) {
        window.__terminal += decoder.decode(event.data, { stream: true });
      }
    });
    return ws;
  }
  Recording.prototype = Native.prototype;
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Recording[name] = Native[name];
  window.WebSocket = Recording;
})();
"""


class Page:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self._ids = itertools.count(1)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        await self.ws.send_str(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = await self.ws.receive(timeout=20)
            if message.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"DevTools connection closed during {method}")
            data = json.loads(message.data)
            if data.get("id") == call_id:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data.get("result", {})

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float = 15) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.1)
        raise TimeoutError(f"waited {timeout}s for {expression}")

    async def key(self, key: str, code: str, keycode: int, text: str = "") -> None:
        common = {"key": key, "code": code, "windowsVirtualKeyCode": keycode}
        await self.send("Input.dispatchKeyEvent", type="keyDown", text=text, **common)
        await self.send("Input.dispatchKeyEvent", type="keyUp", **common)

    async def compose(self, reading: str, committed: str) -> None:
        """Type like an input method: a composition shown, then the chosen text committed."""
        for end in range(1, len(reading) + 1):
            await self.send(
                "Input.imeSetComposition",
                text=reading[:end],
                selectionStart=end,
                selectionEnd=end,
            )
        await self.send("Input.insertText", text=committed)

    async def terminal_text(self) -> str:
        """What the app has drawn so far, escape sequences removed."""
        return ANSI.sub("", await self.evaluate("window.__terminal") or "")

    async def wait_for_text(self, text: str, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while text not in await self.terminal_text():
            if time.monotonic() > deadline:
                raise TimeoutError(f"the app did not show {text!r} within {timeout}s")
            await asyncio.sleep(0.1)

    async def screenshot(self, path: Path) -> None:
        shot = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))


@contextlib.asynccontextmanager
async def browser_page(chromium: str, width: int = 1280, height: int = 800) -> AsyncIterator[Page]:
    profile = tempfile.mkdtemp(prefix="interview-chromium-")
    process = subprocess.Popen(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("chromium did not open its DevTools port")
            await asyncio.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        async with aiohttp.ClientSession() as client:
            async with client.get(f"http://127.0.0.1:{port}/json/list") as response:
                targets = await response.json(content_type=None)
            page_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
            async with client.ws_connect(page_url, max_msg_size=0) as ws:
                page = Page(ws)
                await page.send("Page.enable")  # (else the script below is not installed)
                await page.send("Page.addScriptToEvaluateOnNewDocument", source=RECORD_TERMINAL)
                yield page
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(profile, ignore_errors=True)
