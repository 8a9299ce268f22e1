"""Accuracy over the third session's query sets (tests/data), written from a FinTech or
bank staff member's point of view: sets to tune on and sets held out.

``*_heldout.toml`` was written before any tuning and ``*_heldout2.toml`` after it; neither
was tuned on. The fourth session wrote ``checklist_queries_tune2.toml`` and
``checklist_queries_heldout3.toml`` together, before any change, and tuned on the first only.
The sixth took ``checklist_queries_tune5.toml`` and ``glossary_queries_tune2.toml`` (written
without seeing the search) and wrote ``checklist_queries_tune6.toml`` to ``_tune9.toml``,
each scored before tuning on it. The floors are just under the levels measured
(docs/search.md has the figures beside the goals), so a change that loses accuracy on any
set fails here.
``tools/search_eval.py`` prints the same figures, per kind too.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from interview.search import search_checklist, search_glossary

DATA = Path(__file__).parent / "data"


def _load(name: str) -> list[dict]:
    with (DATA / name).open("rb") as f:
        return tomllib.load(f)["queries"]


def _score(rows: list[tuple[list, list]]) -> tuple[float, float, float]:
    """(top-1, top-3, share of no-answer queries that returned nothing)."""
    answered = [(want, got) for want, got in rows if want]
    empty = [got for want, got in rows if not want]
    top1 = sum(bool(got[:1]) and got[0] in want for want, got in answered) / len(answered)
    top3 = sum(bool(set(got[:3]) & set(want)) for want, got in answered) / len(answered)
    return top1, top3, (sum(not got for got in empty) / len(empty) if empty else 1.0)


GLOSSARY_SETS = {
    "glossary_queries_tune.toml": (0.97, 0.99, 0.85),
    "glossary_queries_tune2.toml": (0.98, 0.98, 0.95),
    "glossary_queries_tune3.toml": (0.96, 0.96, 0.93),
    "glossary_queries_tune4.toml": (0.97, 0.97, 0.9),
    "glossary_queries_tune5.toml": (0.95, 0.96, 0.78),
    "glossary_queries_tune6.toml": (0.96, 0.96, 0.9),
    "glossary_queries_heldout.toml": (0.97, 0.98, 0.92),
    "glossary_queries_heldout2.toml": (0.96, 0.98, 0.90),
    "glossary_queries_heldout3.toml": (0.95, 0.98, 0.92),
    "glossary_queries_tune7.toml": (0.98, 0.98, 1.0),
    # sealed (written 2026-11-29 late; totals only)
    "glossary_queries_heldout4.toml": (0.93, 0.95, 0.9),
    "glossary_queries_heldout5.toml": (0.97, 0.97, 1.0),
    # sealed, written 2026-11-30 and scored once at the end (totals only)
    "glossary_queries_heldout6.toml": (0.96, 0.99, 0.9),
    # round nine (i15b): written before being run; first look in the file's header
    # after merging i15c one no-answer query of tune8 (VPNの帯域) answers through a description word
    "glossary_queries_tune8.toml": (0.93, 0.93, 0.75),
    "glossary_queries_tune8b.toml": (0.97, 0.99, 1.0),
    # i15c probe set: written before being run (first look 58.6 / 61.7 / 95.5 %)
    "glossary_queries_tune9.toml": (0.97, 0.99, 0.95),
    # i15c, written after the vocabulary pass (first look 85.7 / 91.1 / 90.0 %)
    "glossary_queries_tune10.toml": (0.94, 0.99, 0.9),
    # 2026-11-30: a new writer (first look 92.9 / 95.2 / 87.5 %; i15b round: 100 / 100 / 87.5 %)
    "glossary_queries_tune11.toml": (0.98, 0.98, 0.87),
    # ... and its sealed half (totals only; first look 95.0 / 98.3 / 83.3 %)
    "glossary_queries_heldout7.toml": (0.94, 0.98, 0.83),
    # sealed, written 2026-11-30 and scored once at the end (totals only)
    "glossary_queries_heldout8.toml": (0.97, 0.99, 1.0),
    # 2026-11-30: a new writer, descriptions and neighbours (first look 94.2 / 95.9 / 100 %;
    # i15b round: 100 / 100 / 100 %)
    "glossary_queries_tune13.toml": (0.99, 0.99, 0.99),
    # i15b probe set on tune11's miss classes, written before being run (first look
    # 86.8 / 88.7 / 72.2 %; end of the round 98.1 / 100 / 100 %)
    "glossary_queries_tune12.toml": (0.98, 0.98, 0.94),
    # i15b probe set on tune13's miss classes, written before being run (first look
    # 73.3 / 83.3 / 75.0 %; end of the round 86.7 / 93.3 / 100 %)
    "glossary_queries_tune14.toml": (0.86, 0.93, 0.99),
}
CHECKLIST_SETS = {
    "checklist_queries_tune.toml": (0.97, 0.99, 0.96),
    "checklist_queries_heldout.toml": (0.94, 0.99, 0.97),
    "checklist_queries_heldout2.toml": (0.95, 0.97, 0.90),
    "checklist_queries_tune2.toml": (0.95, 0.99, 0.88),
    "checklist_queries_heldout3.toml": (0.92, 0.95, 0.90),
    "checklist_queries_tune3.toml": (0.95, 0.97, 0.93),
    "checklist_queries_tune4.toml": (0.93, 0.98, 0.98),
    "checklist_queries_tune5.toml": (0.95, 0.97, 0.96),
    "checklist_queries_tune6.toml": (0.96, 0.96, 0.95),
    "checklist_queries_tune7.toml": (0.92, 0.98, 0.88),
    "checklist_queries_tune8.toml": (0.97, 0.97, 0.94),
    "checklist_queries_tune9.toml": (0.96, 0.98, 0.93),
    "checklist_queries_tune11.toml": (0.91, 0.95, 1.0),
    "checklist_queries_tune12.toml": (0.85, 0.98, 0.78),
    "checklist_queries_tune_en.toml": (0.97, 0.99, 0.93),
    "checklist_queries_tune_en2.toml": (0.92, 0.98, 0.9),
    "checklist_queries_tune_en3.toml": (0.93, 0.97, 0.87),
    "checklist_queries_tune_en4.toml": (0.91, 0.97, 0.95),
    "checklist_queries_tune13.toml": (0.97, 0.99, 0.96),
    "checklist_queries_tune14.toml": (0.92, 0.97, 0.95),
    "checklist_queries_tune15.toml": (0.95, 0.98, 0.74),
    # ninth round (branch i15): short 「XのY」 queries, half no-answer, and detail phrasings
    "checklist_queries_tune18.toml": (0.95, 0.97, 0.98),
    "checklist_queries_tune19.toml": (0.93, 0.98, 1.0),
    "checklist_queries_tune20.toml": (0.88, 0.97, 1.0),
    "checklist_queries_tune21.toml": (0.86, 0.92, 0.85),
    "checklist_queries_tune22.toml": (0.85, 0.93, 1.0),
    # sealed this session (scored as totals only; floors guard against regressions)
    "checklist_queries_heldout4.toml": (0.89, 0.94, 0.96),
    "checklist_queries_heldout5.toml": (0.78, 0.84, 0.84),
    "checklist_queries_heldout6.toml": (0.95, 0.96, 1.0),
    # sealed, written 2026-11-30 and scored once at the end (totals only)
    "checklist_queries_heldout8.toml": (0.98, 0.98, 1.0),
    "checklist_queries_heldout7.toml": (0.96, 0.96, 0.95),
    "checklist_queries_tune16.toml": (0.95, 0.98, 0.95),
    "checklist_queries_tune17.toml": (0.96, 0.99, 0.96),
    # round nine (i15b): written before being run; first look in the file's header
    "checklist_queries_tune20b.toml": (0.91, 0.94, 1.0),
    # round ten (i15d): a new writer's detail queries; first look 93.0 / 94.1 / 100 %
    "checklist_queries_tune23.toml": (0.98, 0.98, 1.0),
    # 2026-11-30: a new writer's detail queries (tuning half; first look 90.9 / 93.2 / 100 %,
    # end of its round 100 / 100 / 100 %)
    "checklist_queries_tune24.toml": (0.99, 0.99, 1.0),
    # ... and its sealed half (totals only; first look 90.3 / 92.2 / 100 %)
    "checklist_queries_heldout9.toml": (0.90, 0.92, 1.0),
    # sealed, written 2026-11-30 and scored once at the end (totals only)
    "checklist_queries_heldout10.toml": (0.96, 0.97, 1.0),
    # 2026-11-30: a writer asking by risk and situation (first look 94.6 / 97.3 / 80.0 %,
    # end of its round 99.1 / 100 / 80.0 %)
    "checklist_queries_tune25.toml": (0.98, 0.99, 0.8),
    # probes of the classes fixed on tune24 and tune25, each part written before it was
    # run (first looks in the file's header)
    "checklist_queries_tune26.toml": (0.89, 0.97, 1.0),
    # probe of the everyday-vocabulary sweep, written before the sweep and before it was run
    # (first look 93.3 / 98.1 / 100 %, after the sweep 97.1 / 99.0 / 100 %)
    "checklist_queries_tune27.toml": (0.96, 0.98, 1.0),
    # probe of a clear topic plus one generic word (比較, 開始, 一通り), written before the
    # generic-word rule and before it was run (first look 56.2 / 68.8 / 100 %, after 84.4 /
    # 96.9 / 100 %; its misses rank a neighbour first with or without the generic word);
    # part 2, other generic words, written after the rule: 75.0 / 75.0 → 85.0 / 85.0 / 100 %
    "checklist_queries_tune28.toml": (0.84, 0.92, 1.0),
}
NO_ANSWER_SETS = {"checklist_queries_tune10.toml": 0.97}
"""Sets of no-answer queries only: the share that must return nothing."""


@pytest.mark.parametrize("name", sorted(GLOSSARY_SETS))
def test_glossary_set(name, catalog):
    queries = _load(name)
    terms = {t.term for t in catalog.glossary}
    assert all(q["expected"] in terms or q["expected"] == "" for q in queries)
    assert len({q["query"] for q in queries}) == len(queries), "duplicate queries"
    rows = [
        (
            [q["expected"]] if q["expected"] else [],
            [h.term.term for h in search_glossary(q["query"], limit=3)],
        )
        for q in queries
    ]
    top1, top3, empty = _score(rows)
    floor = GLOSSARY_SETS[name]
    assert top1 >= floor[0] and top3 >= floor[1] and empty >= floor[2], (top1, top3, empty)


@pytest.mark.parametrize("name", sorted(CHECKLIST_SETS))
def test_checklist_set(name, catalog):
    queries = _load(name)
    items = {i.no for i in catalog.items}
    assert all(set(q["expected"]) <= items for q in queries)
    assert len({q["query"] for q in queries}) == len(queries), "duplicate queries"
    rows = [
        (q["expected"], [h.item for h in search_checklist(q["query"], limit=3)]) for q in queries
    ]
    top1, top3, empty = _score(rows)
    floor = CHECKLIST_SETS[name]
    assert top1 >= floor[0] and top3 >= floor[1] and empty >= floor[2], (top1, top3, empty)


@pytest.mark.parametrize("name", sorted(NO_ANSWER_SETS))
def test_no_answer_set(name):
    queries = _load(name)
    assert queries and all(q["expected"] == [] for q in queries)
    assert len({q["query"] for q in queries}) == len(queries), "duplicate queries"
    empty = sum(not search_checklist(q["query"], limit=3) for q in queries) / len(queries)
    assert empty >= NO_ANSWER_SETS[name], empty


def test_held_out_sets_are_wide():
    """Each held-out set covers what the issue lists: many kinds, ≥ 150 queries in the
    first sets, and no-answer queries."""
    for name in ("glossary_queries_heldout.toml", "checklist_queries_heldout.toml"):
        queries = _load(name)
        assert len([q for q in queries if q["expected"]]) >= 150
        assert len([q for q in queries if not q["expected"]]) >= 40
        assert len({q["kind"] for q in queries}) >= 6
