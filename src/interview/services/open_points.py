"""What is still open in a session, counted one way for every front end.

Two different things, named and counted apart everywhere (issue 12, 「要確認」):

- 「不明」: answers whose status is 不明・要確認 (the respondent does not know yet);
- 「フォロー」: the F6 marks (a question, or a whole item, to come back to).

The export dialog, ``interview show`` and the session lists use these counts, and
``path_progress`` gives ``show`` the same 「通番・質問」 figures as the app's header.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from interview.engine.answers import Status
from interview.questions.bank import Question
from interview.session.models import Session

UNKNOWN_NAME = "不明"
FOLLOW_NAME = "フォロー"


@dataclass(frozen=True)
class OpenPoints:
    """Per item number: answers 不明・要確認, and フォロー marks."""

    unknown: dict[int, int]
    follow: dict[int, int]

    @property
    def unknown_total(self) -> int:
        return sum(self.unknown.values())

    @property
    def follow_total(self) -> int:
        return sum(self.follow.values())

    def __bool__(self) -> bool:
        return bool(self.unknown or self.follow)

    def line(self) -> str:
        """「不明 3問（「不明・要確認」の回答）・フォロー 1件（F6 の印）」"""
        return (
            f"{UNKNOWN_NAME} {self.unknown_total}問（「不明・要確認」の回答）・"
            f"{FOLLOW_NAME} {self.follow_total}件（F6 の印）"
        )

    def items(self) -> list[int]:
        return sorted(set(self.unknown) | set(self.follow))

    def item_note(self, no: int) -> str:
        """「不明2・フォロー1」 for item *no*."""
        kinds = [
            f"{UNKNOWN_NAME}{self.unknown[no]}" if no in self.unknown else "",
            f"{FOLLOW_NAME}{self.follow[no]}" if no in self.follow else "",
        ]
        return "・".join(k for k in kinds if k)


def open_points(session: Session, questions: Iterable[Question]) -> OpenPoints:
    """The 不明 answers and フォロー marks of *session* over *questions* (the party's)."""
    unknown: dict[int, int] = {}
    items_of: dict[str, int] = {}
    for question in questions:
        items_of[question.id] = question.item
        answer = session.answers.get(question.id)
        if answer is not None and not answer.skipped and answer.status is Status.UNKNOWN:
            unknown[question.item] = unknown.get(question.item, 0) + 1
    follow: dict[int, int] = {}
    for key in session.follow_ups:  # a question id, or an item number for the whole item
        no = items_of.get(key) or (int(key) if key.isdigit() else None)
        if no is not None:
            follow[no] = follow.get(no, 0) + 1
    return OpenPoints(unknown, follow)


@dataclass(frozen=True)
class PathProgress:
    """The header's figures: 通番 position/items, 質問 answered/total on the path."""

    item: int
    items: int
    answered: int
    total: int

    def line(self) -> str:
        return f"通番 {self.item}/{self.items}・質問 {self.answered}/{self.total}"


def path_progress(session: Session) -> PathProgress:
    """What the app's header shows when *session* is opened (groups and merged closing
    questions count as one 質問, as on the respondent's path)."""
    from interview.services.live import LiveSession

    live = LiveSession(session, lambda _session: None)  # reads only: never saved
    interview = live.interview
    n, items = interview.item_position()
    steps = interview.step_progress()
    return PathProgress(n, items, steps.answered, steps.total)
