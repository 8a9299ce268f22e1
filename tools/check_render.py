"""Render the demo workbooks with LibreOffice (headless) and check what a reviewer sees.

``make check-render`` (or ``python tools/check_render.py``). For the API接続先 demo and the
bank demo, on A4 (and the API接続先 demo on A3):

1. no clipped row: LibreOffice's own best-fit height of every row (rows set to optimal
   height by a Basic macro, then read back) is within the explicit height we wrote, and no
   row needs more than 409 pt;
2. the PDF has as many pages, sheet by sheet, as the explicit row heights give;
3. the effective print size of body text is at least 8 pt (measured in the PDF: the width
   of a run of full-width characters divided by their number);
4. the PDF holds the text of every フォーマット cell.

Needs ``soffice`` (Debian: libreoffice-calc) and ``pdftotext``/``pdfinfo`` (poppler-utils);
without them it says so and exits 0. ``--keep DIR`` keeps the files (xlsx, pdf, and with
``--png`` a PNG of the first page of each sheet) for a look.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from openpyxl import load_workbook  # noqa: E402

from interview.catalog import Party, load_catalog  # noqa: E402
from interview.compile.export import ExportOptions, export_session  # noqa: E402
from interview.questions.bank import load_questions  # noqa: E402
from interview.services.demo import build_demo_session  # noqa: E402
from interview.workbook.fit import MAX_ROW_PT  # noqa: E402
from interview.workbook.layout import PAPER_PT  # noqa: E402

MIN_EFFECTIVE_PT = 8.0
TOP_BOTTOM_MARGIN_IN = 0.7 + 0.6  # as interview.workbook.layout.setup_page

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub FitRows(sIn As String, sOut As String)
  Dim oArgs(0) As New com.sun.star.beans.PropertyValue
  oArgs(0).Name = &quot;Hidden&quot;
  oArgs(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, oArgs())
  oSheets = oDoc.getSheets()
  For i = 0 To oSheets.getCount() - 1
    oSheet = oSheets.getByIndex(i)
    oCursor = oSheet.createCursor()
    oCursor.gotoEndOfUsedArea(False)
    nLast = oCursor.getRangeAddress().EndRow
    oRows = oSheet.getRows()
    For r = 0 To nLast
      oRows.getByIndex(r).OptimalHeight = True
    Next r
  Next i
  Dim oSave(0) As New com.sun.star.beans.PropertyValue
  oSave(0).Name = &quot;FilterName&quot;
  oSave(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  oDoc.storeToURL(ConvertToURL(sOut), oSave())
  oDoc.close(True)
End Sub
</script:module>
"""

_WIDE = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]{2,}$")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass
class Result:
    name: str
    problems: list[str]
    notes: list[str]


class Office:
    """soffice with a private profile (so a user's open LibreOffice is never touched)."""

    def __init__(self, binary: str, work: Path) -> None:
        self.binary = binary
        self.profile = work / "profile"
        self._ready = False

    def _run(self, *args: str) -> None:
        url = self.profile.as_uri()
        subprocess.run(
            [self.binary, f"-env:UserInstallation={url}", "--headless", *args],
            check=True,
            capture_output=True,
            timeout=180,
        )

    def _prepare(self) -> None:
        if self._ready:
            return
        self._run("--terminate_after_init")
        module = self.profile / "user" / "basic" / "Standard" / "Module1.xba"
        module.parent.mkdir(parents=True, exist_ok=True)
        module.write_text(MACRO, encoding="utf-8")
        self._ready = True

    def pdf(self, xlsx: Path, out_dir: Path) -> Path:
        self._prepare()
        self._run("--convert-to", "pdf", "--outdir", str(out_dir), str(xlsx))
        return out_dir / (xlsx.stem + ".pdf")

    def best_fit(self, xlsx: Path, out: Path) -> Path:
        self._prepare()
        self._run("--invisible", f'macro:///Standard.Module1.FitRows("{xlsx}","{out}")')
        return out


def unsized_copy(xlsx: Path, out: Path) -> dict[tuple[str, int], float]:
    """A copy without row heights (for LibreOffice to fit); returns the heights we wrote."""
    book = load_workbook(xlsx)
    ours: dict[tuple[str, int], float] = {}
    for sheet in book.worksheets:
        for row in range(1, sheet.max_row + 1):
            dim = sheet.row_dimensions[row]
            if dim.height is not None:
                ours[sheet.title, row] = float(dim.height)
            dim.height = None
    book.save(out)
    return ours


def fitted_heights(xlsx: Path) -> dict[tuple[str, int], float]:
    book = load_workbook(xlsx)
    out = {}
    for sheet in book.worksheets:
        for row in range(1, sheet.max_row + 1):
            height = sheet.row_dimensions[row].height
            out[sheet.title, row] = float(height) if height is not None else 15.0
    return out


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def sheet_of_page(page: str, sheets: list[str]) -> str:
    """The sheet named in the page's footer (「&A」 on the left of the last line)."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    for line in reversed(lines[-3:]):
        for name in sheets:
            if line.startswith(name):
                return name
    return "?"


def effective_sizes(pdf: Path) -> list[float]:
    """Ems of runs of full-width characters, in pt (the printed size of the body text)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    sizes = []
    for x0, _y0, x1, _y1, word in _WORD.findall(html):
        if _WIDE.match(word):
            sizes.append((float(x1) - float(x0)) / len(word))
    return sizes


def expected_pages(
    heights: dict[tuple[str, int], float], sheet: str, paper: str, landscape: bool, scale: float
) -> int:
    """Pages a sheet takes: rows placed top-down, the header row repeated on each page."""
    short, long = PAPER_PT[paper]
    page_height = (short if landscape else long) - TOP_BOTTOM_MARGIN_IN * 72
    usable = page_height / scale
    rows = sorted((r, h) for (s, r), h in heights.items() if s == sheet)
    if not rows:
        return 1
    header = rows[0][1] if sheet != "表紙" else 0.0
    body = rows[1:] if sheet != "表紙" else rows
    pages, used = 1, header
    for _row, height in body:
        if used + height > usable and used > header:
            pages += 1
            used = header
        used += height
    return pages


def check_one(
    office: Office, work: Path, name: str, party: Party, paper: str, keep: Path | None, png: bool
) -> Result:
    catalog = load_catalog()
    questions = load_questions(catalog)
    session = build_demo_session(catalog, questions, party=party)
    xlsx = work / f"{name}.xlsx"
    export_session(
        session,
        xlsx,
        catalog,
        questions,
        ExportOptions(paper=paper, made_on=date(2026, 11, 29)),  # type: ignore[arg-type]
    )
    problems: list[str] = []
    notes: list[str] = []

    # 1. best-fit heights within ours
    unsized = work / f"{name}-unsized.xlsx"
    ours = unsized_copy(xlsx, unsized)
    fitted = fitted_heights(office.best_fit(unsized, work / f"{name}-fitted.xlsx"))
    worst = 0.0
    for key, height in ours.items():
        need = fitted.get(key, 15.0)
        worst = max(worst, need)
        if need > height + 1.0:
            problems.append(
                f"{key[0]} 行{key[1]}: 必要 {need:.0f}pt > 設定 {height:.0f}pt（切れる）"
            )
        if need > MAX_ROW_PT:
            problems.append(f"{key[0]} 行{key[1]}: 必要 {need:.0f}pt > 409pt")
    notes.append(f"最も高い行（LibreOffice の最適な高さ）: {worst:.0f}pt")

    # 2.–4. the PDF
    pdf = office.pdf(xlsx, work)
    book = load_workbook(xlsx)
    sheets = book.sheetnames
    pages = pdf_pages(pdf)
    sizes = effective_sizes(pdf)
    size = statistics.median(sizes) if sizes else 0.0
    notes.append(f"ページ数: {len(pages)}、本文の実効サイズ: {size:.1f}pt（中央値）")
    if size < MIN_EFFECTIVE_PT - 0.05:
        problems.append(f"本文の実効サイズ {size:.1f}pt < {MIN_EFFECTIVE_PT}pt")
    by_sheet: dict[str, int] = {}
    for page in pages:
        sheet = sheet_of_page(page, sheets)
        by_sheet[sheet] = by_sheet.get(sheet, 0) + 1
    scale = min(1.0, size / 10.0) if size else 1.0
    for sheet in sheets:
        landscape = sheet != "表紙"
        want = expected_pages(ours, sheet, paper, landscape, scale if landscape else 1.0)
        got = by_sheet.get(sheet, 0)
        notes.append(f"  {sheet}: {got}ページ（行の高さからの見込み {want}）")
        if abs(got - want) > max(1, math.ceil(want * 0.1)):
            problems.append(f"{sheet}: {got}ページ、見込みは {want}ページ")
    raw = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    flat = re.sub(r"\s+", "", raw)
    format_sheet = book["フォーマット"]
    for row in format_sheet.iter_rows(min_row=2, values_only=True):
        for value in row:
            words = re.sub(r"\s+", "", str(value or ""))
            # long cells wrap inside the page; compare their first and last 12 characters
            for part in {words[:12], words[-12:]}:
                if part and part not in flat:
                    problems.append(f"フォーマット 通番{row[0]}: 「{part}」が PDF にありません")
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(xlsx, keep / xlsx.name)
        shutil.copy(pdf, keep / pdf.name)
        if png and shutil.which("pdftoppm"):
            seen: set[str] = set()
            for number, page in enumerate(pages, start=1):
                sheet = sheet_of_page(page, sheets)
                if sheet in seen:
                    continue
                seen.add(sheet)
                subprocess.run(
                    [
                        "pdftoppm",
                        "-f",
                        str(number),
                        "-l",
                        str(number),
                        "-r",
                        "80",
                        "-png",
                        str(pdf),
                        str(keep / f"{name}-p{number}"),
                    ],
                    check=True,
                )
    return Result(name, problems, notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the xlsx/pdf (and PNG) files here")
    parser.add_argument("--png", action="store_true", help="with --keep: a PNG of each sheet")
    args = parser.parse_args(argv)
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None or shutil.which("pdftotext") is None:
        print(
            "LibreOffice（soffice）または pdftotext がないため、描画の確認を省略しました。"
            "（Debian: apt-get install libreoffice-calc poppler-utils）"
        )
        return 0
    failed = False
    with tempfile.TemporaryDirectory(prefix="interview-render-") as tmp:
        work = Path(tmp)
        office = Office(binary, work)
        cases = [
            ("demo-api-connector-A4", Party.API_CONNECTOR, "A4"),
            ("demo-bank-A4", Party.FINANCIAL_INSTITUTION, "A4"),
            ("demo-api-connector-A3", Party.API_CONNECTOR, "A3"),
        ]
        for name, party, paper in cases:
            result = check_one(office, work, name, party, paper, args.keep, args.png)
            print(f"[{'NG' if result.problems else 'OK'}] {name}")
            for note in result.notes:
                print(f"    {note}")
            for problem in result.problems[:20]:
                print(f"    ✗ {problem}")
            failed = failed or bool(result.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
