"""The interview engine: which question comes next, and navigation around it.

Like a checklist, the next question is the next one still missing an answer, so
back, skip, jump and resume never lose what was answered. The engine holds the
answers and follow-up marks by reference (the session's own dicts), so a caller
saves the session after each call that changes them.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass

from interview.catalog.models import Catalog, Category, Item, Party
from interview.engine.answers import Answer, now
from interview.engine.progress import Progress, count
from interview.errors import CoreError
from interview.questions.bank import Question, QuestionSet
from interview.questions.models import QuestionKind


class AnswerError(CoreError, ValueError):
    """An answer that does not fit its question.

    Codes: ``all_answered``, ``status_required``, ``unknown_checks`` (``checks``).
    """


class NotInInterviewError(CoreError, KeyError):
    """An item or question this respondent does not answer.

    Codes: ``item_not_for_party`` (``item``, ``party``), ``question_not_for_respondent``
    (``question``).
    """


@dataclass(frozen=True)
class Position:
    item: int
    question: str


class Interview:
    def __init__(
        self,
        catalog: Catalog,
        questions: QuestionSet,
        party: Party,
        answers: MutableMapping[str, Answer],
        follow_ups: MutableMapping[str, str] | None = None,
        suggestions: Mapping[str, Answer] | None = None,
    ) -> None:
        self.catalog = catalog
        questions = questions.for_party(party)  # the certification question: API接続先 only
        self.questions = questions
        self.party = party
        self.answers = answers
        self.follow_ups: MutableMapping[str, str] = follow_ups if follow_ups is not None else {}
        # Answers offered for confirmation (last year's, or another session's).
        self.suggestions: Mapping[str, Answer] = suggestions if suggestions is not None else {}
        self.items: tuple[Item, ...] = catalog.items_for(party)
        self.order: tuple[Question, ...] = tuple(
            q for item in self.items for q in questions.for_item(item.no)
        )
        self._index_of = {q.id: n for n, q in enumerate(self.order)}
        self._history: list[int] = []
        self.cursor = self._first_open(0)

    # --- where we are -------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.cursor >= len(self.order)

    def current(self) -> Question | None:
        return None if self.finished else self.order[self.cursor]

    @property
    def position(self) -> Position | None:
        question = self.current()
        return None if question is None else Position(question.item, question.id)

    def current_item(self) -> Item | None:
        question = self.current()
        return None if question is None else self.catalog.item(question.item)

    def is_first_of_item(self) -> bool:
        """True when the current question opens its item (the UI introduces the item)."""
        question = self.current()
        return question is not None and self.questions.for_item(question.item)[0] is question

    # --- answering ------------------------------------------------------------------------

    def answer(self, answer: Answer, question_id: str | None = None) -> Question | None:
        """Record *answer* for the current question (or *question_id*) and move on."""
        question = self._question(question_id)
        self._check(question, answer)
        self.answers[question.id] = answer.model_copy(
            update={"skipped": False, "updated_at": now()}
        )
        self._advance_from(self._index_of[question.id])
        return self.current()

    def skip(self) -> Question | None:
        """Leave the current question open for later and go to the next open one."""
        question = self.current()
        if question is None:
            return None
        if question.id not in self.answers:
            self.answers[question.id] = Answer(skipped=True)
        self._advance_from(self.cursor)
        return self.current()

    def back(self) -> Question | None:
        """Return to the question shown before this one (answers are kept)."""
        if self._history:
            self.cursor = self._history.pop()
        elif self.cursor > 0:
            self.cursor = min(self.cursor, len(self.order)) - 1
        return self.current()

    def jump(self, item_no: int) -> Question:
        """Go to *item_no*: its first open question, or its first question if all are answered."""
        if item_no not in {i.no for i in self.items}:
            raise NotInInterviewError("item_not_for_party", item=item_no, party=self.party.value)
        questions = self.questions.for_item(item_no)
        target = next((q for q in questions if self._is_open(q)), questions[0])
        self._go(self._index_of[target.id])
        return target

    def goto(self, question_id: str) -> Question:
        if question_id not in self._index_of:
            raise NotInInterviewError("question_not_for_respondent", question=question_id)
        self._go(self._index_of[question_id])
        return self.order[self.cursor]

    def resume(self, position: Position | None) -> Question | None:
        """Continue at the first open question of the last item worked on."""
        if position is None or position.item not in {i.no for i in self.items}:
            self.cursor = self._first_open(0)
            return self.current()
        questions = self.questions.for_item(position.item)
        open_here = next((q for q in questions if self._is_open(q)), None)
        if open_here is not None:
            self.cursor = self._index_of[open_here.id]
        else:
            self.cursor = self._first_open(self._index_of[questions[-1].id] + 1)
        return self.current()

    # --- follow-ups -----------------------------------------------------------------------

    def toggle_follow_up(self, question_id: str | None = None, note: str = "") -> bool:
        """Mark (or unmark) a question for follow-up; returns the new state."""
        question = self._question(question_id)
        if question.id in self.follow_ups:
            del self.follow_ups[question.id]
            return False
        self.follow_ups[question.id] = note
        return True

    # --- progress -------------------------------------------------------------------------

    def item_progress(self, item_no: int) -> Progress:
        return count(self.questions.for_item(item_no), self.answers)

    def needs_recheck(self, item_no: int) -> bool:
        """要再確認: the item still has suggested answers that nobody has confirmed."""
        return any(
            self._is_open(q) for q in self.questions.for_item(item_no) if q.id in self.suggestions
        )

    def item_complete(self, item_no: int) -> bool:
        return self.item_progress(item_no).complete

    def category_progress(self, category: Category) -> Progress:
        total = Progress(0, 0)
        for item in self.items:
            if item.category == category.no:
                total += self.item_progress(item.no)
        return total

    def overall_progress(self) -> Progress:
        return count(self.order, self.answers)

    def categories(self) -> tuple[Category, ...]:
        numbers = {i.category for i in self.items}
        return tuple(c for c in self.catalog.categories if c.no in numbers)

    def open_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.order if self._is_open(q))

    # --- internals ------------------------------------------------------------------------

    def _question(self, question_id: str | None) -> Question:
        if question_id is None:
            question = self.current()
            if question is None:
                raise AnswerError("all_answered")
            return question
        if question_id not in self._index_of:
            raise NotInInterviewError("question_not_for_respondent", question=question_id)
        return self.order[self._index_of[question_id]]

    @staticmethod
    def _check(question: Question, answer: Answer) -> None:
        if question.kind is QuestionKind.EXAMPLE and answer.status is None:
            raise AnswerError("status_required", question=question.id)
        if question.options:
            labels = {o.label for o in question.options}
            unknown = [c for c in answer.checks if c not in labels]
            if unknown and question.kind is QuestionKind.EXAMPLE:
                raise AnswerError("unknown_checks", question=question.id, checks=tuple(unknown))

    def _is_open(self, question: Question) -> bool:
        answer = self.answers.get(question.id)
        return answer is None or answer.skipped

    def _is_unvisited(self, question: Question) -> bool:
        return question.id not in self.answers

    def _first_open(self, start: int) -> int:
        """Index of the first question without an answer at or after *start*, wrapping once."""
        n = len(self.order)
        for index in (*range(start, n), *range(0, min(start, n))):
            if self._is_unvisited(self.order[index]):
                return index
        for index in (*range(start, n), *range(0, min(start, n))):
            if self._is_open(self.order[index]):
                return index
        return n

    def _advance_from(self, index: int) -> None:
        self._history.append(self.cursor)
        n = len(self.order)
        for nxt in range(index + 1, n):
            if self._is_unvisited(self.order[nxt]):
                self.cursor = nxt
                return
        self.cursor = self._first_open(0)

    def _go(self, index: int) -> None:
        if index != self.cursor:
            self._history.append(self.cursor)
        self.cursor = index
