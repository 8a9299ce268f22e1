"""Summaries from the last listing, kept so the next one reads only the files that changed.

Listing 1,000 complete sessions means reading ~110 MB; most of them have not changed
since the last listing. The cache remembers each file's summary under the file's
identity: (inode, modification time, status-change time, size), so any save (the app
replaces the file: a new inode), hand edit, copy or restore reads the file anew. A file
changed in the last two seconds is not remembered (an edit in place within the clock's
resolution could keep all four). Unreadable files are never remembered: their message
is worked out on every listing.

The cache is one JSON file per sessions folder in the user's cache folder
(:mod:`interview.usercache`), written atomically (temp file, then ``os.replace``) and
readable only by its owner: it holds organisation names. It can be deleted at any time;
a missing, truncated, hand-edited or older file only makes the next listing read every
session. ``INTERVIEW_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from interview.catalog.party import RESPONDENT_PARTIES, Party
from interview.session.summary import SUFFIX, SessionSummary
from interview.usercache import cache_dir

FORMAT = 2  # 2: the count of 不明 answers is remembered too
SETTLE_NS = 2_000_000_000
"""A file modified more recently than this (ns) is read but not remembered."""

Reader = Callable[[Path, Mapping[Party, frozenset[str]]], SessionSummary]
_Entry = list[Any]  # [inode, mtime_ns, ctime_ns, size, organisation, party, progress,
#                     updated_at, follow_ups, catalog_edition, unknown]


def progress_key(question_ids: Mapping[Party, frozenset[str]]) -> str:
    """A hash of the ids progress is counted over: other ids, other percentages."""
    digest = hashlib.sha256()
    for party in sorted(question_ids, key=lambda p: p.value):
        digest.update(f"{party.value}\0{chr(1).join(sorted(question_ids[party]))}\0".encode())
    return digest.hexdigest()


class SummaryCache:
    """The remembered summaries of one sessions folder (see the module's notes)."""

    def __init__(self, file: Path | None, directory: Path, key: str) -> None:
        self.file = file
        self._header = {"format": FORMAT, "directory": str(directory), "progress": key}
        self._old: dict[str, _Entry] = self._load()
        self._new: dict[str, _Entry] = {}

    @classmethod
    def for_directory(
        cls, directory: Path, question_ids: Mapping[Party, frozenset[str]]
    ) -> SummaryCache:
        """The cache of *directory* (a cache that never remembers when caching is off)."""
        folder = cache_dir()
        try:
            resolved = directory.resolve()
        except (OSError, RuntimeError):
            resolved = directory.absolute()
        name = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:24]
        file = folder / f"listing-{name}.json" if folder is not None else None
        return cls(file, resolved, progress_key(question_ids))

    def _load(self) -> dict[str, _Entry]:
        if self.file is None:
            return {}
        try:
            data = json.loads(self.file.read_bytes())
        except (OSError, ValueError, RecursionError):
            return {}  # missing, unreadable or not JSON: read every session
        if not isinstance(data, dict) or any(data.get(k) != v for k, v in self._header.items()):
            return {}  # another format, folder or set of progress ids
        files = data.get("files")
        return files if isinstance(files, dict) else {}

    def read(
        self, path: Path, question_ids: Mapping[Party, frozenset[str]], reader: Reader
    ) -> SessionSummary:
        """The summary of *path*: remembered if the file is unchanged, else *reader*'s."""
        try:
            st = os.stat(path)
        except OSError:
            return reader(path, question_ids)  # gives the message
        identity = [st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size]
        entry = self._old.get(path.name)
        if isinstance(entry, list) and entry[:4] == identity:
            summary = _summary(path, entry[4:])
            if summary is not None:
                self._new[path.name] = entry
                return summary
        summary = reader(path, question_ids)  # stat first: a later change is seen next time
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) >= SETTLE_NS:
            self._new[path.name] = [*identity, *_fields(summary)]
        return summary

    def save(self) -> None:
        """Write what this listing saw, if it differs from what was read (atomically)."""
        if self.file is None or self._new == self._old:
            return
        text = json.dumps({**self._header, "files": self._new})
        folder, temp = self.file.parent, None
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=folder, prefix=".listing-", suffix=".tmp")  # 0600
            temp = Path(name)
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(text)
            os.replace(temp, self.file)
            temp = None
        except OSError:
            pass  # a cache that cannot be written only costs time
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    temp.unlink()


def _fields(s: SessionSummary) -> list[Any]:
    return [
        s.organisation,
        s.party.value,
        s.progress,
        s.updated_at.isoformat(),
        s.follow_ups,
        s.catalog_edition,
        s.unknown,
    ]


def _summary(path: Path, fields: list[Any]) -> SessionSummary | None:
    """The summary remembered as *fields*; None if they are not what :func:`_fields` wrote."""
    try:
        organisation, party, progress, updated_at, follow_ups, edition, unknown = fields
        when = datetime.fromisoformat(updated_at)
        resolved = Party(party)
    except (TypeError, ValueError):
        return None
    if (
        not isinstance(organisation, str)
        or resolved not in RESPONDENT_PARTIES
        or not isinstance(progress, (int, float))
        or isinstance(progress, bool)
        or not 0 <= progress <= 100
        or when.tzinfo is None
        or not isinstance(follow_ups, int)
        or isinstance(follow_ups, bool)
        or follow_ups < 0
        or not isinstance(edition, str)
        or not isinstance(unknown, int)
        or isinstance(unknown, bool)
        or unknown < 0
    ):
        return None
    return SessionSummary(
        id=path.name[: -len(SUFFIX)],
        organisation=organisation,
        party=resolved,
        progress=float(progress),
        updated_at=when,
        follow_ups=follow_ups,
        catalog_edition=edition,
        path=path,
        unknown=unknown,
    )
