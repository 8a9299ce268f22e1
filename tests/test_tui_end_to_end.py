"""End to end: a complete API接続先 interview, then exported from the app.

Every answer but the last item's goes through the application layer (the same calls the
chat screen makes); the last item is typed through Pilot, reviewed and exported from the
app, so the UI path is covered without paying ~200 ms per key press 330 times.
"""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

from python_calamine import CalamineWorkbook
from textual.widgets import Input, TextArea

from interview.catalog import Party
from interview.engine.answers import Answer
from interview.questions.bank import Question
from interview.services.answering import NeedsStatus, answer_text
from interview.services.live import LiveSession
from interview.session.models import Respondent
from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.screens.export import ExportScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.review import ReviewScreen

REPLIES = ["はい、規程あり", "一部、本番のみ", "いいえ", "該当なし：対象外", "わからない"]
DUE, OWNER, PLAN = "2027年3月", "情報システム部", "手順書を整備する"


def reply_for(question: Question, replies: itertools.cycle[str]) -> str:
    if question.kind.value == "example":
        return next(replies)
    return PLAN if question.kind.value == "plan" else "なし"


def answer_through_services(live: LiveSession, stop_at_item: int) -> int:
    """Answer every question before item *stop_at_item*; returns how many were answered."""
    replies = itertools.cycle(REPLIES)
    count = 0
    while (question := live.interview.current()) is not None and question.item != stop_at_item:
        extra = Answer(due=DUE, owner=OWNER) if question.kind.value == "plan" else Answer()
        text = reply_for(question, replies)
        recorded = answer_text(live, question, text, extra.model_copy(update={"detail": text}))
        assert not isinstance(recorded, NeedsStatus), question.id
        count += 1
    return count


async def finish_in_the_app(tmp_path: Path, session_id: str) -> tuple[Path, int, int]:
    app = InterviewApp(sessions_dir=tmp_path, resume=session_id)
    replies = itertools.cycle(REPLIES)
    reviews = 0
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        reply = screen.query_one("#reply", TextArea)
        while (step := screen.live.interview.current_step()) is not None:
            if step.kind.value in ("example", "group"):
                reply.text = next(replies)
            elif step.kind.value == "issues":
                screen.query_one("#plan-due", Input).value = DUE
                screen.query_one("#plan-owner", Input).value = OWNER
                screen.query_one("#extra", Input).value = PLAN
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
        # 「わからない」 answers: the dialog names them and asks by when they will be answered
        readiness = str(app.screen.query_one("#export-readiness").render())
        assert "不明・要確認の回答" in readiness and "通番1 1.2.2" in readiness
        out = tmp_path / "out.xlsx"
        app.screen.query_one("#export-path", Input).value = str(out)
        app.screen.query_one("#export-due", Input).value = "2027-03"
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause()
            if out.exists():
                break
            await asyncio.sleep(0.05)
        return out, answered, reviews


def test_complete_interview_then_export(tmp_path: Path, catalog):
    items = catalog.items_for(Party.API_CONNECTOR)
    assert len(items) == 38
    last = items[-1]
    store = SessionStore(tmp_path)
    session = store.create(
        Respondent(organisation="通し試験株式会社", party=Party.API_CONNECTOR),
        edition=catalog.edition.id,
    )
    with store.open(session.id) as handle:
        live = LiveSession(handle.session, handle.save)
        before = answer_through_services(live, stop_at_item=last.no)
    assert 250 < before < 330  # 課題認識・対応計画 are asked only where an example has a gap

    out, answered, reviews = asyncio.run(finish_in_the_app(tmp_path, session.id))
    assert reviews == 1  # the last item, typed through the UI, was reviewed and confirmed
    assert before < answered <= 330  # 課題認識・対応計画 only where an example has a gap
    book = CalamineWorkbook.from_path(str(out))
    rows = book.get_sheet_by_name("フォーマット").to_python()[1:]
    mine = {i.no for i in items}
    for row in rows:
        if int(row[0]) in mine:
            assert "・" in row[4], row[0]  # every item of the party has its compiled status
            assert "不明・要確認" not in row[4] and "確認中（2027年3月までに回答）" in "".join(
                str(r[4]) for r in rows
            )
    gaps = book.get_sheet_by_name("課題一覧").to_python()[1:]
    assert gaps and all(g[-1] == OWNER for g in gaps)


def test_the_answer_path_checks_for_secrets(tmp_path: Path, catalog):
    """Scripted answers go through the same secret check as the chat."""
    from interview.services.answering import SecretsFound

    store = SessionStore(tmp_path)
    session = store.create(
        Respondent(organisation="秘密試験株式会社", party=Party.API_CONNECTOR),
        edition=catalog.edition.id,
    )
    with store.open(session.id) as handle:
        live = LiveSession(handle.session, handle.save)
        question = live.interview.current()
        assert question is not None
        text = "はい、管理者の初期パスワード: Xy7#kP2q! を手順書に記載"
        refused = answer_text(live, question, text)
        assert isinstance(refused, SecretsFound) and question.id not in live.session.answers
        recorded = answer_text(live, question, text, secrets="mask")
        assert isinstance(recorded, Answer) and "Xy7#kP2q!" not in recorded.detail
    assert "Xy7#kP2q!" not in store.path_for(session.id).read_text(encoding="utf-8")
