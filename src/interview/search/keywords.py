"""Everyday words for each glossary term and checklist item (``keywords.toml``).

The glossary keeps the guide's own definitions; people describe a term in their own
words (「公開サーバを置くネットワーク」 for DMZ). These words let the meaning index meet
them. Data only: every entry must name a glossary term (tests/test_search_synonyms.py).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from interview.search.datafile import read_data

KEYWORDS_FILE = Path(__file__).parent / "keywords.toml"


@lru_cache(maxsize=1)
def _entries(path: Path) -> dict[str, list[dict[str, object]]]:
    """The file's tables, read once for both lookups ({} when the file is missing)."""
    return read_data(path)


def _words(entry: dict[str, object]) -> tuple[str, ...]:
    words = entry.get("words", [])
    return tuple(str(w) for w in words if str(w).strip()) if isinstance(words, list) else ()


@lru_cache(maxsize=1)
def term_keywords(path: Path = KEYWORDS_FILE) -> dict[str, tuple[str, ...]]:
    """Glossary term → its everyday words ({} when the file is missing)."""
    table: dict[str, tuple[str, ...]] = {}
    for entry in _entries(path).get("terms", []):
        term = str(entry.get("term", ""))
        table[term] = table.get(term, ()) + _words(entry)
    return table


@lru_cache(maxsize=1)
def item_keywords(path: Path = KEYWORDS_FILE) -> dict[int, tuple[str, ...]]:
    """Checklist 通番 → its everyday words ({} when the file is missing)."""
    table: dict[int, tuple[str, ...]] = {}
    for entry in _entries(path).get("items", []):
        item = int(str(entry.get("item", 0)))
        table[item] = table.get(item, ()) + _words(entry)
    return table
