"""How far a session is, counted once for both front ends.

``interview show`` (cli) and the export dialog (tui) read the same figures: questions
answered on the respondent's path (課題認識・対応計画 only where an item has a gap), per
区分 and overall, the items still open, and what is unresolved. 「不明」 counts answers
whose status is 不明・要確認; 「フォロー」 counts the F6 marks. They are different things
and are counted apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from interview.engine.answers import Answer, Status
from interview.engine.interview import Interview
from interview.engine.path import GuidedInterview
from interview.engine.progress import Progress
from interview.questions.bank import Question
from interview.services.checklist import Checklist, checklist_for
from interview.session.models import Session


@dataclass(frozen=True)
class OpenMarks:
    """What is unresolved, per 通番: 不明 answers and フォロー marks (F6), apart."""

    unknown: Mapping[int, int]
    follow: Mapping[int, int]

    @property
    def unknown_count(self) -> int:
        return sum(self.unknown.values())

    @property
    def follow_count(self) -> int:
        return sum(self.follow.values())

    @property
    def items(self) -> list[int]:
        return sorted(set(self.unknown) | set(self.follow))

    def __bool__(self) -> bool:
        return bool(self.unknown or self.follow)


@dataclass(frozen=True)
class CategoryProgress:
    no: int
    name: str
    progress: Progress


@dataclass(frozen=True)
class SessionProgress:
    overall: Progress
    categories: tuple[CategoryProgress, ...]
    open_items: tuple[tuple[int, Progress], ...]  # (通番, its progress) not yet complete
    marks: OpenMarks


def open_marks(
    order: Iterable[Question], answers: Mapping[str, Answer], follow_ups: Mapping[str, str]
) -> OpenMarks:
    """不明 answers per item among *order*, and follow-up marks per item.

    A follow-up key is a question id, or an item number for the whole item.
    """
    order = tuple(order)
    unknown: dict[int, int] = {}
    for question in order:
        answer = answers.get(question.id)
        if answer is not None and not answer.skipped and answer.status is Status.UNKNOWN:
            unknown[question.item] = unknown.get(question.item, 0) + 1
    items_of = {q.id: q.item for q in order}
    follow: dict[int, int] = {}
    for key in follow_ups:
        no = items_of.get(key) or (int(key) if key.isdigit() else None)
        if no is not None:
            follow[no] = follow.get(no, 0) + 1
    return OpenMarks(unknown, follow)


def progress_of(interview: Interview) -> SessionProgress:
    """The figures of a running interview (the TUI's, on the path it walks)."""
    return SessionProgress(
        overall=interview.overall_progress(),
        categories=tuple(
            CategoryProgress(c.no, c.name, interview.category_progress(c))
            for c in interview.categories()
        ),
        open_items=tuple(
            (item.no, interview.item_progress(item.no))
            for item in interview.items
            if not interview.item_complete(item.no)
        ),
        marks=open_marks(interview.order, interview.answers, interview.follow_ups),
    )


def progress_of_session(session: Session, checklist: Checklist | None = None) -> SessionProgress:
    """The figures of a stored session, counted as the TUI counts them."""
    checklist = checklist or checklist_for(session)
    interview = GuidedInterview(
        checklist.catalog,
        checklist.questions,
        session.respondent.party,
        dict(session.answers),
        dict(session.follow_ups),
        session.suggestions,
    )
    return progress_of(interview)


def header_progress(session: Session, checklist: Checklist | None = None) -> str:
    """「通番 7/38・質問 61/120」: what the app's header shows when *session* is opened
    (a group screen or a merged closing question counts as one 質問 there)."""
    from interview.engine.interview import Position as EnginePosition

    checklist = checklist or checklist_for(session)
    interview = GuidedInterview(
        checklist.catalog,
        checklist.questions.for_party(session.respondent.party),
        session.respondent.party,
        dict(session.answers),
        dict(session.follow_ups),
        session.suggestions,
    )
    position = session.position
    interview.resume(
        EnginePosition(position.item, position.question) if position is not None else None
    )
    n, items = interview.item_position()
    steps = interview.step_progress()
    return f"通番 {n}/{items}・質問 {steps.answered}/{steps.total}"
