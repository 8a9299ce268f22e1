"""Safe text cells, in one place: what goes into a cell is always a literal, clean string.

openpyxl would turn ``=…`` into a formula and ``#N/A`` into an error value, raises on
control characters, cuts silently at 32,767 characters and writes a broken file for lone
surrogates. Every text cell of the workbook goes through :func:`put_text`, which

- removes control characters (keeping tab and line feed; CR and CRLF become LF), bidi
  overrides and the non-characters U+FFFE/U+FFFF, and repairs lone surrogates;
- refuses (never cuts) a text longer than Excel's 32,767-character cell limit, counted as
  Excel counts, in UTF-16 units;
- escapes a literal ``_xHHHH_`` so that Excel does not read it as an escaped character;
- leaves a cell empty for text that is only whitespace (Excel would show it empty);
- stores the value as a string cell, and sets ``quotePrefix`` on text starting with
  ``= + - @`` (or their full-width forms) so that Excel keeps it as text when edited.

:func:`cell_text` is the way back: any cell value read from a workbook as clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from openpyxl.cell.cell import Cell

from interview.errors import Message, UserError
from interview.textsafety import DOCUMENT_UNSAFE_CLASS

MAX_CELL_CHARS = 32_767
QUOTE_TRIGGERS = ("=", "+", "-", "@", "＝", "＋", "－", "＠")

# The text-safety policy's set for documents, and the two noncharacters Excel refuses.
_DROP = re.compile(f"[{DOCUMENT_UNSAFE_CLASS}\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LITERAL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


@dataclass(frozen=True, slots=True)
class CellPlace:
    """Where a text goes, in words a user recognises (for messages)."""

    sheet: str
    column: str
    item: str = ""  # 通番
    question: str = ""  # 設問ID

    def describe(self) -> str:
        return str(
            Message(
                "cell_place",
                sheet=self.sheet,
                column=self.column,
                item=self.item,
                question=self.question,
            )
        )


class TextTooLongError(UserError):
    """A text does not fit in one Excel cell; it is refused rather than cut."""

    def __init__(self, place: CellPlace, length: int) -> None:
        self.place = place
        self.length = length
        super().__init__(
            Message("text_too_long", place=place.describe(), length=length, most=MAX_CELL_CHARS)
        )

    @property
    def item(self) -> str:
        return self.place.item

    @property
    def column(self) -> str:
        return self.place.column


def sanitize(text: str) -> str:
    """Clean text for a cell: no control characters, bidi overrides or lone surrogates."""
    if _SURROGATE.search(text):
        # Join surrogate pairs into their character; a lone surrogate becomes U+FFFD.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _DROP.sub("", text)


def excel_length(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units (an emoji counts twice)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def needs_quote_prefix(text: str) -> bool:
    return text.startswith(QUOTE_TRIGGERS)


def escape_literal(text: str) -> str:
    """Keep a literal ``_x0041_`` literal: Excel would show it as ``A``."""
    return _LITERAL_ESCAPE.sub(r"_x005F_\1", text) if "_x" in text else text


def unescape(text: str) -> str:
    """Undo OOXML escapes (``_x000D_``, ``_x005F_``) as Excel does when it shows a cell."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def cell_value(text: str, place: CellPlace) -> str:
    """The exact string to store for *text*, or TextTooLongError."""
    stored = escape_literal(sanitize(text))
    if len(stored) * 2 > MAX_CELL_CHARS and excel_length(stored) > MAX_CELL_CHARS:
        raise TextTooLongError(place, excel_length(stored))
    return stored


def put_text(cell: Cell, text: str, place: CellPlace) -> None:
    """Write *text* as a literal string cell (style the cell first: this sets quotePrefix)."""
    value = cell_value(text, place)
    if not value.strip():
        return  # blank, or only spaces and breaks, which Excel would drop anyway
    cell.value = value
    cell.data_type = "s"  # never a formula ("=…") or an error value ("#N/A")
    if needs_quote_prefix(value):
        cell.quotePrefix = True


def cell_text(value: object) -> str:
    """Any value read from a cell as clean text (numbers without a spurious ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return sanitize(unescape(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return sanitize(str(value))
