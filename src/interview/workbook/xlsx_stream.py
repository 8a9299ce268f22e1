"""Stream the cells of an .xlsx with bounded memory: no tree of the whole sheet, ever.

openpyxl keeps the whole shared-strings table (and, outside read-only mode, every
cell) in memory, and cannot give a formula together with its cached value. This module
reads the parts of the zip one at a time with expat and hands back, row by row, each
cell's value, its formula (if any) and whether a value was cached. Limits are checked
from the zip directory before any parsing, and again while streaming, so that a file
beyond them is refused early with a plain message:

- every XML part we parse is at most ``max_part_bytes`` unpacked;
- the shared-strings table holds at most ``max_shared_strings`` entries and
  ``max_shared_chars`` characters in all (a string over Excel's 32,767-character cell
  limit is not kept: only its length is, so that the cell using it can be named);
- a document type declaration (entities) is refused in any part.

After a sheet's rows are exhausted, its merged ranges and hyperlinks (which come after
the rows in the file) are available on the :class:`SheetStream`.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, XMLPullParser
from zipfile import BadZipFile, ZipFile, ZipInfo

from interview.errors import UserError

MAX_CELL_CHARS = 32_767
_CHUNK = 1 << 16
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


class XlsxError(UserError):
    """The archive is not a workbook we can read, or goes beyond a limit."""


@dataclass(frozen=True, slots=True)
class Limits:
    max_part_bytes: int = 256 * 1024 * 1024
    max_shared_strings: int = 1_000_000
    max_shared_chars: int = 40_000_000
    max_sheet_rows: int = 1_048_576  # Excel's own limit


@dataclass(frozen=True, slots=True)
class TooLong:
    """A text longer than one Excel cell may hold: only its length is kept."""

    length: int

    def __str__(self) -> str:  # never the text itself
        return ""


@dataclass(slots=True)
class Cell:
    value: Any  # str, int, float, bool, datetime, TooLong or None
    formula: str | None = None  # the formula text ("" for a follower of a shared formula)
    cached: bool = True  # False for a formula without a cached value
    error: bool = False  # an error value such as #N/A


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    path: str
    hidden: bool


@dataclass(slots=True)
class Row:
    number: int  # 1-based
    hidden: bool
    cells: dict[int, Cell]  # 0-based column → cell (only cells with something in them)


@dataclass(slots=True)
class SheetStream:
    """The rows of one sheet; ``merges`` and ``hyperlinks`` are filled once rows end."""

    info: SheetInfo
    rows: Iterator[Row]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    hyperlinks: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → URL


def column_letter(index: int) -> str:
    """0-based column → "A", "B", … "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def address(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


def parse_ref(ref: str) -> tuple[int, int] | None:
    """ "B12" → (12, 1) (row 1-based, column 0-based)."""
    match = _REF.fullmatch(ref.strip())
    if not match:
        return None
    col = 0
    for ch in match.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)), col - 1


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class XlsxReader:
    """One open .xlsx: its sheets, shared strings and date styles, read on demand."""

    def __init__(self, stream: IO[bytes], limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        try:
            self.zip = ZipFile(stream)
            infos = self.zip.infolist()
        except BadZipFile:
            raise XlsxError("壊れているか、Excel ブックではありません。") from None
        self._infos: dict[str, ZipInfo] = {i.filename.lstrip("/"): i for i in infos}
        self._lower = {name.lower(): name for name in self._infos}
        workbook_path = self._office_document()
        self._rels = self._relationships(workbook_path)
        self.date1904 = False
        self.sheets: list[SheetInfo] = self._sheet_list(workbook_path)
        self._strings: list[str | TooLong] | None = None
        self._date_styles: set[int] | None = None
        self._strings_path = self._related(workbook_path, "sharedStrings")
        self._styles_path = self._related(workbook_path, "styles")

    def close(self) -> None:
        self.zip.close()

    # -- parts -------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        return name.lower() in self._lower

    def _info(self, name: str) -> ZipInfo:
        real = self._lower.get(name.lstrip("/").lower())
        if real is None:
            raise XlsxError(
                f"ブックが壊れているか、Excel ブックではありません（{name} がありません）。"
            )
        return self._infos[real]

    def _events(self, name: str, ends: frozenset[str]) -> Iterator[tuple[str, Element]]:
        """("start"|"end", element) for one part; elements end-tagged in *ends* complete."""
        info = self._info(name)
        if info.file_size > self.limits.max_part_bytes:
            raise XlsxError(
                f"ブックの中の {name} が展開後 {info.file_size:,} バイトあり、"
                f"読み込める上限（{self.limits.max_part_bytes:,} バイト）を超えています。"
            )
        parser = XMLPullParser(events=("start", "end"))
        try:
            with self.zip.open(info) as part:
                first = True
                while chunk := part.read(_CHUNK):
                    if first:
                        first = False
                        if _DOCTYPE.search(chunk[:4096]):
                            raise XlsxError(
                                f"ブックの中の {name} に文書型宣言（DOCTYPE）があります。"
                                "Excel が作るブックにはないため、読み込みません。"
                            )
                    parser.feed(chunk)
                    yield from parser.read_events()  # type: ignore[misc]
                parser.close()
                yield from parser.read_events()  # type: ignore[misc]
        except ParseError as exc:
            raise XlsxError(f"ブックが壊れているため読めません（{name}: {exc}）。") from None
        except BadZipFile as exc:
            raise XlsxError(f"ブックが壊れているため読めません（{name}: {exc}）。") from None

    def _office_document(self) -> str:
        rels = "_rels/.rels"
        if self.has(rels):
            for target, kind in self._rel_targets(rels, "").values():
                if kind.endswith("/officeDocument"):
                    return target
        if self.has("xl/workbook.bin"):
            raise XlsxError(
                "バイナリ形式（.xlsb）です。Excel で .xlsx 形式に保存し直してください。"
            )
        if self.has("xl/workbook.xml"):
            return "xl/workbook.xml"
        raise XlsxError("壊れているか、Excel ブックではありません。")

    def _rel_targets(self, rels: str, base: str) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for event, element in self._events(rels, frozenset()):
            if event != "end" or _local(element.tag) != "Relationship":
                continue
            target = element.get("Target", "")
            if element.get("TargetMode") != "External":
                target = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(base, target))
                )
            out[element.get("Id", "")] = (target, element.get("Type", ""))
        return out

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        return self._rel_targets(rels, folder) if self.has(rels) else {}

    def _related(self, part: str, kind: str) -> str | None:
        for target, rel_type in self._rels.values():
            if rel_type.endswith("/" + kind) and self.has(target):
                return target
        fallback = posixpath.join(posixpath.dirname(part), f"{kind}.xml")
        return fallback if self.has(fallback) else None

    def _sheet_list(self, workbook_path: str) -> list[SheetInfo]:
        sheets: list[SheetInfo] = []
        for event, element in self._events(workbook_path, frozenset()):
            if event != "end":
                continue
            tag = _local(element.tag)
            if tag == "workbookPr":
                self.date1904 = element.get("date1904", "0").lower() in ("1", "true")
            elif tag == "sheet":
                rid = element.get(f"{{{_REL}}}id") or element.get(f"{{{_REL_STRICT}}}id") or ""
                target, kind = self._rels.get(rid, ("", ""))
                if not target or (kind and not kind.endswith("/worksheet")):
                    continue  # a chart sheet, dialog sheet or a dangling entry
                if not self.has(target):
                    continue
                state = element.get("state", "visible")
                sheets.append(SheetInfo(element.get("name", ""), target, state != "visible"))
        return sheets

    # -- shared strings and styles -----------------------------------------------------

    @property
    def strings(self) -> list[str | TooLong]:
        if self._strings is None:
            self._strings = self._read_strings() if self._strings_path else []
        return self._strings

    def _read_strings(self) -> list[str | TooLong]:
        assert self._strings_path is not None
        limits = self.limits
        out: list[str | TooLong] = []
        total = 0
        root: Element | None = None
        parts: list[str] = []
        phonetic = 0
        for event, element in self._events(self._strings_path, frozenset()):
            tag = _local(element.tag)
            if event == "start":
                if root is None:
                    root = element
                elif tag == "rPh":
                    phonetic += 1  # furigana runs are not part of the text
                continue
            if tag == "t":
                if not phonetic:
                    parts.append(element.text or "")
            elif tag == "rPh":
                phonetic -= 1
            elif tag == "si":
                text = "".join(parts)
                parts.clear()
                total += len(text)
                if len(out) >= limits.max_shared_strings:
                    raise XlsxError(
                        f"共有文字列が {limits.max_shared_strings:,} 個を超えています。"
                        "FISC のチェックリストにしては多すぎるため、読み込みを中止しました。"
                    )
                if total > limits.max_shared_chars:
                    raise XlsxError(
                        f"共有文字列が合わせて {limits.max_shared_chars:,} 文字を超えています。"
                        "FISC のチェックリストにしては多すぎるため、読み込みを中止しました。"
                    )
                out.append(TooLong(len(text)) if len(text) > MAX_CELL_CHARS else text)
                if root is not None:
                    root.clear()  # keep no finished <si> in memory
        return out

    @property
    def date_styles(self) -> set[int]:
        if self._date_styles is None:
            self._date_styles = self._read_styles() if self._styles_path else set()
        return self._date_styles

    def _read_styles(self) -> set[int]:
        assert self._styles_path is not None
        formats: dict[int, str] = {}
        xfs: list[int] = []
        in_cell_xfs = False
        for event, element in self._events(self._styles_path, frozenset()):
            tag = _local(element.tag)
            if tag == "cellXfs":
                in_cell_xfs = event == "start"
            elif event == "end" and tag == "numFmt":
                with contextlib.suppress(ValueError):
                    formats[int(element.get("numFmtId", ""))] = element.get("formatCode", "")
            elif event == "end" and tag == "xf" and in_cell_xfs:
                try:
                    xfs.append(int(element.get("numFmtId", "0")))
                except ValueError:
                    xfs.append(0)
        return {index for index, fmt in enumerate(xfs) if is_date_format(fmt, formats.get(fmt))}

    # -- sheets ------------------------------------------------------------------------

    def sheet(self, info: SheetInfo) -> SheetStream:
        stream = SheetStream(info, iter(()))
        stream.rows = self._rows(stream)
        return stream

    def _rows(self, stream: SheetStream) -> Iterator[Row]:
        strings = self.strings
        dates = self.date_styles
        sheet_data: Element | None = None
        previous_row = 0
        links: dict[tuple[int, int], str] = {}
        for event, element in self._events(stream.info.path, frozenset()):
            tag = _local(element.tag)
            if event == "start":
                if tag == "sheetData":
                    sheet_data = element
                continue
            if tag == "row":
                number = _int(element.get("r"), previous_row + 1)
                if number <= previous_row or number > self.limits.max_sheet_rows:
                    raise XlsxError(
                        f"「{stream.info.name}」シートの行番号 {number} が正しくありません"
                        "（壊れているようです）。"
                    )
                previous_row = number
                hidden = element.get("hidden", "0").lower() in ("1", "true")
                cells = self._cells(element, number, strings, dates)
                if sheet_data is not None:
                    sheet_data.clear()
                if cells or hidden:
                    yield Row(number, hidden, cells)
            elif tag == "mergeCell":
                span = _range(element.get("ref", ""))
                if span is not None:
                    stream.merges.append(span)
            elif tag == "hyperlink":
                ref = parse_ref(element.get("ref", "").split(":")[0])
                rid = element.get(f"{{{_REL}}}id") or element.get(f"{{{_REL_STRICT}}}id")
                if ref is not None and rid:
                    links[ref] = rid
        if links:
            rels = self._relationships(stream.info.path)
            for ref, rid in links.items():
                target, _ = rels.get(rid, ("", ""))
                if target:
                    stream.hyperlinks[ref] = target

    def _cells(
        self, row: Element, number: int, strings: list[str | TooLong], dates: set[int]
    ) -> dict[int, Cell]:
        cells: dict[int, Cell] = {}
        column = -1
        for c in row:
            if _local(c.tag) != "c":
                continue
            ref = c.get("r")
            where = parse_ref(ref) if ref else None
            column = where[1] if where is not None else column + 1
            kind = c.get("t", "n")
            raw: str | None = None
            formula: str | None = None
            inline: list[str] = []
            for part in c:
                tag = _local(part.tag)
                if tag == "v":
                    raw = part.text or ""
                elif tag == "f":
                    formula = part.text or ""
                elif tag == "is":
                    inline.extend(_inline_text(part))
            if kind == "inlineStr":
                value: Any = "".join(inline)
                if len(value) > MAX_CELL_CHARS:
                    value = TooLong(len(value))
            elif raw is None:
                value = None
            elif kind == "s":
                try:
                    value = strings[int(raw)]
                except (ValueError, IndexError):
                    raise XlsxError(
                        f"{address(number, column)} セルの共有文字列の番号 {raw} がありません"
                        "（壊れているようです）。"
                    ) from None
            elif kind in ("str", "e"):
                value = raw if len(raw) <= MAX_CELL_CHARS else TooLong(len(raw))
            elif kind == "b":
                value = raw.strip() in ("1", "true")
            elif kind == "d":
                value = _iso_date(raw)
            else:
                value = _number(raw, _int(c.get("s"), 0) in dates, self.date1904)
            if value is None and formula is None:
                continue
            if isinstance(value, str) and not value and formula is None:
                continue
            # openpyxl writes an empty <v/> for a formula it never computed; Excel writes
            # one only for a text result that is empty (t="str").
            cached = kind == "inlineStr" or (raw is not None and (raw != "" or kind == "str"))
            cells[column] = Cell(value, formula, cached, kind == "e")
        return cells


def _inline_text(element: Element) -> Iterator[str]:
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            yield child.text or ""
        elif tag == "r":
            yield from _inline_text(child)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _range(ref: str) -> tuple[int, int, int, int] | None:
    first, _, last = ref.partition(":")
    a = parse_ref(first)
    b = parse_ref(last) if last else a
    if a is None or b is None:
        return None
    return min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])


def _iso_date(raw: str) -> datetime | str:
    try:
        return datetime.fromisoformat(raw.strip().rstrip("Z"))
    except ValueError:
        return raw


_EPOCH_1900 = datetime(1899, 12, 30)
_EPOCH_1904 = datetime(1904, 1, 1)


def _number(raw: str, is_date: bool, date1904: bool) -> Any:
    text = raw.strip()
    try:
        number = float(text)
    except ValueError:
        return text  # not a number after all: keep what is there
    if is_date and 0 <= number < 2_958_466:
        if number < 1:  # a time of day alone
            seconds = round(number * 86_400) % 86_400
            return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
        stamp = (_EPOCH_1904 if date1904 else _EPOCH_1900) + timedelta(days=number)
        # Excel shows times to the second; round away float noise.
        return (stamp + timedelta(microseconds=500_000)).replace(microsecond=0)
    if number.is_integer() and abs(number) < 1e15:
        return int(number)
    return float(format(number, ".15g"))  # what Excel shows: 15 significant digits


# Built-in formats that show dates or times, the Japanese ones (27–36, 50–58) included.
_BUILTIN_DATES = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_NOT_CODES = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)


def is_date_format(number_format: int, code: str | None) -> bool:
    if code is None:
        return number_format in _BUILTIN_DATES
    plain = _NOT_CODES.sub("", code.split(";")[0])
    if "general" in plain.lower():
        return False
    return bool(re.search(r"[ymdhsge]", re.sub(r"[eE][+-]", "", plain), re.IGNORECASE))
