"""Rows that cannot show within Excel's 409 pt: name them, or move their detail out.

Compiled texts are short enough for every row of the demo; a respondent's own long text
may not be. Export names the 通番 and, when asked (``--move-detail``), keeps the first
lines of ⑤ that fit and points to 回答詳細 for the rest (which holds every answer whole).
"""

from __future__ import annotations

from dataclasses import replace

from interview.errors import Message
from interview.workbook.fit import MAX_ROW_PT, row_height
from interview.workbook.headers import FORMAT_LABELS
from interview.workbook.layout import FORMAT_COLUMNS
from interview.workbook.model import SheetRow, WorkbookData

MOVED = "（以降は回答詳細シート参照）"

_FIELDS = list(FORMAT_LABELS)
_WIDTHS = [FORMAT_COLUMNS[f].width for f in _FIELDS]


def height(row: SheetRow) -> float:
    return row_height([getattr(row, f) for f in _FIELDS], _WIDTHS)


def too_tall(data: WorkbookData) -> list[str]:
    """The 通番 of フォーマット rows that cannot show every line within 409 pt."""
    return [row.no for row in data.rows if height(row) > MAX_ROW_PT]


def _shortened(row: SheetRow) -> SheetRow:
    lines = row.status.split("\n")
    while lines:
        candidate = replace(row, status="\n".join([*lines, MOVED]))
        if height(candidate) <= MAX_ROW_PT:
            return candidate
        lines.pop()
    return replace(row, status=MOVED)


def move_detail(data: WorkbookData) -> WorkbookData:
    """*data* with each too-tall row's ⑤ cut to the lines that fit, pointing to 回答詳細."""
    rows = [_shortened(r) if height(r) > MAX_ROW_PT else r for r in data.rows]
    return replace(data, rows=rows)


def too_tall_message(numbers: list[str]) -> str:
    return str(Message("export_too_tall", items=tuple(numbers)))
