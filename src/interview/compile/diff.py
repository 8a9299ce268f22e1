"""Compare two sessions (last time's A and this time's B) item by item.

Used for yearly monitoring: what changed since the previous checklist, question by
question (状態, 詳細, チェック, 期限, 担当) and in the four item texts, with each status
change marked 改善 or 後退 so that a reviewer sees at once where things moved.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

from interview.catalog.models import Catalog, Item
from interview.compile.item_text import TEXT_FIELDS, TEXT_LABELS
from interview.compile.workbook_data import (
    ANSWERED,
    UNANSWERED,
    effective_texts,
)
from interview.engine.answers import Answer, Status
from interview.errors import Message, UserError
from interview.questions.bank import Question, QuestionSet
from interview.questions.models import QuestionKind
from interview.session.models import Session


class ItemChangeKind(StrEnum):
    """How one item moved between the two sessions (ASCII code; ``label`` for people)."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    NEW = "new"  # answered only in B
    UNANSWERED = "unanswered"  # answered in A, not (yet) in B
    UNREVIEWED = "unreviewed"  # B (a yearly check) has not yet gone through A's answers

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


class Trend(StrEnum):
    """Direction of a status change (未実施 < 一部実施 < 実施済み)."""

    NONE = ""
    IMPROVED = "improved"
    REGRESSED = "regressed"

    @property
    def label(self) -> str:
        return _TREND_LABELS[self]


_KIND_LABELS = {
    ItemChangeKind.UNCHANGED: "変更なし",
    ItemChangeKind.CHANGED: "変更あり",
    ItemChangeKind.NEW: "新規回答",
    ItemChangeKind.UNANSWERED: "未回答",
    ItemChangeKind.UNREVIEWED: "未確認",
}
_TREND_LABELS = {Trend.NONE: "", Trend.IMPROVED: "改善", Trend.REGRESSED: "後退"}


STATUS_RANK = {Status.NOT_DONE: 0, Status.PARTIAL: 1, Status.ALTERNATIVE: 2, Status.DONE: 2}
"""該当なし and 不明 are not ranked: a change to or from them is neither 改善 nor 後退."""

FIELD_LABELS = {
    "state": "回答",
    "detail": "詳細",
    "checks": "チェック",
    "due": "期限",
    "owner": "担当",
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs: what it is called, and its text before and after."""

    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class AnswerView:
    """One answer as compared and shown: every field as display text."""

    state: str  # 実施済み… / 回答済み / 未回答
    status: Status | None
    detail: str
    checks: str
    due: str
    owner: str

    @property
    def answered(self) -> bool:
        return self.state != UNANSWERED


@dataclass(frozen=True, slots=True)
class QuestionChange:
    question_id: str
    kind: QuestionKind
    short: str
    before: AnswerView
    after: AnswerView
    trend: Trend

    @property
    def status_before(self) -> Status | None:
        return self.before.status

    @property
    def status_after(self) -> Status | None:
        return self.after.status

    @property
    def fields(self) -> list[FieldChange]:
        """The fields that differ, in a fixed order (回答, 詳細, チェック, 期限, 担当)."""
        return [
            FieldChange(name, label, getattr(self.before, name), getattr(self.after, name))
            for name, label in FIELD_LABELS.items()
            if getattr(self.before, name) != getattr(self.after, name)
        ]


@dataclass(frozen=True, slots=True)
class TextChange:
    field: str  # status / issues / plan / remarks
    label: str  # 現在の対応状況 …
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class ItemDiff:
    no: int
    label: str  # 通番 as shown: "12", or "追加1" for an item added by a profile
    category: str
    goal: str
    kind: ItemChangeKind
    questions: list[QuestionChange]
    texts: list[TextChange]
    # B's questions whose earlier answer (a yearly check's suggestion) is not yet
    # confirmed or changed: (id, short). Not a change: 未確認.
    unreviewed: tuple[tuple[str, str], ...] = ()

    @property
    def improved(self) -> int:
        return sum(1 for q in self.questions if q.trend is Trend.IMPROVED)

    @property
    def regressed(self) -> int:
        return sum(1 for q in self.questions if q.trend is Trend.REGRESSED)

    @property
    def changed(self) -> bool:
        return self.kind is not ItemChangeKind.UNCHANGED


@dataclass(frozen=True, slots=True)
class DiffSummary:
    changed: int
    new: int
    unanswered: int
    unchanged: int
    improved: int  # questions (手法例) whose status went up
    regressed: int  # … and down
    unreviewed: int = 0  # items B has not yet gone through (yearly check part-way)

    def line(self) -> str:
        return str(Message("diff_summary", **asdict(self)))


@dataclass(frozen=True, slots=True)
class SessionDiff:
    before_id: str
    after_id: str
    items: list[ItemDiff]

    @property
    def changed_items(self) -> list[ItemDiff]:
        return [i for i in self.items if i.changed]

    def summary(self) -> DiffSummary:
        kinds = [i.kind for i in self.items]
        return DiffSummary(
            changed=kinds.count(ItemChangeKind.CHANGED),
            new=kinds.count(ItemChangeKind.NEW),
            unanswered=kinds.count(ItemChangeKind.UNANSWERED),
            unchanged=kinds.count(ItemChangeKind.UNCHANGED),
            improved=sum(i.improved for i in self.items),
            regressed=sum(i.regressed for i in self.items),
            unreviewed=kinds.count(ItemChangeKind.UNREVIEWED),
        )


_EMPTY = AnswerView(UNANSWERED, None, "", "", "", "")


def answer_view(question: Question, answer: Answer | None) -> AnswerView:
    """*answer* as display text; a skipped answer counts as no answer."""
    if answer is None or answer.skipped:
        return _EMPTY
    state = answer.status.label if answer.status is not None else ANSWERED
    if question.kind is QuestionKind.CERTIFICATION:
        checks = "、".join(o.text for o in question.options if o.label in answer.checks)
    else:
        known = [o.label for o in question.options if o.label in answer.checks]
        others = sorted(c for c in set(answer.checks) if c not in known)
        checks = "".join(known + others)
    return AnswerView(
        state=state,
        status=answer.status,
        detail=answer.detail.strip(),
        checks=checks,
        due=answer.due.strip(),
        owner=answer.owner.strip(),
    )


def trend(before: Status | None, after: Status | None) -> Trend:
    if before is None or after is None or before not in STATUS_RANK or after not in STATUS_RANK:
        return Trend.NONE
    rank_before, rank_after = STATUS_RANK[before], STATUS_RANK[after]
    if rank_after > rank_before:
        return Trend.IMPROVED
    if rank_after < rank_before:
        return Trend.REGRESSED
    return Trend.NONE


@dataclass(frozen=True, slots=True)
class _Side:
    """One session with the checklist it was answered on."""

    session: Session
    catalog: Catalog
    questions: QuestionSet

    def same_item(self, item: Item) -> Item | None:
        """This side's item for *item*: same number and same 通番 label, else None."""
        mine = self.catalog.items_for(self.session.respondent.party)
        return next((i for i in mine if i.no == item.no and i.display_no == item.display_no), None)


def _item_diff(older: _Side, newer: _Side, item: Item) -> ItemDiff:
    changes: list[QuestionChange] = []
    unreviewed: list[tuple[str, str]] = []
    suggested = newer.session.suggestions
    answered_before = answered_after = False
    # An item the older session did not have (added by a profile, or excluded last time)
    # counts as unanswered there.
    before_item = older.same_item(item)
    before_answers = older.session.answers if before_item is not None else {}
    for question in newer.questions.for_item(item.no):
        before = answer_view(question, before_answers.get(question.id))
        after = answer_view(question, newer.session.answers.get(question.id))
        if not after.answered and question.id in suggested:
            # the yearly check has not reached it: 未確認, not 「実施済み → 未回答」
            unreviewed.append((question.id, question.short))
            answered_before |= before.answered
            continue
        answered_before |= before.answered
        answered_after |= after.answered
        if before != after:
            changes.append(
                QuestionChange(
                    question_id=question.id,
                    kind=question.kind,
                    short=question.short,
                    before=before,
                    after=after,
                    trend=trend(before.status, after.status),
                )
            )
    texts_before = (
        effective_texts(older.session, before_item, older.questions)
        if before_item is not None
        else dict.fromkeys(TEXT_FIELDS, "")
    )
    texts_after = effective_texts(newer.session, item, newer.questions)
    texts = [
        TextChange(f, TEXT_LABELS[f], texts_before[f].strip(), texts_after[f].strip())
        for f in TEXT_FIELDS
        if texts_before[f].strip() != texts_after[f].strip() and not unreviewed
    ]  # an item not yet gone through has no texts of its own to compare
    if unreviewed and not changes:
        kind = ItemChangeKind.UNREVIEWED
    elif answered_before and not answered_after:
        kind = ItemChangeKind.UNANSWERED
    elif answered_after and not answered_before:
        kind = ItemChangeKind.NEW
    elif changes or texts:
        kind = ItemChangeKind.CHANGED
    else:
        kind = ItemChangeKind.UNCHANGED
    return ItemDiff(
        no=item.no,
        label=item.display_no,
        category=newer.catalog.category(item.category).name,
        goal=item.goal,
        kind=kind,
        questions=changes,
        texts=texts,
        unreviewed=tuple(unreviewed),
    )


def diff_sessions(
    older: Session,
    newer: Session,
    catalog: Catalog,
    questions: QuestionSet,
    *,
    older_catalog: Catalog | None = None,
    older_questions: QuestionSet | None = None,
) -> SessionDiff:
    """Compare *older* (A) with *newer* (B) over the items of B's party, in 通番 order.

    *catalog* and *questions* are B's checklist (tailored when B has a profile); A's
    default to the same. Items are B's items in effect; an item A's checklist did not
    have counts as unanswered in A.
    """
    party_before, party_after = older.respondent.party, newer.respondent.party
    if party_before is not party_after:
        raise UserError(
            Message(
                "diff_parties_differ",
                older=older.id,
                older_party=party_before,
                newer=newer.id,
                newer_party=party_after,
            )
        )
    before = _Side(older, older_catalog or catalog, older_questions or questions)
    after = _Side(newer, catalog, questions)
    items = [_item_diff(before, after, item) for item in catalog.items_for(party_after)]
    return SessionDiff(before_id=older.id, after_id=newer.id, items=items)
