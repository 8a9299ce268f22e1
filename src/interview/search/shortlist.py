"""Which texts a rapidfuzz scorer could find similar enough to a query, found cheaply.

``fuzz.ratio``, ``fuzz.partial_ratio`` and ``fuzz.WRatio`` (on strings without spaces,
as folded text is) all score at most ``200·c / (s + c)``, where *s* is the length of
the shorter string and *c* the number of characters the two strings have in common
(as multisets): every alignment they score matches at most *c* characters, and a
window of the longer string is compared with the shorter one whole. A text whose bound
stays under the cutoff cannot be returned by ``process.extract(…, score_cutoff=…)``,
so asking rapidfuzz about the others only gives the same results, in the same order
(best first, ties by position). :data:`MARGIN` keeps a point to spare for rounding.

(``ratio`` is ``2·LCS / (len1 + len2)``; ``partial_ratio`` the best ``ratio`` of the
shorter string with a window of the longer no longer than it; ``WRatio`` of two strings
of one word each the best of those, scaled by at most 1.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

MARGIN = 1.0
"""Points under the cutoff a text's bound may fall and still be scored."""


class Shortlist:
    """Per-character counts of a fixed list of texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._lengths = [len(text) for text in texts]
        self._counts = [Counter(text) for text in texts]
        postings: dict[str, list[tuple[int, int]]] = {}
        for at, counts in enumerate(self._counts):
            for char, count in counts.items():
                postings.setdefault(char, []).append((at, count))
        self._postings = {char: tuple(rows) for char, rows in postings.items()}

    def candidates(self, query: str, cutoff: float, longer_only: bool = False) -> list[int]:
        """The positions (ascending) of the texts that may score *cutoff* or more; with
        *longer_only*, of those at least as long as *query* only."""
        size = len(query)
        least = cutoff - MARGIN
        lengths = self._lengths
        postings = self._postings
        common: dict[int, int] = {}
        get = common.get
        wanted_counts = sorted(Counter(query).items(), key=lambda kv: len(postings.get(kv[0], ())))
        # A text as long as the query must share this many characters with it: one
        # first met when fewer are left to meet cannot (rarest characters first).
        need = least * size / (200.0 - least) if longer_only else 0.0
        left = size
        for char, wanted in wanted_counts:
            if left >= need:
                for at, count in postings.get(char, ()):
                    common[at] = get(at, 0) + (wanted if wanted < count else count)
            else:
                for at in common:
                    count = self._counts[at].get(char, 0)
                    if count:
                        common[at] += wanted if wanted < count else count
            left -= wanted
        found = []
        for at, shared in common.items():
            if longer_only and lengths[at] < size:
                continue
            shorter = min(size, lengths[at])
            if 200.0 * shared / (shorter + shared) >= least:
                found.append(at)
        found.sort()
        return found
