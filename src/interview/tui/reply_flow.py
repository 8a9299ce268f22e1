"""What a sent reply becomes: a saved answer, a pending reply, or a question back.

No UI code: the interview screen asks :func:`decide` and acts on the outcome, so the
rules are tested without a terminal. The rules keep what the respondent typed intact:

- the saved detail is the reply exactly as typed (outer blank space aside); the status
  words stay in it;
- a status picked by the respondent (number key or button) wins over the words;
- a prefilled earlier answer keeps its status (it stays shown, picked, while the text is
  edited) unless the new words clearly give another;
- otherwise the reply reader decides. When it is not sure, the reply becomes *pending*:
  it is kept and shown, and the status is asked for once, with the reader's best guess
  pre-selected. It is never glued to the next attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from interview.engine.answers import Answer, Status
from interview.engine.reply import parse_status_reply
from interview.questions.bank import Question
from interview.questions.models import QuestionKind


class PickedBy(StrEnum):
    """Where the answer bar's status came from."""

    RESPONDENT = "respondent"  # a number key or a click: the respondent's own choice
    PREFILL = "prefill"  # the earlier (or last year's) answer shown for confirmation


@dataclass(frozen=True)
class Save:
    """Save *answer*. ``read`` is the status read from the words (shown, correctable)."""

    answer: Answer
    read: Status | None = None


@dataclass(frozen=True)
class Pending:
    """Keep *text* as the pending detail and ask for its status (``guess`` pre-selected)."""

    text: str
    guess: Status | None = None


@dataclass(frozen=True)
class AskedBack:
    """The reply asks something back: offer the hint and the glossary, save nothing."""

    text: str


Outcome = Save | Pending | AskedBack


def decide(
    question: Question,
    answer: Answer,
    text: str,
    picked_by: PickedBy | None = None,
    prefilled: str = "",
) -> Outcome:
    """Decide what the reply *text* (with the bar's *answer*) becomes for *question*."""
    detail = text.strip()
    answer = answer.model_copy(update={"detail": detail})
    if question.kind is not QuestionKind.EXAMPLE:
        return Save(answer)
    if answer.status is not None and picked_by is PickedBy.RESPONDENT:
        return Save(answer)
    prefill_status = answer.status if picked_by is PickedBy.PREFILL else None
    if prefill_status is not None and detail == prefilled.strip():
        return Save(answer)  # the earlier answer, confirmed as it was
    if not detail:
        return Pending("", prefill_status)
    reply = parse_status_reply(detail)
    if reply.is_question and reply.status is None:
        return AskedBack(detail)
    if reply.status is not None:
        return Save(answer.model_copy(update={"status": reply.status}), read=reply.status)
    if prefill_status is not None:  # rewritten, words unclear: the status still shown
        return Save(answer)
    return Pending(detail, reply.guess)


def with_status(pending: Pending, status: Status, answer: Answer) -> Answer:
    """The pending reply, now with the status the respondent chose."""
    return answer.model_copy(update={"status": status, "detail": pending.text})


# Characters that continue a number: a digit typed into an empty reply field followed by
# one of these was the start of text (「2026年…」, 「1年ごとに…」, 「3社」, 「2要素認証」),
# not a status key.
_NUMBER_CONTINUATIONS = frozenset(
    "0123456789０１２３４５６７８９"
    ".,/:%-~+×x．，／：％－〜～＋"
    "年月日週回件名人社台個つヶケか箇カ所時分秒割倍歳才期度版号条項章点"
    "万千百億円要段桁文字次番位級種系層線局拠部課店ヵ周"
)


def continues_number(character: str) -> bool:
    """True when *character*, typed right after a digit, shows the digit was text."""
    return bool(character) and character in _NUMBER_CONTINUATIONS
