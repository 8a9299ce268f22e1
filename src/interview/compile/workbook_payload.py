"""The session's workbook as bytes in memory, for a browser download (no file written)."""

from __future__ import annotations

from interview.catalog import Catalog
from interview.compile.export import default_export_path
from interview.compile.workbook_data import build_workbook_data
from interview.questions.bank import QuestionSet
from interview.session.models import Session
from interview.workbook.writer import build_workbook, document_stamp, workbook_bytes

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_payload(
    session: Session, catalog: Catalog | None = None, questions: QuestionSet | None = None
) -> bytes:
    """The same bytes ``export_session`` would write (raises the same UserErrors)."""
    if catalog is None or questions is None:
        from interview.session.tailoring import session_checklist

        catalog, questions = session_checklist(session)
    data = build_workbook_data(session, catalog, questions)
    return workbook_bytes(build_workbook(data), document_stamp(data.cover))


def download_name(session: Session) -> str:
    return default_export_path(session).name
