"""Rewrite steps that pass over the patterns a text cannot match.

The fold's last rewrites (``reply_normalize``) and the indirect predicates
(``reply_predicates``) are lists of (pattern, replacement) pairs applied in turn, most of
which change nothing in a given reply. ``Rewrites`` passes over a step whose pattern needs a
character the text lacks, or one of a few words the text holds none of
(``reply_regex.word_needs``: 「と(見受けられ|認められ)」 needs 見受けられ or 認められ), on text
of any length. A step passed over is one whose
``pattern.sub`` would have returned the text unchanged, so the result is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import reduce
from operator import or_

from interview.engine.reply_regex import (
    Matcher,
    Replacement,
    matches_its_source,
    needs_of,
    source_of,
    word_needs,
)

# the marks ``reply_regex`` puts in a need for "any digit" and "any blank" (what ``\d`` and
# ``\s`` match: str.isdecimal, str.isspace), and a pattern that finds one
_MARKS = {"\\d": re.compile(r"\d"), "\\s": re.compile(r"\s")}


_WORDS_CHECKED = 8  # a list of more words costs about what the search it would spare


# a step: pattern, replacement, the bits of its character needs, its word needs (short
# lists), and the bits a template replacement may add (None: a function, whose result is
# looked at again)
_Step = tuple[Matcher, Replacement, int, tuple[tuple[str, ...], ...], "int | None"]


class Rewrites:
    """(pattern, replacement) pairs applied in turn, as ``pattern.sub(replacement, text)``,
    a step passed over when its pattern needs a character or a word the text lacks.

    Each character need of each step is one bit; a character stands for the bits of the
    needs it is in, a text for those of its characters, and a step is tried when all the
    bits of its needs are among them (one look-up per distinct character of the text, not
    one set operation per need)."""

    def __init__(self, steps: Iterable[tuple[Matcher, Replacement]]) -> None:
        self.steps = list(steps)
        self._plan: list[_Step] | None = None  # worked out on first use
        self._bits: dict[str, int] = {}  # a character's needs, as bits
        self._chars: frozenset[str] = frozenset()  # the characters the needs name
        # the marks the needs name (any digit, any blank): their test (None: not known,
        # counted as met) and bits
        self._marks: list[tuple[re.Pattern[str] | None, int]] = []

    def _planned(self) -> list[_Step]:
        if self._plan is None:
            bits: dict[str, int] = {}
            masks = []
            bit = 1
            for pattern, _ in self.steps:
                mask = 0
                for need in needs_of(pattern):
                    mask |= bit
                    for ch in need:
                        bits[ch] = bits.get(ch, 0) | bit
                    bit <<= 1
                masks.append(mask)
            self._marks = [
                (_MARKS.get(mark), bits.pop(mark)) for mark in list(bits) if len(mark) != 1
            ]
            self._bits, self._chars = bits, frozenset(bits)
            plan: list[_Step] = []
            for (pattern, replacement), mask in zip(self.steps, masks, strict=True):
                source = source_of(pattern)
                words = (
                    word_needs(source) if source is not None and matches_its_source(pattern) else ()
                )
                short = tuple(choices for choices in words if len(choices) <= _WORDS_CHECKED)
                added = self._met(replacement) if isinstance(replacement, str) else None
                plan.append((pattern, replacement, mask, short, added))
            self._plan = plan  # last: another thread may be reading
        return self._plan

    def _met(self, text: str) -> int:
        """The bits of the needs *text* meets: those of its characters, and of the marks it
        meets (a mark whose test is not known counts as met: more steps are tried, never
        fewer)."""
        met = reduce(or_, map(self._bits.__getitem__, self._chars.intersection(text)), 0)
        for mark, bits in self._marks:
            if mark is None or mark.search(text):
                met |= bits
        return met

    def __call__(self, text: str) -> str:
        plan = self._planned()
        met = self._met(text)
        for pattern, replacement, mask, words, added in plan:
            if mask & met != mask or (words and _lacks(text, words)):
                continue
            replaced = pattern.sub(replacement, text)
            if replaced != text:
                # a template adds only its own characters (a group copies the text's)
                met = met | added if added is not None else self._met(replaced)
                text = replaced
        return text


def _lacks(text: str, words: tuple[tuple[str, ...], ...]) -> bool:
    """Whether *text* holds none of the words of one of the lists."""
    for choices in words:
        for word in choices:
            if word in text:
                break
        else:
            return True
    return False
