"""Session ⇄ TOML text, with errors that name the file, line, column and field.

The layout is meant for people and for ``git diff`` (see docs/session-format.md)::

    format_version, id, catalog_edition, created_at, updated_at   top-level scalars
    [respondent]  [position]  [[certifications]]  [follow_ups]   the head
    [answers."1.1.1"] … [texts.1.status] …                         one block per item

Every string is a one-line TOML basic string: quotes, backslashes, control characters,
bidi controls and line separators are escaped (``\\n``, ``\\u0000``, ``\\u202e`` …), so every
physical line of the file is one key, one header or blank. A value that is ``None`` is
left out (TOML has no null). The writer is a small dedicated emitter (the generic
``tomli_w`` is several times slower on a full session, and a save has a 10 ms budget).

The text is produced as *chunks* (the head, then one per item). A save re-parses what
it wrote chunk by chunk through :class:`ChunkParser`, which remembers the parse of
chunks it has already seen, so after one answer only the head and one item are parsed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from interview.engine.answers import Answer
from interview.errors import Message
from interview.session.errors import SessionFileError, SessionVersionError
from interview.session.models import (
    CERTIFICATION_FIELDS,
    FORMAT_VERSION,
    ItemText,
    ItemTexts,
    Session,
)
from interview.textsafety import UNSAFE_CLASS, printable
from interview.tomlio import field_path, locate

# The closing questions of an item, in the order the question banks ask them
# (question_banks/closing.toml). Only used to sort answers; unknown suffixes go last.
CLOSING_ORDER = ("other", "cert", "issues", "plan", "remarks")
_CLOSING_RANK = {suffix: rank for rank, suffix in enumerate(CLOSING_ORDER)}
TEXT_FIELDS = ("status", "issues", "plan", "remarks")


def question_key(question_id: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key putting "1.1.2" before "1.1.10", and examples before "1.other", "1.plan"."""
    key = []
    for part in question_id.split("."):
        if part.isascii() and part.isdecimal():
            key.append((0, int(part), ""))
        else:
            key.append((1, _CLOSING_RANK.get(part, len(CLOSING_ORDER)), part))
    return tuple(key)


def item_of(question_id: str) -> str:
    """The item part of a question id ("12" for "12.1.3" and "12.plan")."""
    return question_id.split(".", 1)[0]


# --- writing -------------------------------------------------------------------------------

_COMPACT = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
# Escaped besides what TOML requires: C1 controls, bidi controls, line/paragraph separators,
# BOM (so a hostile string cannot reorder or hide text when the file is viewed), and lone
# surrogates, which UTF-8 cannot hold (written as U+FFFD).
_NEEDS_ESCAPE = re.compile(f'["\\\\\\t\\n{UNSAFE_CLASS}]')
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    compact = _COMPACT.get(char)
    if compact is not None:
        return compact
    if "\ud800" <= char <= "\udfff":
        return "\\ufffd"
    return f"\\u{ord(char):04x}"


def toml_string(text: str) -> str:
    return f'"{_NEEDS_ESCAPE.sub(_escape, text)}"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def toml_datetime(value: datetime) -> str:
    """RFC 3339 with offset; naive times are taken as local, odd offsets written as UTC."""
    if value.tzinfo is None:
        value = value.astimezone()
    offset = value.utcoffset()
    if offset is None or offset.seconds % 60 or offset.microseconds:
        value = value.astimezone(UTC)
    return value.isoformat()


def toml_value(value: object) -> str:
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return toml_datetime(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a session file")


def _table(header: str, pairs: Iterable[tuple[str, object]]) -> str:
    lines = [header]
    lines += [f"{key} = {toml_value(value)}" for key, value in pairs]
    return "\n".join(lines) + "\n"


def _answer_pairs(answer: Answer) -> list[tuple[str, object]]:
    pairs: list[tuple[str, object]] = []
    if answer.status is not None:
        pairs.append(("status", answer.status.value))
    pairs.append(("detail", answer.detail))
    if answer.checks:
        pairs.append(("checks", answer.checks))
    if answer.due:
        pairs.append(("due", answer.due))
    if answer.owner:
        pairs.append(("owner", answer.owner))
    if answer.skipped:
        pairs.append(("skipped", True))
    if answer.shared:
        pairs.append(("shared", True))
    pairs.append(("updated_at", answer.updated_at))
    return pairs


def _text_pairs(text: ItemText) -> list[tuple[str, object]]:
    return [("state", text.state), ("draft", text.draft), ("text", text.text)]


def _head(session: Session) -> str:
    r = session.respondent
    parts = [
        _table(
            "",
            [
                ("format_version", session.format_version),
                ("id", session.id),
                ("catalog_edition", session.catalog_edition),
                ("created_at", session.created_at),
                ("updated_at", session.updated_at),
                *(
                    (key, value)
                    for key, value in (
                        ("suggestion_source", session.suggestion_source),
                        ("derived_from", session.derived_from),
                        ("profile_name", session.profile_name),
                        ("profile_text", session.profile_text),
                        ("imported_form", session.imported_form),
                    )
                    if value
                ),
            ],
        ).lstrip("\n"),
        _table(
            "[respondent]",
            [
                ("organisation", r.organisation),
                ("party", r.party.value),
                ("name", r.name),
                ("role", r.role),
                ("counterparts", r.counterparts),
                ("interviewer", r.interviewer),
            ],
        ),
    ]
    if session.position is not None:
        p = session.position
        parts.append(_table("[position]", [("item", p.item), ("question", p.question)]))
    for c in session.certifications:
        parts.append(
            _table(
                "[[certifications]]",
                [
                    (f, getattr(c, f))
                    for f in CERTIFICATION_FIELDS
                    if f in ("name", "scope", "date") or getattr(c, f)
                ],
            )
        )
    if session.follow_ups:
        keys = sorted(session.follow_ups, key=question_key)
        parts.append(
            "[follow_ups]\n"
            + "".join(f"{toml_key(k)} = {toml_string(session.follow_ups[k])}\n" for k in keys)
        )
    if session.pending:
        keys = sorted(session.pending, key=question_key)
        parts.append(
            "[pending]\n"
            + "".join(f"{toml_key(k)} = {toml_string(session.pending[k].value)}\n" for k in keys)
        )
    if session.typed:
        keys = sorted(session.typed, key=question_key)
        parts.append(
            "[typed]\n"
            + "".join(f"{toml_key(k)} = {toml_string(session.typed[k])}\n" for k in keys)
        )
    for no in sorted(session.review_requests, key=question_key):
        req = session.review_requests[no]
        parts.append(
            _table(
                f"[review_requests.{toml_key(no)}]",
                [
                    ("verdict", req.verdict),
                    ("comment", req.comment),
                    ("bank", req.bank),
                    ("reviewed", req.reviewed),
                    ("round", req.round),
                ],
            )
        )
    for qid in sorted(session.suggestions, key=question_key):
        parts.append(
            _table(f"[suggestions.{toml_key(qid)}]", _answer_pairs(session.suggestions[qid]))
        )
    return "\n".join(parts)


def _item_chunk(item: str, answer_ids: Sequence[str], session: Session) -> str:
    parts = [
        _table(f"[answers.{toml_key(qid)}]", _answer_pairs(session.answers[qid]))
        for qid in answer_ids
    ]
    texts: ItemTexts | None = session.texts.get(item)
    if texts is not None:
        key = toml_key(item)
        parts += [
            _table(f"[texts.{key}.{field}]", _text_pairs(getattr(texts, field)))
            for field in TEXT_FIELDS
        ]
    return "\n".join(parts)


def render_chunks(session: Session, kept: ChunkRenderer | None = None) -> list[str]:
    """The TOML text in pieces: the head, then one chunk per item (answers, then texts).

    With *kept*, an item whose answers and texts are unchanged since the last render
    reuses its chunk (the text is the same either way)."""
    by_item: dict[str, list[str]] = {}
    for qid in session.answers:
        by_item.setdefault(item_of(qid), []).append(qid)
    for item in session.texts:
        by_item.setdefault(item, [])
    chunks = [_head(session)]
    for item in sorted(by_item, key=question_key):
        ids = sorted(by_item[item], key=question_key)
        if kept is None:
            chunks.append(_item_chunk(item, ids, session))
        else:
            chunks.append(kept.item_chunk(item, ids, session))
    if kept is not None:
        kept.forget_all_but(by_item)
    return chunks


def _answer_snapshot(answer: Answer) -> tuple[object, ...]:
    """The answer's field values, copied out (all immutable: str, enum, bool, tuple,
    datetime), with the time's offset: equal instants in other offsets are other texts."""
    return (*answer.__dict__.values(), answer.updated_at.utcoffset())


def _text_snapshot(text: ItemText) -> tuple[object, ...]:
    return tuple(text.__dict__.values())  # str fields only


class ChunkRenderer:
    """Remembers each item's chunk with a value snapshot of what it was rendered from
    (never the model objects themselves, which a change could mutate in place)."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[tuple[object, ...], str]] = {}

    def item_chunk(self, item: str, answer_ids: Sequence[str], session: Session) -> str:
        texts = session.texts.get(item)
        key = (
            tuple((qid, _answer_snapshot(session.answers[qid])) for qid in answer_ids),
            None
            if texts is None
            else tuple(_text_snapshot(getattr(texts, field)) for field in TEXT_FIELDS),
        )
        kept = self._kept.get(item)
        if kept is not None and kept[0] == key:
            return kept[1]
        chunk = _item_chunk(item, answer_ids, session)
        self._kept[item] = (key, chunk)
        return chunk

    def forget_all_but(self, items: Iterable[str]) -> None:
        wanted = set(items)
        for item in [i for i in self._kept if i not in wanted]:
            del self._kept[item]


def session_dict(session: Session) -> dict[str, Any]:
    """The document as plain data (what ``tomllib`` gives back for it; None left out)."""
    return session.model_dump(mode="python", exclude_none=True)


def join_chunks(chunks: Sequence[str]) -> str:
    return "\n".join(chunks)


def dumps(session: Session) -> str:
    return join_chunks(render_chunks(session))


def dump_bytes(session: Session) -> bytes:
    return dumps(session).encode("utf-8")


class ChunkParser:
    """Parse rendered chunks with ``tomllib``, reusing the parse of chunks seen last time.

    Each chunk is a whole set of tables (the head, or one item's ``answers``/``texts``
    tables), so merging the chunk parses gives exactly the parse of the joined text.
    """

    def __init__(self) -> None:
        self._seen: dict[str, dict[str, Any]] = {}

    def parse(self, chunks: Sequence[str]) -> dict[str, Any]:
        seen: dict[str, dict[str, Any]] = {}
        for chunk in chunks:
            parsed = self._seen.get(chunk)
            if parsed is None:
                parsed = seen.get(chunk) or tomllib.loads(chunk)
            seen[chunk] = parsed
        self._seen = seen  # remember only the latest document
        data = dict(seen[chunks[0]])
        for chunk in chunks[1:]:
            for table, entries in seen[chunk].items():
                merged = data.setdefault(table, {})
                if not isinstance(merged, dict) or table not in ("answers", "texts"):
                    raise ValueError(f"unexpected table {table!r} in an item chunk")
                if merged.keys() & entries.keys():
                    raise ValueError(f"{table} defined twice: {sorted(merged.keys() & entries)}")
                data[table] = {**merged, **entries}
        return data


# --- reading -------------------------------------------------------------------------------

_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_END = re.compile(r"\s*\(at end of document\)")


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML *text* read from *path*; a syntax error names its line and column."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise SessionFileError(path, NESTING_REASON) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = column = None
        match = _TOML_POS.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
        elif _TOML_END.search(message):
            line = text.count("\n") + 1
        reason = _TOML_END.sub("", _TOML_POS.sub("", message)).strip()
        raise SessionFileError(
            path, Message("toml_syntax", parser=reason), line=line, column=column
        ) from None


def decode(raw: bytes, path: Path) -> str:
    if not raw.strip():
        raise SessionFileError(path, Message("file_empty"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SessionFileError(path, Message("not_utf8", offset=exc.start + 1), line=line) from None


NESTING_REASON = Message("nested_too_deep")


def check_version(data: dict[str, Any], path: Path, text: str = "") -> None:
    """Refuse a ``format_version`` that is not a whole number from 1 to ours."""
    version = data.get("format_version", FORMAT_VERSION)
    line = locate(text, ("format_version",)) if text else None
    if not isinstance(version, int) or isinstance(version, bool):
        shown = printable(repr(version))
        raise SessionFileError(
            path,
            Message("format_version_not_int", value=shown[:40]),
            line=line,
            field="format_version",
        )
    if version < 1:
        raise SessionFileError(
            path,
            Message("format_version_invalid", version=version, newest=FORMAT_VERSION),
            line=line,
            field="format_version",
        )
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise SessionVersionError(
            path,
            Message("format_version_newer", version=version, newest=FORMAT_VERSION),
            line=line,
            field="format_version",
        )


def to_session(data: dict[str, Any], path: Path, text: str = "") -> Session:
    """Validate parsed TOML as a session; a mismatch names the field (and line when found)."""
    check_version(data, path, text)
    try:
        return Session.model_validate(data)
    except RecursionError:
        raise SessionFileError(path, NESTING_REASON) from None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = tuple(first["loc"])
        shown = ""
        if first["type"] not in ("missing", "extra_forbidden"):
            shown = printable(repr(first.get("input")))
            shown = f"{shown[:80]}{'…' if len(shown) > 80 else ''}"
        expected = (first.get("ctx") or {}).get("expected") or ""
        reason = Message("schema", kind=first["type"], value=shown, expected=expected)
        raise SessionFileError(
            path, reason, line=locate(text, loc) if text else None, field=field_path(loc)
        ) from None


def loads(text: str, path: Path) -> Session:
    return to_session(parse_toml(text, path), path, text)


def load_bytes(raw: bytes, path: Path) -> Session:
    return loads(decode(raw, path), path)
