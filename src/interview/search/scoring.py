"""Score bands shared by the glossary and checklist searches (all scores are 0–100).

A literal match always outranks a fuzzy one: an exact key scores 100, a key that
starts with the query 90–99, a key that contains it 80–89, a key found inside a
longer query (or holding all its words) 70–79; typo (fuzzy) matches stay below 80,
a description holding the query scores 50–64 and one holding most of its words
40–50, so a description never drowns a term.
"""

from __future__ import annotations

import re

EXACT = 100.0
PREFIX = 90.0
SUBSTRING = 80.0
CONTAINED = 70.0
BAND = 9.0
"""How far a score may rise inside its band (by how much of the key the query covers)."""

FUZZY_CUTOFF = 74.0
"""Least rapidfuzz WRatio (0–100) that counts as a typo match."""
FUZZY_SCALE = 0.85
FUZZY_CAP = 79.0

DESCRIPTION = 50.0
DESCRIPTION_SPAN = 14.0
WORDS_DESCRIPTION = 40.0


def literal_score(query: str, key: str) -> float:
    """Score folded *query* against folded *key* by exact, prefix, substring or containment.

    Returns 0.0 when none applies. A short ASCII key (``sw``, ``ids``) counts as
    contained in the query only where it is not glued to other ASCII letters or digits.
    """
    if query == key:
        return EXACT
    if key.startswith(query):
        return PREFIX + BAND * len(query) / len(key)
    if query in key:
        return SUBSTRING + BAND * len(query) / len(key)
    if len(key) >= 2 and key in query and _stands_alone(key, query):
        return CONTAINED + BAND * len(key) / len(query)
    return 0.0


def fuzzy_score(similarity: float) -> float:
    """Map a rapidfuzz similarity (0–100) into the fuzzy band, below every literal match."""
    return min(FUZZY_CAP, similarity * FUZZY_SCALE)


def description_score(query: str, position: int, length: int) -> float:
    """Score a query found at *position* in a folded description of *length* characters.

    Longer queries and earlier positions score higher, within 50–64.
    """
    coverage = min(1.0, len(query) / 8)
    earliness = 1.0 - position / max(length, 1)
    return DESCRIPTION + DESCRIPTION_SPAN * (0.7 * coverage + 0.3 * earliness)


def words_score(words: list[str], key: str) -> float:
    """Score a key that holds every one of several query *words* (not side by side).

    Lands in the 70–79 band like a key found inside the query; 0.0 unless all are there.
    """
    if len(words) < 2 or not all(word in key for word in words):
        return 0.0
    return CONTAINED + BAND * min(1.0, sum(map(len, words)) / len(key))


def description_words_score(words: list[str], description: str) -> float:
    """Score a description by how much of several query *words* it holds, within 40–50."""
    if len(words) < 2:
        return 0.0
    total = sum(map(len, words))
    found = sum(len(word) for word in words if word in description)
    coverage = found / total
    if coverage < 0.5:
        return 0.0
    return WORDS_DESCRIPTION + 10.0 * coverage


_VERSION = re.compile(r"v?\d+(\.\d+)*(?![a-z0-9])")


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _stands_alone(key: str, query: str) -> bool:
    if not key.isascii():
        return True
    start = query.find(key)
    while start >= 0:
        end = start + len(key)
        before = query[start - 1] if start else ""
        after = query[end] if end < len(query) else ""
        if _VERSION.match(query, end) and key[-1].isalpha():
            after = ""  # a version after the name (CVSSv3, CVSS3.1, OAuth2) is no letter of it
        if not (_is_ascii_alnum(before) or _is_ascii_alnum(after)):
            return True
        start = query.find(key, start + 1)
    return False
