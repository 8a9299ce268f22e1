"""The rows of the 「変更点」 workbook, made from a session diff (plain text for the writer)."""

from __future__ import annotations

from interview.compile.diff import ItemChangeKind, ItemDiff, SessionDiff, Trend
from interview.workbook.diff_sheet import DiffRow


def _kind(item: ItemDiff, trend: Trend = Trend.NONE) -> str:
    return f"{item.kind.label}（{trend.label}）" if trend is not Trend.NONE else item.kind.label


def item_rows(item: ItemDiff) -> list[DiffRow]:
    """The rows of one item: each changed question field, then each changed text."""

    def row(kind: str, question_id: str, field: str, before: str, after: str) -> DiffRow:
        return DiffRow(
            item.label, item.category, item.goal, kind, question_id, field, before, after
        )

    if item.kind is ItemChangeKind.UNCHANGED:
        return [row(_kind(item), "", "", "", "")]
    rows = []
    for question in item.questions:
        for change in question.fields:
            trend = question.trend if change.field == "state" else Trend.NONE
            rows.append(
                row(
                    _kind(item, trend),
                    question.question_id,
                    f"{question.short}／{change.label}",
                    change.before,
                    change.after,
                )
            )
    for text in item.texts:
        rows.append(row(_kind(item), "", text.label, text.before, text.after))
    if item.unreviewed:
        ids = "、".join(qid for qid, _short in item.unreviewed)
        rows.append(row("未確認", ids, "前回の回答をまだ確認していない設問", "", ""))
    return rows


def diff_rows(diff: SessionDiff, include_unchanged: bool = False) -> list[DiffRow]:
    items = diff.items if include_unchanged else diff.changed_items
    return [row for item in items for row in item_rows(item)]
