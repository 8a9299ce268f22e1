"""Session use cases: create (plain, ``--from``, ``--reuse``, ``--profile``), open, list, load.

Each function does the whole use case, checks included, in the same order for both front
ends: nothing is created before every check has passed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from interview.catalog.party import RESPONDENT_PARTIES, Party
from interview.errors import UserError
from interview.services.checklist import Checklist, checklist_for, plain_checklist
from interview.session.errors import SessionError
from interview.session.lock import LockState
from interview.session.models import Certification, Respondent, Session
from interview.session.store import SessionHandle, SessionStore
from interview.session.summary import SessionSummary
from interview.session.summary_cache import SummaryCache

if TYPE_CHECKING:
    from interview.services.live import LiveSession


def make_respondent(
    organisation: str,
    party: Party | str,
    *,
    name: str = "",
    role: str = "",
    counterparts: Iterable[str] = (),
    interviewer: str = "",
) -> Respondent:
    """A respondent from what a person typed (trimmed); SessionError when unusable."""
    organisation = organisation.strip()
    if not organisation:
        raise SessionError("組織名を入力してください。")
    resolved: Party | None
    try:
        resolved = Party.from_label(party) if isinstance(party, str) else party
    except ValueError:
        resolved = None
    if resolved not in RESPONDENT_PARTIES:
        raise SessionError("対象者は「API接続先」か「金融機関」を指定してください。")
    return Respondent(
        organisation=organisation,
        party=resolved,
        name=name.strip(),
        role=role.strip(),
        counterparts=[c.strip() for c in counterparts if c.strip()],
        interviewer=interviewer.strip(),
    )


def parse_certification(text: str) -> Certification:
    """``名称|対象範囲|取得日|認証機関=…|登録番号=…`` (see ``session.store.parse_certification``)."""
    from interview.session.store import parse_certification as parse

    return parse(text)


def load_reference(store: SessionStore, reference: str) -> Session:
    """A session named by its id in *store*, or by the path of a ``.toml`` file."""
    from interview.session.ids import validate_id
    from interview.session.toml_format import load_bytes

    path = Path(reference)
    if path.suffix == ".toml" or path.is_file():
        if not path.is_file():
            raise UserError(f"セッションファイルが見つかりません: {path}")
        return load_bytes(path.read_bytes(), path)
    return store.load(validate_id(reference))


# --- creating -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewSession:
    """What the wizard or ``interview new`` collected."""

    respondent: Respondent
    certifications: Sequence[str] = ()
    session_id: str | None = None
    reuse: str = ""  # another session (id or .toml) whose answers are offered as suggestions
    profile: Path | None = None


@dataclass
class Created:
    session: Session
    reused_from: Session | None = None
    previous: Session | None = None  # the session a yearly check started from
    notes: list[str] = field(default_factory=list)


def create_session(store: SessionStore, request: NewSession) -> Created:
    """Create a session; a bad reuse source or profile is refused before anything is written."""
    from interview.session.derive import check_reusable, reuse_answers

    other = load_reference(store, request.reuse) if request.reuse else None
    if other is not None:
        check_reusable(request.respondent.organisation, request.respondent.party, other)
    profile = _checked_profile(request.profile)
    session = store.create(
        request.respondent,
        edition=plain_checklist().edition_id,
        certifications=[parse_certification(c) for c in request.certifications if c.strip()],
        session_id=request.session_id,
    )
    if other is not None:
        reuse_answers(store, session, other)
    _attach(store, session, profile)
    return Created(session, reused_from=other)


def start_yearly(
    store: SessionStore,
    previous_reference: str,
    *,
    session_id: str | None = None,
    profile: Path | None = None,
) -> Created:
    """The yearly check (``--from``): last year's answers become suggestions to confirm."""
    from interview.session.derive import start_from_previous

    profile = _checked_profile(profile)
    previous = load_reference(store, previous_reference)
    session = start_from_previous(
        store, previous, session_id=session_id, edition=plain_checklist().edition_id
    )
    _attach(store, session, profile)
    return Created(session, previous=previous)


def _checked_profile(profile: Path | None) -> Path | None:
    if profile is None:
        return None
    from interview.profile.loader import load_profile

    path = Path(profile).expanduser()
    load_profile(path)  # a bad profile is refused before anything is created
    return path


def _attach(store: SessionStore, session: Session, profile: Path | None) -> None:
    if profile is not None:
        from interview.session.tailoring import attach_profile

        attach_profile(store, session, profile)


# --- opening --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EditionMismatch:
    """The session was answered under another edition of the checklist."""

    session_edition: str
    current_label: str


def edition_mismatch(session: Session, checklist: Checklist) -> EditionMismatch | None:
    if session.catalog_edition == checklist.edition_id:
        return None
    return EditionMismatch(session.catalog_edition, checklist.catalog.edition.label)


@dataclass
class OpenSession:
    """A session open for answering: locked, with its checklist and the live interview."""

    handle: SessionHandle
    checklist: Checklist
    live: LiveSession
    mismatch: EditionMismatch | None

    def close(self) -> None:
        self.handle.close()


def open_session(
    store: SessionStore,
    session_id: str,
    *,
    save: Callable[[SessionHandle], Callable[[Session], None]] | None = None,
) -> OpenSession:
    """Lock and load a session and bind it to its (possibly tailored) checklist.

    *save* wraps the handle's save for the front end (e.g. to report failures); by
    default the live interview saves through the handle directly.
    """
    from interview.services.live import LiveSession

    handle = store.open(session_id)
    try:
        checklist = checklist_for(handle.session)
        saver = save(handle) if save is not None else handle.save
        live = LiveSession(handle.session, saver, checklist.catalog, checklist.questions)
    except BaseException:
        handle.close()
        raise
    return OpenSession(handle, checklist, live, edition_mismatch(handle.session, checklist))


def list_sessions(store: SessionStore) -> tuple[list[SessionSummary], list[str]]:
    """Every readable session (newest first) and a message per unreadable file.

    Progress counts every question; only the 手法例 when the question banks are unreadable.
    """
    try:
        progress = plain_checklist().progress_ids
    except UserError:
        from interview.catalog import load_catalog
        from interview.session.summary import question_ids_by_party

        progress = question_ids_by_party(load_catalog(), None)
    cache = SummaryCache.for_directory(store.directory, progress)
    return store.list_summaries(progress, cache=cache)


# --- backups ------------------------------------------------------------------------------


def restore(store: SessionStore, session_id: str) -> Path | None:
    """Make the backup current; returns where the replaced file was kept (None if none)."""
    return store.restore_backup(session_id)


def load_session(store: SessionStore, session_id: str, *, backup: bool = False) -> Session:
    """A saved session (or its backup, the version before the last save), unlocked."""
    return store.load_backup(session_id) if backup else store.load(session_id)


# --- locks ----------------------------------------------------------------------------------


def lock_state(store: SessionStore, session_id: str) -> LockState | None:
    """Who holds *session_id*'s lock, and whether the OS still sees it held."""
    store.path_for(session_id)  # a bad id is refused first
    return store.lock_state(session_id)


def unlock(store: SessionStore, session_id: str) -> None:
    """Remove *session_id*'s lock (after the person confirmed: see ``interview unlock``)."""
    store.unlock(session_id)
