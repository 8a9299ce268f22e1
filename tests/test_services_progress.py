"""`interview show` and the TUI count progress and unresolved answers the same way."""

from __future__ import annotations

import pytest

from interview.engine.answers import Answer, Status
from interview.services.demo import DEMO_ID, write_demo
from interview.services.live import LiveSession
from interview.services.progress import open_marks, progress_of, progress_of_session
from interview.session.store import SessionStore


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    write_demo(folder / f"{DEMO_ID}.toml")
    return SessionStore(folder).load(DEMO_ID)


def test_show_and_the_tui_read_the_same_figures(demo):
    from interview.cli.session_cmd import show_lines
    from interview.tui.screens.export import unanswered_summary

    stored = progress_of_session(demo)
    live = LiveSession(demo, lambda _s: None)
    running = progress_of(live.interview)
    assert stored == running
    assert stored.marks.unknown_count > 0 and stored.marks.follow_count > 0

    shown = "\n".join(show_lines(demo))
    overall = stored.overall
    assert f"進捗: {overall.percent:.0f}%（{overall.answered}/{overall.total}問）" in shown
    summary = unanswered_summary(live)
    assert f"回答済み {overall.answered}/{overall.total}問" in summary
    unresolved = next(line for line in summary.splitlines() if line.startswith("未解決: "))
    assert unresolved in shown.splitlines()  # the same words, the same counts


def test_unknown_answers_and_follow_marks_are_counted_apart(demo):
    live = LiveSession(demo, lambda _s: None)
    order = live.interview.order
    first, second = order[0], order[1]
    answers = {
        first.id: Answer(status=Status.UNKNOWN),
        second.id: Answer(skipped=True, status=Status.UNKNOWN),  # skipped: not an answer
    }
    marks = open_marks(order, answers, {first.id: "", str(second.item): "memo"})
    assert marks.unknown == {first.item: 1}
    assert marks.follow == {first.item: 1 + (second.item == first.item)} | (
        {second.item: 1} if second.item != first.item else {}
    )
    assert marks.unknown_count == 1 and marks.follow_count == 2
    assert not open_marks(order, {}, {})


def test_a_change_whose_save_fails_is_put_back(tmp_path):
    """Answer and group answer alike: answers, texts and the engine's place as before."""
    from helpers import new_session

    from interview.errors import UserError

    failing = False

    def save(_session):
        if failing:
            raise UserError("disk full")

    session = new_session(SessionStore(tmp_path), "株式会社テスト", "api_connector")
    live = LiveSession(session, save)
    live.answer_group(Status.DONE, "規程で定めています")  # group 1.1 as a whole
    before = (dict(session.answers), dict(session.texts), live.interview.snapshot())
    step = live.interview.current_step()

    failing = True
    with pytest.raises(UserError):
        live.answer_group(Status.DONE, "同上")
    assert (dict(session.answers), dict(session.texts)) == before[:2]
    assert live.interview.snapshot() == before[2] and live.interview.current_step() == step
    question = live.interview.current()
    assert question is not None
    with pytest.raises(UserError):
        live.answer(Answer(status=Status.DONE, detail="x"), question.id)
    assert question.id not in session.answers and live.interview.current() == question
