"""One line per session for ``interview sessions`` and the home screen, read fast.

A complete session is ~150 KB of TOML and ``tomllib`` needs ~10 ms for it, too slow for a
list of 1,000 sessions (budget: 1 s). So a summary parses only the file's *head* (the
scalars, ``[respondent]``, ``[position]``, ``[[certifications]]``, ``[follow_ups]``) with
``tomllib`` and counts the answers by scanning the ``[answers."…"]`` headers and
``skipped = true`` lines of the rest. The scan accepts only the layout the app writes
(every line one key or one header); anything else (multi-line strings or arrays, other
headers, indented headers, odd ``skipped`` lines, duplicates) falls back to a full parse.
Full validation happens when a session is opened or shown.

The scan has two speeds. The quick one (:func:`_quick_scan`) takes the file exactly as
the writer lays it out (``status`` the first key of its table, nothing skipped, no line
indented, no triple quote) in a few passes of the regex engine and no Python loop per
line; any other body goes through the line-by-line scan (:func:`_scan_body`), which
accepts the rest of the app's layout. Both give the same answer where both apply (tested).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

from interview.catalog import Catalog, Party
from interview.errors import Message
from interview.questions.bank import QuestionSet
from interview.session.errors import SessionFileError
from interview.session.models import RESPONDENT_PARTIES, aware
from interview.session.toml_format import (
    check_version,
    decode,
    parse_toml,
    to_session,
)

SUFFIX = ".toml"


@dataclass(frozen=True)
class SessionSummary:
    id: str
    organisation: str
    party: Party
    progress: float  # 0–100
    updated_at: datetime
    follow_ups: int
    catalog_edition: str
    path: Path
    unknown: int = 0  # answers 不明・要確認 (named apart from the フォロー marks)

    @property
    def party_label(self) -> str:
        return self.party.label


def question_ids_by_party(
    catalog: Catalog, questions: QuestionSet | None
) -> dict[Party, frozenset[str]]:
    """The ids progress is counted over: every question of the party's items, as in
    ``interview.engine.progress``; only the 手法例 when the question banks are unavailable."""
    out = {}
    for party in RESPONDENT_PARTIES:
        items = catalog.items_for(party)
        if questions is not None:
            asked = questions.for_party(party)
            ids = frozenset(q.id for item in items for q in asked.for_item(item.no))
        else:
            ids = frozenset(e.id for item in items for e in item.examples)
        out[party] = ids
    return out


CONDITIONAL_SUFFIXES = (".issues", ".plan")


def progress_percent(
    question_ids: frozenset[str],
    answered: set[str] | frozenset[str],
    gap_items: set[str] | frozenset[str] | None = None,
) -> float:
    """Share (0–100) of *question_ids* among the *answered* ids (same as the engine's).

    課題認識・対応計画 are on the respondent's path only for an item with a gap (an example
    一部実施・未実施・不明): given *gap_items* (item numbers as strings), the others count
    only once answered.
    """
    total = len(question_ids)
    if gap_items is not None:
        for item, conditional in _conditional_by_item(question_ids):
            if item not in gap_items:
                total -= len(conditional - answered)  # off the path unless answered
    if not total:
        return 100.0
    return 100.0 * len(question_ids & answered) / total


@lru_cache(maxsize=8)
def _conditional_by_item(question_ids: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The 課題認識・対応計画 ids among *question_ids*, per item (progress is counted for
    every session listed: this is worked out once per set of ids)."""
    by_item: dict[str, set[str]] = {}
    for q in question_ids:
        if q.endswith(CONDITIONAL_SUFFIXES):
            by_item.setdefault(q.split(".", 1)[0], set()).add(q)
    return tuple((item, frozenset(ids)) for item, ids in sorted(by_item.items()))


_GAPS = {"partial", "not_done", "unknown"}


def gap_items_of(answers: Mapping[str, Any]) -> set[str]:
    """Item numbers (as strings) with an answered example whose status is a gap."""
    out = set()
    for qid, answer in answers.items():
        if isinstance(answer, Mapping):
            status, skipped = answer.get("status"), answer.get("skipped") is True
        else:
            status = getattr(getattr(answer, "status", None), "value", None)
            skipped = bool(getattr(answer, "skipped", False))
        if status in _GAPS and not skipped:
            out.add(qid.split(".", 1)[0])
    return out


def answered_ids(answers: Mapping[str, Any]) -> set[str]:
    """Question ids with an answer that is not a deliberate skip (parsed dicts or models)."""
    out = set()
    for qid, answer in answers.items():
        skipped = (
            answer.get("skipped") is True
            if isinstance(answer, Mapping)
            else bool(getattr(answer, "skipped", False))
        )
        if not skipped:
            out.add(qid)
    return out


# --- the fast read -------------------------------------------------------------------------

_BODY_START = re.compile(rb"^\[(?:answers|texts)\b", re.MULTILINE)
# The lines of the body that matter to the scan: headers and ``skipped`` lines, indented
# or not. (Continuation lines of a multi-line array cannot start with "[" or "skipped"
# unless they hold a nested array, which no header pattern accepts.)
_BODY_LINES = re.compile(rb"\n[ \t]*(?:\[|skipped|status)[^\n]*")
_MULTILINE_STRING = (b"'''", b'"""')
_ANSWER_HEADER = re.compile(rb'\[answers\.(?:"((?:[^"\\\n]|\\.)*)"|([A-Za-z0-9_-]+))\]')
_SKIPPED = re.compile(rb"skipped = (true|false)")
_STATUS = re.compile(rb'status = "([a-z_]+)"')


class _NotCanonical(Exception):
    """The body is not in the app's own layout: read the whole file instead."""


def _key(quoted: bytes) -> str:
    text = quoted.decode("utf-8")
    if "\\" not in text:
        return text
    return tomllib.loads(f'k = "{text}"')["k"]


def scan_answered(body: bytes) -> set[str] | None:
    """Answered question ids from the body (the ``[answers…]``/``[texts…]`` part) of a
    session file in the app's own layout; None when the layout is anything else."""
    try:
        return scan(body)[0]
    except _NotCanonical:
        return None


def scan(body: bytes, start: int = 0) -> tuple[set[str], set[str]]:
    """(answered ids, items with a gap status) of ``body[start:]``, which starts a line;
    _NotCanonical when it is not in the app's own layout."""
    quick = _quick_scan(body, start)
    if quick is not None:
        return quick
    return _scan_body(body[start:] if start else body)


# One pass over the body's line starts: every table header, with the status line that
# directly follows an answer's header (status, then whether it is a gap); and the lines the
# quick scan does not take (indented, ``skipped``, a ``status`` line further down a table).
# A header that is not ``[answers."<id>"]`` (no quote or backslash in the id) nor
# ``[texts.…`` matches with every group empty.
_QUICK_LINES = re.compile(
    rb'\n(?:\[(?:answers\."(([^."\\\n]*)[^"\\\n]*)"\]'
    rb'(?:\nstatu(s) = "(?:(partial|not_done|unknown)|[a-z_]+)")?(?=\n|\Z)|(t)exts\.|)'
    rb"|([ \t]|status|skipped))"
)


def _quick_scan(raw: bytes, start: int) -> tuple[set[str], set[str]] | None:
    """The scan of ``raw[start:]`` when it is exactly as the writer lays it out, else None.

    Same result as :func:`_scan_body` (the body has no ``skipped`` line, so every table
    read is an answer), without a Python step per line or per table: about 3× faster.
    """
    if raw.find(b"'", start) >= 0 and raw.find(b"'''", start) >= 0:
        return None
    if raw.find(b'"""', start) >= 0:
        return None
    at = start - 1 if start else 0  # the newline before the body's first line
    if start == 0:
        raw = b"\n" + raw
    found = _QUICK_LINES.findall(raw, at)
    if not found:
        return set(), set()
    qids, items, _status, gap_status, texts, odd = zip(*found, strict=True)
    answers = len(found) - qids.count(b"")
    if any(odd) or answers + texts.count(b"t") != len(found):
        return None  # another kind of header, or a line the line-by-line scan must read
    try:
        joined = b"\n".join(compress(qids, qids)).decode("utf-8") if answers else ""
        gaps = {item.decode("utf-8") for item in set(compress(items, gap_status))}
    except UnicodeDecodeError:
        return None
    answered = set(joined.split("\n")) if answers else set()
    if len(answered) != answers:
        return None  # an answer written twice
    return answered, gaps


def _scan_body(body: bytes) -> tuple[set[str], set[str]]:
    """(answered ids, items with a gap status) of a body in the app's own layout."""
    if any(quote in body for quote in _MULTILINE_STRING):
        raise _NotCanonical
    answered: set[str] = set()
    statuses: dict[str, bytes] = {}
    seen: set[str] = set()
    current: str | None = None
    for line in _BODY_LINES.findall(b"\n" + body):
        line = line[1:]
        if line.startswith(b"[texts."):
            current = None  # a texts table never holds answers
            continue
        if line.startswith(b'[answers."') and line.endswith(b'"]'):
            inner = line[10:-2]
            qid = inner.decode() if b'"' not in inner and b"\\" not in inner else None
        else:
            qid = None
        if qid is None and line.startswith(b"[answers."):
            header = _ANSWER_HEADER.fullmatch(line)
            if header is None:
                raise _NotCanonical
            quoted, bare = header.groups()
            qid = _key(quoted) if quoted is not None else bare.decode()
        if qid is not None:
            if qid in seen:
                raise _NotCanonical
            seen.add(qid)
            answered.add(qid)
            current = qid
            continue
        status = _STATUS.fullmatch(line)
        if status is not None and current is not None:
            statuses[current] = status.group(1)
            continue
        flag = _SKIPPED.fullmatch(line)
        if flag is None or current is None:
            raise _NotCanonical  # another header, an indented line, an odd skipped line
        if flag.group(1) == b"true":
            answered.discard(current)
    gaps = {
        qid.split(".", 1)[0]
        for qid, value in statuses.items()
        if qid in answered and value.decode() in _GAPS
    }
    return answered, gaps


_UNKNOWN_LINE = b'\nstatus = "unknown"'


def count_unknown(raw: bytes, start: int = 0) -> int:
    """Answers 不明・要確認 (not skipped) in ``raw[start:]``, a body in the app's layout.

    One pass for the status lines (the writer puts an answer's status on its own line, in
    a basic string); only the tables holding one are looked into for ``skipped = true``.
    """
    count = 0
    at = raw.find(_UNKNOWN_LINE, start)
    while at >= 0:
        head = raw.rfind(b"\n[", start, at)
        end = raw.find(b"\n[", at + 1)
        table = raw[head if head >= 0 else start : end if end >= 0 else len(raw)]
        if table.lstrip(b"\n").startswith(b"[answers.") and b"\nskipped = true" not in table:
            count += 1
        if end < 0:
            break
        at = raw.find(_UNKNOWN_LINE, end)
    return count


def read_summary(path: Path, question_ids: Mapping[Party, frozenset[str]]) -> SessionSummary:
    """The summary of the session file *path*; SessionFileError if it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SessionFileError(path, Message("cannot_open", reason=exc.strerror)) from None
    if not raw.strip():
        decode(raw, path)  # the same message as ``show`` gives for an empty file
    found = _BODY_START.search(raw)
    start = found.start() if found else len(raw)
    head = raw[:start]
    try:
        data = parse_toml(decode(head, path), path) if head.strip() else {}
        if "answers" in data or "texts" in data:
            raise _NotCanonical
        answered, gaps = scan(raw, start) if found else (set(), set())
        unknown = count_unknown(raw, start) if found else 0
    except (SessionFileError, _NotCanonical, UnicodeDecodeError):
        text = decode(raw, path)
        data = parse_toml(text, path)
        answers = data.get("answers", {})
        answered = answered_ids(answers) if isinstance(answers, dict) else set()
        gaps = gap_items_of(answers) if isinstance(answers, dict) else set()
        unknown = sum(
            1
            for qid, a in (answers.items() if isinstance(answers, dict) else ())
            if qid in answered and isinstance(a, dict) and a.get("status") == "unknown"
        )
    return _summary(path, data, answered, question_ids, gaps, unknown)


def _summary(
    path: Path,
    data: dict[str, Any],
    answered: set[str],
    question_ids: Mapping[Party, frozenset[str]],
    gaps: set[str] | None = None,
    unknown: int = 0,
) -> SessionSummary:
    check_version(data, path)
    try:
        respondent = data["respondent"]
        party = Party(respondent["party"])
        organisation = respondent["organisation"]
        updated_at = data["updated_at"]
        follow_ups = data.get("follow_ups", {})
        edition = data["catalog_edition"]
        ok = (
            party in RESPONDENT_PARTIES
            and isinstance(organisation, str)
            and isinstance(updated_at, datetime)
            and isinstance(follow_ups, dict)
            and isinstance(edition, str)
        )
    except (KeyError, TypeError, ValueError):
        ok = False
    if not ok:
        to_session(data, path)  # raises a message naming the bad field
        raise SessionFileError(path, Message("not_a_session"))
    return SessionSummary(
        id=path.name[: -len(SUFFIX)],
        organisation=organisation,
        party=party,
        progress=progress_percent(question_ids[party], answered, gaps),
        updated_at=aware(updated_at),
        follow_ups=len(follow_ups),
        catalog_edition=edition,
        path=path,
        unknown=unknown,
    )


@dataclass(frozen=True)
class CategoryProgress:
    no: int
    name: str
    answered: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.answered / self.total if self.total else 100.0


def progress_by_category(
    catalog: Catalog,
    questions: QuestionSet | None,
    party: Party,
    answers: Mapping[str, Any],
) -> list[CategoryProgress]:
    """Answered / total questions per 区分 for a respondent of *party* (same ids as above)."""
    done = answered_ids(answers)
    out = []
    items = catalog.items_for(party)
    for category in catalog.categories:
        mine = [i for i in items if i.category == category.no]
        if not mine:
            continue
        if questions is not None:
            from interview.engine.path import on_path_ids

            asked = questions.for_party(party)
            ids = set(on_path_ids((q for item in mine for q in asked.for_item(item.no)), answers))
        else:
            ids = {e.id for item in mine for e in item.examples}
        out.append(CategoryProgress(category.no, category.name, len(ids & done), len(ids)))
    return out
