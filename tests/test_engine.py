"""The interview engine: order, party filtering, navigation, progress."""

from __future__ import annotations

import itertools

import pytest

from interview.catalog import Party
from interview.engine.answers import Answer, Status
from interview.engine.interview import AnswerError, Interview, Position
from interview.questions.bank import Question, load_questions
from interview.questions.models import QuestionKind

STATUSES = itertools.cycle(list(Status))


@pytest.fixture(scope="module")
def questions(catalog):
    return load_questions(catalog)


def make(catalog, questions, party=Party.API_CONNECTOR, answers=None, follow_ups=None):
    return Interview(catalog, questions, party, answers if answers is not None else {}, follow_ups)


def reply(question: Question, n: int) -> Answer:
    if question.kind is QuestionKind.EXAMPLE:
        checks = tuple(o.label for o in question.options[: n % 3])
        return Answer(status=next(STATUSES), detail=f"回答{n}：{question.short}", checks=checks)
    if question.kind is QuestionKind.PLAN:
        return Answer(detail="手順書を整備する", due="2027年3月", owner="情報システム部")
    if question.kind is QuestionKind.CERTIFICATION:
        return Answer(checks=("2",), detail="ISMS 全社 2025年4月")
    return Answer(detail="なし" if n % 2 else "補足があります")


@pytest.mark.parametrize(
    ("party", "items"), [(Party.API_CONNECTOR, 38), (Party.FINANCIAL_INSTITUTION, 14)]
)
def test_party_filtering(catalog, questions, party, items):
    interview = make(catalog, questions, party)
    assert len(interview.items) == items
    assert {q.item for q in interview.order} == {i.no for i in interview.items}


@pytest.mark.parametrize("party", [Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION])
def test_full_scripted_walk(catalog, questions, party):
    answers: dict[str, Answer] = {}
    interview = make(catalog, questions, party, answers)
    seen = []
    n = 0
    while (question := interview.current()) is not None:
        seen.append(question.id)
        if n % 17 == 5:  # skip some, come back to them at the end
            interview.skip()
        else:
            interview.answer(reply(question, n))
        n += 1
        assert n < 3 * len(interview.order)
    assert interview.finished
    assert set(seen) == {q.id for q in interview.order}
    assert len(answers) == len(interview.order)
    assert all(not a.skipped for a in answers.values())
    assert interview.overall_progress().complete
    for item in interview.items:
        assert interview.item_complete(item.no)
    statuses = {a.status for a in answers.values() if a.status}
    assert statuses == set(Status)


def test_first_questions_follow_catalog_order(catalog, questions):
    interview = make(catalog, questions, Party.FINANCIAL_INSTITUTION)
    assert interview.current().item == 9  # 金融機関 starts with the first 共通 item
    assert interview.is_first_of_item()


def test_back_skip_and_jump_keep_answers(catalog, questions):
    answers: dict[str, Answer] = {}
    interview = make(catalog, questions, Party.API_CONNECTOR, answers)
    first = interview.current()
    interview.answer(Answer(status=Status.DONE, detail="CISOを任命"))
    second = interview.current()
    assert second is not first
    interview.skip()
    third = interview.current()
    assert answers[second.id].skipped
    assert interview.back() is second
    assert interview.back() is first
    assert answers[first.id].detail == "CISOを任命"
    # re-answering moves on to the next question without an answer, not the next in order
    interview.answer(Answer(status=Status.PARTIAL, detail="兼任"))
    assert interview.current() is third
    assert answers[first.id].status is Status.PARTIAL
    jumped = interview.jump(23)
    assert jumped.item == 23 and jumped.id == "23.1.1"
    interview.answer(Answer(status=Status.DONE, detail="ログ保管5年"))
    assert interview.current().id == "23.2.1"
    interview.jump(1)
    assert interview.current() is second  # first open question of item 1 (the skipped one)
    assert answers[first.id].status is Status.PARTIAL
    assert answers["23.1.1"].detail == "ログ保管5年"
    with pytest.raises(KeyError):
        interview.jump(38)  # a 金融機関 item


def test_follow_up_marks(catalog, questions):
    follow_ups: dict[str, str] = {}
    interview = make(catalog, questions, follow_ups=follow_ups)
    assert interview.toggle_follow_up(note="規程名を確認")
    assert follow_ups == {"1.1.1": "規程名を確認"}
    assert not interview.toggle_follow_up()
    assert follow_ups == {}


def test_progress_per_item_category_overall(catalog, questions):
    answers: dict[str, Answer] = {}
    interview = make(catalog, questions, answers=answers)
    item1 = questions.for_item(1)
    for q in item1:
        interview.answer(reply(q, 1), q.id)
    assert interview.item_complete(1)
    assert not interview.item_complete(2)
    p = interview.category_progress(catalog.category(1))
    assert p.answered == len(item1)
    assert p.total == sum(len(questions.for_item(n)) for n in range(1, 10))
    overall = interview.overall_progress()
    assert overall.answered == len(item1) and overall.total == len(interview.order)
    assert 0 < overall.percent < 100


def test_resume_continues_at_first_open_question_of_last_item(catalog, questions):
    answers: dict[str, Answer] = {}
    interview = make(catalog, questions, answers=answers)
    for q in questions.for_item(1):
        interview.answer(reply(q, 2), q.id)
    interview.jump(5)
    interview.answer(reply(interview.current(), 3))
    position = interview.position
    resumed = make(catalog, questions, answers=answers)
    assert resumed.resume(Position(position.item, position.question)).id == position.question
    # when the last item is complete, continue with the next open question after it
    assert resumed.resume(Position(1, "1.remarks")).id == "2.1.1"


def test_example_answer_needs_a_status(catalog, questions):
    interview = make(catalog, questions)
    with pytest.raises(AnswerError):
        interview.answer(Answer(detail="状態なし"))
    with pytest.raises(AnswerError):
        interview.answer(Answer(status=Status.DONE, checks=("⑳",)), "1.2.1")


def test_engine_errors_are_codes_worded_at_the_edge(catalog):
    from interview.errors import CoreError
    from interview.wording import core_message

    questions = load_questions(catalog)
    interview = Interview(catalog, questions, Party.API_CONNECTOR, {})
    excluded = next(i.no for i in catalog.items if i.party is Party.FINANCIAL_INSTITUTION)
    with pytest.raises(CoreError) as err:
        interview.jump(excluded)
    assert err.value.code == "item_not_for_party"
    assert err.value.data == {"item": excluded, "party": "api_connector"}
    assert str(err.value).isascii()  # no sentence in the core
    assert core_message(err.value) == f"通番{excluded}はAPI接続先の確認項目ではありません"
    with pytest.raises(AnswerError) as answer_err:
        interview.answer(Answer(detail="状態なし"))
    assert answer_err.value.code == "status_required"
    assert "状態" in core_message(answer_err.value)
    assert core_message(CoreError("something_new")) == "処理できませんでした（something_new）"
