"""SVG snapshots of the main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Update after a deliberate change with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import new_session

from interview.services.demo import DEMO_ID, write_demo
from interview.session.store import SessionStore
from interview.tui.app import InterviewApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    write_demo(tmp_path / f"{DEMO_ID}.toml")
    return tmp_path


@pytest.fixture
def fresh_dir(tmp_path: Path) -> Path:
    new_session(SessionStore(tmp_path), "株式会社スナップ", "api_connector", session_id="snap")
    return tmp_path


async def sessions_listed(pilot) -> None:
    """The home screen reads the session list in a worker: wait for it."""
    for _ in range(200):
        if pilot.app.screen.listed:
            break
        await pilot.pause(0.01)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, demo_dir, size):
    app = InterviewApp(sessions_dir=demo_dir)
    assert snap_compare(app, terminal_size=size, run_before=sessions_listed)


@pytest.mark.parametrize("size", SIZES)
def test_interview_first_question(snap_compare, fresh_dir, size):
    assert snap_compare(InterviewApp(sessions_dir=fresh_dir, resume="snap"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_interview_checklist_question(snap_compare, fresh_dir, size):
    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    assert snap_compare(
        app, press=[*"/移動 21", "enter", "1", *"はい", "enter"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES)
def test_review(snap_compare, demo_dir, size):
    assert snap_compare(
        InterviewApp(sessions_dir=demo_dir, resume=DEMO_ID), press=["f9"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, fresh_dir, size):
    assert snap_compare(
        InterviewApp(sessions_dir=fresh_dir, resume="snap"), press=["f1"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES)
def test_glossary(snap_compare, fresh_dir, size):
    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    assert snap_compare(app, press=[*"/用語 たようそ", "enter"], terminal_size=size)


# --- issue 12: the states a respondent must see at 80×24 as well as 120×40 -------------------


@pytest.mark.parametrize("size", SIZES)
def test_pending_reply(snap_compare, fresh_dir, size):
    """An unread reply: kept as the pending detail, the status asked for, the field empty."""
    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    assert snap_compare(app, press=["2", "enter", *"テスト", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_read_status_and_progress_header(snap_compare, fresh_dir, size):
    """The status read from the words is shown; the header says 通番・質問・区分."""
    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    assert snap_compare(app, press=["2", "enter", *"いいえ", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_review_read_only_after_typing(snap_compare, demo_dir, size):
    """F9 opens read-only with the focus on 確定; typed keys are kept for the reply field."""
    app = InterviewApp(sessions_dir=demo_dir, resume=DEMO_ID)
    assert snap_compare(app, press=["f9", *"テスト"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_longest_checklist_keeps_the_reply_field(snap_compare, fresh_dir, size):
    """1.2.2 (nine options, the longest texts): the reply field and choices stay on screen."""
    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    keys = ["2", "enter", *("1", "enter") * 3, "2", "enter", "1", "enter", *"テスト"]
    assert snap_compare(app, press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_new_session_form(snap_compare, fresh_dir, size):
    app = InterviewApp(sessions_dir=fresh_dir)
    assert snap_compare(app, press=["n"], terminal_size=size, run_before=sessions_listed)


@pytest.mark.parametrize("size", SIZES)
def test_group_screen(snap_compare, fresh_dir, size):
    """The first method group (three 手法例) with statuses given example by example."""
    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    assert snap_compare(app, press=["1", "2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES[:1])
def test_group_screen_with_checklists(snap_compare, fresh_dir, size):
    """A group whose examples have check-lists: one list, each point marked ①② by example."""
    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    assert snap_compare(app, press=["1", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES[:1])
def test_other_measures_and_remarks(snap_compare, fresh_dir, size):
    """その他の対策 and 備考 in one optional question."""
    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    assert snap_compare(app, press=["1", "enter", "1", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_save_failure_keeps_the_reply(snap_compare, fresh_dir, size):
    """A failed save: the message in Japanese, a retry, and the reply still in its field."""
    from interview.session.errors import SessionError

    async def fail_then_send(pilot) -> None:
        def disk_full(session=None) -> None:
            raise SessionError(
                "セッションを保存できません（sessions/snap.toml）: ディスクの空きがありません"
            )

        pilot.app.handle.save = disk_full
        await pilot.press("1", *"CISOを任命", "enter")
        for _ in range(200):
            if type(pilot.app.screen).__name__ == "NoticeScreen":
                break
            await pilot.pause(0.01)
        await pilot.pause()

    app = InterviewApp(sessions_dir=fresh_dir, resume="snap")
    assert snap_compare(app, terminal_size=size, run_before=fail_then_send)
