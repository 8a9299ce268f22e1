"""Score the search query sets: top-1, top-3 and no-answer → nothing, per set and kind.

    python tools/search_eval.py                 # every set, figures only
    python tools/search_eval.py --misses tune   # list the misses of the sets named *tune*

Held-out sets (``*_heldout.toml``) are for measuring only: tune on ``*_tune.toml`` and
the tuned parts of the older sets, never on the misses of a held-out set. A listed set
that is not there (a held-out set not merged yet) is skipped.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
GLOSSARY_SETS = [
    "glossary_queries.toml",
    "glossary_meaning_queries.toml",
    "glossary_queries_tune.toml",
    "glossary_queries_tune2.toml",
    "glossary_queries_tune3.toml",
    "glossary_queries_tune4.toml",
    "glossary_queries_tune5.toml",
    "glossary_queries_heldout3.toml",
    "glossary_queries_heldout.toml",
    "glossary_queries_heldout2.toml",
    "glossary_queries_tune6.toml",
    "glossary_queries_tune7.toml",
    "glossary_queries_heldout4.toml",
    "glossary_queries_tune8.toml",
    "glossary_queries_tune8b.toml",
    "glossary_queries_heldout5.toml",
    "glossary_queries_heldout6.toml",
    "glossary_queries_tune9.toml",
    "glossary_queries_tune10.toml",
    "glossary_queries_tune11.toml",
    "glossary_queries_heldout7.toml",
    "glossary_queries_tune13.toml",
    "glossary_queries_heldout8.toml",
    "glossary_queries_tune12.toml",
    "glossary_queries_tune14.toml",
]
CHECKLIST_SETS = [
    "checklist_queries.toml",
    "checklist_queries_tune.toml",
    "checklist_queries_heldout.toml",
    "checklist_queries_heldout2.toml",
    "checklist_queries_tune2.toml",
    "checklist_queries_tune3.toml",
    "checklist_queries_heldout3.toml",
    "checklist_queries_tune4.toml",
    "checklist_queries_tune5.toml",
    "checklist_queries_tune6.toml",
    "checklist_queries_tune7.toml",
    "checklist_queries_tune8.toml",
    "checklist_queries_tune9.toml",
    "checklist_queries_tune10.toml",
    "checklist_queries_tune11.toml",
    "checklist_queries_tune12.toml",
    "checklist_queries_heldout4.toml",
    "checklist_queries_tune_en.toml",
    "checklist_queries_tune_en2.toml",
    "checklist_queries_tune_en3.toml",
    "checklist_queries_tune_en4.toml",
    "checklist_queries_tune13.toml",
    "checklist_queries_tune14.toml",
    "checklist_queries_heldout5.toml",
    "checklist_queries_tune15.toml",
    "checklist_queries_tune16.toml",
    "checklist_queries_heldout6.toml",
    "checklist_queries_tune17.toml",
    "checklist_queries_heldout7.toml",
    "checklist_queries_heldout8.toml",
    "checklist_queries_tune18.toml",
    "checklist_queries_tune19.toml",
    "checklist_queries_tune20.toml",
    "checklist_queries_tune21.toml",
    "checklist_queries_tune22.toml",
    "checklist_queries_tune20b.toml",
    "checklist_queries_tune23.toml",
    "checklist_queries_tune24.toml",
    "checklist_queries_heldout9.toml",
    "checklist_queries_heldout10.toml",
    "checklist_queries_tune26.toml",
    "checklist_queries_tune25.toml",
    "checklist_queries_tune27.toml",
    "checklist_queries_tune28.toml",
]


def _load(name: str) -> list[dict]:
    path = DATA / name
    if not path.exists():
        return []
    with path.open("rb") as f:
        return tomllib.load(f)["queries"]


def score(rows: list[tuple[list, list]]) -> tuple[float, float, float, int, int]:
    answered = [(w, g) for w, g in rows if w]
    empty = [g for w, g in rows if not w]
    top1 = sum(bool(g[:1]) and g[0] in w for w, g in answered) / max(1, len(answered))
    top3 = sum(bool(set(g[:3]) & set(w)) for w, g in answered) / max(1, len(answered))
    nothing = sum(not g for g in empty) / max(1, len(empty))
    return top1, top3, nothing, len(answered), len(empty)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", default="", help="list misses of sets whose name has this")
    parser.add_argument("--kinds", action="store_true", help="figures per kind too")
    parser.add_argument("--only", default="", help="score only the sets whose name has this")
    parser.add_argument("--no-heldout", action="store_true", help="skip the held-out sets")
    args = parser.parse_args()
    from interview.search import search_checklist, search_glossary

    def glossary(q: str) -> list:
        return [h.term.term for h in search_glossary(q, limit=3)]

    def checklist(q: str) -> list:
        return [h.item for h in search_checklist(q, limit=3)]

    jobs = [(n, glossary, False) for n in GLOSSARY_SETS]
    jobs += [(n, checklist, True) for n in CHECKLIST_SETS]
    for name, search, is_list in jobs:
        if (args.only and args.only not in name) or (args.no_heldout and "heldout" in name):
            continue
        queries = _load(name)
        if not queries:
            continue
        rows = []
        by_kind: dict[str, list] = defaultdict(list)
        misses = []
        split = "meaning" in name or name == "checklist_queries.toml"
        for i, q in enumerate(queries):
            want = q["expected"] if is_list else ([q["expected"]] if q["expected"] else [])
            got = search(q["query"])
            rows.append((want, got))
            by_kind[q.get("kind", "")].append((want, got))
            if split and i % 3 == 2:
                continue  # held-out part: figures only
            if (want and (not got or got[0] not in want)) or (not want and got):
                misses.append((q, want, got))
        parts = [
            ("all", rows),
            ("tuned", [r for i, r in enumerate(rows) if i % 3 != 2]),
            ("held", [r for i, r in enumerate(rows) if i % 3 == 2]),
        ]
        if not split:
            parts = parts[:1]
        for label, part in parts:
            t1, t3, none, n, e = score(part)
            print(
                f"{name:34} {label:5} top1 {t1:6.1%} top3 {t3:6.1%} "
                f"none→[] {none:6.1%}  ({n} answered, {e} no-answer)"
            )
        if args.kinds:
            for kind, part in sorted(by_kind.items()):
                t1, t3, none, n, e = score(part)
                print(f"    {kind:14} top1 {t1:6.1%} top3 {t3:6.1%} none {none:6.1%} n={n + e}")
        if args.misses and args.misses in name and "heldout" not in name:
            for q, want, got in misses:
                print(f"    MISS {q['kind']:12} {q['query']!r} → {got} (want {want})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
