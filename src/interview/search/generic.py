"""Generic words (``generic.toml``): 比較, 開始, 一通り, 洗い出す, 基本的 …

They say what a respondent wants done with a topic, not which topic, so the query
parser drops them, as it drops the words that only carry the sentence. Without that, a
word no item holds weighs as an unknown word and can empty a clear query
(「連携開始時に同意画面を出す」). Unknown topic words (経費, ばなな) keep their weight.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from interview.search.datafile import read_data

GENERIC_FILE = Path(__file__).parent / "generic.toml"
MIN_REST = 2
"""A compound loses a generic word at its start or end only when the rest is a word of
its own (two kanji or more): 全部|確認, 連携|開始時; else the whole run is kept."""


@lru_cache(maxsize=1)
def generic_words(path: Path = GENERIC_FILE) -> frozenset[str]:
    """Every word of the file (empty when the file is missing)."""
    return frozenset(str(word) for word in read_data(path).get("words", [])) - {""}


def strip_generic(run: str, stops: frozenset[str] = frozenset()) -> tuple[int, str] | None:
    """*run* without a generic word at its start or end, with the rest's offset;
    ``(0, run)`` when none is there; None when *run* is one, or is made of generic
    words and words of *stops* only (全部|挙)."""
    generic = generic_words()
    if run in generic:
        return None
    dropped = generic | stops
    if any(run[:i] in dropped and run[i:] in dropped for i in range(1, len(run))):
        return None  # 全部|挙: nothing but generic words
    for size in (3, 2):
        if len(run) - size < MIN_REST:
            continue
        head, tail = run[:size], run[-size:]
        if head in generic:
            return size, run[size:]
        if tail in generic:
            return 0, run[:-size]
    return 0, run


def at_generic_edge(text: str, bigram: str) -> bool:
    """Whether *bigram* of *text* joins a word to a generic word (連携|開始時 → 携開): the
    junction of a compound the generic word was dropped from, not a compound's own."""
    return any(
        len(word) >= 2
        and (
            (word[0] == bigram[1] and bigram[0] + word in text)
            or (word[-1] == bigram[0] and word + bigram[1] in text)
        )
        for word in generic_words()
    )
