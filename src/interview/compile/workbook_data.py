"""Turn a session into the workbook's plain data: rows, cover, gaps and answer details."""

from __future__ import annotations

from datetime import date

from interview.catalog.models import Catalog, Item
from interview.compile.item_text import (
    NOTHING,
    TEXT_FIELDS,
    due_month,
    is_gap,
    unresolved_phrase,
)
from interview.compile.readiness import item_draft
from interview.compile.references import reference_columns
from interview.engine.answers import Status
from interview.engine.progress import Progress, count
from interview.questions.bank import Question, QuestionSet
from interview.questions.models import QuestionKind
from interview.session.models import Session
from interview.workbook.model import Cover, DetailRow, GapRow, SheetRow, WorkbookData

ANSWERED = "回答済み"  # the 状態 of an answered question that has no status (記述・計画・認証)
UNANSWERED = "未回答"
SKIPPED = "スキップ"

KIND_LABELS = {
    QuestionKind.EXAMPLE: "手法例",
    QuestionKind.TEXT: "記述",
    QuestionKind.PLAN: "対応計画",
    QuestionKind.CERTIFICATION: "第三者認証等",
}


def effective_texts(
    session: Session, item: Item, questions: QuestionSet, unresolved_due: str = ""
) -> dict[str, str]:
    """The item's four texts: confirmed or edited text wins over the fresh draft.

    A text confirmed as drafted takes the month given for unresolved answers
    (「確認中（2027年1月までに回答）」); the internal label 「不明・要確認」 is never written.
    """
    plain = item_draft(session, item, questions)
    draft = item_draft(session, item, questions, unresolved_due) if unresolved_due else plain
    stored = session.texts.get(str(item.no))
    out = {}
    for field in TEXT_FIELDS:
        saved = getattr(stored, field) if stored is not None else None
        if saved is None or saved.state == "draft" or saved.text == plain.field(field):
            text = draft.field(field)
        else:
            text = saved.text
        out[field] = text.replace(Status.UNKNOWN.label, unresolved_phrase(unresolved_due))
    return out


def _respondent_items(session: Session, catalog: Catalog) -> set[int]:
    return {i.no for i in catalog.items_for(session.respondent.party)}


def _item_texts(
    session: Session,
    item: Item,
    questions: QuestionSet,
    unresolved_due: str,
    known: dict[int, dict[str, str]] | None,
) -> dict[str, str]:
    """effective_texts, computed once per item when *known* is given (a shared memo)."""
    if known is None:
        return effective_texts(session, item, questions, unresolved_due)
    texts = known.get(item.no)
    if texts is None:
        texts = known[item.no] = effective_texts(session, item, questions, unresolved_due)
    return texts


def sheet_rows(
    session: Session,
    catalog: Catalog,
    questions: QuestionSet,
    unresolved_due: str = "",
    known: dict[int, dict[str, str]] | None = None,
) -> list[SheetRow]:
    mine = _respondent_items(session, catalog)
    rows = []
    for item in catalog.items:
        sources, locations = reference_columns(item.references)
        texts = (
            _item_texts(session, item, questions, unresolved_due, known)
            if item.no in mine
            else dict.fromkeys(TEXT_FIELDS, "")
        )
        rows.append(
            SheetRow(
                no=item.display_no,
                category=catalog.category(item.category).name,
                goal=item.goal,
                party=item.party.label,
                status=texts["status"],
                issues=texts["issues"],
                plan=texts["plan"],
                references=sources,
                locations=locations,
                remarks=texts["remarks"],
            )
        )
    return rows


def _answered(session: Session, question: Question) -> bool:
    answer = session.answers.get(question.id)
    return answer is not None and not answer.skipped


def gap_rows(
    session: Session,
    catalog: Catalog,
    questions: QuestionSet,
    unresolved_due: str = "",
    known: dict[int, dict[str, str]] | None = None,
) -> list[GapRow]:
    """The 課題 of items whose 課題認識 names one: their unmet 手法例, with the plan.

    An unmet example of an item whose 課題認識 is 「特になし」 (the 目標 is met otherwise),
    an optional example (3.7.1) and an unresolved answer are not 課題.
    """
    rows = []
    for item in catalog.items_for(session.respondent.party):
        texts = _item_texts(session, item, questions, unresolved_due, known)
        if not texts["issues"] or texts["issues"] == NOTHING:
            continue
        plan = session.answers.get(f"{item.no}.plan")
        # the plan in the respondent's words (期限・担当 have their own columns here)
        said_plan = plan.detail.strip() if plan is not None and not plan.skipped else ""
        plan_text = said_plan or (texts["plan"] if texts["plan"] != NOTHING else "")
        gaps = [
            (question, session.answers[question.id])
            for question in questions.for_item(item.no)
            if question.kind is QuestionKind.EXAMPLE
            and is_gap(question, session.answers.get(question.id))
        ]
        if not gaps:
            rows.append(
                GapRow(
                    no=item.display_no,
                    goal=item.goal,
                    question_id="",
                    example="（項目全体）",
                    status="",
                    detail=texts["issues"],
                    plan=plan_text,
                    due=plan.due if plan is not None and not plan.skipped else "",
                    owner=plan.owner if plan is not None and not plan.skipped else "",
                )
            )
        for question, answer in gaps:
            assert answer.status is not None
            rows.append(
                GapRow(
                    no=item.display_no,
                    goal=item.goal,
                    question_id=question.id,
                    example=question.short,
                    status=answer.status.label,
                    detail=answer.detail,
                    plan=plan_text,
                    due=plan.due if plan is not None and not plan.skipped else "",
                    owner=plan.owner if plan is not None and not plan.skipped else "",
                )
            )
    return rows


def checks_text(question: Question, checks: tuple[str, ...]) -> str:
    """The picked check-list entries, each with its words (never a bare ①②)."""
    if question.kind is QuestionKind.CERTIFICATION:
        return "、".join(o.text for o in question.options if o.label in checks)
    texts = {o.label: short_point(o.text) for o in question.options}
    return "、".join(f"{c}{texts[c]}" if c in texts else c for c in checks)


def short_point(text: str, limit: int = 20) -> str:
    """A 注記 point's short name: its words up to the first 「、」「（」「。」, at most *limit*.

    A sub-point (「特権ID：特権IDの付与は…」) is named by its own words, after the 「：」.
    """
    head = text.rsplit("：", 1)[-1] if "：" in text[:-1] else text
    for mark in ("（", "(", "、", "。", "：", "及び", "並びに"):
        cut = head.find(mark)
        if cut >= 4:
            head = head[:cut]
    return head if len(head) <= limit else head[: limit - 1] + "…"


def detail_rows(
    session: Session, catalog: Catalog, questions: QuestionSet, unresolved_due: str = ""
) -> list[DetailRow]:
    rows = []
    for item in catalog.items_for(session.respondent.party):
        for question in questions.for_item(item.no):
            answer = session.answers.get(question.id)
            if answer is None and session.imported_form:
                continue  # a hand-filled form: its answers are in the フォーマット itself
            if answer is None:
                status = UNANSWERED
            elif answer.skipped:
                status = SKIPPED
            else:
                status = answer.status.label if answer.status is not None else ANSWERED
                if answer.status is Status.UNKNOWN:
                    status = unresolved_phrase(due_month(answer.due) or unresolved_due)
            checks = ""
            if answer is not None and answer.checks:
                checks = checks_text(question, answer.checks)
            rows.append(
                DetailRow(
                    no=item.display_no,
                    question_id=question.id,
                    kind=KIND_LABELS[question.kind],
                    question=question.text,
                    example=question.example.text if question.example else "",
                    status=status,
                    detail=answer.detail if answer is not None else "",
                    checks=checks,
                    due=answer.due if answer is not None else "",
                    owner=answer.owner if answer is not None else "",
                    updated_at=(
                        answer.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
                        if answer is not None and not answer.skipped
                        else ""
                    ),
                )
            )
    return rows


def session_progress(session: Session, catalog: Catalog, questions: QuestionSet) -> Progress:
    """Answered / asked questions on the respondent's path (課題・計画 only where needed)."""
    from interview.engine.path import on_path_ids

    total = Progress(0, 0)
    for item in catalog.items_for(session.respondent.party):
        item_questions = questions.for_item(item.no)
        ids = set(on_path_ids(item_questions, session.answers))
        total += count((q for q in item_questions if q.id in ids), session.answers)
    return total


def _profile_line(session: Session) -> str:
    """The tailoring profile's name and its exclusions (each with its reason), for the cover."""
    if not session.profile_name:
        return ""
    import tomllib

    excluded = tomllib.loads(session.profile_text).get("exclude", [])
    reasons = "\n".join(f"除外 通番{e.get('item')}：{e.get('reason', '')}" for e in excluded)
    return session.profile_name + (f"\n{reasons}" if reasons else "")


def _progress_line(session: Session, progress: Progress) -> str:
    line = f"{progress.answered}/{progress.total}問回答（{progress.percent:.0f}%）"
    if not session.imported_form:
        return line
    return (
        f"取り込んだフォーマット（{session.imported_form}）の回答です。"
        f"設問ごとの回答は {progress.answered}/{progress.total}問"
        + ("（回答詳細には回答した設問だけを載せています）" if progress.answered else "")
    )


def build_workbook_data(
    session: Session,
    catalog: Catalog,
    questions: QuestionSet,
    *,
    unresolved_due: str = "",
    made_on: date | None = None,
) -> WorkbookData:
    """The workbook's data. *made_on* is the 作成日 (the export date; default today).

    The cover shows no 回答の進捗 (a bank reviewer reads the answers, not our progress),
    except to say that an imported workbook's answers came from another form."""
    respondent = session.respondent
    progress = session_progress(session, catalog, questions)
    edition = catalog.edition
    note = (
        ""
        if session.catalog_edition == edition.id
        else f"（回答時の版: {session.catalog_edition}）"
    )
    made_on = made_on or date.today()
    cover = Cover(
        organisation=respondent.organisation,
        party=respondent.party.label,
        respondent=respondent.name,
        role=respondent.role,
        counterparts="、".join(respondent.counterparts),
        interviewer=respondent.interviewer,
        date=f"{made_on.year}年{made_on.month}月{made_on.day}日",
        edition=f"{edition.title} {edition.label}{note}",
        progress=_progress_line(session, progress) if session.imported_form else "",
        profile=_profile_line(session),
    )
    known: dict[int, dict[str, str]] = {}  # each item's texts, compiled once for both sheets
    return WorkbookData(
        cover=cover,
        rows=sheet_rows(session, catalog, questions, unresolved_due, known),
        gaps=gap_rows(session, catalog, questions, unresolved_due, known),
        details=detail_rows(session, catalog, questions, unresolved_due),
    )
