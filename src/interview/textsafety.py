"""The one text-safety policy for untrusted strings (answers, file contents, names, ids).

Untrusted text may hold characters that act instead of being shown: terminal escape
sequences (ESC, C1 controls such as CSI U+009B), bidi controls that reorder what is shown
(U+202E, U+2066 …), invisible characters that hide or join text (U+200B, U+FEFF …),
line separators some viewers break on (U+2028) and lone surrogates UTF-8 cannot hold.
This module defines that set once; every surface uses it:

* :func:`printable` for anything shown in a terminal (CLI lines, widgets, toasts, titles):
  each unsafe character becomes a visible ``\\x1b`` / ``\\u202e`` mark (lone surrogates
  become U+FFFD). Tab and newline are kept.
* :func:`safe_text` for Textual/Rich: a ``Text`` (never parsed as markup) of ``printable``.
* :func:`json_safe` for JSON written with ``ensure_ascii=False``: unsafe characters
  become ``\\uXXXX`` escapes, so the JSON value is unchanged.
* :func:`clean_input` for text pasted into the app: ANSI colour codes and other escape
  sequences are removed, line ends normalised, other unsafe characters dropped.
* :func:`unsafe_chars` to refuse such characters where they can never belong (ids).

Strings the app writes itself (tables, help, its own styling) are exempt.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.text import Text

# The single definition of unsafe characters (a regex character-class body).
# \t and \n are safe: multi-line answers are normal.
UNSAFE_CLASS = (
    r"\x00-\x08\x0b-\x1f"  # C0 controls (ESC, BEL, CR, …)
    r"\x7f-\x9f"  # DEL and C1 controls (CSI U+009B, OSC U+009D, …)
    r"\xad"  # soft hyphen (invisible)
    r"\u061c"  # Arabic letter mark (bidi)
    r"\u180e"  # Mongolian vowel separator (invisible)
    r"\u200b\u200c\u200e\u200f"  # zero-width space and non-joiner, LRM, RLM
    # (U+200D ZERO WIDTH JOINER is kept: emoji sequences such as 👨‍👩‍👧 need it; ids refuse it)
    r"\u2028\u2029"  # line and paragraph separators
    r"\u202a-\u202e"  # bidi embeddings and overrides
    r"\u2060-\u206f"  # word joiner, invisible operators, bidi isolates, deprecated formats
    r"\ufeff"  # BOM / zero-width no-break space
    r"\ufff9-\ufffb"  # interlinear annotation controls
    r"\ud800-\udfff"  # lone surrogates
)
UNSAFE = re.compile(f"[{UNSAFE_CLASS}]")
# For documents handed on (workbook cells), a subset: the controls and the bidi embeddings,
# overrides and isolates that reorder text are dropped; marks and joiners that real text
# uses (RLM in Arabic or Hebrew names, ZWJ in emoji) are kept. CR is normalised first.
DOCUMENT_UNSAFE_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"

# Escape sequences as a terminal parses them (ECMA-48): CSI, OSC/DCS/APC/PM/SOS strings,
# two-character escapes, and their 8-bit (C1) forms.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI … final byte (SGR colours, cursor moves)
    r"|(?:\x1b[\]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # strings
    r"|\x1b[ -/]*[0-~]?"  # other escapes (ESC c, ESC ( B, …)
)


def _mark(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """*text* with every unsafe character replaced by a visible mark (``\\x1b``, ``\\u202e``)."""
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(lambda m: _mark(m.group(0)), text)


def printable_line(text: str) -> str:
    """Like :func:`printable`, and newlines shown as ``\\n`` too (for one-line cells)."""
    return printable(text).replace("\n", "\\n").replace("\t", " ")


def safe_text(text: str, style: str = "") -> Text:
    """A Rich ``Text`` of *text* made printable: never parsed as markup."""
    from rich.text import Text

    return Text(printable(text), style=style)


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with unsafe characters
    written as ``\\uXXXX`` escapes: the same JSON value, nothing a terminal acts on."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def strip_escapes(text: str) -> str:
    """*text* without terminal escape sequences (ANSI colour codes, OSC titles …)."""
    return _ESCAPE_SEQUENCE.sub("", text)


def clean_input(text: str) -> str:
    """Text pasted or typed into the app, as it should be stored: escape sequences removed,
    CR/CRLF made newlines, other unsafe characters dropped (tab and newline kept)."""
    text = strip_escapes(text).replace("\r\n", "\n").replace("\r", "\n")
    return UNSAFE.sub("", text)


def unsafe_chars(text: str) -> list[str]:
    """The distinct unsafe characters of *text*, in order of appearance."""
    return list(dict.fromkeys(UNSAFE.findall(text)))


def describe(char: str) -> str:
    """``U+202E`` for *char* (for messages that must not contain the character itself)."""
    return f"U+{ord(char):04X}"


class SafeStream:
    """A text stream that writes everything through :func:`printable`.

    The CLI wraps stdout and stderr in it, so no byte a terminal acts on is ever written,
    whichever message forgot to clean its parts (defence in depth; OWASP: encode at output).
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
