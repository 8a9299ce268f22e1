"""End to end: a complete API接続先 interview driven by Pilot, then exported from the app."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

from python_calamine import CalamineWorkbook
from textual.widgets import Input, TextArea

from interview.catalog import Party
from interview.tui.app import InterviewApp
from interview.tui.screens.export import ExportScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.review import ReviewScreen

REPLIES = itertools.cycle(
    ["はい、規程あり", "一部、本番のみ", "いいえ", "該当なし：対象外", "わからない"]
)


async def run_full_interview(tmp_path: Path) -> tuple[Path, int, int]:
    app = InterviewApp(sessions_dir=tmp_path)
    reviews = 0
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"通し試験株式会社")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        reply = screen.query_one("#reply", TextArea)
        while (step := screen.live.interview.current_step()) is not None:
            if step.kind.value in ("example", "group"):
                reply.text = next(REPLIES)
            elif step.kind.value == "issues":
                screen.query_one("#plan-due", Input).value = "2027年3月"
                screen.query_one("#plan-owner", Input).value = "情報システム部"
                screen.query_one("#extra", Input).value = "手順書を整備する"
                reply.text = "兼任が多い"
            else:
                reply.text = "なし"
            reply.focus()
            await pilot.press("enter")
            await pilot.pause()
            if isinstance(app.screen, ReviewScreen):
                reviews += 1
                await pilot.press("ctrl+s")
                await pilot.pause()
        answered = len(screen.live.session.answers)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        summary = str(app.screen.query_one("#export-summary").render())
        assert "すべての質問に回答済みです" in summary
        out = tmp_path / "out.xlsx"
        app.screen.query_one("#export-path", Input).value = str(out)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause()
            if out.exists():
                break
            await asyncio.sleep(0.05)
        return out, answered, reviews


def test_complete_interview_then_export(tmp_path: Path, catalog):
    out, answered, reviews = asyncio.run(run_full_interview(tmp_path))
    items = catalog.items_for(Party.API_CONNECTOR)
    assert reviews == len(items) == 38
    assert 250 < answered <= 330  # 課題認識・対応計画 only where an example has a gap
    book = CalamineWorkbook.from_path(str(out))
    rows = book.get_sheet_by_name("フォーマット").to_python()[1:]
    mine = {i.no for i in items}
    for row in rows:
        if int(row[0]) in mine:
            assert "・" in row[4], row[0]  # every item of the party has its compiled status
    gaps = book.get_sheet_by_name("課題一覧").to_python()[1:]
    assert gaps and all(g[-1] == "情報システム部" for g in gaps)
