"""How cells look: a Japanese-friendly font, quiet colours, thin borders, wrapped text.

A :class:`Look` names a cell's role; :class:`Styler` turns it into openpyxl styles once
per workbook and then copies the resulting style array onto each cell (assigning font,
fill, border and alignment cell by cell costs more than writing the text).
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from typing import Literal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray

FONT_NAME = "游ゴシック"
SHIFT_JIS = 128  # font charset: lets Excel pick the Japanese face

TEXT_COLOUR = "262626"
NOTE_COLOUR = "595959"
HEADER_FILL = "DCE3EC"  # muted blue-grey
LABEL_FILL = "EEF1F5"
BAND_FILL = "F3F5F8"  # every other 区分 (or 通番) on a very light tint
GRID = "BFBFBF"
GROUP_EDGE = "7F7F7F"  # top edge of the first row of a 区分

Role = Literal["header", "body", "title", "label", "value", "note"]
Align = Literal["left", "center"]


@dataclass(frozen=True, slots=True)
class Look:
    role: Role
    align: Align = "left"
    band: int = 0  # 0 or 1: alternating tint per 区分 / 通番
    first: bool = False  # first row of a group: a darker top edge


def _font(size: float = 10, bold: bool = False, colour: str = TEXT_COLOUR) -> Font:
    return Font(name=FONT_NAME, charset=SHIFT_JIS, size=size, bold=bold, color=colour)


def _fill(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


_THIN = Side(style="thin", color=GRID)
_EDGE = Side(style="thin", color=GROUP_EDGE)
_GRID_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FIRST_BORDER = Border(left=_THIN, right=_THIN, top=_EDGE, bottom=_THIN)
_HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_EDGE, bottom=_EDGE)


def _alignment(align: Align, vertical: str = "top") -> Alignment:
    return Alignment(horizontal=align, vertical=vertical, wrap_text=True)


def _parts(look: Look) -> tuple[Font, PatternFill | None, Border | None, Alignment]:
    match look.role:
        case "header":
            return (
                _font(bold=True),
                _fill(HEADER_FILL),
                _HEADER_BORDER,
                _alignment("center", "center"),
            )
        case "body":
            return (
                _font(),
                _fill(BAND_FILL) if look.band else None,
                _FIRST_BORDER if look.first else _GRID_BORDER,
                _alignment(look.align),
            )
        case "title":
            return _font(size=16, bold=True), None, None, Alignment(vertical="center")
        case "label":
            return _font(bold=True), _fill(LABEL_FILL), _GRID_BORDER, _alignment("left")
        case "value":
            return _font(), None, _GRID_BORDER, _alignment("left")
        case "note":
            return _font(size=9, colour=NOTE_COLOUR), None, None, _alignment("left")
    raise ValueError(look.role)


class Styler:
    """Applies looks to cells of one workbook (style indexes are per workbook)."""

    def __init__(self) -> None:
        self._arrays: dict[Look, StyleArray] = {}

    def apply(self, cell: Cell, look: Look) -> None:
        array = self._arrays.get(look)
        if array is not None:
            cell._style = StyleArray(array)  # a copy, as openpyxl.worksheet.copier makes
            return
        font, fill, border, alignment = _parts(look)
        cell.font = font
        if fill is not None:
            cell.fill = fill
        if border is not None:
            cell.border = border
        cell.alignment = alignment
        self._arrays[look] = copy(cell._style)
