"""Review budgets (issue #18), for 200 generated connector workbooks:

- ``review add`` of all 200 ≤ 60 s and ≤ 500 MB peak RSS (run as the real command in a
  child process; baseline: reading the same 200 workbooks with the bare reader);
- ``review status`` ≤ 1 s (baseline: parsing the review file with tomllib alone);
- the portfolio export ≤ 5 s (baseline: a bare openpyxl write of the same cells).

``REVIEW_BENCH_CONNECTORS`` changes the count (default 200).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import replace
from pathlib import Path

import tomli_w
from openpyxl import Workbook

from benchmarks.common import Figure
from interview.catalog import load_catalog
from interview.compile.workbook_data import build_workbook_data
from interview.questions.bank import load_questions
from interview.services.demo import build_demo_session
from interview.services.review.export import export_portfolio
from interview.services.review.status import review_status
from interview.services.review.store import ReviewStore
from interview.services.review.verdicts import Verdict
from interview.workbook.reader import read_workbook_report
from interview.workbook.writer import build_workbook, document_stamp, workbook_bytes


def _workbooks(folder: Path, count: int) -> list[Path]:
    catalog = load_catalog()
    data = build_workbook_data(build_demo_session(), catalog, load_questions(catalog))
    assert data.cover is not None
    files = []
    for index in range(count):
        cover = replace(data.cover, organisation=f"株式会社接続先{index:03d}")
        book = build_workbook(replace(data, cover=cover))
        path = folder / f"connector-{index:03d}.xlsx"
        path.write_bytes(workbook_bytes(book, document_stamp(cover)))
        files.append(path)
    return files


def run() -> list[Figure]:
    count = int(os.environ.get("REVIEW_BENCH_CONNECTORS", "200"))
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = _workbooks(folder, count)
        start = time.perf_counter()
        for path in files:
            read_workbook_report(path)
        bare_read = time.perf_counter() - start

        sessions = folder / "s"
        cli = [sys.executable, "-m", "interview", "--sessions-dir", str(sessions), "review"]
        subprocess.run(
            [*cli, "new", "--bank", "ベンチ銀行", "--id", "b"], check=True, capture_output=True
        )
        start = time.perf_counter()
        subprocess.run([*cli, "add", "b", *map(str, files)], check=True, capture_output=True)
        add = time.perf_counter() - start
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        figures.append(
            Figure(
                f"review add ×{count}",
                add,
                "s",
                "bare read of the same files",
                bare_read,
                "budget ≤ 60 s",
            )
        )
        figures.append(
            Figure("review add peak RSS", rss_mb, "MB", "budget", 500.0, "budget ≤ 500 MB")
        )

        store = ReviewStore(sessions)
        path = store.path_for("b")
        start = time.perf_counter()
        review = store.load("b")
        review_status(review, load_catalog()).model_dump_json()
        status = time.perf_counter() - start
        start = time.perf_counter()
        tomllib.loads(path.read_text(encoding="utf-8"))
        parse = time.perf_counter() - start
        figures.append(
            Figure(
                f"review status ({count} connectors)",
                status,
                "s",
                "tomllib parse of the file",
                parse,
                "budget ≤ 1 s",
            )
        )

        start = time.perf_counter()
        export_portfolio(review, folder / "pf.xlsx", True)
        portfolio = time.perf_counter() - start
        start = time.perf_counter()
        book = Workbook()
        ws = book.active
        assert ws is not None
        for row in range(len(review.connectors) + 4):
            for column in range(50):
                ws.cell(row=row + 1, column=column + 1, value="回答・未")
        book.save(folder / "bare.xlsx")
        bare = time.perf_counter() - start
        figures.append(
            Figure(
                f"portfolio export ({count} connectors)",
                portfolio,
                "s",
                "bare openpyxl write, same cells",
                bare,
                "budget ≤ 5 s",
            )
        )

        from interview.services.review.walk import open_review

        walk = open_review(sessions, "b")
        try:
            start = time.perf_counter()
            walk.view(walk.review.connectors[0], 0)
            opened = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            walk.give(walk.review.connectors[0], 0, Verdict.CONFIRMED)
            verdict = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            tomli_w.dumps(walk.review.model_dump(mode="json", exclude_none=True))
            dump = (time.perf_counter() - start) * 1000
        finally:
            walk.close()
        figures.append(
            Figure(
                f"review app: one verdict, saved ({count} connectors)",
                verdict,
                "ms",
                "tomli-w dump of the review alone",
                dump,
                "autosave after every verdict",
            )
        )
        start = time.perf_counter()
        read_workbook_report(files[0])
        one = (time.perf_counter() - start) * 1000
        figures.append(
            Figure(
                "review walk: open a connector (services)",
                opened,
                "ms",
                "bare read of its workbook",
                one,
                "budget ≤ 200 ms",
            )
        )
        first, screen, idle = _open_in_app(sessions)
        for name, value in (("first connector", first), ("next connectors, median", screen)):
            figures.append(
                Figure(
                    f"review TUI: Enter → drawn ({name})",
                    value,
                    "ms",
                    "push a bare screen (Textual's cost)",
                    idle,
                    "budget ≤ 200 ms",
                )
            )
    return figures


def _open_in_app(sessions: Path) -> tuple[float, float, float]:
    """ms in the headless app at 120×40 (answers and the guide pane): Enter on a
    connector until its first item is drawn, for the first connector opened and (median) the
    next five. Baseline: pushing a bare screen (header, one line, footer) in the same app,
    which is what Textual itself costs."""
    import asyncio
    import statistics

    os.environ.setdefault("TEXTUAL_DISABLE_KITTY_KEY", "1")
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Static

    from interview.tui.review_app import ItemScreen, ReviewApp

    class Bare(Screen[None]):
        def compose(self):
            yield Header()
            yield Static("x")
            yield Footer()

    async def measure() -> tuple[float, float, float]:
        app = ReviewApp(sessions, "b")
        opens, bare = [], []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for row in range(6):
                start = time.perf_counter()
                app.push_screen(Bare())
                await pilot.pause()
                bare.append((time.perf_counter() - start) * 1000)
                app.pop_screen()
                await pilot.pause()
                app.screen.query_one("DataTable").move_cursor(row=row * 7)
                start = time.perf_counter()
                await pilot.press("enter")
                while not isinstance(app.screen, ItemScreen):
                    await pilot.pause(0.001)
                await pilot.pause()  # drawn
                opens.append((time.perf_counter() - start) * 1000)
                await pilot.press("escape")
                await pilot.pause()
        # The item screen is mounted (hidden) after the list is drawn: the first open lays
        # it out at the app's size; later ones only refill the kept screen.
        return opens[0], statistics.median(opens[1:]), statistics.median(bare)

    return asyncio.run(measure())
