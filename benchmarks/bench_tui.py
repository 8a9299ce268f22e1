"""TUI budgets: start-up vs a bare Textual app, answer latency in Pilot, RSS after a full interview.

Each figure runs in a fresh subprocess so imports and memory are measured honestly.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import textwrap
import time

from benchmarks.common import Figure

STARTUP_BARE = textwrap.dedent(
    """
    import time, sys
    start = float(sys.argv[1])
    from textual.app import App
    from textual.widgets import Header, Footer, Static
    class Bare(App):
        def compose(self):
            yield Header(); yield Static("hello"); yield Footer()
        def on_mount(self):
            self.call_after_refresh(self.done)
        def done(self):
            print(time.perf_counter() - start); self.exit()
    Bare().run(headless=True, size=(80, 24))
    """
)

STARTUP_APP = textwrap.dedent(
    """
    import time, sys, tempfile
    start = float(sys.argv[1])
    from pathlib import Path
    import interview.tui
    from interview.tui.app import InterviewApp
    from interview.tui.screens.home import HomeScreen
    class Timed(InterviewApp):
        def on_mount(self):
            super().on_mount()
            self.set_interval(0.001, self.check)
        def check(self):
            if isinstance(self.screen, HomeScreen) and self.screen.is_mounted:
                self.call_after_refresh(self.done)
        def done(self):
            print(time.perf_counter() - start); self.exit()
    Timed(sessions_dir=Path(tempfile.mkdtemp())).run(headless=True, size=(80, 24))
    """
)

LATENCY = textwrap.dedent(
    """
    import asyncio, json, statistics, tempfile, time
    from pathlib import Path
    import interview.tui
    from textual import events
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.widgets import Input, Static
    from interview.session.store import SessionStore
    from interview.services.checklist import plain_checklist
    from interview.services.sessions import make_respondent
    from interview.tui.app import InterviewApp

    # Both sides: send the Enter key through the driver, as Pilot does, then wait until the
    # new message widget is laid out. Pilot's own idle waits are left out: they are
    # test-harness time, not the app's.

    def send_enter(app):
        event = events.Key("enter", "\\r")
        event.set_sender(app)
        app._driver.send_message(event)

    class Bare(App):
        AUTO_FOCUS = "#in"
        def compose(self):
            yield VerticalScroll(id="log"); yield Input(id="in")
        def on_input_submitted(self, event):
            self.query_one("#log").mount(Static(event.value)); event.input.value = ""

    async def bare(n):
        samples = []
        app = Bare()
        async with app.run_test(size=(80, 24)) as pilot:
            log = app.query_one("#log")
            for i in range(n):
                await pilot.press("a")
                before = len(log.children)
                t = time.perf_counter()
                send_enter(app)
                while not (len(log.children) > before and log.children[-1].region.height):
                    await asyncio.sleep(0)
                samples.append((time.perf_counter() - t) * 1000)
                await pilot.pause()
        return statistics.median(samples)

    async def interview_app(n):
        directory = Path(tempfile.mkdtemp())
        SessionStore(directory).create(
            make_respondent("ベンチ株式会社", "api_connector"),
            edition=plain_checklist().edition_id,
            session_id="bench",
        )
        samples = []
        app = InterviewApp(sessions_dir=directory, resume="bench")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            chat = screen._chat
            for i in range(n):
                q = screen.live.interview.current()
                await pilot.press("1" if q.kind.value == "example" else "x")
                t = time.perf_counter()
                send_enter(app)
                deadline = t + 5.0  # never hang: a step the wait below can't see counts as 5 s
                while time.perf_counter() < deadline:
                    await asyncio.sleep(0)
                    if app.screen is not screen:
                        break  # the item review opened instead of the next question
                    nq = screen.live.interview.current()
                    last = chat.children[-1] if chat.children else None
                    if nq is not q and last is not None and last.region.height and nq.text[:12] in str(getattr(last, "source", "")):
                        break
                samples.append((time.perf_counter() - t) * 1000)
                await pilot.pause()
                if app.screen is not screen:
                    await pilot.press("ctrl+s"); await pilot.pause()
        return statistics.median(samples)

    print(json.dumps({"bare": asyncio.run(bare(40)), "app": asyncio.run(interview_app(80))}))
    """
)

RSS = textwrap.dedent(
    """
    import asyncio, json, resource, sys, tempfile
    from pathlib import Path
    import interview.tui
    from textual.app import App
    from textual.widgets import Static

    def rss_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    async def bare():
        async with App().run_test(size=(80, 24)) as pilot:
            await pilot.pause()

    async def full():
        from interview.session.store import SessionStore
        from interview.services.checklist import plain_checklist
        from interview.services.sessions import make_respondent
        from interview.tui.app import InterviewApp
        directory = Path(tempfile.mkdtemp())
        SessionStore(directory).create(
            make_respondent("ベンチ株式会社", "api_connector"),
            edition=plain_checklist().edition_id,
            session_id="bench",
        )
        a = InterviewApp(sessions_dir=directory, resume="bench")
        async with a.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = a.screen
            while (q := screen.live.interview.current()) is not None:
                await pilot.press("1" if q.kind.value == "example" else "x")
                await pilot.press("enter")
                if a.screen is not screen:
                    await pilot.press("ctrl+s")
            await pilot.pause()
            assert screen.live.interview.finished

    if sys.argv[1] == "bare":
        asyncio.run(bare())
    else:
        asyncio.run(full())
    print(json.dumps({"rss": rss_mb()}))
    """
)


def _startup(script: str, runs: int = 7) -> float:
    """Median ms from spawning the process to its first screen being ready.

    perf_counter is CLOCK_MONOTONIC on Linux, shared by parent and child.
    """
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", script, repr(start)], capture_output=True, text=True
        )
        if out.returncode:
            raise RuntimeError(out.stderr[-2000:])
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples) * 1000


def run() -> list[Figure]:
    bare = _startup(STARTUP_BARE)
    app = _startup(STARTUP_APP)
    latency = json.loads(
        subprocess.run(
            [sys.executable, "-c", LATENCY], capture_output=True, text=True, check=True
        ).stdout
    )
    rss_bare = json.loads(
        subprocess.run(
            [sys.executable, "-c", RSS, "bare"], capture_output=True, text=True, check=True
        ).stdout
    )["rss"]
    rss_full = json.loads(
        subprocess.run(
            [sys.executable, "-c", RSS, "full"], capture_output=True, text=True, check=True
        ).stdout
    )["rss"]
    return [
        Figure(
            "start-up to home screen ready",
            app,
            "ms",
            "bare Textual app ready",
            bare,
            "budget ≤ 1.3×",
        ),
        Figure(
            "answer key → next question (median)",
            latency["app"],
            "ms",
            "bare app: enter → message laid out",
            latency["bare"],
            "budget ≤ 50 ms",
        ),
        Figure(
            "RSS after a complete interview",
            rss_full,
            "MB",
            "bare Textual app RSS",
            rss_bare,
            "budget ≤ 150 MB",
        ),
    ]
