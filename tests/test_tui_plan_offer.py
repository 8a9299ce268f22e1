"""The chat offers a plan named in an item's replies at its 対応計画 question."""

from __future__ import annotations

import asyncio
from pathlib import Path

from helpers import new_session
from textual.widgets import Input, TextArea

from interview.engine.answers import Answer, Status
from interview.questions.bank import load_questions
from interview.questions.models import QuestionKind
from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.screens.interview import InterviewScreen
from interview.tui.widgets.chat import Bubble

PLAN_REPLY = "2030年3月までに任命予定"


def _seed(tmp_path: Path, catalog) -> str:
    """Item 1 answered up to its 課題認識・対応計画 step; one reply names a plan."""
    store = SessionStore(tmp_path)
    session = new_session(store, "計画株式会社", "api_connector", session_id="p")
    questions = load_questions(catalog).for_item(1)
    plan = next(q for q in questions if q.kind is QuestionKind.PLAN)
    for q in questions:
        if q.kind is QuestionKind.EXAMPLE:
            session.answers[q.id] = Answer(status=Status.DONE, detail="実施済み")
        elif q.id.endswith((".other", ".remarks")):
            session.answers[q.id] = Answer(detail="特になし")
    first = next(q for q in questions if q.kind is QuestionKind.EXAMPLE)
    session.answers[first.id] = Answer(status=Status.NOT_DONE, detail=PLAN_REPLY)
    store.save(session)
    return plan.id


async def _run(tmp_path: Path, plan_id: str) -> None:
    app = InterviewApp(sessions_dir=tmp_path, resume="p")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        step = screen.live.interview.current_step()
        assert plan_id in [q.id for q in step.questions]  # 課題認識 and 対応計画 together
        said = [str(b.render()) for b in screen.query(Bubble)]
        assert any("回答にあった計画を下書きしました" in t for t in said)
        assert screen.query_one("#extra", Input).value == PLAN_REPLY
        assert screen.query_one("#plan-due", Input).value == "2030年3月"
        assert plan_id not in screen.live.session.answers  # offered, not recorded
        screen.query_one("#reply", TextArea).text = "責任者が決まっていない"
        await pilot.press("enter")  # the respondent sends the step: the draft goes with it
        await pilot.pause()
        recorded = screen.live.session.answers[plan_id]
        assert (recorded.detail, recorded.due) == (PLAN_REPLY, "2030年3月")


def test_plan_is_offered_then_confirmed(tmp_path, catalog):
    plan_id = _seed(tmp_path, catalog)
    asyncio.run(_run(tmp_path, plan_id))
