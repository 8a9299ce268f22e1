"""The review walk in the app: connectors with counts → items, one-key verdicts, comment,
autosave, resume; snapshots at 80×24 and 120×40."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from review_helpers import with_status
from textual.widgets import DataTable

from interview.compile.export import export_session
from interview.services.demo import build_demo_session
from interview.services.review.models import Review
from interview.services.review.store import ReviewStore
from interview.services.review.submissions import add_submission
from interview.services.review.verdicts import Verdict
from interview.tui.review_app import ConnectorsScreen, ItemScreen, ReviewApp, _answers_text

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def sessions(tmp_path: Path, review_books: dict[str, Path]) -> Path:
    """A review with two connectors: the demo and 株式会社ベータ (fixtures: conftest.py)."""
    store = ReviewStore(tmp_path)
    review = Review(id="rv", bank="テスト銀行")
    store.create(review)
    with store.edit("rv") as review:
        for book in (review_books["r1"], review_books["beta"]):
            add_submission(review, book, archive_dir=store.archive_dir(review))
        for connector in review.connectors:  # a fixed date for the snapshots' 最終提出
            connector.submissions[-1].added_at = datetime(2026, 4, 6, 3, 0, tzinfo=UTC)
    return tmp_path


def test_walk_verdicts_comment_autosave_and_resume(sessions: Path) -> None:
    asyncio.run(_walk(sessions))


async def _walk(sessions: Path) -> None:
    app = ReviewApp(sessions, "rv")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConnectorsScreen)
        await pilot.press("down", "enter")  # the second connector
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        await pilot.press("1", "3")  # item 1 確認済み, item 2 要改善
        await pilot.press("c", *"説明を", "ctrl+j", *"追加", "enter")  # as in the chat
        await pilot.pause()
        saved = ReviewStore(sessions).load("rv").connectors[1]
        assert saved.items["1"].verdict is Verdict.CONFIRMED
        assert saved.items["2"].verdict is Verdict.NEEDS_IMPROVEMENT
        assert saved.items["3"].comment == "説明を\n追加"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConnectorsScreen)
        table = app.screen.query_one("DataTable")
        row = table.get_row_at(1)
        assert row[2:7] == ["", "36", "1", "0", "1"]  # 変更, 未確認, 確認済み, 要追加説明, 要改善
        kept = app.screen_stack[-1].query_one(DataTable)  # the list, below the item screen
        await pilot.press("up", "enter")  # the item screen is kept and refilled for this one
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen) and app.screen.connector_index == 0
        head = str(app.screen.query_one("#item-head").render())
        assert head.startswith("株式会社サンプルペイ") and "通番1 " in head
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(DataTable) is kept
    # The lock is released on exit; opening again resumes on item 3.
    app = ReviewApp(sessions, "rv")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.index == 2  # type: ignore[attr-defined]
        await pilot.press("left", "2")
        await pilot.pause()
    saved = ReviewStore(sessions).load("rv").connectors[1]
    assert saved.items["2"].verdict is Verdict.NEEDS_EXPLANATION


def test_second_app_on_the_same_review_is_refused(sessions: Path) -> None:
    from interview.errors import UserError

    first = ReviewApp(sessions, "rv")
    try:
        with pytest.raises(UserError, match="使用中"):
            ReviewApp(sessions, "rv")
    finally:
        first.open.close()


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_connectors(snap_compare, sessions, size):
    assert snap_compare(ReviewApp(sessions, "rv"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_item(snap_compare, sessions, size):
    assert snap_compare(ReviewApp(sessions, "rv"), terminal_size=size, press=["enter", "3"])


def test_walk_core_shows_details_and_the_previous_round(sessions: Path, tmp_path: Path) -> None:
    from interview.services.review.walk import open_review

    session = with_status(build_demo_session(), "1", "第2回の回答。")
    round2 = export_session(session, tmp_path / "r2.xlsx")
    store = ReviewStore(sessions)
    with store.edit("rv") as review:
        add_submission(review, round2, archive_dir=store.archive_dir(review))
    walk = open_review(sessions, "rv")
    try:
        connector = walk.review.connectors[0]
        first = walk.view(connector, 0)
        assert first.texts.status == "第2回の回答。"
        assert first.previous is not None and first.previous.status.strip()
        assert first.previous.status != first.texts.status
        assert first.details and all(d.no == "1" for d in first.details)
        second = walk.view(connector, 1)
        assert second.previous == second.texts  # unchanged item
        # F11's text: the previous round under the changed field only.
        shown = _answers_text(first, diff_round=2).plain
        assert (
            "第1回の提出と比べています" in shown and shown.count("▼ 第1回の提出（変更あり）") == 1
        )
        assert first.previous.status.strip() in shown
        assert "この項目は変更なし" in _answers_text(second, diff_round=2).plain
        assert "▼" not in _answers_text(first).plain  # F11 off
        # The new round reopens at the first unreviewed item; u skips the reviewed ones.
        assert connector.round == 2 and walk.start_index(connector) == 0
        walk.give(connector, 1, Verdict.CONFIRMED)
        assert walk.next_unreviewed(connector, 0) == 2
        assert walk.next_unreviewed(connector, len(walk.items) - 1) == 0  # wraps round
        # Moving saves nothing; the place is written on flush (leaving, closing).
        walk.remember(connector, 5)
        assert store.load("rv").connectors[0].position != walk.items[5]
        walk.flush()
        assert store.load("rv").connectors[0].position == walk.items[5]
    finally:
        walk.close()


def test_home_v_opens_the_review_and_escape_closes_it(sessions: Path) -> None:
    from interview.tui.app import InterviewApp

    async def walk() -> None:
        app = InterviewApp(sessions_dir=sessions)
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(200):  # the home screen lists in a worker
                if app.screen.listed:  # type: ignore[attr-defined]
                    break
                await pilot.pause(0.01)
            line = app.screen.query_one("#home-reviews")
            assert line.display and "レビュー「rv」: v で開く" in str(line.render())
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, ConnectorsScreen)
            await pilot.press("enter", "2")
            await pilot.pause()
            assert isinstance(app.screen, ItemScreen)
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert not isinstance(app.screen, ConnectorsScreen | ItemScreen)
        saved = ReviewStore(sessions).load("rv").connectors[0]
        assert saved.items["1"].verdict is Verdict.NEEDS_EXPLANATION
        # The lock was released when the list closed: the CLI may edit it again.
        with ReviewStore(sessions).edit("rv"):
            pass

    asyncio.run(walk())


def test_chat_shows_the_banks_request_next_to_its_item() -> None:
    from interview.services.live import LiveSession
    from interview.session.models import ReviewRequest
    from interview.tui.render import item_intro

    session = build_demo_session()
    session.review_requests["2"] = ReviewRequest(
        verdict="要改善", comment="規程の改定日を\n記載してください", bank="テスト銀行"
    )
    live = LiveSession(session, lambda _session: None)
    shown = item_intro(2, live).plain
    assert "金融機関からの確認依頼（テスト銀行）: 要改善" in shown
    assert "規程の改定日を\n記載してください" in shown
    assert "確認依頼" not in item_intro(1, live).plain


def test_guide_text_keeps_the_guides_wording(catalog) -> None:
    from interview.tui.widgets.guide_pane import guide_text

    item = catalog.item(5)
    shown = guide_text(item).plain
    assert item.goal in shown and item.description in shown
    for group in item.method_groups:
        assert f"<{group.heading}>" in shown
        assert all(example.text in shown for example in group.examples)
    for note in item.notes:
        assert all(point.text in shown for point in note.points)
    assert "【関連規定】" in shown and item.references.sections[0].title in shown


def test_f3_toggles_the_guide_pane(sessions: Path) -> None:
    async def walk() -> None:
        app = ReviewApp(sessions, "rv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            guide, answers = (
                app.screen.query_one("#item-guide"),
                app.screen.query_one("#item-scroll"),
            )
            assert not guide.display and answers.display  # narrow: the answers first
            await pilot.press("f3")
            assert guide.display and not answers.display  # the guide in their place
            assert "【セキュリティ対応目標】" in str(guide.query_one("#guide-body").render())
            await pilot.press("n")  # the pane stays open and follows the item
            assert guide.display and "通番2" in str(guide.query_one("#guide-body").render())
            await pilot.press("f3")
            assert not guide.display and answers.display
            await pilot.resize_terminal(120, 40)
            await pilot.press("f3")
            assert guide.display and answers.display  # wide: side by side

    asyncio.run(walk())


def _count_workbook_reads(monkeypatch) -> list[int]:
    """A list that grows by one each time the walk reads an archived workbook."""
    import interview.services.review.walk as walk_module

    calls: list[int] = []
    real = walk_module.archived_data

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(walk_module, "archived_data", counted)
    return calls


def test_a_read_ahead_and_the_screen_read_a_workbook_once(sessions: Path, monkeypatch) -> None:
    import threading

    from interview.services.review.walk import open_review

    calls = _count_workbook_reads(monkeypatch)
    walk = open_review(sessions, "rv")
    for digest in walk.store.archive_dir(walk.review).glob("*.view.json"):
        digest.unlink()  # no digest (a review added before them): the workbook is read
    try:
        connector = walk.review.connectors[0]
        ahead = threading.Thread(target=walk.rows, args=(connector,))
        ahead.start()
        rows = walk.rows(connector)
        ahead.join()
        assert rows and len(calls) == 1
    finally:
        walk.close()


def test_the_walk_reads_the_digest_beside_the_workbook(sessions: Path, monkeypatch) -> None:
    """``review add`` writes a digest: the walk shows the same texts without reading the
    workbook; a stale or broken digest is ignored (and written again from the workbook)."""
    from interview.services.review.item_digest import digest_path
    from interview.services.review.walk import open_review

    calls = _count_workbook_reads(monkeypatch)
    walk = open_review(sessions, "rv")
    try:
        connector = walk.review.connectors[0]
        sub = connector.submissions[-1]
        digest = digest_path(walk.store.archive_dir(walk.review) / sub.archive)
        fast = [walk.view(connector, i) for i in range(len(walk.items))]
        assert calls == []
        for text in (digest.read_text().replace(sub.sha256, "0" * 64), "{broken"):
            digest.write_text(text)
            walk._cache.clear()
            slow = [walk.view(connector, i) for i in range(len(walk.items))]
            assert slow == fast and any(v.details for v in slow)
        assert len(calls) == 2 and sub.sha256 in digest.read_text()
    finally:
        walk.close()
