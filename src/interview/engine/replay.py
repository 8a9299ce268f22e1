"""Replay a set of answers through the guided path, counting the questions asked.

Used by ``make bench`` ("questions asked") and by tests: it answers each step the way a
respondent holding *target* would — a method group as a whole where its statuses allow,
otherwise example by example — and returns how many steps were asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from interview.engine.answers import Answer, Status
from interview.engine.group_reply import read_named_statuses
from interview.engine.groups import SCREENED_STATUSES, circled, shares_detail
from interview.engine.path import NOTHING, Step, StepKind
from interview.questions.bank import Question

Mode = Literal["per_example", "uniform", "named", "status_keys"]
"""How groups are answered:

- ``per_example``: never at group level (one 手法例 at a time, as before the group screen);
- ``uniform``: all 実施済み / all 該当なし at group level; a mixed group is answered 2
  (「1件ずつ」) at its screen and then every example is asked one by one;
- ``named``: like ``uniform``, and a mixed group is answered at its screen by one reply
  naming which examples differ (「②は一部実施、ほかは実施済み」, read by
  ``engine.group_reply`` as the app reads it); the examples that need their own answer
  (``groups.shares_detail``) are then asked one by one. This is the path the app offers
  first, and the count ``make bench`` reports;
- ``status_keys``: the same through one status key per example (①②… in order).
"""


class Guide(Protocol):
    """What the replay drives: ``GuidedInterview`` itself, or the live session the app
    uses (``session.live.LiveSession``, which saves after every call)."""

    def current_step(self) -> Step | None: ...
    def answer(self, answer: Answer, question_id: str | None = None) -> Question | None: ...
    def answer_step(self, answers: dict[str, Answer]) -> Question | None: ...
    def answer_group(self, statuses: Any, detail: str = "", checks: Any = None) -> Any: ...
    def confirm_item(self) -> Question | None: ...
    def want_issues(self, item_no: int) -> Step | None: ...


@dataclass(frozen=True)
class ReplayResult:
    asked: int
    by_kind: dict[str, int]


def shared_detail(details: list[str]) -> str:
    """One detail for a group: the distinct details, in order."""
    seen: list[str] = []
    for detail in details:
        if detail.strip() and detail.strip() not in seen:
            seen.append(detail.strip())
    return " ／ ".join(seen)


def has_issue(target: Mapping[str, Answer], item_no: int) -> bool:
    """*target* names a 課題 for the item (not empty, not 「なし」 / 「特になし」)."""
    answer = target.get(f"{item_no}.issues")
    if answer is None or answer.skipped:
        return False
    return answer.detail.strip().rstrip("。") not in ("", "なし", NOTHING, "無し", "特に無し")


def _or_nothing(answer: Answer | None) -> Answer:
    if answer is None or answer.skipped:
        return Answer(detail=NOTHING)
    return answer if answer.detail.strip() else answer.model_copy(update={"detail": NOTHING})


def replay(
    interview: Guide,
    target: Mapping[str, Answer],
    mode: Mode = "uniform",
    limit: int = 5000,
) -> ReplayResult:
    by_kind: dict[str, int] = {}
    asked = 0
    while (step := interview.current_step()) is not None:
        asked += 1
        by_kind[step.kind.value] = by_kind.get(step.kind.value, 0) + 1
        if asked > limit:
            raise RuntimeError("the replay does not finish")
        if step.kind is StepKind.CONFIRM_ITEM:
            interview.confirm_item()
        elif step.kind is StepKind.GROUP:
            _answer_group(interview, step.questions, target, mode)
        elif step.kind is StepKind.EXAMPLE:
            question = step.question
            answer = target.get(question.id)
            if answer is None or answer.status is None:
                answer = Answer(status=Status.UNKNOWN)
            interview.answer(answer.model_copy(update={"shared": False}), question.id)
        elif len(step.questions) > 1:
            if step.kind is StepKind.NOTES and has_issue(target, step.item):
                interview.want_issues(step.item)  # 「/課題」: a 課題 though nothing is missing
            interview.answer_step({q.id: _or_nothing(target.get(q.id)) for q in step.questions})
        else:
            interview.answer(_or_nothing(target.get(step.id)), step.id)
    return ReplayResult(asked, by_kind)


def _answer_group(
    interview: Guide, questions: Sequence[Question], target: Mapping[str, Answer], mode: Mode
) -> None:
    answers = [target.get(q.id) for q in questions]
    statuses = [a.status if a is not None and a.status else Status.UNKNOWN for a in answers]
    checks = {q.id: a.checks for q, a in zip(questions, answers, strict=True) if a is not None}
    uniform = len(set(statuses)) == 1 and statuses[0] in SCREENED_STATUSES
    if mode == "per_example" or (mode == "uniform" and not uniform):
        interview.answer_group(Status.PARTIAL)  # "mixed": one by one
        return
    sharing = shares_detail(statuses)
    detail = shared_detail([a.detail for a, s in zip(answers, sharing, strict=True) if a and s])
    if uniform:
        interview.answer_group(statuses[0], detail, checks)
    elif len(set(statuses)) == 1:  # all 未実施 (3), all 不明 (5) …: each asked for its own
        interview.answer_group(statuses[0])
    elif mode == "named":
        reply = naming_reply(statuses)
        named = read_named_statuses(reply, len(statuses))
        if named is None or named.complete != tuple(statuses):
            raise RuntimeError(f"the group reply {reply!r} does not read back as typed")
        interview.answer_group(named.complete, f"{reply}。{detail}" if detail else reply, checks)
    else:
        interview.answer_group(statuses, detail, checks)


def naming_reply(statuses: Sequence[Status]) -> str:
    """What a respondent types at a mixed group: the examples that differ from the most
    common status, by number, then 「ほかは…」 (「②は一部実施、ほかは実施済み」)."""
    common = max(statuses, key=lambda s: (statuses.count(s), s is Status.DONE))
    parts = []
    for status in dict.fromkeys(statuses):
        if status is common:
            continue
        numbers = "".join(circled(k) for k, s in enumerate(statuses, 1) if s is status)
        parts.append(f"{numbers}は{status.label}")
    return "、".join(parts) + f"、ほかは{common.label}"
