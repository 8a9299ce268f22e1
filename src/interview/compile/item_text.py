"""Compile one item's answers into 現在の対応状況, 課題認識, 課題への対応計画 and 備考."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from interview.catalog.models import Item
from interview.engine.answers import Answer, Status
from interview.questions.bank import Question, QuestionSet
from interview.questions.models import QuestionKind

NONE_WORDS = {
    "",
    "なし",
    "無し",
    "特になし",
    "特に無し",
    "ありません",
    "特にありません",
    "-",
    "ー",
    "なし。",
}


@dataclass(frozen=True)
class ItemDraft:
    status: str  # 現在の対応状況
    issues: str  # 課題認識
    plan: str  # 課題への対応計画
    remarks: str  # 備考

    def field(self, name: str) -> str:
        return getattr(self, name)


TEXT_FIELDS = ("status", "issues", "plan", "remarks")
TEXT_LABELS = {
    "status": "現在の対応状況",
    "issues": "課題認識",
    "plan": "課題への対応計画",
    "remarks": "備考",
}


def _said(text: str) -> str:
    """The respondent's words, or '' when they only said there is nothing."""
    cleaned = " ".join(text.split())
    return "" if cleaned in NONE_WORDS else text.strip()


def _one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines() if line.strip())


def example_line(question: Question, answer: Answer) -> str:
    """One line of 現在の対応状況 for an answered 手法例."""
    assert answer.status is not None
    line = f"・{question.short}：{answer.status.label}"
    detail = _one_line(answer.detail)
    if answer.status is Status.NOT_APPLICABLE:
        line += f"（理由：{detail or '未記入'}）"
    elif detail:
        line += f" — {detail}"
    if answer.checks:
        line += f"［該当：{''.join(answer.checks)}］"
    return line


def compile_item(item: Item, questions: QuestionSet, answers: Mapping[str, Answer]) -> ItemDraft:
    by_suffix: dict[str, tuple[Question, Answer | None]] = {}
    status_lines: list[str] = []
    gap_lines: list[str] = []
    heading_by_example = {e.id: g.heading for g in item.method_groups for e in g.examples}
    current_heading = None
    for question in questions.for_item(item.no):
        answer = answers.get(question.id)
        if question.kind is not QuestionKind.EXAMPLE:
            by_suffix[question.id.split(".", 1)[1]] = (question, answer)
            continue
        if answer is None or answer.skipped or answer.status is None:
            continue
        heading = heading_by_example[question.id]
        if heading != current_heading:
            status_lines.append(f"＜{heading}＞")
            current_heading = heading
        status_lines.append(example_line(question, answer))
        if answer.status.is_gap:
            gap = f"・{question.short}：{answer.status.label}"
            if detail := _one_line(answer.detail):
                gap += f"（{detail}）"
            gap_lines.append(gap)

    def said(suffix: str) -> tuple[str, Answer | None]:
        _question, answer = by_suffix.get(suffix, (None, None))
        if answer is None or answer.skipped:
            return "", answer
        return _said(answer.detail), answer

    other, _ = said("other")
    if other:
        status_lines += ["＜その他の対策＞", f"・{_one_line(other)}"]
    cert_text, cert = said("cert")
    if cert is not None and not cert.skipped and (cert.checks or cert_text):
        question = by_suffix["cert"][0]
        names = [o.text for o in question.options if o.label in cert.checks] if question else []
        cited = "、".join(names)
        line = "・" + "：".join(x for x in (cited, _one_line(cert_text)) if x)
        status_lines += ["＜第三者認証・内部統制保証報告書等＞", line]

    issues_text, _ = said("issues")
    issues = gap_lines[:]
    if issues_text:
        issues += ([""] if issues else []) + [issues_text]

    plan_text, plan = said("plan")
    plan_line = ""
    if plan is not None and not plan.skipped and (plan_text or plan.due or plan.owner):
        extras = "、".join(
            x
            for x in (
                (f"期限：{plan.due}" if plan.due else ""),
                (f"担当：{plan.owner}" if plan.owner else ""),
            )
            if x
        )
        plan_line = plan_text + (f"（{extras}）" if extras else "")

    remarks_text, _ = said("remarks")
    return ItemDraft(
        status="\n".join(status_lines),
        issues="\n".join(issues),
        plan=plan_line,
        remarks=remarks_text,
    )
