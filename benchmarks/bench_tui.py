"""TUI budgets: start-up vs a bare Textual app, key → next step (single questions, group
screens, closing questions, the item review), RSS after a complete interview.

Each figure runs in a fresh subprocess so imports and memory are measured honestly; the
baselines (a bare Textual app) run in the same ``make bench`` run.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import textwrap
import time
from typing import Any, cast

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

# Both latency scripts measure the same thing the same way: from a key sent through the
# driver (as Pilot sends it, but without Pilot's idle waits, which are test-harness time)
# to the first frame *written* that shows the next step laid out. Frames are rendered as
# on a terminal: the headless driver is told it is not headless, so Textual renders each
# update to terminal codes (then dropped), and each write is timed. Whether a frame shows
# the next step is checked when it is written; the check's own cost is not counted.
FRAMES = textwrap.dedent(
    """
    import asyncio, json, resource, statistics, time
    from textual import events
    from textual.drivers.headless_driver import HeadlessDriver

    HeadlessDriver.is_headless = property(lambda self: False)  # render frames for real
    WATCH = []  # [shown(), (wall, CPU) time it first held] while a key is being timed
    CPU = []  # CPU ms of each timed key (this process: the app's own work, whatever the load)

    def write(self, data):
        now = (time.perf_counter(), time.process_time())
        if WATCH and WATCH[1] is None and WATCH[0]():
            WATCH[1] = now

    HeadlessDriver.write = write

    def rss_mb():
        # This process's own peak (VmHWM). ru_maxrss is not: on Linux it keeps the high-water
        # mark of the process image before exec, i.e. the benchmark runner's size at fork.
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    async def timed_key(app, shown, key="enter", character="\\r", timeout=5.0):
        # ms from *key* to the first frame written where shown() holds; None if none did
        WATCH[:] = [shown, None]
        event = events.Key(key, character)
        event.set_sender(app)
        start, cpu = time.perf_counter(), time.process_time()
        app._driver.send_message(event)
        while WATCH[1] is None and time.perf_counter() - start < timeout:
            await asyncio.sleep(0)
        done = WATCH[1]
        WATCH.clear()
        if done is None:
            return None
        CPU.append((done[1] - cpu) * 1000)
        return (done[0] - start) * 1000
    """
)

# The baseline: a bare Textual chat (header, scrolling log, input, footer) where Enter
# adds the reply and the next question to the log.
BARE_LATENCY = FRAMES + textwrap.dedent(
    """
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.widgets import Footer, Header, Input, Static

    class Bare(App):
        AUTO_FOCUS = "#in"
        def compose(self):
            yield Header(); yield VerticalScroll(id="log"); yield Input(id="in"); yield Footer()
        def on_input_submitted(self, event):
            log = self.query_one("#log")
            log.mount(Static(event.value)); log.mount(Static("次の質問です。" * 8))
            log.scroll_end(animate=False)
            event.input.value = ""

    async def main(n):
        samples = []
        app = Bare()
        async with app.run_test(size=(80, 24)) as pilot:
            log = app.query_one("#log")
            for i in range(n):
                await pilot.press("a")
                before = log.children[-1] if log.children else None
                def shown():
                    last = log.children[-1] if log.children else None
                    return last is not before and last.region.height > 0
                samples.append(await timed_key(app, shown))
                await pilot.pause()
        assert None not in samples, samples
        return samples

    samples = asyncio.run(main(60))
    print(json.dumps({
        "median": statistics.median(samples),
        "cpu": statistics.median(CPU),
        "n": len(samples),
        "rss": rss_mb(),
    }))
    """
)

# A complete interview of an API接続先, answered with the keys a person presses: a method
# group "1" (all 実施済み) or, every third group, "2" (one by one: then each 手法例 "1",
# every fourth one "2"), so the path has group screens, single examples, drill-downs and
# 課題・対応計画 steps; その他・備考 and 認証 with Enter alone (「特になし」), other text "x".
# The item review that opens after each item is confirmed with ctrl+s; that key
# (review → the next item's first step) is reported apart from the answer keys.
APP_LATENCY = FRAMES + textwrap.dedent(
    """
    import sys, tempfile
    from collections import defaultdict
    from pathlib import Path
    import interview.tui
    from interview.session.store import SessionStore
    from interview.services.checklist import plain_checklist
    from interview.services.sessions import make_respondent
    from interview.tui.app import InterviewApp

    REVIEW = "review → next item"
    LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 10**6  # keys (a shorter run to profile)

    async def main():
        directory = Path(tempfile.mkdtemp())
        SessionStore(directory).create(
            make_respondent("ベンチ株式会社", "api_connector"),
            edition=plain_checklist().edition_id,
            session_id="bench",
        )
        samples = defaultdict(list)
        missed = []
        app = InterviewApp(sessions_dir=directory, resume="bench")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            chat = screen._chat
            interview = screen.live.interview
            groups = examples = 0

            def last_bubble():
                return chat.children[-1] if chat.children else None

            def next_step_shown(before_step, before_last):
                def shown():
                    if app.screen is not screen:  # the item review opened
                        box = app.screen.query("#review-fields")
                        return bool(box) and box.first().region.height > 0
                    last = last_bubble()
                    return (
                        interview.current_step() != before_step
                        and last is not before_last
                        and last.region.height > 0
                    )
                return shown

            def chat_shown(before_last):
                def shown():
                    last = last_bubble()
                    return app.screen is screen and last is not before_last and (
                        last.region.height > 0
                    )
                return shown

            while (step := interview.current_step()) is not None and len(CPU) < LIMIT:
                kind = step.kind.value
                if kind == "group":
                    groups += 1
                    keys = ["2" if groups % 3 == 0 else "1"]
                elif kind == "example":
                    examples += 1
                    keys = ["2" if examples % 4 == 0 else "1"]
                elif kind in ("notes", "certification"):
                    keys = []
                else:
                    keys = ["x"]
                if keys:
                    await pilot.press(*keys)
                await pilot.pause()
                ms = await timed_key(app, next_step_shown(step, last_bubble()))
                await pilot.pause()
                if ms is None or (app.screen is screen and interview.current_step() == step):
                    missed.append(f"{kind} {step.id}")
                    break
                samples[kind].append(ms)
                if app.screen is not screen:
                    ms = await timed_key(app, chat_shown(last_bubble()), "ctrl+s", None)
                    await pilot.pause()
                    if ms is None:
                        missed.append(f"review after {step.id}")
                        break
                    samples[REVIEW].append(ms)
            finished = interview.finished
        return samples, missed, finished

    samples, missed, finished = asyncio.run(main())
    steps = [ms for kind, values in samples.items() if kind != REVIEW for ms in values]
    print(json.dumps({
        "median": statistics.median(steps),
        "cpu": statistics.median(CPU),
        "p90": statistics.quantiles(steps, n=10)[-1],
        "n": len(steps),
        "kinds": {k: [len(v), statistics.median(v)] for k, v in samples.items()},
        "missed": missed,
        "finished": finished,
        "rss": rss_mb(),
    }))
    """
)

# The RSS baseline: a bare Textual app, started and shown (as the budget's baseline).
RSS_BARE = textwrap.dedent(
    """
    import asyncio, json
    from textual.app import App

    async def bare():
        async with App().run_test(size=(80, 24)) as pilot:
            await pilot.pause()

    asyncio.run(bare())
    with open("/proc/self/status") as status:  # own peak: see rss_mb above
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    print(json.dumps({"rss": peak / 1024}))
    """
)


def _json(script: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return cast(dict[str, Any], json.loads(out.stdout.strip().splitlines()[-1]))


def _startup_once(script: str) -> float:
    """Seconds from spawning the process to its first screen being ready.

    perf_counter is CLOCK_MONOTONIC on Linux, shared by parent and child.
    """
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", script, repr(start)], capture_output=True, text=True
    )
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return float(out.stdout.strip().splitlines()[-1])


def _startup_pair(runs: int = 9) -> tuple[float, float]:
    """Median ms to the first screen of (bare app, our app).

    The two are run alternately, after one unmeasured warm-up each, so that a change of load on
    the machine during the run (other processes, the disk cache) falls on both alike.
    """
    _startup_once(STARTUP_BARE)
    _startup_once(STARTUP_APP)
    bare: list[float] = []
    app: list[float] = []
    for _ in range(runs):
        bare.append(_startup_once(STARTUP_BARE))
        app.append(_startup_once(STARTUP_APP))
    return statistics.median(bare) * 1000, statistics.median(app) * 1000


def run() -> list[Figure]:
    bare, app = _startup_pair()
    latency_bare = _json(BARE_LATENCY)
    latency = _json(APP_LATENCY)
    if latency["missed"] or not latency["finished"]:
        raise RuntimeError(f"the latency run did not see every step: {latency['missed']}")
    rss_bare = _json(RSS_BARE)["rss"]
    baseline = "bare app: Enter → reply + question"
    figures = [
        Figure(
            "start-up to home screen ready",
            app,
            "ms",
            "bare Textual app ready",
            bare,
            "budget ≤ 1.3×",
        ),
        Figure(
            f"answer key → next step shown (median, {latency['n']} steps)",
            latency["median"],
            "ms",
            baseline,
            latency_bare["median"],
            "budget ≤ 50 ms",
        ),
        Figure(
            "  90th percentile of those", latency["p90"], "ms", baseline, latency_bare["median"]
        ),
        Figure(
            "  CPU time per key (median, any load)",
            latency["cpu"],
            "ms",
            "  bare app's CPU time per key",
            latency_bare["cpu"],
        ),
    ]
    for kind, (n, median) in sorted(latency["kinds"].items()):
        figures.append(Figure(f"  {kind} ({n}×)", median, "ms", baseline, latency_bare["median"]))
    figures.append(
        Figure(
            "RSS after a complete interview",
            latency["rss"],
            "MB",
            "bare Textual app RSS",
            rss_bare,
            "budget ≤ 150 MB",
        )
    )
    return figures
