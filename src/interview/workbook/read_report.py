"""What reading a workbook found: rows read, joined and skipped (with reasons), formulas,
links, hidden rows, columns and sheets not read. Nothing is dropped without a word."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from interview.errors import Message
from interview.textsafe import printable

MAX_LISTED = 12  # merged cells, links and columns listed one by one


@dataclass(frozen=True, slots=True)
class RowNote:
    row: int
    reason: str


@dataclass(frozen=True, slots=True)
class FormulaNote:
    sheet: str
    address: str
    formula: str


@dataclass(frozen=True, slots=True)
class LinkNote:
    sheet: str
    address: str
    url: str


@dataclass(frozen=True, slots=True)
class ColumnNote:
    sheet: str
    column: str  # letter
    label: str  # header text ("" when the column has none)
    cells: int  # cells with something in them below the header


@dataclass(slots=True)
class ReadReport:
    format_sheet: str = ""
    header_row: int = 0
    rows_with_content: int = 0  # rows below the header with anything in them
    items: list[tuple[str, int]] = field(default_factory=list)  # (通番, row)
    joined: list[tuple[int, str]] = field(default_factory=list)  # (row, 通番 joined into)
    skipped: list[RowNote] = field(default_factory=list)
    hidden: list[int] = field(default_factory=list)  # hidden rows that were read
    formulas: list[FormulaNote] = field(default_factory=list)
    links: list[LinkNote] = field(default_factory=list)
    columns: list[ColumnNote] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # sheets not read
    numbers: list[tuple[int, str, str]] = field(default_factory=list)  # row, as written, read as
    # Merged cells over several items: (range, 通番 the text went to, 通番 left empty).
    merged: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report in plain words, one line each (safe to print)."""
        return [str(message) for message in self.messages()]

    def messages(self) -> Iterator[Message]:
        """The report as messages (``interview.messages`` words them)."""
        yield Message(
            "read_summary",
            sheet=printable(self.format_sheet),
            header_row=self.header_row,
            rows=self.rows_with_content,
            items=len(self.items),
            joined=len(self.joined),
            skipped=len(self.skipped),
        )
        for row, into in self.joined:
            yield Message("read_joined", row=row, into=printable(into))
        if self.numbers:
            yield Message(
                "read_numbers",
                changed=[(row, printable(text), no) for row, text, no in self.numbers],
            )
        for reason, rows in _group(self.skipped):
            yield Message("read_skipped", rows=rows, reason=reason)
        for span, into, empty in self.merged[:MAX_LISTED]:
            yield Message(
                "read_merged", span=span, into=printable(into), empty=[printable(n) for n in empty]
            )
        if self.hidden:
            yield Message("read_hidden", rows=self.hidden)
        if self.formulas:
            places = [(printable(f.sheet), f.address) for f in self.formulas]
            yield Message("read_formulas", places=places)
        for link in self.links[:MAX_LISTED]:
            yield Message(
                "read_link", sheet=printable(link.sheet), cell=link.address, url=printable(link.url)
            )
        for column in self.columns[:MAX_LISTED]:
            yield Message(
                "read_column",
                sheet=printable(column.sheet),
                column=column.column,
                label=printable(column.label),
                cells=column.cells,
            )
        if len(self.columns) > MAX_LISTED:
            rest = self.columns[MAX_LISTED:]
            yield Message(
                "read_more_columns",
                count=len(rest),
                first=rest[0].column,
                last=rest[-1].column,
                cells=sum(c.cells for c in rest),
            )
        if self.sheets:
            yield Message("read_sheets", sheets=[printable(s) for s in self.sheets])


def _group(notes: Iterable[RowNote]) -> list[tuple[str, list[int]]]:
    grouped: dict[str, list[int]] = {}
    for note in notes:
        grouped.setdefault(note.reason, []).append(note.row)
    return list(grouped.items())
