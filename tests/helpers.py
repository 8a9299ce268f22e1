"""Small helpers shared by the tests."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest

from interview.catalog.party import Party
from interview.cli.main import main
from interview.engine.answers import Status
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


def rules_reading(text: str) -> tuple[Status | None, Status | None]:
    """The reply rules' own (status, guess) for *text*, before the statistical gate."""
    from interview.engine.reply_normalize import fold
    from interview.engine.reply_rules import read

    reading = read(fold(text))
    return reading.status, reading.guess


def word_groups(path: Path) -> list[str]:
    """Every word of a ``[[groups]]`` data file (topic + words), checked for shape: each group
    has exactly those keys, each word folds to two characters or more, no word twice."""
    import tomllib

    from interview.search.normalize import normalize

    with path.open("rb") as f:
        groups = tomllib.load(f)["groups"]
    words = [w for group in groups for w in group["words"]]
    assert all(set(group) == {"topic", "words"} for group in groups)
    assert all(isinstance(w, str) and len(normalize(w)) >= 2 for w in words)
    assert len(words) == len(set(words)), "a word listed twice"
    return words
