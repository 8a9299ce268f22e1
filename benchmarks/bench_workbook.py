"""Workbook export budget: the complete demo session exports in ≤ 0.5 s, and writing a
complete workbook costs ≤ 2× a bare openpyxl write of the same cells (no styles, no
checks), measured in the same run. Reading an export back is shown beside openpyxl's bare
read-only pass over the same file."""

from __future__ import annotations

import random
import shutil
import tempfile
from dataclasses import astuple
from pathlib import Path

from openpyxl import Workbook, load_workbook

from benchmarks.common import Figure, median_time
from interview.catalog import Catalog, load_catalog
from interview.compile.export import export_session
from interview.questions.bank import QuestionSet, load_questions
from interview.services.demo import build_demo_session
from interview.workbook.headers import (
    COVER_LABELS,
    DETAIL_LABELS,
    FORMAT_LABELS,
    GAP_LABELS,
)
from interview.workbook.model import Cover, DetailRow, GapRow, SheetRow, WorkbookData
from interview.workbook.reader import read_workbook
from interview.workbook.writer import write_workbook

SENTENCES = (
    "・最高責任者の明確化：実施済み — CISOを任命し、職務範囲を情報セキュリティ基本規程に定めた。",
    "・アクセス権限の見直し：一部実施 — 本番環境は四半期ごとに棚卸ししているが、検証環境は未実施。",
    "・脆弱性診断：実施済み — 外部の専門業者による診断を年1回実施し、結果を委員会に報告している。",
    "＜その他の対策＞",
    "・ログの保管：実施済み — 認証ログとAPIアクセスログを1年間保管し、月次で異常を確認している。",
    "・委託先管理：未実施 — 再委託先の管理状況を確認する手順がなく、2027年度に整備する予定。",
)


def _text(rng: random.Random, low: int, high: int) -> str:
    """Multi-line Japanese text of about low..high characters."""
    target = rng.randint(low, high)
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) < target:
        lines.append(rng.choice(SENTENCES))
    return "\n".join(lines)


def synthetic_data(catalog: Catalog, seed: int = 0) -> WorkbookData:
    """44 answered rows (300–800 characters per answer cell), 200 details, 40 gaps."""
    rng = random.Random(seed)
    rows = [
        SheetRow(
            no=str(item.no),
            category=catalog.category(item.category).name,
            goal=item.goal,
            party=item.party.label,
            status=_text(rng, 300, 800),
            issues=_text(rng, 300, 800),
            plan=_text(rng, 300, 800),
            references="\n".join(s.title for s in item.references.sections),
            locations="\n".join(line for s in item.references.sections for line in s.lines),
            remarks=_text(rng, 300, 800),
        )
        for item in catalog.items
    ]
    examples = [(item, example) for item in catalog.items for example in item.examples]
    details = [
        DetailRow(
            no=str(item.no),
            question_id=example.id,
            kind="手法例",
            question=f"{example.text[:80]}を実施していますか。",
            example=example.text,
            status=rng.choice(["実施済み", "一部実施", "未実施", "該当なし"]),
            detail=_text(rng, 40, 200),
            checks="①②",
            due="2027-03",
            owner="情報システム部",
            updated_at="2026-04-06 10:02",
        )
        for item, example in examples[:200]
    ]
    gaps = [
        GapRow(d.no, "目標", d.question_id, d.example[:40], "一部実施", d.detail, "計画", "", "")
        for d in details[:40]
    ]
    cover = Cover(
        "株式会社サンプルペイ",
        "API接続先",
        "山田 太郎",
        "情報システム部長",
        "さくら銀行",
        "",
        "2026年04月06日",
        "2018年10月版",
        "330/330問回答（100%）",
    )
    return WorkbookData(cover=cover, rows=rows, gaps=gaps, details=details)


def bare_write(data: WorkbookData, path: Path) -> None:
    """The same cells with openpyxl and nothing else: no styles, checks or layout."""
    book = Workbook()
    cover = book.active
    assert cover is not None and data.cover is not None
    for name, label in COVER_LABELS.items():
        cover.append([label, getattr(data.cover, name)])
    for labels, records in (
        (FORMAT_LABELS, data.rows),
        (GAP_LABELS, data.gaps),
        (DETAIL_LABELS, data.details),
    ):
        sheet = book.create_sheet()
        sheet.append(list(labels.values()))
        for record in records:
            sheet.append(list(astuple(record)))
    book.save(path)


def bare_read(path: Path) -> None:
    book = load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            pass
    book.close()


def _figures(catalog: Catalog, questions: QuestionSet, directory: Path) -> list[Figure]:
    data = synthetic_data(catalog)
    ours, bare = directory / "ours.xlsx", directory / "bare.xlsx"
    write_ms = median_time(lambda: write_workbook(data, ours), repeat=15)
    bare_ms = median_time(lambda: bare_write(data, bare), repeat=15)
    size_kb = ours.stat().st_size / 1024

    demo = build_demo_session(catalog, questions)
    demo_path = directory / "demo.xlsx"
    export_ms = median_time(
        lambda: export_session(demo, demo_path, catalog, questions, overwrite=True), repeat=15
    )
    demo_data = read_workbook(demo_path)
    demo_bare_ms = median_time(lambda: bare_write(demo_data, bare), repeat=15)

    read_ms = median_time(lambda: read_workbook(demo_path), repeat=15)
    bare_read_ms = median_time(lambda: bare_read(demo_path), repeat=15)
    return [
        Figure(
            f"write_workbook, full synthetic ({size_kb:.0f} KB)",
            write_ms,
            "ms",
            "bare openpyxl write, same cells",
            bare_ms,
            "budget ratio ≤ 2",
        ),
        Figure(
            "export the complete demo session",
            export_ms,
            "ms",
            "bare openpyxl write, same cells",
            demo_bare_ms,
            "budget ≤ 500 ms, ratio ≤ 2",
        ),
        Figure(
            "read_workbook of the demo export",
            read_ms,
            "ms",
            "bare openpyxl read-only pass",
            bare_read_ms,
        ),
    ]


def run() -> list[Figure]:
    catalog = load_catalog()
    questions = load_questions(catalog)
    directory = Path(tempfile.mkdtemp(prefix="bench-workbook-", dir=Path.cwd()))
    try:
        return _figures(catalog, questions, directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
