"""A session on a tailored checklist: the profile is kept inside the session file.

``attach_profile`` validates a profile file and stores its name and full text in the
session; ``session_checklist`` gives back the catalog and question set the session is
answered on (the plain checklist when it has no profile).
"""

from __future__ import annotations

from pathlib import Path

from interview.catalog import Catalog, load_catalog
from interview.errors import Message, UserError
from interview.questions.bank import QuestionSet, load_questions
from interview.session.models import Session
from interview.session.store import SessionStore


def attach_profile(store: SessionStore, session: Session, path: Path) -> Session:
    """Validate the profile in *path* and start *session* on the tailored checklist."""
    from interview.profile.loader import load_profile

    if session.answers:
        raise UserError(Message("profile_after_answers"))
    profile = load_profile(path)  # clear messages naming the file, line and field
    session.profile_name = profile.name
    session.profile_text = path.read_text(encoding="utf-8")
    store.save(session)
    return session


def session_checklist(session: Session) -> tuple[Catalog, QuestionSet]:
    """The catalog and questions *session* is answered on (see services.checklist), for its
    respondent's party (the certification question is for API接続先 only)."""
    catalog, questions = tailored_checklist(session.profile_text)
    return catalog, questions.for_party(session.respondent.party)


def tailored_checklist(profile_text: str) -> tuple[Catalog, QuestionSet]:
    """The catalog and questions of a profile's text (the plain checklist for '').

    Built anew on each call: ``interview.services.checklist`` keeps one per session.
    """
    catalog = load_catalog()
    if not profile_text:
        return catalog, load_questions(catalog)
    from interview.profile.apply import profile_banks, tailor
    from interview.profile.loader import parse_profile

    # Same checks and messages as a profile file; the "file" is the session's copy.
    source = Path(str(Message("stored_profile_source")))  # names it in messages
    profile = parse_profile(profile_text, source, catalog)
    tailored = tailor(catalog, profile)
    return tailored, load_questions(tailored, extra=profile_banks(profile, tailored))


profile_checklist = tailored_checklist  # the name used by import --profile
