"""Search budgets: ≤ 1 ms per glossary query and ≤ 5 ms per checklist query (medians
over the test query sets: names, descriptions, sentences), each beside a bare
``rapidfuzz.process.extract`` over the 64 terms; the first query of a fresh process
≤ 300 ms including building the indexes (and the question banks and synonym table
they read); importing ``interview.search`` adds ≤ 50 ms to a fresh interpreter."""

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

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
QUERIES = DATA / "glossary_queries.toml"
MEANING_QUERIES = DATA / "glossary_meaning_queries.toml"
CHECKLIST_QUERIES = DATA / "checklist_queries.toml"
HELD_OUT = [DATA / "glossary_queries_heldout.toml", DATA / "checklist_queries_heldout.toml"]
FIRST_QUERY = """
import time
from interview.catalog import load_catalog
start = time.perf_counter()
catalog = load_catalog()
loaded = time.perf_counter()
from interview.search import search_checklist, search_glossary
search_glossary("通信の状態を見て通すか決めるファイアウォール")
glossary = time.perf_counter()
search_checklist("どこでバックアップのことを聞かれるの")
done = time.perf_counter()
print((glossary - loaded) * 1000, (done - loaded) * 1000, (done - start) * 1000, (loaded - start) * 1000)
"""
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


def _queries(path: Path) -> list[str]:
    with path.open("rb") as f:
        return [q["query"] for q in tomllib.load(f)["queries"]]


def _first_query_ms(repeat: int = 5) -> tuple[float, float, float, float]:
    """Medians, in a fresh process: (first glossary query, first checklist query, the
    same with the catalog load, the catalog load alone), all with index building."""
    command = [sys.executable, "-c", FIRST_QUERY]
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    runs = []
    for _ in range(repeat):
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        runs.append([float(x) for x in out.split()])
    return tuple(statistics.median(r[i] for r in runs) for i in range(4))  # type: ignore[return-value]


def run() -> list[Figure]:
    catalog = load_catalog()
    glossary_queries = _queries(QUERIES) + _queries(MEANING_QUERIES) + _queries(HELD_OUT[0])
    terms = [t.term for t in catalog.glossary]

    def bare(query: str) -> object:
        return process.extract(query, terms)

    start = time.perf_counter()
    glossary = GlossaryIndex(catalog.glossary)
    checklist = ChecklistIndex.build(catalog, glossary=glossary)
    build_ms = (time.perf_counter() - start) * 1000
    load_start = time.perf_counter()
    _load_catalog.__wrapped__(catalog_dir().resolve())
    load_ms = (time.perf_counter() - load_start) * 1000

    checklist_queries = (
        CHECKLIST_WORDS + _queries(CHECKLIST_QUERIES) + _queries(HELD_OUT[1]) + glossary_queries
    )
    bare_glossary = _per_query_ms(bare, glossary_queries, rounds=30)
    glossary_ms = _per_query_ms(glossary.search, glossary_queries, rounds=30)
    bare_checklist = _per_query_ms(bare, checklist_queries, rounds=10)
    checklist_ms = _per_query_ms(checklist.search, checklist_queries, rounds=10)
    checklist_max = _max_ms(checklist.search, checklist_queries)

    first_glossary, first_checklist, first_with_load, load_alone = _first_query_ms()
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
            "first glossary query (fresh process)",
            first_glossary,
            "ms",
            "load the catalog (same process)",
            load_alone,
            "budget ≤ 300 ms",
        ),
        Figure(
            "first checklist query (fresh process)",
            first_checklist,
            "ms",
            "load the catalog (same process)",
            load_alone,
            "budget ≤ 300 ms (both indexes)",
        ),
        Figure(
            "  … counting the catalog load too",
            first_with_load,
            "ms",
            "load the catalog (same process)",
            load_alone,
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
