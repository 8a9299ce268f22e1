"""Importing hostile or huge workbooks: memory and time stay bounded.

Budget (issue 17): any file within the limits imports in ≤ 500 MB peak RSS and ≤ 30 s,
and a file beyond them is refused in ≤ 5 s. Each figure is the peak RSS (or the time) of
``read_workbook`` in a fresh process, beside the same for our demo export, in the same run.
The generated files are the largest the reader accepts: a sheet just under the per-part
limit, and a shared-strings table just under the count limit; and a small file whose
shared strings inflate past the limits (the bomb)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from openpyxl import Workbook

from benchmarks.common import Figure
from interview.catalog import load_catalog
from interview.compile.export import export_session
from interview.questions.bank import load_questions
from interview.services.demo import build_demo_session
from interview.workbook.reader import LIMITS

_PROBE = """
import json, sys, time
from interview.errors import UserError
from interview.workbook.reader import read_workbook_report
start = time.perf_counter()
try:
    read_workbook_report(sys.argv[1])
    outcome = "accepted"
except UserError:
    outcome = "refused"
seconds = time.perf_counter() - start
# VmHWM, not ru_maxrss: the latter carries the parent's peak across fork and exec.
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"rss_mb": peak / 1024, "seconds": seconds, "outcome": outcome}))
"""

_SST_REL = (
    b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/'
    b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def _base(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "フォーマット"
    sheet.append(["通番", "区分", "現在の対応状況"])
    for n in range(1, 45):
        sheet.append([n, "", f"対応{n}"])
    book.save(path)


def _rebuild(base: Path, out: Path, sheet_tail: bytes = b"", strings: list[bytes] | None = None):
    """Copy *base*, adding rows to its sheet and/or a shared-strings table."""
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/_rels/workbook.xml.rels" and strings is not None:
                data = data.replace(b"</Relationships>", _SST_REL)
            if info.filename == "xl/worksheets/sheet1.xml":
                if strings is not None:  # one cell uses the table, so it must be read
                    data = data.replace(b"</row>", b'<c r="K1" t="s"><v>0</v></c></row>', 1)
                data = data.replace(b"</sheetData>", sheet_tail + b"</sheetData>")
            dst.writestr(info, data)
        if strings is not None:
            with dst.open("xl/sharedStrings.xml", "w") as part:
                part.write(
                    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                )
                for start in range(0, len(strings), 20_000):
                    part.write(b"".join(strings[start : start + 20_000]))
                part.write(b"</sst>")


def _largest_sheet(base: Path, out: Path) -> None:
    """Rows of junk without 通番 up to just under the per-part limit."""
    budget = LIMITS.max_part_bytes - 64 * 1024
    rows: list[bytes] = []
    size = 0
    r = 100
    while True:
        row = (
            f'<row r="{r}"><c r="B{r}"><v>{r}</v></c><c r="D{r}"><v>{r}</v></c>'
            f'<c r="E{r}"><v>1</v></c><c r="F{r}"><v>2</v></c></row>'
        ).encode()
        if size + len(row) > budget:
            break
        rows.append(row)
        size += len(row)
        r += 1
    _rebuild(base, out, sheet_tail=b"".join(rows))


def _largest_strings(base: Path, out: Path) -> None:
    """Shared strings just under the count limit, each different."""
    count = LIMITS.max_shared_strings - 1
    _rebuild(base, out, strings=[f"<si><t>文字列{n:08d}</t></si>".encode() for n in range(count)])


def _too_many_strings(base: Path, out: Path) -> None:
    """One shared string more than the count limit, in a file of about 1 MB."""
    count = LIMITS.max_shared_strings + 1
    _rebuild(base, out, strings=[f"<si><t>{n:08d}</t></si>".encode() for n in range(count)])


def _bomb(base: Path, out: Path) -> None:
    """~120 MB of shared strings in a small file."""
    item = ("<si><t>" + "あ" * 40 + "</t></si>").encode()
    _rebuild(base, out, strings=[item] * 1_000_000)


def _probe(path: Path) -> dict[str, float | str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)


def run() -> list[Figure]:
    directory = Path(tempfile.mkdtemp(prefix="bench-limits-", dir=Path.cwd()))
    try:
        catalog = load_catalog()
        questions = load_questions(catalog)
        demo = directory / "demo.xlsx"
        export_session(build_demo_session(catalog, questions), demo, catalog, questions)
        base = directory / "base.xlsx"
        _base(base)
        files = {
            "largest sheet": directory / "sheet.xlsx",
            "most shared strings": directory / "strings.xlsx",
            "too many shared strings": directory / "count.xlsx",
            "shared-strings bomb": directory / "bomb.xlsx",
        }
        _largest_sheet(base, files["largest sheet"])
        _largest_strings(base, files["most shared strings"])
        _too_many_strings(base, files["too many shared strings"])
        _bomb(base, files["shared-strings bomb"])
        baseline = _probe(demo)
        figures: list[Figure] = []
        for label, path in files.items():
            result = _probe(path)
            size_kb = path.stat().st_size / 1024
            name = f"import {label} ({size_kb:,.0f} KB, {result['outcome']})"
            budget = "≤ 500 MB, ≤ 30 s" if result["outcome"] == "accepted" else "refused ≤ 5 s"
            figures.append(
                Figure(
                    f"{name} peak RSS",
                    float(result["rss_mb"]),
                    "MB",
                    "import of the demo export",
                    float(baseline["rss_mb"]),
                    budget,
                )
            )
            figures.append(
                Figure(
                    f"{name} time",
                    float(result["seconds"]),
                    "s",
                    "import of the demo export",
                    float(baseline["seconds"]),
                    budget,
                )
            )
        return figures
    finally:
        shutil.rmtree(directory, ignore_errors=True)
