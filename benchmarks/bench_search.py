"""Search budgets: ≤ 1 ms per glossary query and ≤ 5 ms per checklist query (medians
over the test query set), each beside a bare ``rapidfuzz.process.extract`` over the 64
terms; importing ``interview.search`` adds ≤ 50 ms to a fresh interpreter's start-up."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import process

from benchmarks.common import Figure
from interview.catalog import load_catalog
from interview.catalog.loader import _load_catalog
from interview.datapaths import catalog_dir
from interview.search.checklist import ChecklistIndex
from interview.search.glossary import GlossaryIndex

QUERIES = Path(__file__).resolve().parent.parent / "tests" / "data" / "glossary_queries.toml"
CHECKLIST_WORDS = [
    "ログ", "ろぐ", "トークン", "委託", "暗号化", "パスワード", "認証", "API", "ウイルス",
    "ファイヤーウォール", "脆弱性診断", "アクセス権限", "バックアップ", "2FA", "クラウド",
    "利用者保護", "不正アクセス", "補償", "ワンタイムパスワード", "ｽﾏｰﾄﾌｫﾝ",
]  # fmt: skip


def _per_query_ms(search: Callable[[str], object], queries: list[str], rounds: int) -> float:
    """Median over every (query, round) sample, in milliseconds."""
    for query in queries:
        search(query)
    samples = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            search(query)
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _max_ms(search: Callable[[str], object], queries: list[str]) -> float:
    worst = []
    for query in queries:
        start = time.perf_counter()
        search(query)
        worst.append((time.perf_counter() - start) * 1000)
    return max(worst)


def _startup_ms(code: str, repeat: int = 9) -> float:
    command = [sys.executable, "-c", code]
    subprocess.run(command, check=True)  # warm the file cache
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _importtime_ms(module: str) -> float:
    """Cumulative import time of *module* as ``python -X importtime`` reports it (median)."""
    samples = []
    for _ in range(5):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            check=True,
            capture_output=True,
            text=True,
        )
        for line in result.stderr.splitlines():
            parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
            if len(parts) == 3 and parts[2] == module:
                samples.append(int(parts[1]) / 1000)
    return statistics.median(samples)


def run() -> list[Figure]:
    catalog = load_catalog()
    with QUERIES.open("rb") as f:
        glossary_queries = [q["query"] for q in tomllib.load(f)["queries"]]
    terms = [t.term for t in catalog.glossary]

    def bare(query: str) -> object:
        return process.extract(query, terms)

    start = time.perf_counter()
    glossary = GlossaryIndex(catalog.glossary)
    checklist = ChecklistIndex(catalog, glossary)
    build_ms = (time.perf_counter() - start) * 1000
    load_start = time.perf_counter()
    _load_catalog.__wrapped__(catalog_dir().resolve())
    load_ms = (time.perf_counter() - load_start) * 1000

    checklist_queries = CHECKLIST_WORDS + glossary_queries
    bare_glossary = _per_query_ms(bare, glossary_queries, rounds=30)
    glossary_ms = _per_query_ms(glossary.search, glossary_queries, rounds=30)
    bare_checklist = _per_query_ms(bare, checklist_queries, rounds=10)
    checklist_ms = _per_query_ms(checklist.search, checklist_queries, rounds=10)
    checklist_max = _max_ms(checklist.search, checklist_queries)

    baseline = _startup_ms("pass")
    with_search = _startup_ms("import interview.search")
    added = with_search - baseline
    return [
        Figure(
            f"glossary query, median of {len(glossary_queries)} queries",
            glossary_ms,
            "ms",
            "bare process.extract over 64 terms",
            bare_glossary,
            "budget ≤ 1 ms",
        ),
        Figure(
            f"checklist query, median of {len(checklist_queries)} queries",
            checklist_ms,
            "ms",
            "bare process.extract over 64 terms",
            bare_checklist,
            "budget ≤ 5 ms",
        ),
        Figure(
            "  slowest checklist query (one run each)",
            checklist_max,
            "ms",
            "(same)",
            bare_checklist,
        ),
        Figure(
            "build both indexes (first search)",
            build_ms,
            "ms",
            "load the catalog (uncached)",
            load_ms,
        ),
        Figure(
            "python -c 'import interview.search'",
            with_search,
            "ms",
            "python -c pass",
            baseline,
            f"adds {added:.1f} ms, budget ≤ 50 ms",
        ),
        Figure(
            "  -X importtime: interview.search",
            _importtime_ms("interview.search"),
            "ms",
            "-X importtime: interview.errors",
            _importtime_ms("interview.errors"),
        ),
    ]
