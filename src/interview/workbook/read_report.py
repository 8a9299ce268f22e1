"""What reading a workbook found: rows read, joined and skipped (with reasons), formulas,
links, hidden rows, columns and sheets not read. Nothing is dropped without a word."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from interview.textsafe import printable

MAX_LISTED = 12  # addresses listed one by one before "ほか N 個"


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
        """The report in plain Japanese, one line each (safe to print)."""
        return list(self._lines())

    def _lines(self) -> Iterator[str]:
        sheet = printable(self.format_sheet)
        yield (
            f"「{sheet}」シート（表頭 {self.header_row}行目）: 内容のある行 "
            f"{self.rows_with_content:,}行のうち、項目 {len(self.items)}行を読み込み、"
            f"続きの行 {len(self.joined)}行を上の項目につなげ、{len(self.skipped):,}行を"
            "読み飛ばしました。"
        )
        for row, into in self.joined:
            yield f"  {row}行目: 通番{printable(into)}の続きとしてつなげました"
        if self.numbers:
            changed = "、".join(
                f"{row}行目「{printable(text)}」→{no}"
                for row, text, no in self.numbers[:MAX_LISTED]
            )
            more = len(self.numbers) - MAX_LISTED
            yield f"  通番の書き方を読み替えました: {changed}" + (
                f" ほか{more}行" if more > 0 else ""
            )
        for reason, rows in _group(self.skipped):
            yield f"  読み飛ばし {_ranges(rows)}（{len(rows):,}行）: {reason}"
        for span, into, empty in self.merged[:MAX_LISTED]:
            others = "、".join(f"通番{printable(n)}" for n in empty)
            yield (
                f"  結合セル {span} は複数の項目にまたがっています。"
                f"内容は通番{printable(into)}に読み込み、{others}の欄は空としました"
            )
        if self.hidden:
            yield f"  非表示の行も読み込みました: {_ranges(self.hidden)}"
        if self.formulas:
            yield (
                f"  数式のセル {len(self.formulas)}個は、保存されていた計算結果を読み込みました: "
                + _addresses((f.sheet, f.address) for f in self.formulas)
            )
        for link in self.links[:MAX_LISTED]:
            yield (
                f"  「{printable(link.sheet)}」{link.address} のリンク先を文章に残しました: "
                f"{printable(link.url)}"
            )
        for column in self.columns[:MAX_LISTED]:
            label = f"「{printable(column.label)}」" if column.label else "（表頭なし）"
            yield (
                f"  「{printable(column.sheet)}」シートの {column.column}列 {label} は"
                f"フォーマットの列ではないため読み込んでいません（{column.cells:,}セル）"
            )
        if len(self.columns) > MAX_LISTED:
            rest = self.columns[MAX_LISTED:]
            yield (
                f"  ほかに {len(rest):,}列（{rest[0].column}列〜{rest[-1].column}列、"
                f"{sum(c.cells for c in rest):,}セル）もフォーマットの列ではないため読み込んでいません"
            )
        if self.sheets:
            names = "、".join(f"「{printable(s)}」" for s in self.sheets)
            yield f"  読み込んでいないシート: {names}"


def _group(notes: Iterable[RowNote]) -> list[tuple[str, list[int]]]:
    grouped: dict[str, list[int]] = {}
    for note in notes:
        grouped.setdefault(note.reason, []).append(note.row)
    return list(grouped.items())


def _ranges(rows: list[int]) -> str:
    """[3, 4, 5, 9] → "3〜5行目、9行目" (at most MAX_LISTED pieces)."""
    pieces: list[str] = []
    start = previous = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == previous + 1:
            previous = row
            continue
        pieces.append(f"{start}行目" if start == previous else f"{start}〜{previous}行目")
        if row is not None:
            start = previous = row
    shown = "、".join(pieces[:MAX_LISTED])
    return shown + (f" ほか{len(pieces) - MAX_LISTED}か所" if len(pieces) > MAX_LISTED else "")


def _addresses(places: Iterable[tuple[str, str]]) -> str:
    listed = [f"「{printable(sheet)}」{addr}" for sheet, addr in places]
    shown = "、".join(listed[:MAX_LISTED])
    return shown + (f" ほか{len(listed) - MAX_LISTED}個" if len(listed) > MAX_LISTED else "")
