"""Read a workbook in the 「フォーマット」 back into WorkbookData.

It reads our own exports and workbooks filled by hand: the official sheet and its columns
are found by their header labels (circled numbers, spaces and line breaks inside a
label do not matter, the header need not be on row 1, columns may be in any order).
The 表紙, 課題一覧 and 回答詳細 sheets are read when present. A file that is not a
workbook, is password-protected or broken, or has no recognisable header gives a
UserError in plain Japanese.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypeVar
from zipfile import BadZipFile, ZipFile

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from interview.errors import UserError
from interview.workbook.cells import cell_text
from interview.workbook.headers import (
    COVER_LABELS,
    COVER_SHEET,
    DETAIL_LABELS,
    DETAIL_REQUIRED,
    DETAILS_SHEET,
    FORMAT_ALIASES,
    FORMAT_LABELS,
    FORMAT_REQUIRED,
    FORMAT_SHEET,
    GAP_LABELS,
    GAP_REQUIRED,
    GAPS_SHEET,
    label_index,
    match_header,
    normalise_label,
)
from interview.workbook.model import Cover, DetailRow, GapRow, SheetRow, WorkbookData

HEADER_SCAN_ROWS = 30  # the header may sit below a title block
MIN_HEADER_LABELS = 3
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # a zip bomb is refused before parsing

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls or encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

Row = tuple[Any, ...]
R = TypeVar("R")


class WorkbookReadError(UserError):
    """The file cannot be read as a workbook in the フォーマット."""


def read_workbook(path: Path) -> WorkbookData:
    path = Path(path)
    _check_file(path)
    try:
        with path.open("rb") as stream:
            _check_archive(path, stream)
            stream.seek(0)
            workbook = load_workbook(stream, read_only=True, data_only=True)
            try:
                return _read(workbook, path)
            finally:
                workbook.close()
    except UserError:
        raise
    except OSError as exc:
        raise WorkbookReadError(f"{path} を読めません（{exc.strerror or exc}）。") from exc
    except Exception as exc:  # any parser failure on a damaged file
        raise WorkbookReadError(
            f"{path} は壊れているか、Excel ブック（.xlsx）の形式ではありません。"
            "Excel で開けることを確かめ、.xlsx で保存し直してから読み込んでください。"
        ) from exc


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise WorkbookReadError(f"{path} はフォルダです。Excel ブック（.xlsx）を指定してください。")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookReadError(f"{path} は大きすぎます（{size:,} バイト）。")
        with path.open("rb") as stream:
            head = stream.read(len(_CFB_MAGIC))
            # An OLE file's directory (naming an encrypted package) can be anywhere in it.
            whole = head + stream.read() if head == _CFB_MAGIC else head
    except FileNotFoundError:
        raise WorkbookReadError(f"ファイルが見つかりません: {path}") from None
    except OSError as exc:
        raise WorkbookReadError(f"{path} を読めません（{exc.strerror or exc}）。") from exc
    if size == 0:
        raise WorkbookReadError(f"{path} は空のファイルです。")
    if head == _CFB_MAGIC:
        if _ENCRYPTED in whole:
            raise WorkbookReadError(
                f"{path} はパスワードで保護されています。"
                "Excel でパスワードを解除して保存し直してから読み込んでください。"
            )
        raise WorkbookReadError(
            f"{path} は古い Excel 形式（.xls）です。Excel で .xlsx 形式に保存し直してください。"
        )
    if not head.startswith(b"PK"):
        raise WorkbookReadError(
            f"{path} は Excel ブック（.xlsx）ではありません。"
            "FISC「API接続チェックリスト」のフォーマットのブックを指定してください。"
        )


def _check_archive(path: Path, stream: IO[bytes]) -> None:
    try:
        with ZipFile(stream) as archive:
            infos = archive.infolist()
    except BadZipFile:
        raise WorkbookReadError(f"{path} は壊れているか、Excel ブックではありません。") from None
    names = {info.filename for info in infos}
    if "xl/workbook.bin" in names:
        raise WorkbookReadError(
            f"{path} はバイナリ形式（.xlsb）です。Excel で .xlsx 形式に保存し直してください。"
        )
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise WorkbookReadError(f"{path} は展開後の大きさが大きすぎるため読み込めません。")


def _read(workbook: Workbook, path: Path) -> WorkbookData:
    worksheets = list(workbook.worksheets)
    sheets: dict[str, Any] = {}
    for ws in worksheets:
        ws.reset_dimensions()  # a stale <dimension> would hide rows in read-only mode
        sheets.setdefault(normalise_label(ws.title), ws)
    rows = _format_rows(worksheets, path)
    cover_sheet = sheets.get(normalise_label(COVER_SHEET))
    gaps_sheet = sheets.get(normalise_label(GAPS_SHEET))
    details_sheet = sheets.get(normalise_label(DETAILS_SHEET))
    return WorkbookData(
        cover=_cover(cover_sheet.iter_rows(values_only=True)) if cover_sheet else None,
        rows=rows,
        gaps=_records(gaps_sheet, GAP_LABELS, GAP_REQUIRED, GapRow) if gaps_sheet else [],
        details=(
            _records(details_sheet, DETAIL_LABELS, DETAIL_REQUIRED, DetailRow)
            if details_sheet
            else []
        ),
    )


def _find_header(
    rows: Iterator[Row], index: Mapping[str, str], required: tuple[str, ...]
) -> tuple[dict[str, int], int] | None:
    """Scan the first rows for the header; return its columns and 1-based row number."""
    for number, row in enumerate(rows, start=1):
        if number > HEADER_SCAN_ROWS:
            return None
        found = match_header(row, index)
        if all(name in found for name in required) and len(found) >= MIN_HEADER_LABELS:
            return found, number
    return None


def _values(row: Row, columns: Mapping[str, int], names: Mapping[str, str]) -> dict[str, str]:
    return {
        name: cell_text(row[columns[name]]) if name in columns and columns[name] < len(row) else ""
        for name in names
    }


def _number(text: str) -> str:
    """通番 as text: 1, 1.0, "１" and " 1 " all read "1"."""
    return unicodedata.normalize("NFKC", text).strip()


def _format_rows(worksheets: list[Any], path: Path) -> list[SheetRow]:
    """Rows of the official sheet: the one named フォーマット first, then any with its header."""
    wanted = normalise_label(FORMAT_SHEET)
    others = {normalise_label(n) for n in (COVER_SHEET, GAPS_SHEET, DETAILS_SHEET)}
    order = sorted(worksheets, key=lambda ws: normalise_label(ws.title) != wanted)
    index = label_index(FORMAT_LABELS, FORMAT_ALIASES)
    for ws in order:
        if normalise_label(ws.title) in others:
            continue
        rows = ws.iter_rows(values_only=True)
        header = _find_header(rows, index, FORMAT_REQUIRED)
        if header is None:
            continue
        columns, header_row = header
        return _sheet_rows(rows, columns, header_row, ws.title)
    labels = "、".join(FORMAT_LABELS.values())
    raise WorkbookReadError(
        f"{path} に「フォーマット」の表頭が見つかりません。"
        f"表頭（{labels}）のある FISC「API接続チェックリスト」のブックを指定してください"
        "（少なくとも「通番」と「現在の対応状況」の列が必要です）。"
    )


def _sheet_rows(
    rows: Iterator[Row], columns: Mapping[str, int], header_row: int, title: str
) -> list[SheetRow]:
    out: list[SheetRow] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=header_row + 1):
        values = _values(row, columns, FORMAT_LABELS)
        values["no"] = _number(values["no"])
        if not values["no"]:
            continue  # blank lines, notes under the table
        if values["no"] in seen:
            raise WorkbookReadError(
                f"「{title}」シートに通番{values['no']}が2回あります"
                f"（{seen[values['no']]}行目と{number}行目）。どちらか一方にしてください。"
            )
        seen[values["no"]] = number
        out.append(SheetRow(**values))
    return out


def _records(
    ws: Any, labels: Mapping[str, str], required: tuple[str, ...], model: Callable[..., R]
) -> list[R]:
    """Records of 課題一覧 / 回答詳細 (our own sheets; columns still found by label)."""
    rows = ws.iter_rows(values_only=True)
    header = _find_header(rows, label_index(labels), required)
    if header is None:
        return []
    columns, _ = header
    out: list[R] = []
    for row in rows:
        values = _values(row, columns, labels)
        if not any(values.values()):
            continue
        values["no"] = _number(values["no"])
        out.append(model(**values))
    return out


def _cover(rows: Iterator[Row]) -> Cover:
    index = label_index(COVER_LABELS)
    values = dict.fromkeys(COVER_LABELS, "")
    for row in rows:
        for column, cell in enumerate(row[:-1]):
            name = index.get(normalise_label(cell))
            if name is not None:
                values[name] = cell_text(row[column + 1])
                break
    return Cover(**values)
