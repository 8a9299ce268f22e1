"""The step counts kept per item (engine.path) always equal a fresh count: after answers,
drill-downs, skips, going back, jumps, 「/課題」, yearly confirmations, answers replaced or
removed from outside the engine, and a restored snapshot."""

from __future__ import annotations

import random

import pytest

from interview.catalog import Party
from interview.engine.answers import Answer, Status
from interview.engine.groups import GroupAnswerError
from interview.engine.path import GuidedInterview, StepKind
from interview.engine.progress import Progress
from interview.questions.bank import load_questions
from interview.services.demo import build_demo_session


@pytest.fixture(scope="module")
def questions(catalog):
    return load_questions(catalog)


def _fresh(g: GuidedInterview) -> tuple[dict[int, Progress], Progress]:
    per_item = {i.no: g._count_steps(i.no) for i in g.items}
    total = Progress(0, 0)
    for progress in per_item.values():
        total += progress
    return per_item, total


def _check(g: GuidedInterview) -> None:
    per_item, total = _fresh(g)
    assert g.step_progress() == total
    for no, progress in per_item.items():
        assert g.step_progress(no) == progress, no
    assert g.remaining_steps() == total.total - total.answered


def _walk(g: GuidedInterview, answers: dict[str, Answer], rng: random.Random, moves: int) -> None:
    statuses = list(Status)
    for _ in range(moves):
        step = g.current_step()
        if step is None:
            break
        roll = rng.random()
        try:
            if roll < 0.05:
                g.back()
            elif roll < 0.08:
                g.skip()
            elif roll < 0.10:
                g.jump(rng.choice(g.items).no)
            elif roll < 0.12:
                g.want_issues(step.item)
            elif roll < 0.15 and answers:
                # changed outside the engine, as a status correction or an undo does
                qid = rng.choice(sorted(answers))
                if rng.random() < 0.5:
                    answers[qid] = answers[qid].model_copy(update={"status": rng.choice(statuses)})
                else:
                    answers.pop(qid)
            elif roll < 0.18:
                point = g.snapshot()
                g.answer(Answer(status=rng.choice(statuses), detail="仮"))
                _check(g)
                g.restore(point)
            elif step.kind is StepKind.GROUP:
                if rng.random() < 0.5:
                    g.answer_group(rng.choice([Status.DONE, Status.NOT_APPLICABLE]), "規程あり")
                else:
                    picks = [rng.choice(statuses) for _ in step.questions]
                    g.answer_group(picks, "一部のみ")
            elif step.kind is StepKind.CONFIRM_ITEM:
                if rng.random() < 0.5:
                    g.confirm_item()
                else:
                    g.review_item()
            elif step.kind in (StepKind.NOTES, StepKind.ISSUES):
                g.answer_step({q.id: Answer(detail="特になし") for q in step.questions})
            elif step.kind is StepKind.EXAMPLE:
                g.answer(Answer(status=rng.choice(statuses), detail="説明"))
            else:
                g.answer(Answer(detail="x"))
        except (GroupAnswerError, ValueError, KeyError):
            pass  # a move the engine refuses changes nothing to count
        _check(g)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kept_counts_equal_fresh_counts(catalog, questions, seed):
    answers: dict[str, Answer] = {}
    g = GuidedInterview(catalog, questions, Party.API_CONNECTOR, answers, {}, None)
    _check(g)
    _walk(g, answers, random.Random(seed), 120)


def test_kept_counts_equal_fresh_counts_in_a_yearly_check(catalog, questions):
    demo = build_demo_session(catalog, questions)
    answers: dict[str, Answer] = {}
    g = GuidedInterview(catalog, questions, Party.API_CONNECTOR, answers, {}, demo.answers)
    _check(g)
    _walk(g, answers, random.Random(9), 120)


def test_an_answer_recounts_only_its_item(catalog, questions):
    answers: dict[str, Answer] = {}
    g = GuidedInterview(catalog, questions, Party.API_CONNECTOR, answers, {}, None)
    g.step_progress()
    walked: list[int] = []
    count = g._count_steps
    g._count_steps = lambda no: walked.append(no) or count(no)  # type: ignore[method-assign]
    g.answer_group(Status.DONE, "規程あり")
    g.step_progress()
    assert walked == [1]
