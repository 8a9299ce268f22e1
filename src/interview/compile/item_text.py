"""Compile one item's answers into 現在の対応状況, 課題認識, 課題への対応計画 and 備考.

What a bank reviewer reads on the フォーマット sheet:

- ⑤ 現在の対応状況 opens with the certification that covers the item (if any), then one
  or two plain sentences per method group — what is in place, under which rule, how
  often — and points to 回答詳細 for the per-example detail;
- ⑥ 課題認識 states the gap against the item's 目標 (the respondent's own words when
  given), never the sentences of ⑤; 「特になし」 when there is none;
- ⑦ 課題への対応計画: the plan with its date and owner; 「特になし」 when there is no gap.

手法例 are examples (「手法例はあくまで例示」): an unmet example is a 課題 only when the
respondent does not say the 目標 is met otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interview.catalog.models import Item
from interview.compile.certification_text import certification_sentence
from interview.compile.dates import parse_due_month
from interview.compile.phrases import (
    NONE_WORDS,
    NOTHING,
    bracketed,
    first_sentence,
    frequencies,
    join_names,
    one_line,
    reason,
    rule_names,
    said,
    sentence,
    status_phrase,
)
from interview.engine.answers import UNRESOLVED_WORD, Answer, Status
from interview.questions.bank import Question, QuestionSet
from interview.questions.models import QuestionKind
from interview.session.models import Certification

__all__ = ["NONE_WORDS", "TEXT_FIELDS", "TEXT_LABELS", "ItemDraft", "compile_item"]

DETAIL_POINTER = "詳細は回答詳細シート参照。"

# 手法例 the guide says need not be in place: 3.7.1 (第三者認証等を取得していなければ
# ならない訳ではない). Answering 未実施 there is not a 課題.
OPTIONAL_EXAMPLES = frozenset({"3.7.1"})

PLAN_PENDING = "対応計画は検討中です。"


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


def unresolved_phrase(due: str = "") -> str:
    """「確認中」, or 「確認中（2027年1月までに回答）」 when a date was given."""
    if due.startswith(UNRESOLVED_WORD):
        return due
    return f"{UNRESOLVED_WORD}（{due}までに回答）" if due else UNRESOLVED_WORD


def due_month(text: str) -> str:
    """「2027-01」 → 「2027年1月」; other wording is kept as given."""
    text = text.strip()
    if not text:
        return ""
    try:
        return parse_due_month(text)
    except ValueError:
        return text


def is_gap(question: Question, answer: Answer | None) -> bool:
    """An unmet example that may be a 課題 (not 不明: that is unresolved, not a gap)."""
    if answer is None or answer.skipped or answer.status is None:
        return False
    if question.id in OPTIONAL_EXAMPLES:
        return False
    return answer.status in (Status.PARTIAL, Status.NOT_DONE)


# ⑤ is kept within this height at the フォーマット's ⑤ width (rows ≤ 409 pt, some room left).
STATUS_BUDGET_PT = 390.0


def _fits(text: str) -> bool:
    from interview.workbook.fit import row_height
    from interview.workbook.layout import FORMAT_COLUMNS

    return row_height([text], [FORMAT_COLUMNS["status"].width]) <= STATUS_BUDGET_PT


def _same_name(short: str, heading: str) -> bool:
    a, b = short.replace("・", ""), heading.replace("・", "")
    return a == b or (len(a) >= 6 and (a in b or b in a))


def _names(shorts: list[str]) -> str:
    """「A、B」, or 「A、Bなど4件」 for a long list (回答詳細 lists them all)."""
    if len(shorts) <= 3:
        return "、".join(shorts)
    return f"{'、'.join(shorts[:2])}など{len(shorts)}件"


def _group_sentence(
    heading: str,
    entries: Sequence[tuple[Question, Answer]],
    unresolved: str,
    brevity: int = 0,
) -> str:
    """One sentence for one method group: what is in place (rule, frequency), what is not.

    *brevity* 1 leaves the 該当なし reasons to 回答詳細, 2 also the 代替策 and the rules,
    3 counts the 手法例 instead of naming them (4: even a single one).
    """
    # A group of one example named like its heading need not name it again.
    alone = len(entries) == 1 and _same_name(entries[0][0].short, heading)
    by_status: dict[Status, list[tuple[Question, Answer]]] = {}
    for question, answer in entries:
        assert answer.status is not None
        by_status.setdefault(answer.status, []).append((question, answer))
    # Rules and frequencies come from what is in place (fully or partly).
    in_place = [
        a.detail
        for _q, a in entries
        if a.status in (Status.DONE, Status.PARTIAL, Status.ALTERNATIVE)
    ]
    rules = rule_names("\n".join(in_place))
    times = frequencies("\n".join(in_place))
    order = (
        Status.DONE,
        Status.ALTERNATIVE,
        Status.PARTIAL,
        Status.NOT_DONE,
        Status.NOT_APPLICABLE,
        Status.UNKNOWN,
    )
    parts: list[tuple[Status, list[tuple[Question, Answer]], str]] = []
    for status in order:
        group = by_status.get(status)
        if not group:
            continue
        if status is not Status.UNKNOWN:
            parts.append((status, group, ""))
            continue
        # each unresolved answer says by when it will be answered (its own month first)
        by_due: dict[str, list[tuple[Question, Answer]]] = {}
        for question, answer in group:
            by_due.setdefault(unresolved_phrase(due_month(answer.due) or unresolved), []).append(
                (question, answer)
            )
        parts += [(status, g, phrase) for phrase, g in by_due.items()]
    clauses: list[str] = []
    for status, group, phrase in parts:
        shorts = [q.short for q, _a in group]
        if brevity < 3:
            names = _names(shorts)
        elif brevity == 3 and len(shorts) == 1:
            names = shorts[0]
        else:
            names = f"{len(shorts)}件"
        text = names + status_phrase(status, phrase)
        if alone and brevity < 4:  # 「・トークンの適切な管理：対応済みです」, not the name twice
            text = status_phrase(status, phrase).removeprefix("は")
        told = {Status.ALTERNATIVE: brevity < 2, Status.NOT_APPLICABLE: brevity < 1}
        if told.get(status, False):
            pick = first_sentence if status is Status.ALTERNATIVE else reason
            reasons = list(dict.fromkeys(r for _q, a in group if (r := pick(a.detail))))
            if reasons:
                label = "代替策" if status is Status.ALTERNATIVE else "理由"
                text += f"（{label}：{bracketed('／'.join(reasons))}）"
        if not clauses and (rules or times) and brevity < 2:
            basis = "／".join(
                x
                for x in (
                    f"根拠：{join_names(rules, 2)}" if rules else "",
                    f"頻度：{'・'.join(times[:2])}" if times else "",
                )
                if x
            )
            text += f"（{basis}）"
        clauses.append(text)
    return sentence("、".join(clauses) + "です")


def compile_item(
    item: Item,
    questions: QuestionSet,
    answers: Mapping[str, Answer],
    *,
    certifications: Sequence[Certification] = (),
    unresolved_due: str = "",
) -> ItemDraft:
    """The item's four texts from its answers.

    *certifications* are the session's recorded certifications (their 認証機関, 登録番号 …
    fill the opening sentence); *unresolved_due* the month by which 不明 answers will be
    answered (「2027年1月」), shown as 「確認中（2027年1月までに回答）」.
    """
    unresolved = unresolved_due
    closing: dict[str, tuple[Question, Answer | None]] = {}
    groups: dict[str, list[tuple[Question, Answer]]] = {}
    heading_by_example = {e.id: g.heading for g in item.method_groups for e in g.examples}
    gaps: list[Question] = []
    answered_any = False
    for question in questions.for_item(item.no):
        answer = answers.get(question.id)
        if answer is not None and not answer.skipped:
            answered_any = True
        if question.kind is not QuestionKind.EXAMPLE:
            closing[question.id.split(".", 1)[1]] = (question, answer)
            continue
        if answer is None or answer.skipped or answer.status is None:
            continue
        groups.setdefault(heading_by_example[question.id], []).append((question, answer))
        if is_gap(question, answer):
            gaps.append(question)
    if not answered_any:
        return ItemDraft("", "", "", "")

    def told(suffix: str) -> tuple[str, Answer | None]:
        _question, answer = closing.get(suffix, (None, None))
        if answer is None or answer.skipped:
            return "", answer
        return said(answer.detail), answer

    lines: list[str] = []
    cert_question, cert = closing.get("cert", (None, None))
    if cert_question is not None and cert is not None and not cert.skipped:
        opening = certification_sentence(cert_question, cert, certifications)
        if opening:
            lines.append(opening)
            # the certification example (3.7.1) would only say the same again
            groups = {
                h: kept
                for h, entries in groups.items()
                if (kept := [(q, a) for q, a in entries if q.id not in OPTIONAL_EXAMPLES])
            }
    other, _ = told("other")
    tail = [f"・その他の対策：{sentence(one_line(other))}"] if other else []
    if groups:
        tail.append(DETAIL_POINTER)
    # The fullest wording that fits a row (409 pt); the rest is in 回答詳細 anyway.
    for brevity in range(5):
        body = [
            f"・{heading}：{_group_sentence(heading, entries, unresolved, brevity)}"
            for heading, entries in groups.items()
        ]
        if _fits("\n".join(lines + body + tail)):
            break
    lines += body + tail

    issues_text, issues_answer = told("issues")
    plan_text, plan = told("plan")
    # 「なし」 to 課題認識 means the 目標 is met otherwise, unless a plan says there is work.
    issues_said_none = (
        issues_answer is not None
        and not issues_answer.skipped
        and not issues_text
        and not plan_text
    )
    if issues_text:
        issues = issues_text
    elif gaps and not issues_said_none:
        goal = item.goal.rstrip("。")
        names = "、".join(q.short for q in gaps)
        issues = f"目標「{goal}」に対し、{names}の整備が十分ではありません。"
    else:
        issues = NOTHING

    extras = ""
    if plan is not None and not plan.skipped:
        extras = "、".join(
            x
            for x in (
                (f"期限：{plan.due}" if plan.due else ""),
                (f"担当：{plan.owner}" if plan.owner else ""),
            )
            if x
        )
    if plan_text:
        plan_line = plan_text + (f"（{extras}）" if extras else "")
    elif issues != NOTHING:
        plan_line = PLAN_PENDING + (f"（{extras}）" if extras else "")
    else:
        plan_line = NOTHING

    remarks_text, _ = told("remarks")
    return ItemDraft(
        status="\n".join(lines),
        issues=issues,
        plan=plan_line,
        remarks=remarks_text,
    )
