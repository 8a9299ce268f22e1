"""Progress per item, per 区分 and overall, from a session's answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from interview.engine.answers import Answer
from interview.questions.bank import Question


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
