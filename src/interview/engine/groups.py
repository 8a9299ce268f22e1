"""Group screening: answer a method group (<heading>) of two or more 手法例 at once.

A group answer is either one status for every example (すべて実施済み / すべて該当なし,
with one shared detail or reason), or one status per example. Each 手法例 still gets
its own answer; a detail given for the whole group is stored on each example with
``shared = true``. Examples whose status is a gap (一部実施・未実施・不明) are then asked
one by one for their own detail (the drill-down).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interview.catalog.models import Item, MethodGroup
from interview.engine.answers import Answer, Status
from interview.errors import Message

SCREENED_STATUSES = (Status.DONE, Status.NOT_APPLICABLE)
"""The group-wide answers that settle a whole group (anything else means: one by one)."""

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def circled(n: int) -> str:
    """①, ② … for the n-th (1-based) example of a group."""
    return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"


def screened(group: MethodGroup) -> bool:
    """A group of two or more 手法例 is asked as a whole first."""
    return len(group.examples) >= 2


def group_of(item: Item, example_id: str) -> MethodGroup:
    for group in item.method_groups:
        if any(e.id == example_id for e in group.examples):
            return group
    raise KeyError(Message("example_not_in_item", example=example_id, item=item.no))


def answered_individually(group: MethodGroup, answers: Mapping[str, Answer]) -> bool:
    """Some example of *group* has its own answer (given one by one, not for the group)."""
    for example in group.examples:
        answer = answers.get(example.id)
        if answer is not None and not answer.skipped and not answer.shared:
            return True
    return False


def uniform_status(group: MethodGroup, answers: Mapping[str, Answer]) -> Status | None:
    """The one status every example of *group* has, or None (unanswered or mixed)."""
    statuses = set()
    for example in group.examples:
        answer = answers.get(example.id)
        if answer is None or answer.skipped or answer.status is None:
            return None
        statuses.add(answer.status)
    return statuses.pop() if len(statuses) == 1 else None


def common_answer(group: MethodGroup, answers: Mapping[str, Answer]) -> Answer | None:
    """The one answer (status 実施済み/該当なし and detail) every example shares, or None."""
    status = uniform_status(group, answers)
    if status not in SCREENED_STATUSES:
        return None
    details = {answers[e.id].detail.strip() for e in group.examples}
    if len(details) != 1:
        return None
    return Answer(status=status, detail=details.pop())


def shares_detail(statuses: Sequence[Status | None]) -> tuple[bool, ...]:
    """Which examples take the group's one detail, for one status per example.

    実施済み and 該当なし examples do, the others are asked one by one. When a group has
    both, the detail is the 実施済み examples' (what is in place): one sentence cannot be
    both their basis and the 該当なし examples' reason, so those are asked for it.
    """
    settled = {s for s in statuses if s in SCREENED_STATUSES}
    keep = {Status.DONE} if len(settled) > 1 else settled
    return tuple(s in keep for s in statuses)


@dataclass(frozen=True)
class GroupAnswer:
    """What a group answer means for its examples."""

    answers: dict[str, Answer]  # examples settled now (shared detail)
    drill: dict[str, Status | None]  # examples to ask one by one, with a status to pre-select

    @property
    def settled(self) -> bool:
        return not self.drill


class GroupAnswerError(ValueError):
    """A group answer that cannot be applied (wrong number of statuses, no status)."""


def expand(
    group: MethodGroup,
    statuses: Status | Sequence[Status],
    detail: str = "",
    checks: Mapping[str, tuple[str, ...]] | None = None,
) -> GroupAnswer:
    """Apply a group answer: one status for all examples, or one status per example.

    - all 実施済み / all 該当なし: every example gets that status and *detail* (shared);
    - one gap status for the group (一部 / いいえ / 不明): every example is asked one by one;
    - one status per example: 実施済み / 該当なし examples get *detail* (shared), the
      others are asked one by one with their status pre-selected (see ``shares_detail``:
      with both 実施済み and 該当なし, the 該当なし ones are asked for their reason).
    """
    examples = group.examples
    if isinstance(statuses, Status):
        if statuses in SCREENED_STATUSES:
            per_example: list[Status | None] = [statuses] * len(examples)
        else:
            # a gap status for the whole group is not a status of each example (2 一部
            # means "some are, some are not"): each is asked with nothing picked
            return GroupAnswer({}, {e.id: None for e in examples})
    else:
        if len(statuses) != len(examples):
            raise GroupAnswerError(
                Message("group_status_count", examples=len(examples), given=len(statuses))
            )
        per_example = list(statuses)
    settled: dict[str, Answer] = {}
    drill: dict[str, Status | None] = {}
    sharing = shares_detail(per_example)
    for example, status, shares in zip(examples, per_example, sharing, strict=True):
        if shares:
            settled[example.id] = Answer(
                status=status,
                detail=detail.strip(),
                checks=(checks or {}).get(example.id, ()),
                shared=True,
            )
        else:
            drill[example.id] = status
    return GroupAnswer(settled, drill)
