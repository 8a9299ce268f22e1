"""The diff as a Japanese report, item by item (the words both front ends print)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview.textsafe import printable

if TYPE_CHECKING:
    from interview.compile.diff import ItemDiff, QuestionChange, SessionDiff


def _arrow(before: str, after: str) -> str:
    before = printable(before) if before else "（なし）"
    after = printable(after) if after else "（なし）"
    if "\n" in before or "\n" in after:
        return f"\n        前回: {_indent(before)}\n        今回: {_indent(after)}"
    return f"{before} → {after}"


def _indent(text: str) -> str:
    return text.replace("\n", "\n              ")


def _named(question_id: str, short: str) -> str:
    """「1.1.1 最高責任者の明確化」 for a 手法例; a closing question by its name only
    (「その他の対策」, never the internal 1.other)."""
    shown = question_id if question_id.replace(".", "").isdigit() else ""
    return f"{shown} {printable(short)}".strip()


def _question_lines(question: QuestionChange) -> list[str]:
    mark = f"【{question.trend.label}】" if question.trend.label else ""
    lines = [f"  設問 {_named(question.question_id, question.short)}{mark}"]
    for change in question.fields:
        lines.append(f"    {change.label}: {_arrow(change.before, change.after)}")
    return lines


def item_lines(item: ItemDiff) -> list[str]:
    marks = []
    if item.improved:
        marks.append(f"改善 {item.improved}")
    if item.regressed:
        marks.append(f"後退 {item.regressed}")
    extra = f"（{'、'.join(marks)}）" if marks else ""
    lines = [f"通番{item.label}［{item.kind.label}］{extra} {item.category}：{item.goal}"]
    for question in item.questions:
        lines.extend(_question_lines(question))
    for text in item.texts:
        lines.append(f"  {text.label}: {_arrow(text.before, text.after)}")
    if item.unreviewed:
        lines.append(f"  {unreviewed_note(item)}")
    return lines


def unreviewed_note(item: ItemDiff) -> str:
    """「未確認 3問（前回の回答をまだ確認していません）: 1.1.1 …、1.1.2 …」"""
    names = [_named(qid, short) for qid, short in item.unreviewed[:4]]
    more = f" ほか{len(item.unreviewed) - 4}問" if len(item.unreviewed) > 4 else ""
    return (
        f"未確認 {len(item.unreviewed)}問（前回の回答をまだ確認していません）: "
        + "、".join(names)
        + more
    )


def report_text(diff: SessionDiff, include_all: bool = False) -> str:
    """The Japanese report: a header, each (changed) item, then the summary line."""
    lines = [f"前回: {printable(diff.before_id)}　今回: {printable(diff.after_id)}", ""]
    items = diff.items if include_all else diff.changed_items
    for item in items:
        lines.extend(item_lines(item))
        lines.append("")
    if not items:
        lines.extend(["変わった項目はありません。", ""])
    lines.append(diff.summary().line())
    return "\n".join(lines)
