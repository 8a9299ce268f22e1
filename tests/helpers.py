"""Small helpers shared by the tests."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import pytest

from interview.catalog.party import Party
from interview.cli.main import main
from interview.services.checklist import plain_checklist
from interview.services.sessions import make_respondent, parse_certification
from interview.session.models import Session
from interview.session.store import SessionStore


def new_session(
    store: SessionStore,
    organisation: str,
    party: Party | str,
    *,
    name: str = "",
    role: str = "",
    counterparts: Iterable[str] = (),
    interviewer: str = "",
    certifications: Iterable[str] = (),
    session_id: str | None = None,
    today: date | None = None,
) -> Session:
    """A new session on the shipped checklist, from the fields a person would type."""
    return store.create(
        make_respondent(
            organisation,
            party,
            name=name,
            role=role,
            counterparts=counterparts,
            interviewer=interviewer,
        ),
        edition=plain_checklist().edition_id,
        certifications=[parse_certification(c) for c in certifications if c.strip()],
        session_id=session_id,
        today=today,
    )


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Characters a terminal could act on (tab and newline excepted)."""


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``interview *argv`` in process: (exit code, stdout, stderr); usage errors give 2."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for --version and usage errors
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err
