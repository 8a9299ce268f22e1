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
    """Per-character counts of a fixed list of texts (each table built when first
    needed)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = list(texts)
        self._lengths = [len(text) for text in texts]
        self._postings: dict[str, tuple[tuple[int, int], ...]] | None = None
        self._levels: dict[str, list[int]] | None = None
        self._longer: dict[int, int] = {}
        self._counts: dict[int, Counter[str]] = {}

    def candidates(self, query: str, cutoff: float) -> list[int]:
        """The positions (ascending) of the texts that may score *cutoff* or more."""
        size = len(query)
        least = cutoff - MARGIN
        lengths = self._lengths
        postings = self._char_postings()
        common: dict[int, int] = {}
        get = common.get
        for char, wanted in Counter(query).items():
            for at, count in postings.get(char, ()):
                common[at] = get(at, 0) + (wanted if wanted < count else count)
        found = [
            at
            for at, shared in common.items()
            if 200.0 * shared / (min(size, lengths[at]) + shared) >= least
        ]
        found.sort()
        return found

    def _char_postings(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """Per character, the texts holding it and how many times."""
        if self._postings is None:
            postings: dict[str, list[tuple[int, int]]] = {}
            for at, text in enumerate(self._texts):
                for char, count in Counter(text).items():
                    postings.setdefault(char, []).append((at, count))
            self._postings = {char: tuple(rows) for char, rows in postings.items()}
        return self._postings

    def longer_candidates(self, query: str, cutoff: float) -> list[int]:
        """:meth:`candidates` among the texts at least as long as *query*: those share
        with it at least ``least · size / (200 − least)`` characters (*size* the query's
        length, *least* the cutoff less :data:`MARGIN`). The shared characters of every
        text are counted at once, in bits: one int per character and count (the texts
        holding it that many times or more), added up bit-sliced."""
        size = len(query)
        least = cutoff - MARGIN
        need = int(least * size / (200.0 - least))  # (rounded down: a few more, never fewer)
        levels = self._bit_levels()
        planes: list[int] = []  # planes[i]: the texts whose count has bit i set
        wanted_counts = Counter(query)
        for char, wanted in wanted_counts.items():
            for level in levels.get(char, ())[:wanted]:
                carry = level
                for i, plane in enumerate(planes):
                    if not carry:
                        break
                    planes[i] = plane ^ carry
                    carry &= plane
                if carry:
                    planes.append(carry)
        # The texts whose count is at least *need*, compared from the highest bit down.
        above, equal = 0, self._longer_mask(size)
        for i in range(max(len(planes), need.bit_length()) - 1, -1, -1):
            plane = planes[i] if i < len(planes) else 0
            if need >> i & 1:
                equal &= plane
            else:
                above |= equal & plane
                equal &= ~plane
        chosen = above | equal
        counts = self._counts
        lengths = self._lengths
        found = []
        while chosen:
            low = chosen & -chosen
            at = low.bit_length() - 1
            chosen ^= low
            own = counts.get(at)
            if own is None:
                own = counts[at] = Counter(self._texts[at])
            shared = sum(min(wanted, own.get(char, 0)) for char, wanted in wanted_counts.items())
            if shared and 200.0 * shared / (min(size, lengths[at]) + shared) >= least:
                found.append(at)
        return found

    def prepare(self) -> None:
        """Build the tables :meth:`longer_candidates` reads now (before pickling)."""
        self._bit_levels()

    def _bit_levels(self) -> dict[str, list[int]]:
        """Per character, the texts holding it at least once, twice … (bits)."""
        if self._levels is None:
            places: dict[str, list[list[int]]] = {}
            for at, text in enumerate(self._texts):
                for char, count in Counter(text).items():
                    rows = places.setdefault(char, [])
                    while len(rows) < count:
                        rows.append([])
                    for row in rows[:count]:
                        row.append(at)
            size = (len(self._texts) + 8) // 8
            levels: dict[str, list[int]] = {}
            for char, rows in places.items():
                levels[char] = []
                for row in rows:
                    bits = bytearray(size)
                    for at in row:
                        bits[at >> 3] |= 1 << (at & 7)
                    levels[char].append(int.from_bytes(bits, "little"))
            self._levels = levels
        return self._levels

    def _longer_mask(self, size: int) -> int:
        """The texts at least *size* characters long (bits)."""
        mask = self._longer.get(size)
        if mask is None:
            bits = bytearray((len(self._lengths) + 8) // 8)
            for at, length in enumerate(self._lengths):
                if length >= size:
                    bits[at >> 3] |= 1 << (at & 7)
            mask = self._longer[size] = int.from_bytes(bits, "little")
        return mask
