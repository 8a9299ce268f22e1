"""Export a session to the official workbook (the core of ``interview export``).

Nothing unresolved or stale goes to the bank silently: ``check_export`` names what must be
settled, and ``export_session`` refuses (a :class:`ExportBlocked` naming the 通番) unless
the caller gave a month for unresolved answers (or allowed them) and re-drafted stale texts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from interview.catalog import Catalog
from interview.compile.fitting import move_detail, too_tall, too_tall_message
from interview.compile.readiness import (
    StaleText,
    Unresolved,
    redraft,
    stale_message,
    stale_texts,
    unresolved_answers,
    unresolved_message,
)
from interview.compile.workbook_data import build_workbook_data
from interview.errors import UserError
from interview.questions.bank import QuestionSet
from interview.session.models import Session
from interview.workbook.export_target import check_target, resolve_target
from interview.workbook.writer import write_workbook

Paper = Literal["A4", "A3"]


class ExportBlocked(UserError):
    """The workbook would carry unresolved answers or stale texts; nothing was written."""


@dataclass(frozen=True)
class ExportOptions:
    unresolved_due: str = ""  # 「2027年1月」: written as 「確認中（2027年1月までに回答）」
    allow_unresolved: bool = False  # write 「確認中」 without a month
    redraft: bool = False  # stale texts go back to the fresh draft
    paper: Paper = "A4"
    move_detail: bool = False  # a row too tall for 409 pt keeps what fits, rest → 回答詳細
    made_on: date | None = None  # 作成日 (default: today)


@dataclass(frozen=True)
class ExportCheck:
    unresolved: list[Unresolved]
    stale: list[StaleText]

    def problems(self, options: ExportOptions) -> list[str]:
        out = []
        if self.stale and not options.redraft:
            out.append(stale_message(self.stale))
        if self.unresolved and not (options.unresolved_due or options.allow_unresolved):
            out.append(unresolved_message(self.unresolved))
        return out


def default_export_path(session: Session) -> Path:
    return Path(f"{session.id}.xlsx")


def _checklist(
    session: Session, catalog: Catalog | None, questions: QuestionSet | None
) -> tuple[Catalog, QuestionSet]:
    if catalog is None or questions is None:
        from interview.session.tailoring import session_checklist

        return session_checklist(session)
    return catalog, questions


def check_export(
    session: Session, catalog: Catalog | None = None, questions: QuestionSet | None = None
) -> ExportCheck:
    catalog, questions = _checklist(session, catalog, questions)
    return ExportCheck(
        unresolved_answers(session, catalog, questions),
        stale_texts(session, catalog, questions),
    )


def export_target(session: Session, raw: str | os.PathLike[str]) -> Path:
    """The file ``-o RAW`` means: a folder gets the default name, a bare name gets .xlsx."""
    return resolve_target(raw, default_export_path(session).name)


def export_session(
    session: Session,
    path: str | os.PathLike[str],
    catalog: Catalog | None = None,
    questions: QuestionSet | None = None,
    options: ExportOptions | None = None,
    overwrite: bool = False,
) -> Path:
    """Write *session*'s workbook to *path* (see :func:`export_target`) and return the file.

    Refused (ExportBlocked, nothing written) while answers are unresolved or texts stale,
    unless *options* say how (a month, ``allow_unresolved``, ``redraft``), or when a row
    cannot fit 409 pt (unless ``move_detail``). An existing file is replaced only with
    *overwrite*, and never when it is open in an office program, locked, read-only or not
    a regular file (TargetExistsError / ExportTargetError)."""
    options = options or ExportOptions()
    catalog, questions = _checklist(session, catalog, questions)
    check = check_export(session, catalog, questions)
    problems = check.problems(options)
    if problems:
        raise ExportBlocked("\n".join(problems))
    if check.stale:
        session = redraft(session, catalog, questions, [s.item for s in check.stale])
    target = export_target(session, path)
    data = build_workbook_data(
        session,
        catalog,
        questions,
        unresolved_due=options.unresolved_due,
        made_on=options.made_on,
    )
    tall = too_tall(data)
    if tall and not options.move_detail:
        raise ExportBlocked(too_tall_message(tall))
    if tall:
        data = move_detail(data)
    check_target(target, overwrite)
    write_workbook(data, target, overwrite=overwrite, paper=options.paper)
    return target
