"""Everyday words for each glossary term and checklist item (``keywords.toml``).

The glossary keeps the guide's own definitions; people describe a term in their own
words (「公開サーバを置くネットワーク」 for DMZ). These words let the meaning index meet
them. Data only: every entry must name a glossary term (tests/test_search_synonyms.py).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

KEYWORDS_FILE = Path(__file__).parent / "keywords.toml"


@lru_cache(maxsize=1)
def term_keywords(path: Path = KEYWORDS_FILE) -> dict[str, tuple[str, ...]]:
    """Glossary term → its everyday words ({} when the file is missing)."""
    import tomllib

    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for entry in data.get("terms", []):
        words = tuple(str(w) for w in entry.get("words", []) if str(w).strip())
        table[str(entry.get("term", ""))] = table.get(str(entry.get("term", "")), ()) + words
    return table


@lru_cache(maxsize=1)
def item_keywords(path: Path = KEYWORDS_FILE) -> dict[int, tuple[str, ...]]:
    """Checklist 通番 → its everyday words ({} when the file is missing)."""
    import tomllib

    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        return {}
    table: dict[int, tuple[str, ...]] = {}
    for entry in data.get("items", []):
        words = tuple(str(w) for w in entry.get("words", []) if str(w).strip())
        table[int(entry.get("item", 0))] = table.get(int(entry.get("item", 0)), ()) + words
    return table
