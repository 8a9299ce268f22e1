"""Column widths and page layout: readable on screen, printable on A4.

Widths are in Excel's character units (the width of "0" in the default font); a Japanese
character takes about two. The フォーマット is about 205 units wide, so "fit to width"
prints it on A4 landscape at roughly 70 %.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from interview.workbook.cells import sanitize
from interview.workbook.styles import Align

A4 = Worksheet.PAPERSIZE_A4  # 9
HEADER_TEXT_MAX = 60


@dataclass(frozen=True, slots=True)
class Column:
    width: float
    align: Align = "left"


FORMAT_COLUMNS: Mapping[str, Column] = {
    "no": Column(6, "center"),
    "category": Column(11),
    "goal": Column(24),
    "party": Column(10, "center"),
    "status": Column(44),
    "issues": Column(26),
    "plan": Column(26),
    "references": Column(20),
    "locations": Column(22),
    "remarks": Column(16),
}

GAP_COLUMNS: Mapping[str, Column] = {
    "no": Column(6, "center"),
    "goal": Column(24),
    "question_id": Column(9, "center"),
    "example": Column(32),
    "status": Column(11, "center"),
    "detail": Column(32),
    "plan": Column(32),
    "due": Column(10, "center"),
    "owner": Column(12),
}

DETAIL_COLUMNS: Mapping[str, Column] = {
    "no": Column(6, "center"),
    "question_id": Column(9, "center"),
    "kind": Column(10, "center"),
    "question": Column(36),
    "example": Column(36),
    "status": Column(11, "center"),
    "detail": Column(36),
    "checks": Column(12),
    "due": Column(10, "center"),
    "owner": Column(12),
    "updated_at": Column(15, "center"),
}

COVER_WIDTHS = (22, 72)

# freeze_panes cell: the header row, plus 通番・区分・目標 on the フォーマット
FORMAT_FREEZE = "D2"
TABLE_FREEZE = "B2"


def set_widths(ws: Worksheet, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def header_text(text: str) -> str:
    """Text for a printed page header: one line, ``&`` escaped, at most 60 characters."""
    line = " ".join(sanitize(text).split())
    if len(line) > HEADER_TEXT_MAX:
        line = line[: HEADER_TEXT_MAX - 1] + "…"
    return line.replace("&", "&&")


def setup_page(
    ws: Worksheet,
    *,
    landscape: bool,
    title: str,
    title_rows: str | None = None,
    freeze: str | None = None,
) -> None:
    """A4, fitted to one page wide; sheet name and page numbers in the footer."""
    setup = ws.page_setup
    setup.paperSize = A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.6, header=0.3, footer=0.3)
    if title_rows:
        ws.print_title_rows = title_rows
    if freeze:
        ws.freeze_panes = freeze
    ws.oddHeader.right.text = header_text(title) if title else None
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.center.text = "&P / &N"
