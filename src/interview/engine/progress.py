"""Progress per item, per 区分 and overall, from a session's answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from interview.catalog.models import Catalog, Party
from interview.engine.answers import Answer
from interview.questions.bank import Question, QuestionSet


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    skipped: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.answered / self.total if self.total else 100.0

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def started(self) -> bool:
        return self.answered > 0 or self.skipped > 0

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.answered + other.answered, self.total + other.total, self.skipped + other.skipped
        )


def count(questions: Iterable[Question], answers: Mapping[str, Answer]) -> Progress:
    answered = skipped = total = 0
    for question in questions:
        total += 1
        answer = answers.get(question.id)
        if answer is None:
            continue
        if answer.skipped:
            skipped += 1
        else:
            answered += 1
    return Progress(answered, total, skipped)


def session_progress(
    catalog: Catalog, questions: QuestionSet, party: Party, answers: Mapping[str, Answer]
) -> float:
    """Overall progress (0–100) of a respondent of *party*, on the respondent's path
    (課題認識・対応計画 only where an item has a gap, see ``engine.path``)."""
    from interview.engine.path import on_path_ids

    total = Progress(0, 0)
    asked = questions.for_party(party)
    for item in catalog.items_for(party):
        item_questions = asked.for_item(item.no)
        ids = set(on_path_ids(item_questions, answers))
        total += count((q for q in item_questions if q.id in ids), answers)
    return total.percent
