"""Resuming: continue at the first unanswered question of the last item worked on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from interview.catalog import Catalog, Party
from interview.engine.answers import Answer, Status
from interview.questions.bank import QuestionSet, load_questions
from interview.session.models import Position, Respondent, Session
from interview.session.resume import last_item, resume_question


@pytest.fixture(scope="module")
def questions(catalog: Catalog) -> QuestionSet:
    return load_questions(catalog)


def _session(catalog: Catalog) -> Session:
    return Session(
        id="r",
        catalog_edition=catalog.edition.id,
        respondent=Respondent(organisation="A", party=Party.API_CONNECTOR),
    )


def _answer(session: Session, question_id: str, minutes: int = 0) -> None:
    session.answers[question_id] = Answer(
        status=Status.DONE,
        updated_at=datetime(2026, 11, 25, tzinfo=UTC) + timedelta(minutes=minutes),
    )


def test_a_new_session_starts_at_the_first_question(
    catalog: Catalog, questions: QuestionSet
) -> None:
    first_item = catalog.items_for(Party.API_CONNECTOR)[0]
    assert (
        resume_question(_session(catalog), catalog, questions)
        == questions.for_item(first_item.no)[0]
    )


def test_resume_at_the_first_gap_of_the_last_item_worked_on(
    catalog: Catalog, questions: QuestionSet
) -> None:
    session = _session(catalog)
    items = catalog.items_for(Party.API_CONNECTOR)
    later = questions.for_item(items[3].no)
    # Item 1 has open questions, but the respondent was last working on item 4,
    # where the 2nd question is still open although the 3rd was answered.
    _answer(session, questions.for_item(items[0].no)[0].id)
    _answer(session, later[0].id)
    _answer(session, later[2].id)
    session.position = Position(item=items[3].no, question=later[3].id)
    assert resume_question(session, catalog, questions) == later[1]
    assert len(session.answers) == 3, "reading the resume point changes nothing"


def test_a_skipped_question_counts_as_open(catalog: Catalog, questions: QuestionSet) -> None:
    session = _session(catalog)
    item = catalog.items_for(Party.API_CONNECTOR)[2]
    qs = questions.for_item(item.no)
    session.answers[qs[0].id] = Answer(skipped=True)
    _answer(session, qs[1].id)
    session.position = Position(item=item.no, question=qs[2].id)
    assert resume_question(session, catalog, questions) == qs[0]


def test_a_finished_item_continues_with_the_next_open_question(
    catalog: Catalog, questions: QuestionSet
) -> None:
    session = _session(catalog)
    items = catalog.items_for(Party.API_CONNECTOR)
    for q in questions.for_item(items[5].no):
        _answer(session, q.id)
    session.position = Position(item=items[5].no, question="")
    assert resume_question(session, catalog, questions) == questions.for_item(items[6].no)[0]


def test_without_a_position_the_latest_answer_tells_the_item(
    catalog: Catalog, questions: QuestionSet
) -> None:
    session = _session(catalog)
    items = catalog.items_for(Party.API_CONNECTOR)
    _answer(session, questions.for_item(items[7].no)[0].id, minutes=10)
    _answer(session, questions.for_item(items[1].no)[0].id, minutes=1)
    assert last_item(session) == items[7].no
    assert resume_question(session, catalog, questions) == questions.for_item(items[7].no)[1]


def test_everything_answered_means_nothing_to_resume(
    catalog: Catalog, questions: QuestionSet
) -> None:
    session = _session(catalog)
    for item in catalog.items_for(Party.API_CONNECTOR):
        for q in questions.for_item(item.no):
            _answer(session, q.id)
    assert resume_question(session, catalog, questions) is None
