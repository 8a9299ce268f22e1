"""Plans named in replies are offered for the item's 対応計画 question (never recorded)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from interview.engine.answers import Answer, Status
from interview.questions.bank import load_questions
from interview.questions.models import QuestionKind
from interview.session.plan_offer import due_label, plan_offer

SAVED = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def item1(catalog):
    questions = load_questions(catalog).for_item(1)
    examples = [q for q in questions if q.kind is QuestionKind.EXAMPLE]
    plan = next(q for q in questions if q.kind is QuestionKind.PLAN)
    return questions, examples, plan


def test_a_plan_in_a_reply_is_offered_with_its_month(item1):
    questions, examples, plan = item1
    answers = {
        examples[0].id: Answer(status=Status.DONE, detail="CISOを任命しています", updated_at=SAVED),
        examples[1].id: Answer(
            status=Status.NOT_DONE, detail="来年3月までに導入予定", updated_at=SAVED
        ),
    }
    offer = plan_offer(plan, questions, answers)
    assert offer is not None
    assert offer.answer.detail == "来年3月までに導入予定"
    assert offer.answer.due == "2027年3月"  # relative to the day the reply was saved
    assert offer.answer.status is None  # a draft: nothing is recorded by the offer
    assert offer.sources == (examples[1].id,)
    assert "2027年3月" in offer.note


def test_the_earliest_month_and_every_plan_text(item1):
    questions, examples, plan = item1
    answers = {
        examples[0].id: Answer(
            status=Status.PARTIAL,
            detail="本社は対応済み。支店は2027年9月までに対応予定",
            updated_at=SAVED,
        ),
        examples[1].id: Answer(status=Status.NOT_DONE, detail="来期に検討予定", updated_at=SAVED),
        examples[2].id: Answer(
            status=Status.NOT_DONE, detail="半年以内に導入予定", updated_at=SAVED
        ),
    }
    offer = plan_offer(plan, questions, answers)
    assert offer is not None
    assert offer.answer.detail.splitlines() == [
        "支店は2027年9月までに対応予定",
        "来期に検討予定",
        "半年以内に導入予定",
    ]
    assert offer.answer.due == "2027年5月"


def test_no_offer_without_a_plan_or_outside_plan_questions(item1):
    questions, examples, plan = item1
    done = {examples[0].id: Answer(status=Status.DONE, detail="実施済み", updated_at=SAVED)}
    assert plan_offer(plan, questions, done) is None
    skipped = {examples[0].id: Answer(status=Status.NOT_DONE, detail="来月導入予定", skipped=True)}
    assert plan_offer(plan, questions, skipped) is None
    planned = {examples[0].id: Answer(status=Status.NOT_DONE, detail="来月導入予定")}
    assert plan_offer(examples[1], questions, planned) is None  # not the plan question


def test_due_label():
    assert due_label("2027-03") == "2027年3月"
    assert due_label(None) == ""
