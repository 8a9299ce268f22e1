"""The demo session's answers: a complete, varied and consistent API接続先 session."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

import interview
from interview.catalog.models import Party
from interview.engine.answers import Answer, Status
from interview.engine.interview import Interview
from interview.questions.bank import Question, load_questions
from interview.questions.models import QuestionKind

DEMO = Path(interview.__file__).resolve().parent / "services" / "demo_answers.toml"

# How many answers of each status a realistic demo shows (most are 実施済み).
STATUS_RANGES = {
    Status.PARTIAL: (15, 50),
    Status.NOT_DONE: (8, 20),
    Status.NOT_APPLICABLE: (6, 15),
    Status.UNKNOWN: (3, 8),
}
MAX_DETAIL = 200
NONE = "なし"
JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龠]")
DUE = re.compile(r"^20\d\d年(1[0-2]|[1-9])月(末|上旬|中旬|下旬|(3[01]|[12]\d|[1-9])日)?$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@pytest.fixture(scope="module")
def raw() -> dict:
    with DEMO.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def answers(raw) -> dict[str, Answer]:
    return {qid: Answer.model_validate(data) for qid, data in raw["answers"].items()}


@pytest.fixture(scope="module")
def asked(catalog) -> dict[str, Question]:
    """Every question an API接続先 is asked, by id."""
    questions = load_questions(catalog)
    return {
        q.id: q
        for item in catalog.items_for(Party.API_CONNECTOR)
        for q in questions.for_item(item.no)
    }


def _item_of(question_id: str) -> int:
    return int(question_id.split(".", 1)[0])


def test_file_holds_only_answers(raw):
    assert set(raw) == {"answers"}
    assert raw["answers"]


def test_every_question_of_an_api_connector_is_answered(answers, asked, catalog):
    assert len(catalog.items_for(Party.API_CONNECTOR)) == 38
    missing = sorted(set(asked) - set(answers))
    extra = sorted(set(answers) - set(asked))
    assert not missing, f"unanswered: {missing}"
    assert not extra, f"not a question of an API接続先: {extra}"
    assert not any(a.skipped for a in answers.values())


def test_example_questions_have_a_status_and_closing_questions_none(answers, asked):
    for qid, question in asked.items():
        answer = answers[qid]
        if question.has_status:
            assert answer.status is not None, qid
        else:
            assert answer.status is None, qid


def test_every_answer_has_a_short_japanese_detail(answers):
    for qid, answer in answers.items():
        detail = answer.detail
        assert detail.strip() == detail and detail, qid
        assert len(detail) <= MAX_DETAIL, (qid, len(detail))
        assert JAPANESE.search(detail), qid
        assert not CONTROL.search(detail), qid


def test_checks_are_options_of_their_question(answers, asked):
    checked = 0
    for qid, answer in answers.items():
        labels = [o.label for o in asked[qid].options]
        assert all(c in labels for c in answer.checks), (qid, answer.checks, labels)
        assert len(set(answer.checks)) == len(answer.checks), qid
        assert list(answer.checks) == sorted(answer.checks, key=labels.index), qid
        checked += bool(answer.checks)
    assert checked >= 30


def test_checklists_agree_with_the_status(answers, asked):
    """A 手法例 marked 実施済み ticks something on its check-list; 未実施 and 該当なし tick nothing."""
    for qid, question in asked.items():
        answer = answers[qid]
        if question.kind is not QuestionKind.EXAMPLE or not question.options:
            continue
        if answer.status is Status.DONE:
            assert answer.checks, qid
        if answer.status in (Status.NOT_DONE, Status.NOT_APPLICABLE):
            assert not answer.checks, qid


def test_certifications_are_only_at_certification_questions(answers, asked):
    for qid, answer in answers.items():
        if asked[qid].kind is QuestionKind.CERTIFICATION:
            assert all(c.isdigit() for c in answer.checks), qid
    picked = [qid for qid, a in answers.items() if qid.endswith(".cert") and a.checks]
    assert picked, "the firm is ISMS certified: some item should cite it"


def test_statuses_are_varied_and_mostly_done(answers):
    counts = Counter(a.status for a in answers.values() if a.status is not None)
    for status, (low, high) in STATUS_RANGES.items():
        assert low <= counts[status] <= high, (status.label, counts[status])
    assert counts[Status.DONE] > sum(counts.values()) / 2


def test_not_applicable_answers_give_a_reason(answers):
    for qid, answer in answers.items():
        if answer.status is Status.NOT_APPLICABLE:
            assert len(answer.detail) >= 10 and answer.detail != NONE, qid


def test_gaps_are_reflected_in_issues_and_plan(answers, asked):
    gap_items = {
        _item_of(qid)
        for qid, answer in answers.items()
        if answer.status is not None and answer.status.is_gap
    }
    assert len(gap_items) >= 15
    for item_no in gap_items:
        issues = answers[f"{item_no}.issues"]
        plan = answers[f"{item_no}.plan"]
        assert issues.detail != NONE, item_no
        assert plan.detail != NONE, item_no
        assert plan.due and plan.owner, item_no


def test_plans_name_a_due_date_and_an_owner_or_say_none(answers, asked):
    plans = [qid for qid, q in asked.items() if q.kind is QuestionKind.PLAN]
    assert len(plans) == 38
    for qid in plans:
        plan = answers[qid]
        if plan.detail == NONE:
            assert not plan.due and not plan.owner, qid
        else:
            assert DUE.match(plan.due), (qid, plan.due)
            assert plan.owner.strip() == plan.owner and 2 <= len(plan.owner) <= 30, qid
    for qid, answer in answers.items():
        if asked[qid].kind is not QuestionKind.PLAN:
            # an unresolved answer may say by when it will be answered (「確認中（…までに回答）」)
            if answer.status is Status.UNKNOWN:
                assert DUE.match(answer.due), (qid, answer.due)
            else:
                assert not answer.due, qid
            assert not answer.owner, qid


def test_most_items_say_something_concrete(answers, asked):
    closing_text = [
        qid
        for qid, q in asked.items()
        if q.kind is QuestionKind.TEXT and qid.rsplit(".", 1)[1] in ("other", "issues", "remarks")
    ]
    concrete = [qid for qid in closing_text if answers[qid].detail != NONE]
    assert len(concrete) > len(closing_text) / 2


def test_the_engine_accepts_the_demo_and_finishes(catalog, answers):
    questions = load_questions(catalog)
    session: dict[str, Answer] = {}
    engine = Interview(catalog, questions, Party.API_CONNECTOR, session)
    assert not engine.finished
    for qid, answer in answers.items():
        engine.answer(answer, qid)
    assert engine.finished
    assert engine.overall_progress().complete
    assert set(session) == set(answers)
