"""Diff use cases: compare two sessions (``interview diff``, F11 in the app), write the sheet."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from interview.compile.diff import SessionDiff, diff_sessions
from interview.compile.diff_rows import diff_rows
from interview.services.checklist import checklist_for
from interview.services.sessions import load_reference
from interview.session.models import Session
from interview.session.store import SessionStore


def diff(older: Session, newer: Session) -> SessionDiff:
    """What changed from *older* to *newer*, each read on its own (tailored) checklist."""
    now, then = checklist_for(newer), checklist_for(older)
    return diff_sessions(
        older,
        newer,
        now.catalog,
        now.questions,
        older_catalog=then.catalog,
        older_questions=then.questions,
    )


def compare(store: SessionStore, before: str, after: str) -> tuple[SessionDiff, Session]:
    """The diff of two sessions named by id or ``.toml`` path, and the newer session."""
    older = load_reference(store, before)
    newer = load_reference(store, after)
    return diff(older, newer), newer


def write_diff_xlsx(
    result: SessionDiff,
    path: Path,
    include_all: bool,
    updated: datetime,
    overwrite: bool = False,
) -> Path:
    """Write the 「変更点」 workbook; returns the path.

    *path* is taken as an export target (a folder gets the default name, ``.xlsx`` is added
    when missing); an existing file is replaced only with *overwrite*."""
    from interview.workbook.diff_sheet import write_diff_workbook
    from interview.workbook.export_target import resolve_target

    default = f"変更点_{result.before_id}_{result.after_id}.xlsx"
    path = resolve_target(path, default)
    stamp = updated.astimezone().replace(tzinfo=None, microsecond=0)
    rows = diff_rows(result, include_all)
    write_diff_workbook(
        rows,
        result.before_id,
        result.after_id,
        path,
        stamp if stamp.year >= 1980 else None,
        overwrite=overwrite,
    )
    return path
