"""Security words the glossary does not define (``undefined.toml``): フィッシング, XSS,
ISO9001 …

A glossary query about one of them has no entry to show: the glossary search answers it
by names only (no meaning match, no typo of a name) and its "did you mean" offers names
one slip away only. :func:`about_undefined` says whether a query is such a query.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from interview.search.datafile import read_data
from interview.search.normalize import normalize, normalize_query, query_words

UNDEFINED_FILE = Path(__file__).parent / "undefined.toml"
_ASCII_WORD = re.compile(r"[a-z0-9]+")
MAX_PHRASE = 4
"""Longest English entry, in words."""


@lru_cache(maxsize=1)
def undefined_words(path: Path = UNDEFINED_FILE) -> tuple[frozenset[str], frozenset[str]]:
    """(folded Japanese words, English phrases as space-joined lowercase words); empty
    when the file is missing."""
    data = read_data(path)
    japanese: set[str] = set()
    english: set[str] = set()
    for group in data.get("groups", []):
        for word in group.get("words", []):
            text = unicodedata.normalize("NFKC", str(word)).casefold()
            if text.isascii():
                words = _ASCII_WORD.findall(text)
                if words:
                    english.add(" ".join(words))
                    english.add("".join(words))  # PCIDSS, ISO9001 typed without a space
            elif folded := normalize(text):
                japanese.add(folded)
    return frozenset(japanese), frozenset(english)


_JOINT = frozenset(["iec", "jis"])
"""Publishers written beside a standard's number (ISO/IEC 27002): not part of its name."""


def _english_hit(query: str, phrases: frozenset[str]) -> bool:
    words = _ASCII_WORD.findall(unicodedata.normalize("NFKC", query).casefold())
    words = [word for word in words if word not in _JOINT]
    for size in range(1, MAX_PHRASE + 1):
        for at in range(len(words) - size + 1):
            run = words[at : at + size]
            if " ".join(run) in phrases or (size > 1 and "".join(run) in phrases):
                return True
    return False


def _japanese_hit(word: str, words: frozenset[str]) -> bool:
    """*word* is one of *words*, or a compound opening or ending with one whose rest is
    two letters or more (ゼロデイ|脆弱性, 標的型メール|攻撃, DDoS|攻撃)."""
    if word in words:
        return True
    return any(word[:cut] in words or word[cut:] in words for cut in range(2, len(word) - 1))


def about_undefined(query: str) -> bool:
    """Whether *query* asks about a security word the glossary does not define."""
    japanese, english = undefined_words()
    if _english_hit(query, english):
        return True
    candidates = query_words(query)
    whole = normalize_query(query)
    if whole and whole not in candidates:
        candidates.append(whole)  # ふぃっしんぐ: all kana, no word breaks
    return any(_japanese_hit(word, japanese) for word in candidates)
