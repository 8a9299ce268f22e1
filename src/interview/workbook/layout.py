"""Column widths and page layout: readable on screen, printable on A4.

Widths are in Excel's character units (the width of "0" in the default font); a Japanese
character takes about two. Each table is at most 170 units wide, so "fit to width" prints
it on A4 landscape at about 85 % in Excel (about 80 % in LibreOffice, whose Carlito
digit is a little wider): 10 pt text prints at 8 pt or more. ``--paper A3`` prints at 100 %.
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
A3 = Worksheet.PAPERSIZE_A3  # 8
PAPER_SIZES = {"A4": A4, "A3": A3}
# Paper width and height in points (portrait), and the side margins (inches).
PAPER_PT = {"A4": (595.3, 841.9), "A3": (841.9, 1190.6)}
SIDE_MARGIN_IN = 0.3
HEADER_TEXT_MAX = 60
MIN_PRINT_PT = 8.0  # the smallest effective print size we accept


@dataclass(frozen=True, slots=True)
class Column:
    width: float
    align: Align = "left"


FORMAT_COLUMNS: Mapping[str, Column] = {
    "no": Column(4, "center"),
    "category": Column(7),
    "goal": Column(13),
    "party": Column(6, "center"),
    "status": Column(68),
    "issues": Column(18),
    "plan": Column(18),
    "references": Column(11),
    "locations": Column(14),
    "remarks": Column(11),
}

GAP_COLUMNS: Mapping[str, Column] = {
    "no": Column(5, "center"),
    "goal": Column(18),
    "question_id": Column(8, "center"),
    "example": Column(20),
    "status": Column(10, "center"),
    "detail": Column(38),
    "plan": Column(38),
    "due": Column(11, "center"),
    "owner": Column(12),
}

DETAIL_COLUMNS: Mapping[str, Column] = {
    "no": Column(5, "center"),
    "question_id": Column(8, "center"),
    "kind": Column(8, "center"),
    "question": Column(28),
    "example": Column(28),
    "status": Column(10, "center"),
    "detail": Column(38),
    "checks": Column(18),
    "due": Column(8, "center"),
    "owner": Column(8),
    "updated_at": Column(10, "center"),
}

COVER_WIDTHS = (22, 72)
COVER_PRINT_COLUMNS = 2

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


def printable_width_pt(paper: str = "A4", landscape: bool = True) -> float:
    short, long = PAPER_PT[paper]
    return (long if landscape else short) - 2 * SIDE_MARGIN_IN * 72


def setup_page(
    ws: Worksheet,
    *,
    landscape: bool,
    title: str,
    title_rows: str | None = None,
    freeze: str | None = None,
    paper: str = "A4",
) -> None:
    """A4 (or A3), fitted to one page wide; sheet name and page numbers in the footer."""
    setup = ws.page_setup
    setup.paperSize = PAPER_SIZES[paper]
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(
        left=SIDE_MARGIN_IN, right=SIDE_MARGIN_IN, top=0.7, bottom=0.6, header=0.3, footer=0.3
    )
    if title_rows:
        ws.print_title_rows = title_rows
    if freeze:
        ws.freeze_panes = freeze
    ws.oddHeader.right.text = header_text(title) if title else None
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.center.text = "&P / &N"
