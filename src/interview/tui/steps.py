"""The chat side of the guided path: what to say for a step and what a reply means.

Kept apart from the screen so that the group screen, the merged closing questions and
the yearly item confirmation read the same in the TUI and in tests.
"""

from __future__ import annotations

from rich.text import Text

from interview.catalog.models import Catalog
from interview.engine.answers import Answer, Status
from interview.engine.groups import circled, common_answer
from interview.engine.path import NOTHING, GuidedInterview, Step, StepKind
from interview.questions.bank import Question
from interview.textsafe import printable
from interview.tui.render import question_label

STATUS_KEYS = "1 実施済み／2 一部実施／3 未実施／4 該当なし／5 不明"


def group_text(step: Step, interview: GuidedInterview) -> Text:
    assert step.group is not None
    text = Text()
    n = len(step.questions)
    text.append(f"［{step.item}.{step.group.no}］＜{step.group.heading}＞", style="bold")
    text.append(f" 手法例{n}件\n")
    for k, question in enumerate(step.questions, 1):
        text.append(f" {circled(k)} {question.short}")
        answer = interview.answers.get(question.id)
        if answer is not None and not answer.skipped and answer.status is not None:
            shared = "・共通" if answer.shared else ""
            text.append(f"（{answer.status.label}{shared}）", style="dim")
        text.append("\n")
    text.append("1 すべて実施済み／4 すべて該当なし：共通の内容か理由を書いて Enter\n")
    text.append(group_mixed_hint(n))
    return text


def group_mixed_hint(n: int) -> Text:
    """How to answer a group whose examples differ, on the group screen itself."""
    text = Text()
    text.append(f"違う手法例は「{circled(min(2, n))}は一部実施、ほかは実施済み」か、")
    text.append(f"数字を{circled(1)}から順に{n}回で。\n")
    text.append(
        "（実施済み・該当なし以外は後で1件ずつ。2／3／5 だけなら全件を1件ずつ）", style="dim"
    )
    return text


def drill_label(step: Step) -> Text | None:
    """「＜見出し＞ 2/3件目」 above an example asked one by one inside a group."""
    group = step.group
    if group is None or len(group.examples) < 2:
        return None
    ids = [e.id for e in group.examples]
    if step.id not in ids:
        return None
    return Text(f"＜{group.heading}＞ {ids.index(step.id) + 1}/{len(ids)}件目\n", style="dim")


def confirm_item_text(step: Step, interview: GuidedInterview, source: str) -> Text:
    text = Text()
    head = "前回" if not source or source.startswith("前回") else "流用元"
    text.append(f"{head}の回答（この項目）:\n", style="bold")
    shown = 0
    for question in step.questions:
        suggestion = interview.suggestions.get(question.id)
        if suggestion is None:
            continue
        if shown == 10:
            text.append(f" …ほか{len(step.questions) - shown}問（2 で一問ずつ確認）\n", style="dim")
            break
        shown += 1
        if suggestion.status is not None:
            said = suggestion.status.label
        else:
            said = " ".join(suggestion.detail.split()) or "（記入なし）"
        line = f"・{question.short}：{said}"
        text.append(printable(line if len(line) <= 34 else line[:33] + "…") + "\n")
    text.append(
        f"変わりなければ Enter（1）で「{head}どおり」、変わった点があれば 2。",
        style="italic",
    )
    if source:
        text.append(f"\n（{source}）", style="dim")
    return text


def notes_text(step: Step, offer_issues: bool = False) -> Text:
    other = step.member("other")
    text = Text()
    label = question_label(other) if other else f"通番{step.item}"
    text.append(f"［{label}］", style="bold")
    text.append(other.text if other else "その他の対策はありますか？")
    text.append(
        "\n備考・根拠資料（規程名など）は上の欄へ（shift+tab で移動）。"
        f"\nどちらも空のまま Enter で「{NOTHING}」になります。",
        style="dim",
    )
    if offer_issues:  # no gap: 課題認識 is not asked unless the respondent has one
        text.append("\nそれでも課題があれば /課題 で課題認識・対応計画も伺います。", style="dim")
    return text


def issues_text(step: Step) -> Text:
    issues = step.member("issues")
    text = Text()
    label = question_label(issues) if issues else f"通番{step.item}"
    text.append(f"［{label}］", style="bold")
    text.append(issues.text if issues else "課題と感じていることはありますか？")
    text.append(
        "\n一部実施・未実施・不明の手法例があるため伺います。"
        "入力欄に課題認識、上の欄に対応計画（何を・期限・担当）を書いてください。",
        style="dim",
    )
    return text


def certification_text(question: Question, previous: tuple[int, Answer] | None) -> Text:
    text = Text()
    text.append(f"［{question_label(question)}］", style="bold")  # 「通番24 …」, not 24.cert
    text.append(question.text)
    if previous is not None:
        names = [o.text for o in question.options if o.label in previous[1].checks]
        text.append(
            f"\n通番{previous[0]}で「{'、'.join(names)}」と回答済みです。"
            "「前回と同じ認証で代替」なら Enter（選び直して送信もできます）。",
            style="italic",
        )
    return text


def group_prefill(
    step: Step, interview: GuidedInterview
) -> tuple[Answer | None, dict[str, tuple[str, ...]]]:
    """What to show at a group step: the shared answer given before, or last year's."""
    assert step.group is not None
    for source in (interview.answers, interview.suggestions):
        common = common_answer(step.group, source)
        if common is None:
            continue
        checks = {q.id: source[q.id].checks for q in step.questions if source[q.id].checks}
        return common, checks
    return None, {}


def group_answer_text(statuses: Status | tuple[Status, ...], detail: str) -> str:
    if isinstance(statuses, Status):
        if statuses in (Status.DONE, Status.NOT_APPLICABLE):
            head = f"【すべて{statuses.label}】"
            return printable(head + (f" {detail}（共通）" if detail else ""))
        return printable(
            f"【{statuses.label}】1件ずつ確認します" + (f" {detail}" if detail else "")
        )
    parts = " ".join(f"{circled(k)}{s.label}" for k, s in enumerate(statuses, 1))
    return printable(f"【手法例ごと】{parts}" + (f" {detail}（共通）" if detail else ""))


def closing_answers(step: Step, reply: str, extra: str, due: str, owner: str) -> dict[str, Answer]:
    """The answers of a merged closing step; an empty field is written as 「特になし」."""
    first, second = step.questions
    reply, extra = reply.strip(), extra.strip()
    if step.kind is StepKind.ISSUES:
        plan = Answer(detail=extra or ("" if due or owner else NOTHING), due=due, owner=owner)
        return {first.id: Answer(detail=reply or NOTHING), second.id: plan}
    return {first.id: Answer(detail=reply or NOTHING), second.id: Answer(detail=extra or NOTHING)}


def closing_answer_text(step: Step, answers: dict[str, Answer]) -> str:
    parts = []
    for question in step.questions:
        answer = answers[question.id]
        line = f"{question.short}：{answer.detail or '（記入なし）'}"
        if answer.due or answer.owner:
            line += f"（期限: {answer.due or '未定'}／担当: {answer.owner or '未定'}）"
        parts.append(line)
    return printable("\n".join(parts))


def change_choices(
    interview: GuidedInterview, catalog: Catalog, item_no: int | None
) -> list[tuple[str, str]]:
    """(label, example id) of the examples of screened groups: the current item first."""
    items = [i.no for i in interview.items]
    order = ([item_no] if item_no in items else []) + list(reversed(items))
    for no in order:
        groups = interview.screened_groups(no)
        if not groups:
            continue
        out = []
        for group in groups:
            for k, example in enumerate(group.examples, 1):
                answer = interview.answers.get(example.id)
                status = answer.status.label if answer and answer.status else "未回答"
                question = interview.questions.question(example.id)
                out.append(
                    (
                        f"{circled(k)} {question.short}：{status}（{catalog.item(no).no}.{group.no}）",
                        example.id,
                    )
                )
        return out
    return []
