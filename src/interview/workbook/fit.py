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
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

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


class _Units(dict[int, int]):
    """Code point → its width in fifths of an em (5 wide, 3 narrow), for str.translate;
    each character is looked up once per process."""

    def __missing__(self, code: int) -> int:
        units = self[code] = 5 if char_em(chr(code)) == 1.0 else 3
        return units


_UNITS = _Units()


BOLD = 1.08  # bold glyphs are a little wider
KINSOKU_EM = 0.5  # a line may end early so that 「、」「。」「）」 do not start the next one


def line_capacity_em(width: float, font_pt: float = FONT_PT, bold: bool = False) -> float:
    """How many ems of text fit on one line of a column *width* units wide."""
    em_px = font_pt * 96 / 72 * (BOLD if bold else 1.0)
    return max(1.0, (column_px(width) - CELL_PAD_PX) / em_px * FILL - KINSOKU_EM)


def wrapped_lines(text: str, width: float, font_pt: float = FONT_PT, bold: bool = False) -> int:
    """Lines *text* takes in a wrapped cell of *width* units (greedy, character by character:
    a line takes characters while their ems fit in its capacity)."""
    capacity = line_capacity_em(width, font_pt, bold)
    # In whole fifths of an em the greedy fill is exact integer sums, found by bisection
    # over prefix sums instead of a Python loop per character. When the capacity is
    # (almost) a whole number of fifths, float rounding decides: walk as floats then.
    units = capacity * 5
    cap_units = math.floor(units)
    exact = min(units - cap_units, cap_units + 1 - units) > 1e-6
    total = 0
    for paragraph in str(text).split("\n"):
        if len(paragraph) <= capacity:
            total += 1  # no character is wider than 1 em: it fits on one line
        elif exact:
            total += _lines_by_units(paragraph, cap_units)
        else:
            total += _lines_by_floats(paragraph, capacity)
    return total


def _lines_by_units(paragraph: str, cap_units: int) -> int:
    sums = list(accumulate(paragraph.translate(_UNITS).encode("ascii")))
    count, start, filled = 0, 0, 0
    end = len(sums)
    while start < end:
        # Characters start..stop-1 fit on this line (at least one: a character ≤ 1 em).
        stop = bisect_right(sums, filled + cap_units, start)
        count += 1
        filled, start = sums[stop - 1], stop
    return count


def _lines_by_floats(paragraph: str, capacity: float) -> int:
    used, lines = 0.0, 1
    for char in paragraph:
        em = char_em(char)
        if used + em > capacity:
            lines += 1
            used = 0.0
        used += em
    return lines


def row_height(
    values: Sequence[object],
    widths: Sequence[float],
    font_pt: float = FONT_PT,
    bold: bool = False,
    most: float | None = None,
) -> float:
    """The height (pt) that shows every line of every cell, uncapped; with *most*, the
    count may stop once the height reaches *most* (``min(most, height)`` is unchanged)."""
    line_pt = LINE_PT * font_pt / FONT_PT
    enough = math.inf if most is None else (most - PAD_PT) / line_pt
    # A cell's lines are at most its paragraphs plus len / (capacity - 1): every full line
    # holds more than capacity - 1 ems, and no character is wider than 1 em. Cells are
    # counted fullest bound first, and a cell that cannot beat the count so far is skipped.
    bounded: list[tuple[float, str, float]] = []
    for value, width in zip(values, widths, strict=False):
        if value is None or value == "":
            continue
        text = str(value)
        spare = line_capacity_em(width, font_pt, bold) - 1
        extra = len(text) / spare if spare > 0 else len(text)
        bounded.append((text.count("\n") + 1 + extra, text, width))
    bounded.sort(key=lambda cell: cell[0], reverse=True)
    lines = 1
    for bound, text, width in bounded:
        if bound <= lines or lines >= enough:
            break
        lines = max(lines, wrapped_lines(text, width, font_pt, bold))
    return max(MIN_ROW_PT, math.ceil(lines * line_pt + PAD_PT))


def fit_scale(widths: Sequence[float], printable_pt: float) -> float:
    """The print scale "fit to one page wide" gives for columns of *widths*."""
    total_pt = sum(column_px(w) for w in widths) * 72 / 96
    return min(1.0, printable_pt / total_pt)
