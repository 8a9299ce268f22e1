"""Crafting workbooks the way people and other tools leave them (openpyxl, then zip edits)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

FORM_HEADER = [
    "①通番",
    "②区分",
    "③セキュリティ対応目標",
    "④対象者",
    "⑤現在の対応状況",
    "⑥課題認識",
    "⑦課題への対応計画",
    "⑧関連規定",
    "⑨関連規定箇所",
    "備考",
]


def form(
    path: Path,
    rows: Iterable[list[object]],
    header: list[str] = FORM_HEADER,
    edit: Callable[[Worksheet], None] | None = None,
    title: str = "フォーマット",
) -> Path:
    """A hand-filled フォーマット: header on row 1, then *rows*."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if edit is not None:
        edit(sheet)
    book.save(path)
    return path


def answer_row(no: object, status: str, **more: str) -> list[object]:
    return [no, "", "", "", status, more.get("issues", ""), more.get("plan", ""), "", "", ""]


def patch_sheet(path: Path, change: Callable[[str], str], part: str = "") -> None:
    """Rewrite one part (the first worksheet by default) of the zip in place."""
    part = part or "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            out.writestr(info, data)


def cache_formula(path: Path, ref: str, value: str, text: bool = True) -> None:
    """Store a cached result for the formula in *ref*, as Excel does after calculating."""

    def change(xml: str) -> str:
        pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>(?:</v>)?</c>')
        kind = ' t="str"' if text else ""
        new, count = pattern.subn(
            lambda m: f'<c r="{ref}"{m.group(1)}{kind}><f>{m.group(2)}</f><v>{value}</v></c>', xml
        )
        assert count == 1, f"no formula in {ref}"
        return new

    patch_sheet(path, change)


def set_inline_text(path: Path, ref: str, text: str) -> None:
    def change(xml: str) -> str:
        pattern = re.compile(rf'<c r="{ref}"[^>]*>.*?</c>')
        new, count = pattern.subn(
            f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>', xml, count=1
        )
        assert count == 1
        return new

    patch_sheet(path, change)


def add_rows_xml(path: Path, rows_xml: Iterable[str]) -> None:
    """Append raw <row> elements at the end of the first sheet's data."""
    body = "".join(rows_xml)
    patch_sheet(path, lambda xml: xml.replace("</sheetData>", body + "</sheetData>", 1))


def with_shared_strings(path: Path, strings: Iterable[str], use_index: int = 0) -> None:
    """Give the workbook a shared-strings table and make cell K2 use entry *use_index*."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == "xl/sharedStrings.xml":
                continue
            if info.filename == "xl/_rels/workbook.xml.rels" and b"sharedStrings" not in data:
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>',
                )
            if info.filename == "xl/worksheets/sheet1.xml":
                cell = f'<c r="K2" t="s"><v>{use_index}</v></c>'.encode()
                data = re.sub(rb'(<row r="2"[^>]*>.*?)</row>', rb"\1" + cell + b"</row>", data)
            out.writestr(info, data)
        with out.open("xl/sharedStrings.xml", "w") as part:
            part.write(
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            batch: list[bytes] = []
            for text in strings:
                batch.append(f"<si><t>{escape(text)}</t></si>".encode())
                if len(batch) >= 10_000:
                    part.write(b"".join(batch))
                    batch.clear()
            part.write(b"".join(batch) + b"</sst>")
