"""What a sent reply becomes: a saved answer, a pending reply, a question back or a request.

No UI code: the interview screen asks :func:`decide` and acts on the outcome, so the
rules are tested without a terminal. The rules keep what the respondent typed intact:

- the saved detail is the reply exactly as typed (outer blank space aside); the status
  words stay in it;
- a status picked by the respondent (number key or button) wins over the words;
- a prefilled earlier answer keeps its status (it stays shown, picked, while the text is
  edited) unless the new words clearly give another;
- otherwise the reply reader decides. When it is not sure, the reply becomes *pending*:
  it is kept and shown, and the status is asked for once, with the reader's best guess
  pre-selected. It is never glued to the next attempt;
- a reply that asks the chat to do something (「後回しにして」「前の質問に戻って」
  「ちょっと待って」, ``engine.reply_request``) is *requested*: the chat says which key
  does it and records nothing. A status picked by key still wins (the answer comes first).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from interview.engine.answers import Answer, Status
from interview.engine.group_reply import read_named_statuses
from interview.engine.groups import SCREENED_STATUSES, circled
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


@dataclass(frozen=True)
class Requested:
    """The reply asks the chat to do something (``name``: skip, back, glossary, hint, wait,
    quit): say which key does it, record nothing, keep the question."""

    text: str
    name: str


Outcome = Save | Pending | AskedBack | Requested


def request_in(text: str) -> str | None:
    """The request *text* makes of the chat (「後回しにして」 → ``"skip"``), or None.

    Imported on first use: the reader's modules load with the first reply, not at start-up.
    """
    from interview.engine.reply_request import request_in as read

    return read(text)


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
        name = request_in(detail) if detail else None
        return Requested(detail, name) if name else Save(answer)
    if answer.status is not None and picked_by is PickedBy.RESPONDENT:
        return Save(answer)
    prefill_status = answer.status if picked_by is PickedBy.PREFILL else None
    if prefill_status is not None and detail == prefilled.strip():
        return Save(answer)  # the earlier answer, confirmed as it was
    if not detail:
        return Pending("", prefill_status)
    reply = parse_status_reply(detail)
    if reply.request is not None:
        return Requested(detail, reply.request)
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


# --- a group screen (one screen for the 手法例 of one <heading>) -------------------------


@dataclass(frozen=True)
class GroupSave:
    """Answer the group with *statuses* (one for all, or one per example) and *detail*.

    ``read`` is the status read from the words (shown, correctable with one key).
    """

    statuses: Status | tuple[Status, ...]
    detail: str
    read: Status | None = None


@dataclass(frozen=True)
class GroupPending(Pending):
    """A group reply kept pending: ``named`` holds the statuses its words gave some
    examples (a key gives the others theirs), ``reason`` says what is missing."""

    named: tuple[Status | None, ...] = ()
    reason: str = ""

    def statuses(self, status: Status) -> Status | tuple[Status, ...]:
        """The group answer once the respondent chose *status* for the rest."""
        if not self.named:
            return status
        return _grouped(tuple(status if s is None else s for s in self.named))


def _grouped(statuses: tuple[Status, ...]) -> Status | tuple[Status, ...]:
    """One status for the group when every example has the same settled one."""
    uniform = len(set(statuses)) == 1 and statuses[0] in SCREENED_STATUSES
    return statuses[0] if uniform else statuses


GroupOutcome = GroupSave | Pending | AskedBack | Requested


def decide_group(
    text: str,
    picked: Status | None,
    picked_by: PickedBy | None,
    sequence: tuple[Status, ...],
    n: int,
    prefilled: str = "",
) -> GroupOutcome:
    """What a reply sent at a group screen of *n* examples becomes.

    The same rules as :func:`decide` for one question: the detail is the reply as typed;
    the keys the respondent pressed win over the words (one key for the whole group, or
    one key per example in a row); an unchanged prefill keeps its status; otherwise the
    reader decides, and when it is not sure the reply becomes pending (kept, shown, its
    status asked for once). An incomplete run of keys is pending too, never guessed.

    A reply naming the examples (「②は一部実施、ほかは実施済み」, ``engine.group_reply``)
    gives each its status unless a key was pressed for every example; a key pressed for
    the group gives the examples the words leave out theirs. An example left without a
    status is asked (pending), never guessed.
    """
    detail = text.strip()
    if n > 1 and len(sequence) == n:
        statuses = tuple(sequence)
        return GroupSave(statuses[0] if len(set(statuses)) == 1 else statuses, detail)
    own = picked if picked_by is PickedBy.RESPONDENT else None
    named = read_named_statuses(detail, n) if detail else None
    if named is not None:  # 「②は一部実施、ほかは実施済み」: each example named
        if named.out_of_range:
            numbers = "・".join(circled(k) if k <= 20 else str(k) for k in named.out_of_range)
            reason = f"この見出しの手法例は{circled(n)}までです（{numbers}はありません）。"
            return GroupPending(detail, reason=reason)
        complete = named.complete
        if complete is None and own is not None:  # the key pressed gives the others
            complete = tuple(own if s is None else s for s in named.statuses)
        if complete is None:
            missing = "・".join(circled(k) for k in named.missing)
            reason = f"{missing}の状態が書かれていません。数字キー1つで{missing}の状態を付けます。"
            return GroupPending(detail, named=named.statuses, reason=reason)
        return GroupSave(_grouped(complete), detail)
    if len(sequence) > 1:  # some examples only: ask, keeping the reply
        return Pending(detail)
    if picked is not None and picked_by is PickedBy.RESPONDENT:
        return GroupSave(picked, detail)
    prefill_status = picked if picked_by is PickedBy.PREFILL else None
    if prefill_status is not None and detail == prefilled.strip():
        return GroupSave(prefill_status, detail)  # the earlier answer, confirmed as it was
    if not detail:
        return Pending("", prefill_status)
    reply = parse_status_reply(detail)
    if reply.request is not None:
        return Requested(detail, reply.request)
    if reply.is_question and reply.status is None:
        return AskedBack(detail)
    if reply.status is not None:
        return GroupSave(reply.status, detail, read=reply.status)
    if prefill_status is not None:  # rewritten, words unclear: the status still shown
        return GroupSave(prefill_status, detail)
    return Pending(detail, reply.guess)


# --- the yearly check's item confirmation (「前回どおり」 or one by one) --------------------

_SAME = frozenset(
    [
        "1",
        "はい",
        "前回どおり",
        "前回通り",
        "前回と同じ",
        "同じ",
        "そのまま",
        "変更なし",
        "変更はなし",
        "変更ありません",
        "変更はありません",
        "変わりなし",
        "変わりありません",
        "変わりません",
        "なし",
        "特になし",
        "ありません",
        "問題なし",
        "ok",
        "yes",
        "y",
    ]
)
# The same said in a sentence (「前回から特に変わっていません」「去年と同じです」): the whole reply,
# nothing else in it (「前回と同じだが③は変えた」 describes a change and is kept).
_SAME_SAID = re.compile(
    r"(前回|昨年|去年|昨年度|前年|前年度)(どおり|通り|のまま)"
    r"(です|で(お願いします|大丈夫です|okです|いいです))?[。．.!！\s]*"
    r"|(前回|昨年|去年|昨年度|前年|前年度)?(と|から|どおり|通り)?[、,\s]*(は)?[、,\s]*"
    r"(特に|とくに|全く|まったく|何も|なにも)?[、,\s]*"
    r"(変わ(って|り(は)?)(い)?(ない|ません|なし|ありません|ございません)"
    r"|変更(は|も)?(ない|なし|ありません|ございません|していません|してません)"
    r"|同じ|同様|そのまま(です|で大丈夫|でok|でいい)?)"
    r"(です|でございます|だ)?(ね|よ)?[。．.!！\s]*"
)
_CHANGED = frozenset(
    ["2", "変更", "変更あり", "変更があります", "変わった", "変わりました", "いいえ", "no", "n"]
)


@dataclass(frozen=True)
class ItemConfirmation:
    """A reply at the yearly item confirmation: keep last year's answers, or go through
    the item one by one with ``carry`` (what was typed) in the first question's field."""

    changed: bool
    carry: str = ""


def confirm_item_reply(text: str, picked: Status | None) -> ItemConfirmation:
    """Enter or 1 (or 「変わりなし」) keeps the item; 2 (or 「変更あり」) goes one by one.

    Anything else typed describes a change: it is never dropped by a 「前回どおり」, but
    kept for the first question of the item, asked one by one.
    """
    words = text.strip()
    folded = unicodedata.normalize("NFKC", words).casefold().rstrip("。．.!！")
    if folded in _CHANGED:
        return ItemConfirmation(True)
    if picked is Status.PARTIAL:
        return ItemConfirmation(True, "" if folded in _SAME else words)
    if folded in _SAME or not folded or _SAME_SAID.fullmatch(folded):
        return ItemConfirmation(False)
    return ItemConfirmation(True, words)


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
