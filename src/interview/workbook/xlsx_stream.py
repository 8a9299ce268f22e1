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
from typing import IO, Any, Protocol, cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser
from xml.parsers import expat
from zipfile import BadZipFile, ZipFile, ZipInfo

from interview.errors import Message, UserError

MAX_CELL_CHARS = 32_767
MAX_COLUMNS = 16_384
_CHUNK = 1 << 16
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


class XlsxError(UserError):
    """The archive is not a workbook we can read, or goes beyond a limit."""


@dataclass(frozen=True, slots=True)
class Limits:
    max_part_bytes: int = 24 * 1024 * 1024
    max_shared_strings: int = 500_000
    max_shared_chars: int = 40_000_000
    max_nested: int = 300_000  # elements inside one row or one shared string
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


_DIGITS = "0123456789$"
_COLUMNS = {column_letter(i): i for i in range(702)}  # A … ZZ, the common ones


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
            raise XlsxError(Message("xlsx_not_a_workbook")) from None
        self._infos: dict[str, ZipInfo] = {i.filename.lstrip("/"): i for i in infos}
        self._lower = {name.lower(): name for name in self._infos}
        workbook_path = self._office_document()
        self._rels = self._relationships(workbook_path)
        self.date1904 = False
        self.sheets: list[SheetInfo] = self._sheet_list(workbook_path)
        self._strings: list[str | TooLong] | None = None
        self._date_styles: set[int] | None = None
        self._percent_styles: set[int] = set()
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
            raise XlsxError(Message("xlsx_part_missing", part=name))
        return self._infos[real]

    def _events(self, name: str) -> Iterator[tuple[str, Element]]:
        """("start"|"end", element) for one part, keeping memory bounded.

        An element at depth 1 or 2 (a row, a shared string, a run) is dropped from its
        parent once its "end" has been handed out, so no finished element stays in memory;
        an element holding more than ``max_nested`` descendants is refused."""
        info = self._info(name)
        limits = self.limits
        if info.file_size > limits.max_part_bytes:
            raise XlsxError(
                Message(
                    "xlsx_part_too_large",
                    part=name,
                    size=info.file_size,
                    most=limits.max_part_bytes,
                )
            )
        parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
        stack: list[Element] = []
        nested = 0
        try:
            with self.zip.open(info) as part:
                first = True
                done = False
                while not done:
                    chunk = part.read(_CHUNK)
                    if first:
                        first = False
                        if _DOCTYPE.search(chunk[:4096]):
                            raise XlsxError(Message("xlsx_doctype", part=name))
                    if chunk:
                        parser.feed(chunk)
                    else:
                        parser.close()
                        done = True
                    events = cast("Iterator[tuple[str, Element]]", parser.read_events())
                    for event, element in events:
                        if event == "start":
                            stack.append(element)
                            if len(stack) > 3:
                                nested += 1
                                if nested > limits.max_nested:
                                    raise XlsxError(
                                        Message(
                                            "xlsx_too_many_elements",
                                            part=name,
                                            most=limits.max_nested,
                                        )
                                    )
                            yield event, element
                            continue
                        yield event, element
                        stack.pop()
                        depth = len(stack)
                        if depth in (1, 2):
                            stack[-1].remove(element)
                            if depth == 2:
                                nested = 0
        except ParseError as exc:
            raise XlsxError(Message("xlsx_part_broken", part=name, reason=str(exc))) from None
        except BadZipFile as exc:
            raise XlsxError(Message("xlsx_part_broken", part=name, reason=str(exc))) from None

    def _office_document(self) -> str:
        rels = "_rels/.rels"
        if self.has(rels):
            for target, kind in self._rel_targets(rels, "").values():
                if kind.endswith("/officeDocument"):
                    return target
        if self.has("xl/workbook.bin"):
            raise XlsxError(Message("xlsx_binary"))
        if self.has("xl/workbook.xml"):
            return "xl/workbook.xml"
        raise XlsxError(Message("xlsx_not_a_workbook"))

    def _rel_targets(self, rels: str, base: str) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for event, element in self._events(rels):
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
        for event, element in self._events(workbook_path):
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
        handler = _StringsHandler(self.limits)
        for _ in self._parse(self._strings_path, handler):
            pass
        return handler.out

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
        for event, element in self._events(self._styles_path):
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
        self._percent_styles = {
            index for index, fmt in enumerate(xfs) if is_percent_format(fmt, formats.get(fmt))
        }
        return {index for index, fmt in enumerate(xfs) if is_date_format(fmt, formats.get(fmt))}

    # -- sheets ------------------------------------------------------------------------

    def sheet(self, info: SheetInfo) -> SheetStream:
        stream = SheetStream(info, iter(()))
        stream.rows = self._rows(stream)
        return stream

    def _parse(self, name: str, handler: _Handler) -> Iterator[None]:
        """Parse one part with expat callbacks (no element objects), yielding after each
        chunk so that the caller can hand out what the handler has gathered."""
        info = self._info(name)
        if info.file_size > self.limits.max_part_bytes:
            raise XlsxError(
                Message(
                    "xlsx_part_too_large",
                    part=info.filename,
                    size=info.file_size,
                    most=self.limits.max_part_bytes,
                )
            )
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = handler.start
        parser.EndElementHandler = handler.end
        parser.CharacterDataHandler = handler.data
        parser.StartDoctypeDeclHandler = _no_doctype
        parser.EntityDeclHandler = _no_doctype
        try:
            with self.zip.open(info) as part:
                while chunk := part.read(_CHUNK):
                    parser.Parse(chunk, False)
                    yield
                parser.Parse(b"", True)
        except (expat.ExpatError, BadZipFile) as exc:
            raise XlsxError(
                Message("xlsx_part_broken", part=info.filename, reason=str(exc))
            ) from None
        yield

    def _rows(self, stream: SheetStream) -> Iterator[Row]:
        handler = _SheetHandler(self, stream)
        ready = handler.ready
        for _ in self._parse(stream.info.path, handler):
            if ready:
                yield from ready
                ready.clear()
        if handler.links:
            rels = self._relationships(stream.info.path)
            for ref, rid in handler.links.items():
                target, _ = rels.get(rid, ("", ""))
                if target:
                    stream.hyperlinks[ref] = target

    def cell_value(
        self, kind: str, raw: str | None, style: str | None, row: int, column: int
    ) -> Any:
        """A cell's value from its type (t), stored text (<v>) and style (s)."""
        if raw is None:
            return None
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                raise XlsxError(
                    Message("xlsx_shared_string_missing", cell=address(row, column), index=raw)
                ) from None
        if kind in ("str", "e", "inlineStr"):
            return raw if len(raw) <= MAX_CELL_CHARS else TooLong(len(raw))
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            return _iso_date(raw)
        index = _int(style, 0)
        value = _number(raw, index in self.date_styles, self.date1904)
        if index in self._percent_styles and isinstance(value, int | float):
            return format(float(value) * 100, ".13g") + "%"  # as Excel shows it: 50%
        return value


def _no_doctype(*_args: object) -> None:
    raise XlsxError(Message("xlsx_doctype", part=None))


class _Handler(Protocol):
    def start(self, name: str, attrs: dict[str, str]) -> None: ...
    def end(self, name: str) -> None: ...
    def data(self, text: str) -> None: ...


class _StringsHandler:
    """expat callbacks for the shared-strings table, within the limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.out: list[str | TooLong] = []
        self.parts: list[str] = []
        self.total = 0
        self.phonetic = 0
        self.text: list[str] | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition("}")[2]
        if tag == "t":
            if not self.phonetic:
                self.text = []
        elif tag == "rPh":
            self.phonetic += 1  # furigana runs are not part of the text

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)
            self.total += len(text)
            if self.total > self.limits.max_shared_chars:
                raise XlsxError(Message("xlsx_shared_chars", most=self.limits.max_shared_chars))

    def end(self, name: str) -> None:
        tag = name.rpartition("}")[2]
        if tag == "t":
            if self.text is not None:
                self.parts.append("".join(self.text))
            self.text = None
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "si":
            text = "".join(self.parts)
            self.parts.clear()
            if len(self.out) >= self.limits.max_shared_strings:
                raise XlsxError(Message("xlsx_shared_strings", most=self.limits.max_shared_strings))
            self.out.append(TooLong(len(text)) if len(text) > MAX_CELL_CHARS else text)


class _SheetHandler:
    """expat callbacks for one worksheet: rows into ``ready``, merges and links aside."""

    def __init__(self, reader: XlsxReader, stream: SheetStream) -> None:
        self.reader = reader
        self.stream = stream
        self.ready: list[Row] = []
        self.links: dict[tuple[int, int], str] = {}
        self.names: dict[str, str] = {}
        self.previous_row = 0
        self.number = 0
        self.hidden = False
        self.cells: dict[int, Cell] = {}
        self.column = -1
        self.kind = "n"
        self.style: str | None = None
        self.raw: str | None = None
        self.formula: str | None = None
        self.inline: list[str] | None = None
        self.phonetic = 0
        self.text: list[str] | None = None  # collecting the text of <v>, <f> or <t>

    def _name(self, name: str) -> str:
        local = self.names.get(name)
        if local is None:
            local = self.names[name] = name.rpartition("}")[2]
        return local

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self.names.get(name) or self._name(name)
        if tag == "c":
            ref = attrs.get("r")
            column = _COLUMNS.get(ref.rstrip(_DIGITS)) if ref else None
            if column is None and ref:
                where = parse_ref(ref)
                column = where[1] if where is not None else None
            self.column = column if column is not None else self.column + 1
            if self.column >= MAX_COLUMNS:
                raise XlsxError(Message("xlsx_too_many_columns", row=self.number))
            self.kind = attrs.get("t", "n")
            self.style = attrs.get("s")
            self.raw = self.formula = None
            self.inline = None
        elif tag == "v" or tag == "f":
            self.text = []
        elif tag == "is":
            self.inline = []
        elif tag == "t":
            if self.inline is not None and not self.phonetic:
                self.text = []
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "row":
            number = _int(attrs.get("r"), self.previous_row + 1)
            if number <= self.previous_row or number > self.reader.limits.max_sheet_rows:
                raise XlsxError(
                    Message("xlsx_bad_row_number", sheet=self.stream.info.name, row=number)
                )
            self.previous_row = self.number = number
            self.hidden = attrs.get("hidden", "0").lower() in ("1", "true")
            self.cells = {}
            self.column = -1
        elif tag == "mergeCell":
            span = _range(attrs.get("ref", ""))
            if span is not None:
                self.stream.merges.append(span)
        elif tag == "hyperlink":
            link_ref = parse_ref(attrs.get("ref", "").split(":")[0])
            rid = attrs.get(f"{_REL}}}id") or attrs.get(f"{_REL_STRICT}}}id")
            if link_ref is not None and rid:
                self.links[link_ref] = rid

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, name: str) -> None:
        tag = self.names.get(name) or self._name(name)
        if tag == "v":
            self.raw = "".join(self.text or ())
            self.text = None
        elif tag == "f":
            self.formula = "".join(self.text or ())
            self.text = None
        elif tag == "t":
            if self.text is not None and self.inline is not None:
                self.inline.append("".join(self.text))
            self.text = None
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "c":
            self._cell()
        elif tag == "row":
            if self.cells or self.hidden:
                self.ready.append(Row(self.number, self.hidden, self.cells))
            self.cells = {}

    def _cell(self) -> None:
        kind, raw, formula = self.kind, self.raw, self.formula
        if kind == "inlineStr":
            raw = "".join(self.inline or ())
        value = self.reader.cell_value(kind, raw, self.style, self.number, self.column)
        if formula is None and (value is None or value == ""):
            return
        # openpyxl writes an empty <v/> for a formula it never computed; Excel writes
        # one only for a text result that is empty (t="str").
        cached = kind == "inlineStr" or (raw is not None and (raw != "" or kind == "str"))
        self.cells[self.column] = Cell(value, formula, cached, kind == "e")


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


def is_percent_format(number_format: int, code: str | None) -> bool:
    if code is None:
        return number_format in (9, 10)
    return "%" in _NOT_CODES.sub("", code.split(";")[0])


def is_date_format(number_format: int, code: str | None) -> bool:
    if code is None:
        return number_format in _BUILTIN_DATES
    plain = _NOT_CODES.sub("", code.split(";")[0])
    if "general" in plain.lower():
        return False
    return bool(re.search(r"[ymdhsge]", re.sub(r"[eE][+-]", "", plain), re.IGNORECASE))
