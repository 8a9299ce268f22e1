"""Turn a session into the workbook's plain data: rows, cover, gaps and answer details."""

from __future__ import annotations

from interview.catalog.models import Catalog, Item
from interview.compile.item_text import TEXT_FIELDS, compile_item
from interview.compile.references import reference_columns
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


def effective_texts(session: Session, item: Item, questions: QuestionSet) -> dict[str, str]:
    """The item's four texts: confirmed or edited text wins over the fresh draft."""
    draft = compile_item(item, questions, session.answers)
    stored = session.texts.get(str(item.no))
    out = {}
    for field in TEXT_FIELDS:
        saved = getattr(stored, field) if stored is not None else None
        out[field] = (
            saved.text if saved is not None and saved.state != "draft" else draft.field(field)
        )
    return out


def _respondent_items(session: Session, catalog: Catalog) -> set[int]:
    return {i.no for i in catalog.items_for(session.respondent.party)}


def sheet_rows(session: Session, catalog: Catalog, questions: QuestionSet) -> list[SheetRow]:
    mine = _respondent_items(session, catalog)
    rows = []
    for item in catalog.items:
        sources, locations = reference_columns(item.references)
        texts = (
            effective_texts(session, item, questions)
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


def gap_rows(session: Session, catalog: Catalog, questions: QuestionSet) -> list[GapRow]:
    rows = []
    for item in catalog.items_for(session.respondent.party):
        plan = session.answers.get(f"{item.no}.plan")
        plan_text = plan.detail if plan is not None and not plan.skipped else ""
        for question in questions.for_item(item.no):
            answer = session.answers.get(question.id)
            if question.kind is not QuestionKind.EXAMPLE or answer is None or answer.skipped:
                continue
            if answer.status is None or not answer.status.is_gap:
                continue
            rows.append(
                GapRow(
                    no=item.display_no,
                    goal=item.goal,
                    question_id=question.id,
                    example=question.short,
                    status=answer.status.label,
                    detail=answer.detail,
                    plan=plan_text,
                    due=plan.due if plan is not None else "",
                    owner=plan.owner if plan is not None else "",
                )
            )
    return rows


def detail_rows(session: Session, catalog: Catalog, questions: QuestionSet) -> list[DetailRow]:
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
            checks = ""
            if answer is not None and answer.checks:
                if question.kind is QuestionKind.CERTIFICATION:
                    checks = "、".join(o.text for o in question.options if o.label in answer.checks)
                else:
                    checks = "".join(answer.checks)
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


def build_workbook_data(session: Session, catalog: Catalog, questions: QuestionSet) -> WorkbookData:
    respondent = session.respondent
    progress = session_progress(session, catalog, questions)
    edition = catalog.edition
    note = (
        ""
        if session.catalog_edition == edition.id
        else f"（回答時の版: {session.catalog_edition}）"
    )
    cover = Cover(
        organisation=respondent.organisation,
        party=respondent.party.label,
        respondent=respondent.name,
        role=respondent.role,
        counterparts="、".join(respondent.counterparts),
        interviewer=respondent.interviewer,
        date=session.updated_at.astimezone().strftime("%Y年%m月%d日"),
        edition=f"{edition.title} {edition.label}{note}",
        progress=_progress_line(session, progress),
        profile=_profile_line(session),
    )
    return WorkbookData(
        cover=cover,
        rows=sheet_rows(session, catalog, questions),
        gaps=gap_rows(session, catalog, questions),
        details=detail_rows(session, catalog, questions),
    )
