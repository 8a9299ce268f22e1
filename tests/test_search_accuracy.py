"""Glossary search accuracy over a query set of what first-timers type (tests/data)."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from interview.search.glossary import GlossaryIndex

QUERIES = Path(__file__).parent / "data" / "glossary_queries.toml"
KINDS = {
    "abbreviation",
    "partial",
    "typo",
    "reading",
    "english",
    "description",
    "width",
    "case",
    "space",
    "long_vowel",
}


def load_queries() -> list[dict[str, str]]:
    with QUERIES.open("rb") as f:
        return tomllib.load(f)["queries"]


@pytest.fixture(scope="module")
def index(catalog) -> GlossaryIndex:
    return GlossaryIndex(catalog.glossary)


@pytest.fixture(scope="module")
def ranked(index) -> list[tuple[dict[str, str], list[str]]]:
    return [(q, [h.term.term for h in index.search(q["query"], limit=10)]) for q in load_queries()]


def test_query_set_is_well_formed(catalog):
    queries = load_queries()
    terms = {t.term for t in catalog.glossary}
    assert len(queries) >= 60
    assert all(set(q) == {"query", "expected", "kind"} for q in queries)
    assert {q["expected"] for q in queries} <= terms
    assert {q["kind"] for q in queries} == KINDS
    assert len({q["query"] for q in queries}) == len(queries), "duplicate queries"
    kinds = Counter(q["kind"] for q in queries)
    for kind in ("abbreviation", "partial", "typo", "reading", "english", "description"):
        assert kinds[kind] >= 8, kind


def _report(misses: list[tuple[dict[str, str], list[str]]]) -> str:
    return "\n".join(
        f"{q['kind']}: {q['query']!r} → {names[:3]} (want {q['expected']})" for q, names in misses
    )


def test_top1_accuracy(ranked):
    misses = [(q, names) for q, names in ranked if names[:1] != [q["expected"]]]
    accuracy = 1 - len(misses) / len(ranked)
    assert accuracy >= 0.90, _report(misses)


def test_top3_accuracy(ranked):
    misses = [(q, names) for q, names in ranked if q["expected"] not in names[:3]]
    accuracy = 1 - len(misses) / len(ranked)
    assert accuracy >= 0.97, _report(misses)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_mostly_right(ranked, kind):
    """No kind of query is carried by the others: each gets ≥ 80 % top-1 on its own."""
    own = [(q, names) for q, names in ranked if q["kind"] == kind]
    misses = [(q, names) for q, names in own if names[:1] != [q["expected"]]]
    assert own and len(misses) / len(own) <= 0.2, _report(misses)
