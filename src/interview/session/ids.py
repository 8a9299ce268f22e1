"""Session ids: safe file names, by default a readable slug of the organisation plus a date."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

from interview.errors import Message
from interview.session.errors import InvalidSessionIdError
from interview.textsafety import describe, printable, unsafe_chars

MAX_ID_LENGTH = 80
# Every name derived from an id must fit the usual 255-byte file-name limit: the longest is
# ``<id>.toml.replaced-YYYYmmdd-HHMMSS-NN`` (34 bytes more); temp and lock names are shorter.
NAME_MAX_BYTES = 255
DERIVED_SUFFIX_BYTES = 55
MAX_ID_BYTES = NAME_MAX_BYTES - DERIVED_SUFFIX_BYTES  # 200 bytes: 66 Japanese characters
MAX_SLUG_LENGTH = 40
FALLBACK_SLUG = "session"

# Names Windows refuses whatever the extension (sessions may be shared through such disks).
# Windows also takes superscript digits as digits (COM¹ is COM1).
_RESERVED = (
    {"con", "prn", "aux", "nul", "conin$", "conout$", "clock$"}
    | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
    | {f"{p}{n}" for p in ("com", "lpt") for n in "¹²³"}
)
_FORBIDDEN = set('/\\:*?"<>|')


def slugify(organisation: str) -> str:
    """A file-name-safe, readable form of *organisation* (Japanese letters are kept).

    Full-width letters become ASCII (NFKC), ASCII is lower-cased, and every run of other
    characters (spaces, separators, punctuation, controls, symbols) becomes one ``-``.
    """
    text = unicodedata.normalize("NFKC", organisation).lower()
    out: list[str] = []
    for char in text:
        if char.isalnum() or char == "_" or unicodedata.category(char) == "Lm":
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    slug = "".join(out)[:MAX_SLUG_LENGTH].strip("-_")
    if not slug or slug in _RESERVED:
        return FALLBACK_SLUG if not slug else f"{slug}-{FALLBACK_SLUG}"
    return slug


def default_id(organisation: str, day: date) -> str:
    return f"{slugify(organisation)}-{day.isoformat()}"


def unique_id(base: str, taken: Callable[[str], bool]) -> str:
    """*base*, or *base*-2, -3 … the first one *taken* says is free."""
    if not taken(base):
        return base
    n = 2
    while taken(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


def validate_id(session_id: str) -> str:
    """Return *session_id* if it is a safe file name, else raise InvalidSessionIdError."""
    problem = _problem(session_id)
    if problem:
        raise InvalidSessionIdError(
            Message("invalid_session_id", problem=problem, id=printable(repr(session_id)))
        )
    return session_id


def is_valid_id(session_id: str) -> bool:
    return not _problem(session_id)


def _problem(session_id: str) -> Message | None:
    if not session_id or not session_id.strip():
        return Message("id_empty")
    if len(session_id) > MAX_ID_LENGTH:
        return Message("id_too_many_chars", most=MAX_ID_LENGTH)
    if len(session_id.encode("utf-8", "surrogatepass")) > MAX_ID_BYTES:
        return Message("id_too_many_bytes", most=MAX_ID_BYTES)
    if "\x00" in session_id:
        return Message("id_nul")
    bad_chars = unsafe_chars(session_id) + [c for c in session_id if c in "\t\n\u200d"]
    if bad_chars:
        return Message("id_unsafe_chars", chars=tuple(describe(c) for c in bad_chars))
    if "/" in session_id or "\\" in session_id:
        return Message("id_slash")
    if ".." in session_id:
        return Message("id_dot_dot")
    if session_id.startswith("."):
        return Message("id_leading_dot")
    if session_id != session_id.strip():
        return Message("id_outer_space")
    bad = sorted(set(session_id) & _FORBIDDEN)
    if bad:
        return Message("id_forbidden_chars", chars="".join(bad))
    if session_id.endswith("."):
        return Message("id_trailing_dot")
    if session_id.lower().split(".")[0].rstrip(" ") in _RESERVED:
        return Message("id_reserved")
    return None
