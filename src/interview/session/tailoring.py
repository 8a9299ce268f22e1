"""A session on a tailored checklist: the profile is kept inside the session file.

``attach_profile`` validates a profile file and stores its name and full text in the
session; ``session_checklist`` gives back the catalog and question set the session is
answered on (the plain checklist when it has no profile).
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from interview.catalog import Catalog, load_catalog
from interview.errors import UserError
from interview.questions.bank import QuestionSet, load_questions
from interview.session.models import Session
from interview.session.store import SessionStore


def attach_profile(store: SessionStore, session: Session, path: Path) -> Session:
    """Validate the profile in *path* and start *session* on the tailored checklist."""
    from interview.profile.loader import load_profile

    if session.answers:
        raise UserError("回答を始めたセッションには、後からプロファイルを適用できません。")
    profile = load_profile(path)  # clear messages naming the file, line and field
    session.profile_name = profile.name
    session.profile_text = path.read_text(encoding="utf-8")
    store.save(session)
    return session


def session_checklist(session: Session) -> tuple[Catalog, QuestionSet]:
    """The catalog and questions *session* is answered on."""
    return _checklist(session.profile_text)


@lru_cache(maxsize=8)
def _checklist(profile_text: str) -> tuple[Catalog, QuestionSet]:
    catalog = load_catalog()
    if not profile_text:
        return catalog, load_questions(catalog)
    from interview.profile.apply import profile_banks, tailor
    from interview.profile.models import Profile
    from interview.profile.rules import check_profile

    try:
        profile = Profile.model_validate(tomllib.loads(profile_text))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise UserError(f"セッションに保存されたプロファイルが読めません: {exc}") from None
    problems = check_profile(profile, catalog)
    if problems:
        raise UserError(f"セッションに保存されたプロファイルに問題があります: {problems[0][1]}")
    tailored = tailor(catalog, profile)
    return tailored, load_questions(tailored, extra=profile_banks(profile, tailored))
