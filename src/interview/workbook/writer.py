"""Write WorkbookData as the official 「フォーマット」 workbook, safely and atomically.

Sheets, in order: 表紙 (cover, when there is one), フォーマット (the official sheet),
課題一覧 (gaps and plans), 回答詳細 (every question, for reviewers). The workbook opens
on the cover. The same data always gives the same file, byte for byte: document
properties and zip entry times come from the cover's date, not from the clock.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from interview.atomicfile import atomic_write
from interview.errors import Message, UserError
from interview.workbook.cells import CellPlace, put_text, sanitize
from interview.workbook.export_target import TargetExistsError, check_target, write_failure
from interview.workbook.fit import MAX_ROW_PT, row_height
from interview.workbook.headers import (
    COVER_LABELS,
    COVER_SHEET,
    DETAIL_LABELS,
    DETAILS_SHEET,
    FORMAT_LABELS,
    FORMAT_SHEET,
    GAP_LABELS,
    GAPS_SHEET,
    plain_label,
)
from interview.workbook.layout import (
    COVER_WIDTHS,
    DETAIL_COLUMNS,
    FORMAT_COLUMNS,
    FORMAT_FREEZE,
    GAP_COLUMNS,
    TABLE_FREEZE,
    Column,
    set_widths,
    setup_page,
)
from interview.workbook.model import Cover, WorkbookData
from interview.workbook.styles import Look, Styler

WORKBOOK_TITLE = "API接続チェックリスト"
FIXED_STAMP = datetime(2000, 1, 1)
_DATE = re.compile(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})")


def write_workbook(
    data: WorkbookData, path: Path, overwrite: bool = True, paper: str = "A4"
) -> None:
    """Write *data* to *path* (.xlsx) for *paper* (A4 or A3). Nothing is written if a text
    is refused, and an existing file is kept when *overwrite* is False."""
    workbook = build_workbook(data, paper=paper)
    payload = workbook_bytes(workbook, document_stamp(data.cover))
    replace_file(Path(path), payload, overwrite)


def build_workbook(data: WorkbookData, paper: str = "A4") -> Workbook:
    """The workbook in memory (raises TextTooLongError / UserError before any file exists)."""
    workbook = Workbook()
    styler = Styler()
    # Document properties and page headers are not cells, but must be clean XML all the same.
    organisation = " ".join(sanitize(data.cover.organisation).split()) if data.cover else ""
    page_title = f"{organisation}　{WORKBOOK_TITLE}" if organisation else WORKBOOK_TITLE
    first = workbook.active
    assert first is not None
    if data.cover is not None:
        first.title = COVER_SHEET
        _write_cover(first, styler, data)
        setup_page(first, landscape=False, title=page_title, paper=paper)
        sheet = workbook.create_sheet(FORMAT_SHEET)
    else:
        first.title = FORMAT_SHEET
        sheet = first
    _write_table(sheet, styler, FORMAT_LABELS, FORMAT_COLUMNS, data.rows, group=_category)
    setup_page(
        sheet,
        landscape=True,
        title=page_title,
        title_rows="1:1",
        freeze=FORMAT_FREEZE,
        paper=paper,
    )

    gaps = workbook.create_sheet(GAPS_SHEET)
    _write_table(gaps, styler, GAP_LABELS, GAP_COLUMNS, data.gaps, group=_number)
    setup_page(
        gaps, landscape=True, title=page_title, title_rows="1:1", freeze=TABLE_FREEZE, paper=paper
    )
    _add_filter(gaps, len(GAP_LABELS), len(data.gaps))

    details = workbook.create_sheet(DETAILS_SHEET)
    _write_table(details, styler, DETAIL_LABELS, DETAIL_COLUMNS, data.details, group=_number)
    setup_page(
        details,
        landscape=True,
        title=page_title,
        title_rows="1:1",
        freeze=TABLE_FREEZE,
        paper=paper,
    )
    _add_filter(details, len(DETAIL_LABELS), len(data.details))

    workbook.active = 0
    props = workbook.properties
    props.creator = "interview"
    props.title = f"{WORKBOOK_TITLE}（{organisation}）" if organisation else WORKBOOK_TITLE
    props.language = "ja-JP"
    return workbook


def _category(row: Any) -> str:
    return row.category


def _number(row: Any) -> str:
    return row.no


def _as_number(text: str) -> int | str:
    """通番 "12" is written as the number 12 (sorts well); "追加1" stays text."""
    if text.isascii() and text.isdigit() and str(int(text)) == text:
        return int(text)
    return text


def _write_table(
    ws: Worksheet,
    styler: Styler,
    labels: Mapping[str, str],
    columns: Mapping[str, Column],
    records: Sequence[Any],
    group: Callable[[Any], str],
) -> None:
    """Header on row 1, one record per row; the tint alternates when *group* changes."""
    fields = list(labels)
    widths = [columns[f].width for f in fields]
    set_widths(ws, widths)
    sheet = ws.title
    for index, name in enumerate(fields, start=1):
        cell = ws.cell(row=1, column=index)
        styler.apply(cell, Look("header"))
        put_text(cell, labels[name], CellPlace(sheet, plain_label(labels[name])))
    ws.row_dimensions[1].height = min(
        MAX_ROW_PT, row_height([labels[f] for f in fields], widths, bold=True)
    )
    looks = {
        (band, first): [Look("body", columns[f].align, band, first) for f in fields]
        for band in (0, 1)
        for first in (False, True)
    }
    names = {f: plain_label(labels[f]) for f in fields}
    band, previous = 1, None
    for row_index, record in enumerate(records, start=2):
        key = group(record)
        first = key != previous
        if first:
            band, previous = 1 - band, key
        row_looks = looks[band, first]
        number = str(record.no)
        question = getattr(record, "question_id", "")
        values = []
        for index, name in enumerate(fields, start=1):
            cell = ws.cell(row=row_index, column=index)
            styler.apply(cell, row_looks[index - 1])
            value = getattr(record, name)
            values.append(value)
            if name == "no" and isinstance(numeric := _as_number(value), int):
                cell.value = numeric
                continue
            put_text(cell, value, CellPlace(sheet, names[name], number, question))
        # An explicit height, so that Excel and LibreOffice show (and print) every line.
        ws.row_dimensions[row_index].height = min(MAX_ROW_PT, row_height(values, widths))


def _add_filter(ws: Worksheet, columns: int, rows: int) -> None:
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(rows + 1, 2)}"


def _cover_notes(data: WorkbookData) -> list[str]:
    return [
        "このブックのシート",
        f"・{FORMAT_SHEET}：FISC「API接続チェックリスト」のフォーマットによる回答"
        f"（通番順、{len(data.rows)}項目）",
        f"・{GAPS_SHEET}：課題認識のある項目の手法例と対応計画（{len(data.gaps)}件）",
        f"・{DETAILS_SHEET}：設問ごとの回答と詳細（確認用、{len(data.details)}問）",
        "対象者が相手方の項目は、相手方が記入する欄として空欄にしています。",
        "現在の対応状況は手法例のまとまりごとの要約です。手法例ごとの詳細は回答詳細シートにあります。",
    ]


def _write_cover(ws: Worksheet, styler: Styler, data: WorkbookData) -> None:
    cover = data.cover
    assert cover is not None
    set_widths(ws, list(COVER_WIDTHS))
    ws.sheet_view.showGridLines = False
    sheet = ws.title
    title = ws.cell(row=1, column=1)
    styler.apply(title, Look("title"))
    put_text(title, f"{WORKBOOK_TITLE} 回答書", CellPlace(sheet, "表題"))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COVER_WIDTHS))
    ws.row_dimensions[1].height = 30
    row = 3
    for name, label in _cover_fields(cover):
        label_cell = ws.cell(row=row, column=1)
        value_cell = ws.cell(row=row, column=2)
        styler.apply(label_cell, Look("label"))
        styler.apply(value_cell, Look("value"))
        value = getattr(cover, name)
        put_text(label_cell, label, CellPlace(sheet, label))
        put_text(value_cell, value, CellPlace(sheet, label))
        ws.row_dimensions[row].height = row_height([label, value], COVER_WIDTHS)
        row += 1
    row += 1
    # The notes span the whole table (merged), not the narrow label column.
    span = sum(COVER_WIDTHS)
    for line in _cover_notes(data):
        cell = ws.cell(row=row, column=1)
        styler.apply(cell, Look("note"))
        put_text(cell, line, CellPlace(sheet, "注記"))
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(COVER_WIDTHS))
        ws.row_dimensions[row].height = row_height([line], [span], font_pt=9)
        row += 1


# Cover fields left out when empty (an empty 聞き取り担当 says nothing).
_OPTIONAL_COVER = frozenset({"interviewer", "progress", "profile", "respondent", "role"})


def _cover_fields(cover: Cover) -> list[tuple[str, str]]:
    return [
        (name, label)
        for name, label in COVER_LABELS.items()
        if name not in _OPTIONAL_COVER or getattr(cover, name)
    ]


def document_stamp(cover: Cover | None) -> datetime:
    """The documents' created/modified time: the cover's date, or a fixed one."""
    match = _DATE.search(cover.date) if cover is not None else None
    if match:
        with contextlib.suppress(ValueError):
            year, month, day = (int(g) for g in match.groups()[:3])
            stamp = datetime(year, month, day)
            if 1980 <= stamp.year <= 2099:
                return stamp
    return FIXED_STAMP


class _StableZip(ZipFile):
    """A zip whose entries carry one fixed time, so equal content gives equal bytes."""

    stamp: tuple[int, int, int, int, int, int] = (2000, 1, 1, 0, 0, 0)

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | ZipInfo,
        data: bytes | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            info = ZipInfo(zinfo_or_arcname, date_time=self.stamp)
            info.compress_type = self.compression
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(  # type: ignore[override]
        self,
        filename: str | os.PathLike[str],
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # openpyxl hands over each worksheet as a temp file, which would carry its mtime.
        name = arcname if arcname is not None else os.fspath(filename)
        self.writestr(name, Path(filename).read_bytes(), compress_type, compresslevel)


def workbook_bytes(workbook: Workbook, stamp: datetime) -> bytes:
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    buffer = BytesIO()
    archive = _StableZip(buffer, "w", ZIP_DEFLATED, allowZip64=True)
    archive.stamp = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, 0)
    # ExcelWriter rather than Workbook.save, which would stamp "modified" with the clock.
    ExcelWriter(workbook, archive).save()
    return buffer.getvalue()


def replace_file(path: Path, payload: bytes, overwrite: bool = True) -> None:
    """Write to a temp file beside *path*, fsync, then rename over it: never half a file
    (``atomicfile.atomic_write``, the helper sessions use too).

    The file is created 0600 (it holds the same answers as the session). With
    *overwrite* False the temp file is linked to *path*, which fails if anything appeared
    there meanwhile: an existing file is never replaced by surprise."""
    # Never a folder, device, pipe or link; never a file open in an office program.
    check_target(path, overwrite=True)
    directory = path.parent
    if not directory.is_dir():
        raise UserError(Message("export_folder_missing", path=directory, make_it=False))
    try:
        atomic_write(path, payload, keep_backup=False, exclusive=not overwrite)
    except FileExistsError:
        raise TargetExistsError(path) from None
    except OSError as exc:
        raise UserError(write_failure(path, exc)) from exc
