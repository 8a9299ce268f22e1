"""Offer the plans named in an item's replies for its 課題への対応計画 question.

A reply such as 「来年3月までに導入予定」 names a plan. When the interview reaches the
item's plan question, the plan is offered as a draft (the text, and 期限 when a month
is known); the respondent confirms or edits it there. Nothing is recorded silently.

The replies are read again from the saved answers (their detail is the whole reply), so
the offer survives a restart; relative dates resolve against the day each reply was saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from interview.engine.answers import Answer, Status
from interview.engine.reply import PlanHint, parse_status_reply
from interview.errors import Message
from interview.questions.bank import Question
from interview.questions.models import QuestionKind


@dataclass(frozen=True)
class PlanOffer:
    answer: Answer  # the draft: detail (what) and due (by when)
    sources: tuple[str, ...]  # the example question ids whose replies named the plan

    @property
    def note(self) -> str:
        return str(Message("plan_offer", due=self.answer.due or ""))


def due_label(due: str | None) -> str:
    """ "2027-03" → "2027年3月" (the wording the 期限 field uses)."""
    if not due:
        return ""
    year, month = due.split("-")
    return f"{int(year)}年{int(month)}月"


def plan_offer(
    question: Question, item_questions: Iterable[Question], answers: Mapping[str, Answer]
) -> PlanOffer | None:
    """The draft for *question* (a plan question) from the item's earlier replies, if any."""
    if question.kind is not QuestionKind.PLAN:
        return None
    hints: list[tuple[str, PlanHint]] = []
    for q in item_questions:
        answer = answers.get(q.id)
        if q.kind is not QuestionKind.EXAMPLE or answer is None or answer.skipped:
            continue
        if answer.status not in (Status.NOT_DONE, Status.PARTIAL) or not answer.detail:
            continue
        hint = parse_status_reply(answer.detail, today=answer.updated_at.date()).plan
        if hint is not None and hint.text not in (h.text for _, h in hints):
            hints.append((q.id, hint))
    if not hints:
        return None
    dues = sorted(h.due for _, h in hints if h.due)
    text = "\n".join(h.text for _, h in hints)
    return PlanOffer(
        Answer(detail=text, due=due_label(dues[0] if dues else None)),
        tuple(qid for qid, _ in hints),
    )
