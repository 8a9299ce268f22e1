"""Where to continue a session: the first open question of the last item worked on."""

from __future__ import annotations

from interview.catalog import Catalog
from interview.engine.interview import Position as EnginePosition
from interview.engine.path import GuidedInterview
from interview.questions.bank import Question, QuestionSet
from interview.session.models import Session


def last_item(session: Session) -> int | None:
    """The saved position's item, else the item of the most recently updated answer."""
    if session.position is not None:
        return session.position.item
    answered = [(a.updated_at, qid) for qid, a in session.answers.items() if not a.skipped]
    if not answered:
        return None
    head = max(answered)[1].split(".", 1)[0]
    return int(head) if head.isascii() and head.isdecimal() else None


def resume_question(session: Session, catalog: Catalog, questions: QuestionSet) -> Question | None:
    """The question to ask next (None when every question is answered).

    The engine works on copies: reading the resume point never changes the session.
    The path is the guided one (課題認識・対応計画 only where an item has a gap).
    """
    interview = GuidedInterview(
        catalog,
        questions,
        session.respondent.party,
        dict(session.answers),
        dict(session.follow_ups),
        pending=dict(session.pending),
    )
    item = last_item(session)
    return interview.resume(EnginePosition(item, "") if item is not None else None)
