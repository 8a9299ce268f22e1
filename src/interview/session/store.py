"""The session folder: create, open (locked), save (atomic, with backup), load, list.

Layout of the folder (``sessions/`` by default)::

    <id>.toml        the session (see docs/session-format.md)
    <id>.toml.bak    the version before the last save
    <id>.toml.lock   present while an app has the session open (pid, host, time)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from interview.catalog.party import Party
from interview.engine.answers import now
from interview.errors import Message, os_error_message
from interview.session.atomic import (
    atomic_write,
    backup_path,
    ensure_dir,
    fsync_dir,
    stale_temp_files,
)
from interview.session.errors import (
    SessionError,
    SessionExistsError,
    SessionFileError,
    SessionLockedError,
    SessionNotFoundError,
    UnsafeLockPathError,
)
from interview.session.ids import default_id, is_valid_id, unique_id, validate_id
from interview.session.listing import listing_problem, orphan_problems
from interview.session.lock import (
    LockBusyError,
    LockState,
    SessionLock,
    UnsafeLockError,
    break_lock,
    inspect_lock,
    lock_path,
)
from interview.session.models import (
    FORMAT_VERSION,
    Certification,
    Respondent,
    Session,
)
from interview.session.summary import SessionSummary, read_summary
from interview.session.summary_cache import SummaryCache
from interview.session.toml_format import (
    ChunkParser,
    join_chunks,
    load_bytes,
    render_chunks,
    to_session,
)

SUFFIX = ".toml"


def refuse_link(path: Path) -> None:
    """Session files are never links: a save would replace the link, not its target."""
    if path.is_symlink():
        raise SessionFileError(path, Message("session_file_is_a_link", target=os.readlink(path)))


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """(inode, mtime, size) of *path*, None if it does not exist: changes on every write."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def aside_path(path: Path, label: str) -> Path:
    """A free name ``<name>.<label>-<time>`` next to *path* for a copy set aside."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
        n += 1
    return candidate


_CERT_KEYS = {
    "認証機関": "issuer",
    "登録番号": "number",
    "有効期限": "expires",
    "適用宣言書": "statement",
    "Type": "report_type",
    "タイプ": "report_type",
    "対象期間": "period",
    "例外事項": "exceptions",
    "適用範囲": "scope",
    "取得日": "date",
}


def parse_certification(text: str) -> Certification:
    """``名称`` or ``名称|対象範囲|取得日``, then any ``|認証機関=…|登録番号=…|有効期限=…``
    (``適用宣言書``, ``Type``, ``対象期間``, ``例外事項``), as given to ``--certification``."""
    parts = [part.strip() for part in text.split("|")]
    plain = [p for p in parts if "=" not in p and "＝" not in p]
    name, scope, date_ = ([*plain, "", ""])[:3]
    fields: dict[str, str] = {}
    for part in parts:
        key, sep, value = part.replace("＝", "=").partition("=")
        if sep and key.strip() in _CERT_KEYS:
            fields[_CERT_KEYS[key.strip()]] = value.strip()
    fields.setdefault("scope", scope)
    fields.setdefault("date", date_)
    return Certification(name=name, **fields)


class SessionHandle:
    """An open, locked session. ``save()`` after every change; ``close()`` when done.

    If the file was changed behind the app's back while open (a hand edit), the next
    save first keeps that version as ``<id>.toml.edited-<time>`` (listed in ``set_aside``)
    so that neither side is lost.
    """

    def __init__(self, store: SessionStore, session: Session, lock: SessionLock) -> None:
        self.store = store
        self.session = session
        self.session_id = session.id
        self.path = store.path_for(session.id)
        self.set_aside: list[Path] = []
        self._lock = lock
        self._signature = file_signature(self.path)

    @property
    def is_open(self) -> bool:
        return self._lock.held

    @property
    def recovered_lock(self) -> str:
        """Who held the stale lock this open took over ('' if none)."""
        holder = self._lock.recovered
        return holder.describe() if holder is not None else ""

    def save(self, session: Session | None = None) -> None:
        if session is not None:
            self.session = session
        if not self._lock.held:
            raise SessionError(Message("session_closed", session=self.session_id))
        current = file_signature(self.path)
        if current is not None and current != self._signature:
            kept = aside_path(self.path, "edited")
            try:
                os.link(self.path, kept)
            except OSError:
                shutil.copy2(self.path, kept)
            self.set_aside.append(kept)
        self.store._write(self.session, self.path)
        self._signature = file_signature(self.path)

    def close(self) -> None:
        self._lock.release()
        self.store._handles.pop(self.session_id, None)
        self.store._parsers.pop(self.path, None)

    def __enter__(self) -> SessionHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SessionStore:
    """Persistence only: create, load, save, list, lock and restore session files.

    The store knows no catalog and words no message for a person beyond its errors;
    the use cases (``interview.services``) combine it with the checklist.
    """

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self._handles: dict[str, SessionHandle] = {}
        self._parsers: dict[Path, ChunkParser] = {}

    # --- names ----------------------------------------------------------------------------

    def path_for(self, session_id: str) -> Path:
        return self.directory / f"{validate_id(session_id)}{SUFFIX}"

    def exists(self, session_id: str) -> bool:
        path = self.path_for(session_id)
        return path.exists() or backup_path(path).exists()

    def session_files(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        try:
            names = os.listdir(self.directory)
        except OSError as exc:
            raise SessionError(
                Message("sessions_dir_unreadable", path=self.directory, reason=exc.strerror)
            ) from None
        return sorted(
            self.directory / name
            for name in names
            if name.endswith(SUFFIX)
            and not name.startswith(".")
            and is_valid_id(name[: -len(SUFFIX)])
        )

    def _ensure_dir(self) -> None:
        try:
            ensure_dir(self.directory)
        except OSError as exc:
            raise SessionError(
                Message("sessions_dir_cannot_create", path=self.directory, reason=exc.strerror)
            ) from None

    # --- creating -------------------------------------------------------------------------

    def create(
        self,
        respondent: Respondent,
        *,
        edition: str,
        certifications: Sequence[Certification] = (),
        session_id: str | None = None,
        today: date | None = None,
    ) -> Session:
        """Write a new session file and return it (the session is not left open).

        Without *session_id* the id is made from the organisation and the date, and the
        next free one is taken when another app creates the same id at the same moment.
        """
        self._ensure_dir()
        stamp = now()
        certs = list(certifications)
        if session_id is not None:
            return self._create_as(validate_id(session_id), respondent, certs, stamp, edition)
        base = default_id(respondent.organisation, today or stamp.astimezone().date())
        for _ in range(100):
            candidate = unique_id(base, self.exists)
            try:
                return self._create_as(candidate, respondent, certs, stamp, edition)
            except (SessionExistsError, SessionLockedError):
                continue  # another app took this id a moment ago: try the next one
        raise SessionError(Message("no_free_id", base=base, hint_id=True))

    def create_session(self, session: Session, *, choose_id: bool = False) -> Session:
        """Write *session* as a new file: never over an existing one (exclusive create).

        With *choose_id* the next free id after ``session.id`` is taken when it is in use.
        """
        self._ensure_dir()
        base = validate_id(session.id)
        for _ in range(100):
            candidate = unique_id(base, self.exists) if choose_id else base
            path = self.path_for(candidate)
            lock = self._lock(candidate, path)
            try:
                if path.exists() or backup_path(path).exists():
                    if choose_id:
                        continue
                    raise SessionExistsError(candidate, path)
                session.id = candidate
                self._write(session, path, keep_backup=False)
                return session
            finally:
                lock.release()
        raise SessionError(Message("no_free_id", base=base, hint_id=False))

    def _create_as(
        self,
        session_id: str,
        respondent: Respondent,
        certifications: list[Certification],
        stamp: datetime,
        edition: str,
    ) -> Session:
        path = self.path_for(session_id)
        self._ensure_dir()
        lock = self._lock(session_id, path)
        try:
            if path.exists() or backup_path(path).exists():
                raise SessionExistsError(session_id, path)
            session = Session(
                format_version=FORMAT_VERSION,
                id=session_id,
                catalog_edition=edition,
                respondent=respondent,
                created_at=stamp,
                updated_at=stamp,
                certifications=certifications,
            )
            self._write(session, path, keep_backup=False)
            return session
        finally:
            lock.release()

    # --- opening, saving, closing ---------------------------------------------------------

    def open(self, session_id: str) -> SessionHandle:
        """Lock and load a session for editing; refused while another app holds it."""
        path = self.path_for(session_id)
        if not path.exists():
            raise self._missing_or_backup(session_id, path)
        lock = self._lock(session_id, path)
        try:
            for stale in stale_temp_files(path):
                with contextlib.suppress(OSError):
                    stale.unlink()
            session = self.load(session_id)
        except BaseException:
            lock.release()
            raise
        handle = SessionHandle(self, session, lock)
        self._handles[session_id] = handle
        return handle

    def save(self, session: Session) -> None:
        """Save through this store's open handle, or lock the session just for this save."""
        handle = self._handles.get(session.id)
        if handle is not None:
            handle.save(session)
            return
        path = self.path_for(session.id)
        self._ensure_dir()
        lock = self._lock(session.id, path)
        try:
            if path.exists():
                self._read_checked(path, session.id)  # never overwrite an unreadable file
            self._write(session, path)
        finally:
            lock.release()

    def _lock(self, session_id: str, path: Path) -> SessionLock:
        refuse_link(path)
        lock = SessionLock(path)
        try:
            lock.acquire()
        except LockBusyError as exc:
            raise SessionLockedError(session_id, str(exc)) from None
        except UnsafeLockError as exc:
            raise UnsafeLockPathError(session_id, exc.path, exc.kind) from None
        except OSError as exc:
            raise SessionError(
                Message("lock_cannot_create", path=lock.path, reason=os_error_message(exc))
            ) from None
        return lock

    def _write(self, session: Session, path: Path, keep_backup: bool = True) -> None:
        chunks = render_chunks(session)
        data = join_chunks(chunks).encode("utf-8")
        parser = self._parsers.setdefault(path, ChunkParser())

        def check(raw: bytes) -> None:
            # Re-parse what is on disk: the bytes must be exactly the rendered chunks, and
            # the chunks must parse (tomllib; unchanged chunks reuse their last parse)
            # and validate as a session.
            if raw != data:
                raise SessionFileError(path, Message("read_back_differs"))
            try:
                parsed = parser.parse(chunks)
            except (tomllib.TOMLDecodeError, ValueError) as exc:
                raise SessionFileError(
                    path, Message("read_back_not_toml", reason=str(exc))
                ) from None
            to_session(parsed, path)

        try:
            atomic_write(path, data, check=check, keep_backup=keep_backup)
        except SessionFileError as exc:
            raise SessionError(
                Message("save_not_read_back", path=path, reason=exc.reason)
            ) from None
        except OSError as exc:
            raise SessionError(
                Message("save_failed", path=path, reason=os_error_message(exc))
            ) from None

    # --- locks ----------------------------------------------------------------------------

    def lock_state(self, session_id: str) -> LockState | None:
        """Who holds the session's lock (None when it is not locked)."""
        path = self.path_for(session_id)
        try:
            return inspect_lock(path)
        except UnsafeLockError as exc:
            raise UnsafeLockPathError(session_id, exc.path, exc.kind) from None

    def unlock(self, session_id: str) -> None:
        """Remove the session's lock (``interview unlock``: after the person confirmed)."""
        path = self.path_for(session_id)
        try:
            break_lock(path)
        except FileNotFoundError:
            return
        except UnsafeLockError as exc:
            raise UnsafeLockPathError(session_id, exc.path, exc.kind) from None
        except OSError as exc:
            raise SessionError(
                Message("unlock_failed", path=lock_path(path), reason=exc.strerror)
            ) from None

    # --- loading --------------------------------------------------------------------------

    def load(self, session_id: str) -> Session:
        """Read a session without locking it; errors name the file, line, column and field."""
        path = self.path_for(session_id)
        if not path.exists():
            raise self._missing_or_backup(session_id, path)
        return self._read_checked(path, session_id)

    def load_backup(self, session_id: str) -> Session:
        """The version before the last save (``<id>.toml.bak``)."""
        path = self.path_for(session_id)
        bak = backup_path(path)
        if not bak.exists():
            raise SessionNotFoundError(session_id, bak)
        return self._read(bak, session_id)

    def restore_backup(self, session_id: str) -> Path | None:
        """Make the backup the current version; the replaced file is kept aside, never lost.

        Returns where the replaced file was moved (None if there was none).
        """
        path = self.path_for(session_id)
        lock = self._lock(session_id, path)
        try:
            session = self.load_backup(session_id)
            kept: Path | None = None
            if path.exists():
                try:
                    self._read(path, session_id)
                    label = "replaced"
                except SessionFileError:
                    label = "broken"
                kept = aside_path(path, label)
                os.replace(path, kept)
                fsync_dir(self.directory)
            self._write(session, path, keep_backup=False)
            return kept
        finally:
            lock.release()

    def _read_checked(self, path: Path, session_id: str) -> Session:
        try:
            return self._read(path, session_id)
        except SessionFileError as exc:
            bak = backup_path(path)
            if bak.exists():
                raise exc.with_backup(bak, Message("restore_hint", session=session_id)) from None
            raise

    @staticmethod
    def _read(path: Path, session_id: str) -> Session:
        refuse_link(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise SessionFileError(path, Message("cannot_open", reason=exc.strerror)) from None
        session = load_bytes(raw, path)
        if session.id != session_id:
            session.id = session_id  # the file name is the id (e.g. after a copy or rename)
        return session

    def _missing_or_backup(self, session_id: str, path: Path) -> SessionError:
        bak = backup_path(path)
        if bak.exists():
            return SessionFileError(
                path,
                Message("file_missing"),
                backup=bak,
                hint=Message("restore_hint_short", session=session_id),
            )
        return SessionNotFoundError(session_id, path)

    # --- listing --------------------------------------------------------------------------

    def list_summaries(
        self, question_ids: Mapping[Party, frozenset[str]], *, cache: SummaryCache | None = None
    ) -> tuple[list[SessionSummary], list[str]]:
        """Every readable session (newest first) and a message per unreadable file.

        *question_ids* are the ids progress is counted over, per party. With a *cache*,
        only the files changed since the last listing are read.
        """
        summaries: list[SessionSummary] = []
        problems: list[str] = []
        for path in self.session_files():
            try:
                refuse_link(path)
                if cache is None:
                    summaries.append(read_summary(path, question_ids))
                else:
                    summaries.append(cache.read(path, question_ids, read_summary))
            except SessionFileError as exc:
                problems.append(listing_problem(exc, path))
        if cache is not None:
            cache.save()
        problems += orphan_problems(self.directory, SUFFIX)
        summaries.sort(key=lambda s: (s.updated_at, s.id), reverse=True)
        return summaries, problems

    def summary(
        self, session_id: str, question_ids: Mapping[Party, frozenset[str]]
    ) -> SessionSummary:
        return read_summary(self.path_for(session_id), question_ids)
