"""The 「変更点」 workbook of ``interview diff --xlsx``: one row per changed field.

Every text goes through :func:`interview.workbook.cells.put_text` (literal strings,
quotePrefix on ``= + - @``, no control characters, the 32,767 limit refused). The file is
written atomically, and the same diff always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from interview.workbook.cells import CellPlace, put_text, sanitize
from interview.workbook.layout import TABLE_FREEZE, Column, set_widths, setup_page
from interview.workbook.styles import Look, Styler
from interview.workbook.writer import FIXED_STAMP, replace_file, workbook_bytes

DIFF_SHEET = "変更点"

DIFF_LABELS: Mapping[str, str] = {
    "no": "通番",
    "category": "区分",
    "goal": "セキュリティ対応目標",
    "kind": "変更の種類",
    "question_id": "設問ID",
    "field": "項目",
    "before": "前回",
    "after": "今回",
}

DIFF_COLUMNS: Mapping[str, Column] = {
    "no": Column(6, "center"),
    "category": Column(11),
    "goal": Column(24),
    "kind": Column(13, "center"),
    "question_id": Column(9, "center"),
    "field": Column(24),
    "before": Column(44),
    "after": Column(44),
}


@dataclass(frozen=True, slots=True)
class DiffRow:
    """One row of the sheet, as plain text (made from a session diff by compile.diff_rows)."""

    no: str  # 通番 as shown: "12", or "追加1"
    category: str
    goal: str
    kind: str
    question_id: str
    field: str
    before: str
    after: str


def build_diff_workbook(rows: Sequence[DiffRow], before_id: str, after_id: str) -> Workbook:
    """The workbook in memory (raises TextTooLongError before any file exists)."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = DIFF_SHEET
    _write_rows(ws, rows)
    title = f"API接続チェックリスト 変更点（{before_id} → {after_id}）"
    setup_page(ws, landscape=True, title=title, title_rows="1:1", freeze=TABLE_FREEZE)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(DIFF_LABELS))}{max(len(rows) + 1, 2)}"
    props = workbook.properties
    props.creator = "interview"
    props.title = sanitize(title)
    props.language = "ja-JP"
    return workbook


def _write_rows(ws: Worksheet, rows: Sequence[DiffRow]) -> None:
    styler = Styler()
    fields = list(DIFF_LABELS)
    set_widths(ws, [DIFF_COLUMNS[f].width for f in fields])
    sheet = ws.title
    for index, name in enumerate(fields, start=1):
        cell = ws.cell(row=1, column=index)
        styler.apply(cell, Look("header"))
        put_text(cell, DIFF_LABELS[name], CellPlace(sheet, DIFF_LABELS[name]))
    band, previous = 1, None
    for row_index, record in enumerate(rows, start=2):
        first = record.no != previous
        if first:
            band, previous = 1 - band, record.no
        for index, name in enumerate(fields, start=1):
            cell = ws.cell(row=row_index, column=index)
            styler.apply(cell, Look("body", DIFF_COLUMNS[name].align, band, first))
            if name == "no" and record.no.isascii() and record.no.isdigit():
                cell.value = int(record.no)  # a number, as on the フォーマット sheet
                continue
            place = CellPlace(sheet, DIFF_LABELS[name], str(record.no), record.question_id)
            put_text(cell, getattr(record, name), place)


def write_diff_workbook(
    rows: Sequence[DiffRow],
    before_id: str,
    after_id: str,
    path: Path,
    stamp: datetime | None = None,
    overwrite: bool = False,
) -> None:
    """Write the 「変更点」 workbook to *path*, atomically; nothing is written on refusal.

    An existing file is replaced only with *overwrite* (``--force``)."""
    workbook = build_diff_workbook(rows, before_id, after_id)
    replace_file(Path(path), workbook_bytes(workbook, stamp or FIXED_STAMP), overwrite=overwrite)
