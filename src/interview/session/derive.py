"""New sessions made from earlier ones: the yearly check (``--from``) and answer reuse (``--reuse``).

In both cases the earlier answers become *suggestions*: the interview shows each one
(「前回: … 変わりありませんか？」) and one key confirms it; nothing counts as answered
until the respondent has confirmed or changed it.
"""

from __future__ import annotations

from datetime import date

from interview.catalog.party import Party
from interview.errors import Message
from interview.session.errors import SessionError
from interview.session.models import Session
from interview.session.store import SessionStore


def _stamp(session: Session) -> str:
    return session.updated_at.astimezone().strftime("%Y-%m-%d")


def _answered(session: Session) -> dict:
    return {qid: a for qid, a in session.answers.items() if not a.skipped}


def start_from_previous(
    store: SessionStore,
    previous: Session,
    session_id: str | None = None,
    today: date | None = None,
    *,
    edition: str,
) -> Session:
    """A new session for the yearly check: same respondent, previous answers to re-confirm."""
    answers = _answered(previous)
    if not answers:
        raise SessionError(Message("previous_session_empty", session=previous.id))
    session = store.create(
        previous.respondent.model_copy(deep=True),
        edition=edition,
        session_id=session_id,
        today=today,
    )
    session.certifications = [c.model_copy() for c in previous.certifications]
    session.suggestions = answers
    session.suggestion_source = f"前回（{previous.id}、{_stamp(previous)}）"
    session.derived_from = previous.id
    session.profile_name = previous.profile_name
    session.profile_text = previous.profile_text
    store.save(session)
    return session


def check_reusable(organisation: str, party: Party, other: Session) -> None:
    """Answers can be reused only within one organisation and party."""
    theirs = other.respondent
    if " ".join(organisation.split()) != " ".join(theirs.organisation.split()):
        raise SessionError(
            Message("reuse_other_organisation", session=other.id, theirs=theirs.organisation)
        )
    if party is not theirs.party:
        raise SessionError(
            Message("reuse_other_party", session=other.id, theirs=theirs.party, ours=party)
        )
    if not _answered(other):
        raise SessionError(Message("reuse_source_empty", session=other.id))


def reuse_answers(store: SessionStore, session: Session, other: Session) -> Session:
    """Offer *other*'s answers as suggestions; both must be the same organisation and party."""
    check_reusable(session.respondent.organisation, session.respondent.party, other)
    answers = _answered(other)
    session.suggestions = answers
    session.suggestion_source = f"流用（{other.id}、{_stamp(other)}）"
    store.save(session)
    return session


def pending_suggestions(session: Session) -> dict:
    """Suggestions not yet confirmed or replaced by an answer."""
    return {
        qid: s
        for qid, s in session.suggestions.items()
        if qid not in session.answers or session.answers[qid].skipped
    }
