"""textual-serve's Server, adapted: one tracked app process per browser tab.

Changes from the stock server (textual-serve 1.1.3):

- each tab's app runs from an argument list (no shell, so no quoting of the sessions
  folder), in its own session, so ctrl+c in the serving terminal reaches only the server;
- on shutdown every app still running is asked to quit (it saves and releases its
  session lock), and killed if it has not gone within a few seconds;
- downloads carry the file's own (Japanese) name (RFC 6266 ``filename*``);
- a short Japanese banner with the URL instead of the logo; no locals in tracebacks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("interview.serve")

QUIT_GRACE_SECONDS = 3.0


class TabApp(AppService):
    """One browser tab's app process, started from an argument list in its own session."""

    def __init__(self, argv: Sequence[str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = list(argv)

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,  # the terminal's ctrl+c goes to the server only
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def shut(self, grace: float = QUIT_GRACE_SECONDS) -> None:
        """Ask the app to quit; end it if it has not within *grace* seconds."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        with contextlib.suppress(Exception):
            await self.send_meta({"type": "quit"})
        try:
            await asyncio.wait_for(process.wait(), grace)
            return
        except TimeoutError:
            pass
        for stop in (process.terminate, process.kill):
            with contextlib.suppress(ProcessLookupError):
                stop()
            try:
                await asyncio.wait_for(process.wait(), grace)
                return
            except TimeoutError:
                continue


class InterviewServer(Server):
    """Serves ``argv`` (the interview app) to every browser tab that connects."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        host: str,
        port: int,
        public_url: str,
        title: str,
        announce: Callable[[str], None],
    ) -> None:
        super().__init__(
            " ".join(argv),
            host=host,
            port=port,
            title=title,
            public_url=public_url,
            statics_path="./static",
            templates_path="./templates",
        )
        # The stock paths are relative to textual_serve/server.py.
        import textual_serve.server as stock

        base = Path(stock.__file__).resolve().parent
        self.statics_path = base / "static"
        self.templates_path = base / "templates"
        self.argv = list(argv)
        self.tabs: set[TabApp] = set()
        self.announce = announce

    # --- start and stop ----------------------------------------------------------------

    def initialize_logging(self) -> None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        for name in ("textual-serve", "interview.serve", "aiohttp"):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(logging.WARNING)
            logger.propagate = False

    async def on_startup(self, app: web.Application) -> None:
        """(The stock server prints its logo here; the URL is announced once bound.)"""

    async def on_shutdown(self, app: web.Application) -> None:
        tabs = list(self.tabs)
        if tabs:
            await asyncio.gather(*(tab.shut() for tab in tabs), return_exceptions=True)

    def serve(self, debug: bool = False) -> None:
        """Run until ctrl+c (SIGINT) or SIGTERM; then end every app process started."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, self.request_exit)
        try:
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                print=lambda *_args: self.announce(self.public_url),
                shutdown_timeout=QUIT_GRACE_SECONDS,
                access_log=None,
            )
        finally:
            # Whatever stopped the server, no app it started outlives it.
            for tab in list(self.tabs):
                process = tab._process
                if process is not None and process.returncode is None:
                    with contextlib.suppress(ProcessLookupError):
                        process.kill()
            with contextlib.suppress(RuntimeError):
                loop.close()

    # --- one tab ------------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """As textual-serve's, with a tracked :class:`TabApp` for the tab."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        tab: TabApp | None = None
        try:
            await websocket.prepare(request)
            tab = TabApp(
                self.argv,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.tabs.add(tab)
            await tab.start(width, height)
            await self._process_messages(websocket, tab)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.warning("ブラウザとの接続でエラーが起きました: %s", type(error).__name__)
        finally:
            if tab is not None:
                await tab.shut()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(tab.stop(), QUIT_GRACE_SECONDS)
                self.tabs.discard(tab)
        return websocket

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """As textual-serve's, but a Japanese file name survives (RFC 6266 / 5987)."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="ダウンロードは終了しているか、見つかりません。") from None
        response = web.StreamResponse()
        content_type = meta.mime_type
        if meta.encoding:
            content_type += f"; charset={meta.encoding}"
        response.headers["Content-Type"] = content_type
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        response.headers["Content-Disposition"] = content_disposition(disposition, meta.file_name)
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response


def content_disposition(disposition: str, file_name: str) -> str:
    """``attachment; filename="ascii"; filename*=UTF-8''percent-encoded``."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\;' else "_" for c in file_name)
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"
