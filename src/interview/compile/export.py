"""Export a session to the official workbook (the core of ``interview export``)."""

from __future__ import annotations

import os
from pathlib import Path

from interview.catalog import Catalog
from interview.compile.workbook_data import build_workbook_data
from interview.questions.bank import QuestionSet
from interview.session.models import Session
from interview.workbook.export_target import check_target, resolve_target
from interview.workbook.writer import write_workbook


def default_export_path(session: Session) -> Path:
    return Path(f"{session.id}.xlsx")


def export_target(session: Session, raw: str | os.PathLike[str]) -> Path:
    """The file ``-o RAW`` means: a folder gets the default name, a bare name gets .xlsx."""
    return resolve_target(raw, default_export_path(session).name)


def export_session(
    session: Session,
    path: str | os.PathLike[str],
    catalog: Catalog | None = None,
    questions: QuestionSet | None = None,
    overwrite: bool = False,
) -> Path:
    """Write *session*'s workbook to *path* (see :func:`export_target`) and return the file.

    An existing file is replaced only with *overwrite*, and never when it is open in an
    office program, locked, read-only or not a regular file (TargetExistsError /
    ExportTargetError)."""
    if catalog is None or questions is None:
        from interview.session.tailoring import session_checklist

        catalog, questions = session_checklist(session)
    target = export_target(session, path)
    data = build_workbook_data(session, catalog, questions)
    check_target(target, overwrite)
    write_workbook(data, target, overwrite=overwrite)
    return target
