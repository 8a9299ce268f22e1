"""The respondent's path through an item: fewer, larger steps than one question at a time.

A *step* is what the chat asks at once:

- ``GROUP``: a method group (<heading>) of two or more 手法例, asked as a whole first
  (すべて実施済み / すべて該当なし with one shared detail; otherwise one by one);
- ``EXAMPLE``: one 手法例 (single-example groups, and the drill-down of a mixed group);
- ``NOTES``: その他の対策 and 備考 in one optional question (empty means 「特になし」);
- ``ISSUES``: 課題認識 and 課題への対応計画, only when the item has a 手法例 that is
  not 実施済み or 該当なし;
- ``CERTIFICATION``: 第三者認証 (at later items: 「前回と同じ認証で代替」 with one key);
- ``CONFIRM_ITEM``: a yearly check's whole item 「前回どおり」 with one key;
- ``TEXT``: any other closing question on its own.

Answers are still stored per question (the session format does not change), so the
compiled texts and 回答詳細 stay per example. ``GuidedInterview`` keeps every name of
``Interview``; only which questions are *on the path* and how the cursor moves differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, cast

from interview.catalog.models import Catalog, Item, MethodGroup, Party
from interview.engine.answers import Answer, Status, now
from interview.engine.groups import (
    GroupAnswer,
    answered_individually,
    common_answer,
    expand,
    group_of,
    screened,
)
from interview.engine.interview import AnswerError, Interview
from interview.engine.progress import Progress, count
from interview.questions.bank import Question, QuestionSet
from interview.questions.models import QuestionKind

NOTHING = "特になし"
"""What an empty optional answer is written as."""

CONDITIONAL = ("issues", "plan")
"""Closing questions asked only when the item has a gap (一部実施・未実施・不明)."""

PAIRS = {"other": ("other", "remarks"), "issues": ("issues", "plan")}
"""Closing questions asked together on one screen: anchor suffix → members in order."""


def _status_value(answer: object) -> str | None:
    if isinstance(answer, Mapping):
        if answer.get("skipped") is True:
            return None
        value = answer.get("status")
        return value if isinstance(value, str) else None
    if getattr(answer, "skipped", False):
        return None
    status = getattr(answer, "status", None)
    return status.value if status is not None else None


_GAP_VALUES = {s.value for s in Status if s.is_gap}


def on_path_ids(questions: Iterable[Question], answers: Mapping[str, object]) -> list[str]:
    """The ids of *questions* (one item's, or several) that are on the path for *answers*
    (parsed TOML tables or ``Answer`` models): 課題認識・対応計画 only where the item has a
    gap or where they were answered anyway."""
    questions = list(questions)
    gaps = {
        q.item
        for q in questions
        if q.kind is QuestionKind.EXAMPLE and _status_value(answers.get(q.id)) in _GAP_VALUES
    }
    out = []
    for question in questions:
        if question.kind is not QuestionKind.EXAMPLE and suffix(question) in CONDITIONAL:
            answer = answers.get(question.id)
            answered = answer is not None and (
                answer.get("skipped") is not True
                if isinstance(answer, Mapping)
                else not getattr(answer, "skipped", False)
            )
            if not answered and question.item not in gaps:
                continue
        out.append(question.id)
    return out


class StepKind(StrEnum):
    GROUP = "group"
    EXAMPLE = "example"
    NOTES = "notes"
    ISSUES = "issues"
    CERTIFICATION = "certification"
    CONFIRM_ITEM = "confirm_item"
    TEXT = "text"


@dataclass(frozen=True)
class Step:
    kind: StepKind
    item: int
    questions: tuple[Question, ...]
    group: MethodGroup | None = None

    @property
    def id(self) -> str:
        """The anchor question's id (the step's first question)."""
        return self.questions[0].id

    @property
    def question(self) -> Question:
        return self.questions[0]

    def member(self, suffix: str) -> Question | None:
        for question in self.questions:
            if question.id.split(".", 1)[1] == suffix:
                return question
        return None


def suffix(question: Question) -> str:
    return question.id.split(".", 1)[1]


def _static_steps(item: Item, questions: tuple[Question, ...]) -> list[Step]:
    """The item's steps before any answer: groups, single examples, closing screens."""
    by_id = {q.id: q for q in questions}
    steps: list[Step] = []
    for group in item.method_groups:
        members = tuple(by_id[e.id] for e in group.examples if e.id in by_id)
        if not members:
            continue
        if screened(group) and len(members) == len(group.examples):
            steps.append(Step(StepKind.GROUP, item.no, members, group))
        else:
            steps += [Step(StepKind.EXAMPLE, item.no, (q,), group) for q in members]
    closing = [q for q in questions if q.kind is not QuestionKind.EXAMPLE]
    present = {suffix(q): q for q in closing}
    taken: set[str] = set()
    for question in closing:
        name = suffix(question)
        if name in taken:
            continue
        pair = next((p for p in PAIRS.values() if name in p), None)
        if pair is not None and all(s in present for s in pair):
            taken.update(pair)
            kind = StepKind.NOTES if pair[0] == "other" else StepKind.ISSUES
            steps.append(Step(kind, item.no, tuple(present[s] for s in pair)))
        elif question.kind is QuestionKind.CERTIFICATION:
            steps.append(Step(StepKind.CERTIFICATION, item.no, (question,)))
        else:
            steps.append(Step(StepKind.TEXT, item.no, (question,)))
    return steps


class GuidedInterview(Interview):
    """An ``Interview`` that walks the shorter path, one step at a time."""

    def __init__(
        self,
        catalog: Catalog,
        questions: QuestionSet,
        party: Party,
        answers: MutableMapping[str, Answer],
        follow_ups: MutableMapping[str, str] | None = None,
        suggestions: Mapping[str, Answer] | None = None,
        pending: MutableMapping[str, Status] | None = None,
    ) -> None:
        self._steps: dict[int, list[Step]] = {}
        self._step_of: dict[str, Step] = {}
        for item in catalog.items_for(party):
            steps = _static_steps(item, questions.for_item(item.no))
            self._steps[item.no] = steps
            for step in steps:
                for question in step.questions:
                    self._step_of[question.id] = step
        self._drilled: set[str] = set()  # anchors of groups asked one by one (this run)
        self._regroup: set[str] = set()  # anchors whose group screen is asked again (back)
        self._queue: list[str] = []  # examples still to ask in a drill-down
        self._return_to: str | None = None  # where to go back after changing one example
        self._reviewing: set[int] = set()  # yearly items gone through question by question
        self._issues_wanted: set[int] = set()  # items without a gap whose 課題 is asked (/課題)
        # statuses to pre-select in a drill-down (the session's ``pending``, saved with it)
        self.pending: MutableMapping[str, Status] = pending if pending is not None else {}
        super().__init__(catalog, questions, party, answers, follow_ups, suggestions)

    # --- the path -------------------------------------------------------------------------

    def has_gap(self, item_no: int) -> bool:
        """The item has a 手法例 that is not 実施済み or 該当なし (answered or pre-selected)."""
        for question in self.questions.for_item(item_no):
            if question.kind is not QuestionKind.EXAMPLE:
                continue
            answer = self.answers.get(question.id)
            if answer is not None and not answer.skipped and answer.status is not None:
                if answer.status.is_gap:
                    return True
            elif (pending := self.pending.get(question.id)) is not None and pending.is_gap:
                return True
        return False

    def on_path(self, question: Question) -> bool:
        """課題認識 and 対応計画 are asked only for an item with a gap (or already answered)."""
        if question.kind is QuestionKind.EXAMPLE or suffix(question) not in CONDITIONAL:
            return True
        answer = self.answers.get(question.id)
        if answer is not None and not answer.skipped:
            return True
        return question.item in self._issues_wanted or self.has_gap(question.item)

    def on_path_issues(self, item_no: int) -> bool:
        """The item's 課題認識 is on the path (a gap, an earlier answer, or 「/課題」)."""
        return any(
            self.on_path(q) for q in self.questions.for_item(item_no) if suffix(q) == "issues"
        ) or not any(suffix(q) == "issues" for q in self.questions.for_item(item_no))

    def want_issues(self, item_no: int) -> Step | None:
        """Ask 課題認識 and 対応計画 at an item without a gap too (the respondent has a 課題
        to write though every 手法例 is in place: 「/課題」). Returns that step, or None
        when the item has no such questions. It comes after the item's other steps."""
        self._issues_wanted.add(item_no)
        for step in self.steps(item_no):
            if step.kind is StepKind.ISSUES or any(suffix(q) == "issues" for q in step.questions):
                return step
        return None

    def drilled(self, group: MethodGroup) -> bool:
        """The group is asked one by one: chosen this run, or answered example by example."""
        anchor = group.examples[0].id
        if anchor in self._regroup:
            return False
        if anchor in self._drilled:
            return True
        item_no = int(anchor.split(".", 1)[0])
        suggested = any(e.id in self.suggestions for e in group.examples)
        # a yearly item gone through step by step: unless last year's group had one
        # shared answer, its examples are confirmed one by one
        if (
            item_no in self._reviewing
            and suggested
            and common_answer(group, self.suggestions) is None
        ):
            return True
        if any(e.id in self.pending for e in group.examples):
            return True  # statuses given for the group, examples still to ask one by one
        settled = 0
        for example in group.examples:
            answer = self.answers.get(example.id)
            if answer is not None and not answer.skipped:
                if not answer.shared:
                    return True
                settled += 1
        # some examples settled for the group, the others still to ask one by one (a
        # drill-down left half-way): go on with those, not with the group screen again
        return 0 < settled < len(group.examples)

    def steps(self, item_no: int) -> list[Step]:
        """The item's steps as they stand now (drilled groups become their examples)."""
        out: list[Step] = []
        for step in self._steps[item_no]:
            if step.kind is StepKind.GROUP and step.group is not None and self.drilled(step.group):
                out += [Step(StepKind.EXAMPLE, item_no, (q,), step.group) for q in step.questions]
            elif any(self.on_path(q) for q in step.questions):
                out.append(step)
        return out

    def step_for(self, question: Question) -> Step:
        step = self._step_of[question.id]
        if step.kind is StepKind.GROUP and step.group is not None and self.drilled(step.group):
            return Step(StepKind.EXAMPLE, step.item, (question,), step.group)
        return step

    def current_step(self) -> Step | None:
        question = self.current()
        if question is None:
            return None
        if self.needs_recheck(question.item) and question.item not in self._reviewing:
            open_suggested = tuple(
                q
                for q in self.questions.for_item(question.item)
                if q.id in self.suggestions and not self._answered(q)
            )
            return Step(StepKind.CONFIRM_ITEM, question.item, open_suggested)
        return self.step_for(question)

    def is_first_of_item(self) -> bool:
        question = self.current()
        if question is None:
            return False
        steps = self.steps(question.item)
        return bool(steps) and question in steps[0].questions

    # --- answering steps ------------------------------------------------------------------

    def answer_group(
        self,
        statuses: Status | list[Status] | tuple[Status, ...],
        detail: str = "",
        checks: Mapping[str, tuple[str, ...]] | None = None,
    ) -> GroupAnswer:
        """Answer the current group step as a whole (see ``groups.expand``)."""
        step = self.current_step()
        if step is None or step.kind is not StepKind.GROUP or step.group is None:
            raise AnswerError("not_a_group")
        result = expand(step.group, statuses, detail, checks)
        for question_id, answer in result.answers.items():
            self._check(self.questions.question(question_id), answer)
        self._regroup.discard(step.group.examples[0].id)
        stamp = now()
        for question_id, answer in result.answers.items():
            self.answers[question_id] = answer.model_copy(update={"updated_at": stamp})
        for example in step.group.examples:
            self.pending.pop(example.id, None)
        if result.drill:
            self._drilled.add(step.group.examples[0].id)
            self.pending.update({q: s for q, s in result.drill.items() if s is not None})
            self._history.append(self.cursor)
            queue = [q for q in result.drill]
            self.cursor = self._index_of[queue[0]]
            self._queue = queue[1:]
        else:
            self._advance_past(step)
        return result

    def answer_step(self, answers: Mapping[str, Answer]) -> Question | None:
        """Record the answers of a closing step (その他＋備考, 課題＋計画 …) and move on."""
        step = self.current_step()
        if step is None:
            raise AnswerError("all_answered")
        ids = {q.id for q in step.questions}
        for question_id, answer in answers.items():  # check all before writing any
            if question_id not in ids:
                raise AnswerError("question_not_current", question=question_id)
            self._check(self.questions.question(question_id), answer)
        stamp = now()
        for question_id, answer in answers.items():
            self.answers[question_id] = answer.model_copy(
                update={"skipped": False, "updated_at": stamp}
            )
        self._advance_past(step)
        return self.current()

    def answer(self, answer: Answer, question_id: str | None = None) -> Question | None:
        question = self._question(question_id)
        if question.id in self.pending:
            del self.pending[question.id]
        static = self._step_of.get(question.id)
        if static is not None and static.kind is StepKind.GROUP:
            self._regroup.discard(static.id)  # answered on its own: one by one from now
        return super().answer(answer, question_id)

    def confirm_item(self, item_no: int | None = None) -> Question | None:
        """Yearly check: take every open suggestion of the item as it is (「前回どおり」)."""
        question = self.current()
        item_no = item_no if item_no is not None else (question.item if question else None)
        if item_no is None:
            return None
        stamp = now()
        for q in self.questions.for_item(item_no):
            suggestion = self.suggestions.get(q.id)
            answer = self.answers.get(q.id)
            if suggestion is not None and (answer is None or answer.skipped):
                self.answers[q.id] = suggestion.model_copy(
                    update={"skipped": False, "updated_at": stamp}
                )
        last = self.questions.for_item(item_no)[-1]
        self._history.append(self.cursor)
        self.cursor = self._next_unvisited_after(self._index_of[last.id])
        return self.current()

    def review_item(self, item_no: int | None = None) -> Step | None:
        """Yearly check: go through the item step by step (suggestions pre-filled)."""
        question = self.current()
        item_no = item_no if item_no is not None else (question.item if question else None)
        if item_no is not None:
            self._reviewing.add(item_no)
        return self.current_step()

    def skip(self) -> Question | None:
        """Leave the whole current step open for later and go on."""
        step = self.current_step()
        if step is None:
            return None
        if step.kind is StepKind.CONFIRM_ITEM:
            self._reviewing.discard(step.item)
        for question in step.questions:
            if question.id not in self.answers:
                self.answers[question.id] = Answer(skipped=True)
        self._advance_past(step)
        return self.current()

    def change_example(self, example_id: str) -> Question:
        """Go into a screened group to change one example; then back to where we were."""
        question = self.questions.question(example_id)
        item = self.catalog.item(question.item)
        group = group_of(item, example_id)
        self._drilled.add(group.examples[0].id)
        self._regroup.discard(group.examples[0].id)
        current = self.current()
        self._return_to = current.id if current is not None else None
        self._queue = []
        self._go(self._index_of[example_id])
        return question

    def back(self) -> Question | None:
        """Back one step; from the first example of a drill-down, back to its group screen."""
        question = self.current()
        if question is not None:
            step = self.step_for(question)
            group = step.group
            if (
                step.kind is StepKind.EXAMPLE
                and group is not None
                and screened(group)
                and question.id == group.examples[0].id
                and (
                    group.examples[0].id in self._drilled
                    or any(e.id in self.pending for e in group.examples)
                )
                and not answered_individually(group, self.answers)
            ):
                self._drilled.discard(group.examples[0].id)
                self._regroup.add(group.examples[0].id)
                self._queue = []
                for example in group.examples:
                    self.pending.pop(example.id, None)
                return self.current()
        self._queue = []
        self._return_to = None
        before = self.cursor
        result = super().back()
        while self.cursor == before and self._history:
            result = super().back()
        return result

    def jump(self, item_no: int) -> Question:
        self._queue, self._return_to = [], None
        return super().jump(item_no)

    def goto(self, question_id: str) -> Question:
        self._queue, self._return_to = [], None
        return super().goto(question_id)

    def screened_groups(self, item_no: int) -> list[MethodGroup]:
        """The item's groups answered as a whole (one shared answer), for changing one."""
        out = []
        for group in self.catalog.item(item_no).method_groups:
            if not screened(group):
                continue
            answers = [self.answers.get(e.id) for e in group.examples]
            if any(a is not None and a.shared and not a.skipped for a in answers):
                out.append(group)
        return out

    # --- undo (a step whose save failed) ---------------------------------------------------

    def snapshot(self) -> tuple[object, ...]:
        """The navigation state, to put back with ``restore``."""
        return (
            self.cursor,
            list(self._history),
            set(self._drilled),
            set(self._regroup),
            list(self._queue),
            self._return_to,
            set(self._reviewing),
            dict(self.pending),
            set(self._issues_wanted),
        )

    def restore(self, state: object) -> None:
        parts = cast("tuple[Any, ...]", state)
        history: list[int]
        (
            self.cursor,
            history,
            self._drilled,
            self._regroup,
            self._queue,
            self._return_to,
            self._reviewing,
            pending,
            self._issues_wanted,
        ) = parts
        self._history[:] = history
        self.pending.clear()  # in place: it is the session's own table
        self.pending.update(pending)

    # --- progress on the path -------------------------------------------------------------

    def item_progress(self, item_no: int) -> Progress:
        return count((q for q in self.questions.for_item(item_no) if self.on_path(q)), self.answers)

    def overall_progress(self) -> Progress:
        return count((q for q in self.order if self.on_path(q)), self.answers)

    def open_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.order if self._is_open(q))

    def step_progress(self, item_no: int | None = None) -> Progress:
        """Steps answered and on the path (the 「質問 n/N」 count), for one item or all."""
        total = Progress(0, 0)
        items = [item_no] if item_no is not None else [i.no for i in self.items]
        for no in items:
            answered = skipped = 0
            item_steps = self.steps(no)
            steps = len(item_steps)
            for step in item_steps:
                on = [q for q in step.questions if self.on_path(q)]
                if all(self._answered(q) for q in on):
                    answered += 1
                elif any(q.id in self.answers and self.answers[q.id].skipped for q in on):
                    skipped += 1
            if self.needs_recheck(no) and no not in self._reviewing:
                steps = answered + 1  # one key confirms the rest of the item
            total += Progress(answered, steps, skipped)
        return total

    def item_position(self) -> tuple[int, int]:
        """(n, total): the current item is the n-th of the respondent's items (1-based)."""
        question = self.current()
        numbers = [i.no for i in self.items]
        if question is None:
            return len(numbers), len(numbers)
        return numbers.index(question.item) + 1, len(numbers)

    def remaining_steps(self) -> int:
        progress = self.step_progress()
        return progress.total - progress.answered

    # --- certifications -------------------------------------------------------------------

    def previous_certification(self, item_no: int) -> tuple[int, Answer] | None:
        """The certification answer given at the nearest earlier certification item."""
        found: tuple[int, Answer] | None = None
        for item in self.items:
            if item.no == item_no:
                break
            for question in self.questions.for_item(item.no):
                if question.kind is not QuestionKind.CERTIFICATION:
                    continue
                answer = self.answers.get(question.id)
                if answer is not None and not answer.skipped and answer.checks:
                    found = (item.no, answer)
        return found

    # --- internals ------------------------------------------------------------------------

    def _answered(self, question: Question) -> bool:
        answer = self.answers.get(question.id)
        return answer is not None and not answer.skipped

    def _is_open(self, question: Question) -> bool:
        return self.on_path(question) and super()._is_open(question)

    def _is_unvisited(self, question: Question) -> bool:
        return self.on_path(question) and question.id not in self.answers

    def _next_unvisited_after(self, index: int, skip: frozenset[str] = frozenset()) -> int:
        for nxt in range(index + 1, len(self.order)):
            question = self.order[nxt]
            if question.id not in skip and self._is_unvisited(question):
                return nxt
        return self._first_open(0)

    def _advance_from(self, index: int) -> None:
        question = self.order[index]
        self._advance_past(self.step_for(question))

    def _advance_past(self, step: Step) -> None:
        """After a step: the rest of a drill-down, a return point, or the next open step."""
        self._history.append(self.cursor)
        if self._queue:
            self.cursor = self._index_of[self._queue.pop(0)]
            return
        if self._return_to is not None:
            target, self._return_to = self._return_to, None
            if self._is_open(self.questions.question(target)):
                self.cursor = self._index_of[target]
                return
        first = min(self._index_of[q.id] for q in step.questions)
        members = frozenset(q.id for q in step.questions)
        self.cursor = self._next_unvisited_after(first, members)


def session_progress(
    catalog: Catalog, questions: QuestionSet, party: Party, answers: Mapping[str, Answer]
) -> float:
    """Overall progress (0–100) of a respondent of *party*, on the respondent's path
    (課題認識・対応計画 only where an item has a gap, see ``engine.path``)."""
    total = Progress(0, 0)
    asked = questions.for_party(party)
    for item in catalog.items_for(party):
        item_questions = asked.for_item(item.no)
        ids = set(on_path_ids(item_questions, answers))
        total += count((q for q in item_questions if q.id in ids), answers)
    return total.percent
