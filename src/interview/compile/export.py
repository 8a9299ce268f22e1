"""Export a session to the official workbook (the core of ``interview export``)."""

from __future__ import annotations

from pathlib import Path

from interview.catalog import Catalog
from interview.compile.workbook_data import build_workbook_data
from interview.questions.bank import QuestionSet
from interview.session.models import Session
from interview.workbook.writer import write_workbook


def default_export_path(session: Session) -> Path:
    return Path(f"{session.id}.xlsx")


def export_session(
    session: Session,
    path: Path,
    catalog: Catalog | None = None,
    questions: QuestionSet | None = None,
) -> Path:
    if catalog is None or questions is None:
        from interview.session.tailoring import session_checklist

        catalog, questions = session_checklist(session)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(path.suffix + ".xlsx") if path.suffix else path.with_suffix(".xlsx")
    write_workbook(build_workbook_data(session, catalog, questions), path)
    return path
