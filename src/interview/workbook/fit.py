"""Row heights computed from the text and the column widths, so every line shows.

Excel and LibreOffice differ in how they size rows they are not told about (LibreOffice
prints an unsized row as one clipped line), and neither shows more than 409 pt. So every
body row gets an explicit height: the wrapped line count of its fullest cell times the
line height of the body font, plus padding. The estimate is deliberately generous
(wide characters count 1 em, others 0.6 em, and a line is filled to 96 % only).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

MAX_ROW_PT = 409.0  # Excel's row height limit
FONT_PT = 10.0  # body font size (styles._font default)
LINE_PT = 16.5  # one wrapped line of 10 pt 游ゴシック in Excel (its 11 pt row is 18.75 pt)
PAD_PT = 5.0  # top and bottom cell padding
MIN_ROW_PT = 18.0
DIGIT_PX = 7  # width unit: the default font's digit (Calibri 11) at 96 dpi
CELL_PAD_PX = 6  # left and right padding inside a cell
FILL = 0.96  # share of a line a wrapped text really fills (kinsoku, Latin word breaks)


def column_px(width: float) -> float:
    """A column's width in pixels at 96 dpi (Excel: width × digit + 5)."""
    return width * DIGIT_PX + 5


def char_em(char: str) -> float:
    if unicodedata.east_asian_width(char) in ("W", "F", "A"):
        return 1.0
    return 0.6


BOLD = 1.08  # bold glyphs are a little wider
KINSOKU_EM = 0.5  # a line may end early so that 「、」「。」「）」 do not start the next one


def line_capacity_em(width: float, font_pt: float = FONT_PT, bold: bool = False) -> float:
    """How many ems of text fit on one line of a column *width* units wide."""
    em_px = font_pt * 96 / 72 * (BOLD if bold else 1.0)
    return max(1.0, (column_px(width) - CELL_PAD_PX) / em_px * FILL - KINSOKU_EM)


def wrapped_lines(text: str, width: float, font_pt: float = FONT_PT, bold: bool = False) -> int:
    """Lines *text* takes in a wrapped cell of *width* units (greedy, character by character)."""
    capacity = line_capacity_em(width, font_pt, bold)
    total = 0
    for paragraph in str(text).split("\n"):
        used, lines = 0.0, 1
        for char in paragraph:
            em = char_em(char)
            if used + em > capacity:
                lines += 1
                used = 0.0
            used += em
        total += lines
    return total


def row_height(
    values: Sequence[object],
    widths: Sequence[float],
    font_pt: float = FONT_PT,
    bold: bool = False,
) -> float:
    """The height (pt) that shows every line of every cell, uncapped."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if value is None or value == "":
            continue
        lines = max(lines, wrapped_lines(str(value), width, font_pt, bold))
    line_pt = LINE_PT * font_pt / FONT_PT
    return max(MIN_ROW_PT, math.ceil(lines * line_pt + PAD_PT))


def fit_scale(widths: Sequence[float], printable_pt: float) -> float:
    """The print scale "fit to one page wide" gives for columns of *widths*."""
    total_pt = sum(column_px(w) for w in widths) * 72 / 96
    return min(1.0, printable_pt / total_pt)
