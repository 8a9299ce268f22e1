"""Words outside the checklist's domain (``outside.toml``): 社内報, 営業時間, 経費 …

A checklist query whose content word is one of them is about ordinary company life, not
about an item, even when the word's characters or the query's other word occur in some
item's text. :func:`outside_word` says whether a parsed content word is one; the
checklist search then weighs it as an unknown word that matches nothing, and the glossary
answers such a query by names only (:func:`about_company_life`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from interview.search.datafile import read_data
from interview.search.normalize import normalize, query_words

OUTSIDE_FILE = Path(__file__).parent / "outside.toml"
_HIRAGANA = re.compile(r"[\u3041-\u3096]")
MIN_REST = 2
"""A compound counts as outside when an outside word opens or ends it and the rest
beside it is a word of its own (two letters of one script or more): 株主|総会,
経費|精算, 通勤|手当."""


@lru_cache(maxsize=1)
def outside_words(path: Path = OUTSIDE_FILE) -> frozenset[str]:
    """Every word of the file, folded (empty when the file is missing)."""
    groups = read_data(path).get("groups", [])
    words = {_folded(str(word)) for group in groups for word in group.get("words", [])}
    return frozenset(words - {""})


def _folded(word: str) -> str:
    """The word without its okurigana, as the query parser glues it (待ち時間 → 待時間,
    値決め → 値決)."""
    return normalize(_HIRAGANA.sub("", word))


@lru_cache(maxsize=4096)
def outside_word(word: str) -> bool:
    """Whether *word* (a word of the query between particles, :func:`query_words`) is
    outside the checklist's domain: one of the words, or a compound opening or ending
    with one."""
    folded = normalize(word)
    if len(folded) < 2:
        return False
    words = outside_words()
    if folded in words:
        return True
    for cut in range(1, len(folded)):
        head, tail = folded[:cut], folded[cut:]
        if (head in words and _word_at(tail, 0)) or (tail in words and _word_at(head, -1)):
            return True
    return False


def about_company_life(query: str) -> bool:
    """Whether a word of *query* (between particles) is outside the domain."""
    return any(outside_word(word) for word in query_words(query))


def _script(char: str) -> str:
    if "\u30a1" <= char <= "\u30fe":
        return "kata"
    if char.isascii():
        return "ascii"
    return "kanji"


def _word_at(rest: str, end: int) -> bool:
    """Whether the rest beside the cut opens (*end* 0) or ends (*end* -1) with a word of
    its own: a run of one script of :data:`MIN_REST` letters or more (株主|総会, not
    社内報|告ルート, whose 告 belongs to 報)."""
    chars = rest if end == 0 else rest[::-1]
    script = _script(chars[0])
    run = 0
    for char in chars:
        if _script(char) != script:
            break
        run += 1
    return run >= MIN_REST
