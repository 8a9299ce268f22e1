"""Workbook use cases: export a session, import a filled-in フォーマット workbook."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from interview.catalog.party import Party
from interview.services.checklist import checklist_for, plain_checklist
from interview.services.sessions import load_reference
from interview.session.errors import SessionExistsError
from interview.session.ids import default_id, validate_id
from interview.session.models import Session
from interview.session.store import SessionStore

if TYPE_CHECKING:
    from interview.compile.export import ExportOptions


def default_export_path(session: Session) -> Path:
    """Where a session is exported unless told otherwise: ``<id>.xlsx`` here."""
    from interview.compile.export import default_export_path as default

    return default(session)


def export(
    session: Session,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    options: ExportOptions | None = None,
) -> Path:
    """Write *session* to the official workbook at *path* (a file or a folder).

    An existing file is replaced only with *overwrite*; unresolved answers, stale texts
    and rows too tall stop the export unless *options* say how (see ``compile.export``).
    """
    from interview.compile.export import export_session

    checklist = checklist_for(session)
    questions = checklist.questions.for_party(session.respondent.party)
    return export_session(session, path, checklist.catalog, questions, options, overwrite=overwrite)


def export_reference(
    store: SessionStore,
    reference: str,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    options: ExportOptions | None = None,
) -> Path:
    """``interview export``: a session id or ``.toml`` file to a workbook."""
    return export(load_reference(store, reference), path, overwrite=overwrite, options=options)


@dataclass
class Imported:
    session: Session
    report: list[str]  # what was read, joined, skipped (plain Japanese, safe to print)
    notes: list[str]  # rows and answers not taken, and why


def import_workbook(
    store: SessionStore,
    workbook: Path,
    *,
    session_id: str | None = None,
    party: Party | None = None,
    organisation: str = "",
    profile: Path | None = None,
) -> Imported:
    """Read *workbook* into a new session; never overwrites one (exclusive create).

    With *session_id* an existing session of that id is an error; without it the id is
    made from the organisation and today's date, and the next free one is taken even
    when another import makes the same id at the same moment. With *profile* the session
    is on that tailored checklist.
    """
    from interview.compile.import_workbook import session_from_workbook
    from interview.session.tailoring import tailored_checklist
    from interview.workbook.reader import read_workbook_report

    profile_text = profile_name = ""
    if profile is not None:
        from interview.profile.loader import load_profile

        profile_name = load_profile(profile).name  # messages name the file, line and field
        profile_text = profile.read_text(encoding="utf-8")
    catalog, questions = (
        (plain_checklist().catalog, plain_checklist().questions)
        if not profile_text
        else tailored_checklist(profile_text)
    )
    result = read_workbook_report(workbook)
    data = result.data
    name = organisation or (data.cover.organisation if data.cover else "") or "取込"
    chosen = validate_id(session_id) if session_id else default_id(name, date.today())
    if session_id and store.exists(chosen):
        raise SessionExistsError(chosen, store.path_for(chosen))
    notes: list[str] = []
    session = session_from_workbook(
        data, chosen, catalog, questions, party, organisation, notes, workbook.name
    )
    if profile_text:
        session.profile_name, session.profile_text = profile_name, profile_text
    from interview.services.review.feedback_read import note_feedback_read, read_requests

    session.review_requests = read_requests(workbook)  # a bank's feedback workbook (#18)
    feedback = note_feedback_read(result.report, session.review_requests)
    created = store.create_session(session, choose_id=session_id is None)
    return Imported(created, result.report.lines() + ([feedback] if feedback else []), notes)
