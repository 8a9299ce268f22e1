"""The JSON document of ``interview diff --json`` (pydantic models at the CLI's edge)."""

from __future__ import annotations

from dataclasses import asdict

from pydantic import BaseModel

from interview.compile.diff import ItemDiff, QuestionChange, SessionDiff


class FieldChangeJson(BaseModel):
    field: str
    label: str
    before: str
    after: str


class QuestionChangeJson(BaseModel):
    id: str
    short: str
    trend: str  # improved / regressed / ""
    trend_label: str  # 改善 / 後退 / ""
    status_before: str | None  # done / partial / not_done / not_applicable / unknown
    status_after: str | None
    changes: list[FieldChangeJson]


class ItemDiffJson(BaseModel):
    no: int
    label: str  # 通番 as shown ("12", "追加1")
    category: str
    goal: str
    kind: str  # unchanged / changed / new / unanswered / unreviewed
    kind_label: str  # 変更なし / 変更あり / 新規回答 / 未回答 / 未確認
    questions: list[QuestionChangeJson]
    texts: list[FieldChangeJson]
    unreviewed: list[str] = []  # questions whose earlier answer is not yet confirmed (未確認)


class SummaryJson(BaseModel):
    changed: int
    new: int
    unanswered: int
    unchanged: int
    improved: int
    regressed: int
    unreviewed: int = 0  # items not yet gone through (a yearly check part-way)


class SessionDiffJson(BaseModel):
    before: str
    after: str
    summary: SummaryJson
    items: list[ItemDiffJson]


def _question(q: QuestionChange) -> QuestionChangeJson:
    return QuestionChangeJson(
        id=q.question_id,
        short=q.short,
        trend=q.trend.value,
        trend_label=q.trend.label,
        status_before=q.status_before.value if q.status_before else None,
        status_after=q.status_after.value if q.status_after else None,
        changes=[
            FieldChangeJson(field=c.field, label=c.label, before=c.before, after=c.after)
            for c in q.fields
        ],
    )


def _item(item: ItemDiff) -> ItemDiffJson:
    return ItemDiffJson(
        no=item.no,
        label=item.label,
        category=item.category,
        goal=item.goal,
        kind=item.kind.value,
        kind_label=item.kind.label,
        questions=[_question(q) for q in item.questions],
        texts=[
            FieldChangeJson(field=t.field, label=t.label, before=t.before, after=t.after)
            for t in item.texts
        ],
        unreviewed=[qid for qid, _short in item.unreviewed],
    )


def diff_document(diff: SessionDiff, include_unchanged: bool = False) -> SessionDiffJson:
    summary = diff.summary()
    items = diff.items if include_unchanged else diff.changed_items
    return SessionDiffJson(
        before=diff.before_id,
        after=diff.after_id,
        summary=SummaryJson(**asdict(summary)),
        items=[_item(i) for i in items],
    )
