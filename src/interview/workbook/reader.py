"""Read a workbook in the 「フォーマット」 back into WorkbookData, and say what was read.

It reads our own exports and workbooks filled by hand: the official sheet and its columns
are found by their header labels (circled numbers, spaces and line breaks inside a
label do not matter, the header need not be on row 1, may span two rows, and columns may
be in any order). The 表紙, 課題一覧 and 回答詳細 sheets are read when present.

Cells are streamed (:mod:`interview.workbook.xlsx_stream`), so memory stays bounded
whatever the file holds. Nothing is dropped without a word: :func:`read_workbook_report`
returns, beside the data, which rows were read, joined to the item above (continuation
rows under a merged 通番 cell) or skipped and why, which cells held formulas or links,
and which columns and sheets were not read. A formula without a cached value, or a cell
over Excel's 32,767-character limit, is refused naming the cell. A file that is not a
workbook, is password-protected, broken, too large, or has no recognisable header gives
a UserError in plain Japanese.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar
from zipfile import BadZipFile, ZipFile

from interview.errors import Message, UserError
from interview.textsafe import printable
from interview.workbook.cells import MAX_CELL_CHARS, cell_text, excel_length
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
from interview.workbook.read_report import ColumnNote, FormulaNote, LinkNote, ReadReport, RowNote
from interview.workbook.xlsx_stream import (
    Cell,
    Limits,
    Row,
    SheetInfo,
    SheetStream,
    TooLong,
    XlsxError,
    XlsxReader,
    address,
    column_letter,
)

HEADER_SCAN_ROWS = 30  # the header may sit below a title block
MIN_HEADER_LABELS = 3
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # a zip bomb is refused before parsing
MAX_ENTRIES = 10_000  # parts in the zip (a workbook has a few dozen)
MAX_KEPT_ROWS = 50_000  # rows without a 通番 kept in memory until merges are known
LIMITS = Limits()
NO_NUMBER = Message("row_no_number")
ANSWER_FIELDS = ("status", "issues", "plan", "remarks")  # what the respondent writes

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls or encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CONTINUED = re.compile(r"^\s*[（(【\[〔]?\s*(続き|つづき|続)\s*[）)】\]〕]?")
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s*\(\s*"((?:[^"]|"")*)"', re.IGNORECASE)

R = TypeVar("R")


class WorkbookReadError(UserError):
    """The file cannot be read as a workbook in the フォーマット."""


@dataclass(frozen=True, slots=True)
class ReadResult:
    data: WorkbookData
    report: ReadReport


def read_workbook(path: Path) -> WorkbookData:
    return read_workbook_report(path).data


def read_workbook_report(path: Path) -> ReadResult:
    path = Path(path)
    _check_file(path)
    try:
        with path.open("rb") as stream:
            _check_archive(path, stream)
            stream.seek(0)
            reader = XlsxReader(stream, LIMITS)
            try:
                return _read(reader, path)
            finally:
                reader.close()
    except XlsxError as exc:
        # Part names come from the file: never let them act on the terminal.
        raise WorkbookReadError(
            Message("workbook_unreadable", path=path, reason=printable(str(exc)))
        ) from None
    except UserError:
        raise
    except OSError as exc:
        raise WorkbookReadError(
            Message("workbook_os_error", path=path, reason=exc.strerror or str(exc))
        ) from exc
    except MemoryError:
        raise WorkbookReadError(Message("workbook_out_of_memory", path=path)) from None
    except Exception as exc:  # any parser failure on a damaged file
        raise WorkbookReadError(Message("workbook_damaged", path=path)) from exc


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise WorkbookReadError(Message("workbook_is_a_folder", path=path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookReadError(Message("workbook_too_large", path=path, size=size))
        with path.open("rb") as stream:
            head = stream.read(len(_CFB_MAGIC))
            # An OLE file's directory (naming an encrypted package) can be anywhere in it.
            whole = head + stream.read() if head == _CFB_MAGIC else head
    except FileNotFoundError:
        raise WorkbookReadError(Message("workbook_not_found", path=path)) from None
    except OSError as exc:
        raise WorkbookReadError(
            Message("workbook_os_error", path=path, reason=exc.strerror or str(exc))
        ) from exc
    if size == 0:
        raise WorkbookReadError(Message("workbook_empty", path=path))
    if head == _CFB_MAGIC:
        if _ENCRYPTED in whole:
            raise WorkbookReadError(Message("workbook_encrypted", path=path))
        raise WorkbookReadError(Message("workbook_xls", path=path))
    if not head.startswith(b"PK"):
        raise WorkbookReadError(Message("workbook_not_xlsx", path=path))


def _entry_count(stream: IO[bytes]) -> int:
    """Entries the zip declares in its end record, read before ZipFile builds them all."""
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(max(0, size - 65_557))  # the end record and its comment, at most
    tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return 0  # not a zip: ZipFile gives the message
    count = int.from_bytes(tail[at + 10 : at + 12], "little")
    zip64 = tail.rfind(b"PK\x06\x06", 0, at)
    if count == 0xFFFF and zip64 >= 0 and zip64 + 40 <= len(tail):
        count = int.from_bytes(tail[zip64 + 32 : zip64 + 40], "little")
    return count


def _check_archive(path: Path, stream: IO[bytes]) -> None:
    entries = _entry_count(stream)
    stream.seek(0)
    if entries > MAX_ENTRIES:
        raise WorkbookReadError(Message("workbook_too_many_parts", path=path, entries=entries))
    try:
        with ZipFile(stream) as archive:
            infos = archive.infolist()
    except BadZipFile:
        raise WorkbookReadError(Message("workbook_bad_zip", path=path)) from None
    names = {info.filename for info in infos}
    if "xl/workbook.bin" in names:
        raise WorkbookReadError(Message("workbook_xlsb", path=path))
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise WorkbookReadError(Message("workbook_unpacks_too_large", path=path))


# -- cells -------------------------------------------------------------------------------


class _Cells:
    """Turns streamed cells into text, noting formulas and links, refusing what cannot be."""

    def __init__(self, report: ReadReport) -> None:
        self.report = report
        self.uncached: list[tuple[str, str]] = []  # (sheet, cell)

    def text(self, sheet: str, row: int, column: int, cell: Cell | None) -> str:
        if cell is None:
            return ""
        value = cell.value
        if isinstance(value, TooLong):
            _too_long(sheet, address(row, column), value.length)
        if cell.formula is not None:
            where = address(row, column)
            if not cell.cached:
                self.uncached.append((printable(sheet), where))
                return ""
            self.report.formulas.append(FormulaNote(sheet, where, cell.formula))
            link = _HYPERLINK.match(cell.formula)
            text = cell_text(value)
            if link:
                url = cell_text(link.group(1).replace('""', '"'))
                return self.with_link(sheet, where, text, url)
            return text
        text = cell_text(value)
        if isinstance(value, str) and len(text) * 2 > MAX_CELL_CHARS:
            length = excel_length(text)
            if length > MAX_CELL_CHARS:
                _too_long(sheet, address(row, column), length)
        return text

    def with_link(self, sheet: str, where: str, text: str, url: str) -> str:
        url = url.strip()
        if not url or url in text:
            return text
        self.report.links.append(LinkNote(sheet, where, url))
        return f"{text}（{url}）" if text else url

    def check(self) -> None:
        if self.uncached:
            raise WorkbookReadError(Message("workbook_uncached_formulas", cells=self.uncached))


def _too_long(sheet: str, where: str, length: int) -> None:
    raise WorkbookReadError(
        Message(
            "workbook_cell_too_long",
            sheet=printable(sheet),
            cell=where,
            length=length,
            most=MAX_CELL_CHARS,
        )
    )


def _has_content(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def _row_texts(row: Row) -> list[str]:
    if not row.cells:
        return []
    texts = [""] * (max(row.cells) + 1)
    for column, cell in row.cells.items():
        value = cell.value
        texts[column] = "" if isinstance(value, TooLong) else cell_text(value)
    return texts


# -- 通番 ------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?:通番|項番|番号|項目|no\.?|#)?\s*0*(\d{1,6})(?:\.0+)?\s*[.)、:．。]?", re.IGNORECASE
)


def normalise_number(text: str) -> str:
    """通番 as written → as the checklist numbers it.

    "1", "01", "１", "1.0", "通番1", "No.1", "1." and "(1)" all read "1"; anything
    else (追加1, 1.1, A) is kept as written, spaces removed.
    """
    plain = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    bare = plain.strip("()（）[]【】")
    match = _NUMBER.fullmatch(bare)
    if match:
        return str(int(match.group(1)))
    return plain


# -- the sheets ------------------------------------------------------------------------


def _read(reader: XlsxReader, path: Path) -> ReadResult:
    report = ReadReport()
    cells = _Cells(report)
    by_name: dict[str, SheetInfo] = {}
    for info in reader.sheets:
        by_name.setdefault(normalise_label(info.name), info)
    rows = _format_rows(reader, path, report, cells)
    used = {normalise_label(report.format_sheet)}
    cover_info = by_name.get(normalise_label(COVER_SHEET))
    gaps_info = by_name.get(normalise_label(GAPS_SHEET))
    details_info = by_name.get(normalise_label(DETAILS_SHEET))
    cover = _cover(reader.sheet(cover_info), cells) if cover_info else None
    gaps = (
        _records(reader.sheet(gaps_info), GAP_LABELS, GAP_REQUIRED, GapRow, cells)
        if gaps_info
        else []
    )
    details = (
        _records(reader.sheet(details_info), DETAIL_LABELS, DETAIL_REQUIRED, DetailRow, cells)
        if details_info
        else []
    )
    cells.check()
    for found in (cover_info, gaps_info, details_info):
        if found is not None:
            used.add(normalise_label(found.name))
    report.sheets = [s.name for s in reader.sheets if normalise_label(s.name) not in used]
    return ReadResult(WorkbookData(cover=cover, rows=rows, gaps=gaps, details=details), report)


def _find_header(
    rows: Iterator[Row], index: Mapping[str, str], required: tuple[str, ...]
) -> tuple[dict[str, int], Row, dict[int, str]] | None:
    """Scan the first rows for the header; it may span two rows (merged label cells)."""
    previous: dict[str, int] = {}
    previous_texts: list[str] = []
    for row in rows:
        if row.number > HEADER_SCAN_ROWS:
            return None
        texts = _row_texts(row)
        found = match_header(texts, index)
        if _is_header(found, required):
            return found, row, dict(enumerate(texts))
        merged = {**previous, **found}
        if found and _is_header(merged, required) and len(set(merged.values())) == len(merged):
            labels = dict(enumerate(previous_texts))
            labels.update((c, t) for c, t in enumerate(texts) if t.strip())
            return merged, row, labels
        previous, previous_texts = found, texts
    return None


def _sub_labels(
    stream: SheetStream,
    columns: dict[str, int],
    labels: dict[int, str],
    number: int,
    index: Mapping[str, str],
) -> int:
    """A header row with group labels (「回答」 over three columns) may have the column
    labels on the next row: take them, or give that row back to the data. Returns the
    header's last row number."""
    following = next(stream.rows, None)
    if following is None:
        return number
    texts = _row_texts(following)
    found = match_header(texts, index)
    no_column = columns["no"]
    written_no = texts[no_column] if no_column < len(texts) else ""
    new = [name for name in found if name not in columns]
    if following.number == number + 1 and new and not normalise_number(written_no).isdigit():
        columns.update(found)
        labels.update((c, t) for c, t in enumerate(texts) if t.strip())
        return following.number
    stream.rows = itertools.chain([following], stream.rows)
    return number


def _is_header(found: Mapping[str, int], required: tuple[str, ...]) -> bool:
    return all(name in found for name in required) and len(found) >= MIN_HEADER_LABELS


def _format_rows(
    reader: XlsxReader, path: Path, report: ReadReport, cells: _Cells
) -> list[SheetRow]:
    """Rows of the official sheet: the one named フォーマット first, then visible ones."""
    wanted = normalise_label(FORMAT_SHEET)
    others = {normalise_label(n) for n in (COVER_SHEET, GAPS_SHEET, DETAILS_SHEET)}
    order = sorted(reader.sheets, key=lambda s: (normalise_label(s.name) != wanted, s.hidden))
    index = label_index(FORMAT_LABELS, FORMAT_ALIASES)
    for info in order:
        if normalise_label(info.name) in others:
            continue
        stream = reader.sheet(info)
        header = _find_header(stream.rows, index, FORMAT_REQUIRED)
        if header is None:
            continue
        columns, header_row, labels = header
        header_number = _sub_labels(stream, columns, labels, header_row.number, index)
        report.format_sheet = info.name
        report.header_row = header_number
        return _sheet_rows(stream, columns, labels, report, cells, index)
    raise WorkbookReadError(
        Message("workbook_no_header", path=path, labels=tuple(FORMAT_LABELS.values()))
    )


@dataclass(slots=True)
class _Kept:
    row: int
    values: dict[str, str]
    hidden: bool


def _sheet_rows(
    stream: SheetStream,
    columns: Mapping[str, int],
    header_texts: Mapping[int, str],
    report: ReadReport,
    cells: _Cells,
    index: Mapping[str, str],
) -> list[SheetRow]:
    title = stream.info.name
    by_column = {column: name for name, column in columns.items()}
    extra: dict[int, int] = {}  # column not read → cells with something in them
    items: list[_Kept] = []
    loose: list[_Kept] = []  # rows with text but no 通番: continuation or notes
    seen: dict[str, int] = {}
    for row in stream.rows:
        values = {
            name: cells.text(title, row.number, columns[name], row.cells.get(columns[name]))
            if name in columns
            else ""
            for name in FORMAT_LABELS
        }
        others = [
            c for c, cell in row.cells.items() if c not in by_column and _has_content(cell.value)
        ]
        for column in others:
            extra[column] = extra.get(column, 0) + 1
        has_text = any(v.strip() for v in values.values())
        if not has_text and not others:
            continue  # a blank (perhaps formatted) line
        report.rows_with_content += 1
        written = values["no"]
        number = normalise_number(written)
        values["no"] = number
        if number and not number.isdigit() and len(match_header(values.values(), index)) >= 3:
            report.skipped.append(RowNote(row.number, str(Message("row_repeated_header"))))
            continue
        if number:
            if number in seen:
                raise WorkbookReadError(
                    Message(
                        "workbook_number_twice",
                        sheet=printable(title),
                        number=printable(number),
                        first=seen[number],
                        second=row.number,
                    )
                )
            if number != written.strip():
                report.numbers.append((row.number, written, number))
            seen[number] = row.number
            items.append(_Kept(row.number, values, row.hidden))
        elif not has_text:
            report.skipped.append(RowNote(row.number, str(Message("row_no_format_content"))))
        elif len(loose) < MAX_KEPT_ROWS:
            loose.append(_Kept(row.number, values, row.hidden))
        else:
            report.skipped.append(RowNote(row.number, str(NO_NUMBER)))
    _apply_links(stream, columns, items, cells)
    joined = _join_continuations(stream, columns, columns["no"], items, loose, report)
    for kept in items:
        report.items.append((kept.values["no"], kept.row))
        if kept.hidden:
            report.hidden.append(kept.row)
    report.joined.extend(joined)
    report.skipped.sort(key=lambda n: n.row)
    for column, count in sorted(extra.items()):
        label = " ".join(header_texts.get(column, "").split())
        report.columns.append(ColumnNote(title, column_letter(column), label, count))
    return [SheetRow(**kept.values) for kept in items]


def _apply_links(
    stream: SheetStream, columns: Mapping[str, int], items: list[_Kept], cells: _Cells
) -> None:
    """Cells linked to a web page keep the address in their text."""
    if not stream.hyperlinks:
        return
    by_row = {kept.row: kept for kept in items}
    by_column = {column: name for name, column in columns.items() if name != "no"}
    for (row, column), url in sorted(stream.hyperlinks.items()):
        kept = by_row.get(row)
        name = by_column.get(column)
        if kept is None or name is None:
            continue
        where = address(row, column)
        kept.values[name] = cells.with_link(stream.info.name, where, kept.values[name], url)


def _join_continuations(
    stream: SheetStream,
    answer_columns: Mapping[str, int],
    no_column: int,
    items: list[_Kept],
    loose: list[_Kept],
    report: ReadReport,
) -> list[tuple[int, str]]:
    """Rows under a merged 通番 cell (or starting 「（続き）」 right below an item) are joined
    to the item above, in row order; any other row without a 通番 is reported as skipped."""
    by_row = {kept.row: kept for kept in items}
    owner: dict[int, _Kept] = {}
    for top, left, bottom, right in stream.merges:
        under = [by_row[r].values["no"] for r in range(top + 1, bottom + 1) if r in by_row]
        answer = any(left <= answer_columns.get(n, -1) <= right for n in ANSWER_FIELDS)
        if under and top in by_row and answer and not left <= no_column <= right:
            span = f"{address(top, left)}:{address(bottom, right)}"
            report.merged.append((span, by_row[top].values["no"], under))
        if left <= no_column <= right and top in by_row:
            for row in range(top + 1, bottom + 1):
                owner[row] = by_row[top]
    joined: list[tuple[int, str]] = []
    previous_item: _Kept | None = None
    last_row = 0
    rows = sorted([*((k.row, k, True) for k in items), *((k.row, k, False) for k in loose)])
    for row, kept, is_item in rows:
        if is_item:
            previous_item, last_row = kept, row
            continue
        target = owner.get(row)
        if target is None and previous_item is not None and row == last_row + 1:
            first = next((v for v in kept.values.values() if v.strip()), "")
            if _CONTINUED.match(first):
                target = previous_item
        if target is None:
            report.skipped.append(RowNote(row, str(NO_NUMBER)))
            previous_item = None
            continue
        for name, text in kept.values.items():
            if name != "no" and text.strip():
                current = target.values[name]
                target.values[name] = f"{current}\n{text}" if current else text
        joined.append((row, target.values["no"]))
        last_row = row
    return joined


def _records(
    stream: SheetStream,
    labels: Mapping[str, str],
    required: tuple[str, ...],
    model: Callable[..., R],
    cells: _Cells,
) -> list[R]:
    """Records of 課題一覧 / 回答詳細 (our own sheets; columns still found by label)."""
    header = _find_header(stream.rows, label_index(labels), required)
    if header is None:
        return []
    columns, _, _ = header
    out: list[R] = []
    title = stream.info.name
    for row in stream.rows:
        values = {
            name: cells.text(title, row.number, columns[name], row.cells.get(columns[name]))
            if name in columns
            else ""
            for name in labels
        }
        if not any(values.values()):
            continue
        values["no"] = normalise_number(values["no"])
        out.append(model(**values))
    return out


def _cover(stream: SheetStream, cells: _Cells) -> Cover:
    index = label_index(COVER_LABELS)
    values = dict.fromkeys(COVER_LABELS, "")
    for row in stream.rows:
        for column in sorted(row.cells):
            name = index.get(normalise_label(cell_text(row.cells[column].value)))
            if name is not None:
                # The value is the next cell to the right (label cells may be merged).
                after = [c for c in sorted(row.cells) if c > column]
                target = after[0] if after else column + 1
                values[name] = cells.text(
                    stream.info.name, row.number, target, row.cells.get(target)
                )
                break
    return Cover(**values)
