"""Workbook use cases: export a session, import a filled-in フォーマット workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from interview.catalog.party import Party
from interview.services.checklist import checklist_for, plain_checklist
from interview.services.sessions import load_reference
from interview.session.errors import SessionExistsError
from interview.session.ids import default_id, validate_id
from interview.session.models import Session
from interview.session.store import SessionStore


def default_export_path(session: Session) -> Path:
    """Where a session is exported unless told otherwise: ``<id>.xlsx`` here."""
    from interview.compile.export import default_export_path as default

    return default(session)


def export(session: Session, path: Path) -> Path:
    """Write *session* to the official workbook at *path* (``.xlsx`` added when missing)."""
    from interview.compile.export import export_session

    checklist = checklist_for(session)
    return export_session(session, path, checklist.catalog, checklist.questions)


def export_reference(store: SessionStore, reference: str, path: Path) -> Path:
    """``interview export``: a session id or ``.toml`` file to a workbook."""
    return export(load_reference(store, reference), path)


def import_workbook(
    store: SessionStore,
    workbook: Path,
    *,
    session_id: str | None = None,
    party: Party | None = None,
    organisation: str = "",
) -> Session:
    """Read *workbook* into a new session; never overwrites one (exclusive create).

    With *session_id* an existing session of that id is an error; without it the id is
    made from the organisation and today's date, and the next free one is taken even
    when another import makes the same id at the same moment.
    """
    from interview.compile.import_workbook import session_from_workbook
    from interview.workbook.reader import read_workbook

    checklist = plain_checklist()
    data = read_workbook(workbook)
    name = organisation or (data.cover.organisation if data.cover else "") or "取込"
    chosen = validate_id(session_id) if session_id else default_id(name, date.today())
    if session_id and store.exists(chosen):
        raise SessionExistsError(chosen, store.path_for(chosen))
    session = session_from_workbook(
        data, chosen, checklist.catalog, checklist.questions, party, organisation
    )
    return store.create_session(session, choose_id=session_id is None)
