"""Search the checklist's items by words in their goal, description, 手法例 and 注記.

``search_checklist("ログ")`` ranks items whose セキュリティ対応目標 mentions the word
first, then those whose description, 手法例 or 注記 do. A query that names a glossary
term (``2FA``, ``とーくん``) also finds the items that use the term's Japanese name; a
query of several words (``ログの保管``) finds items holding them all. Typos in longer
words are tolerated when the exact word finds too few items.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from typing import TYPE_CHECKING, Literal, NamedTuple

from interview.search.cache import PerCatalog
from interview.search.glossary import GlossaryIndex, glossary_index
from interview.search.normalize import normalize_query, normalize_with_offsets, query_words
from interview.search.scoring import BAND, PREFIX
from interview.search.snippet import snippet

if TYPE_CHECKING:
    from interview.catalog import Catalog, Item, Party

ItemField = Literal["goal", "description", "heading", "example", "note"]

FIELD_LABELS: dict[ItemField, str] = {
    "goal": "セキュリティ対応目標",
    "description": "説明",
    "heading": "手法例の見出し",
    "example": "手法例",
    "note": "注記",
}
_FIELD_ORDER: tuple[ItemField, ...] = ("goal", "description", "heading", "example", "note")
_FIELD_BASE: dict[ItemField, float] = {
    "goal": 90.0,
    "description": 80.0,
    "heading": 70.0,
    "example": 70.0,
    "note": 60.0,
}
GLOSSARY_FACTOR = 0.85
"""Matches found through a glossary term's other names score this fraction."""
WORDS_FACTOR = 0.8
"""Items holding every word of a several-word query (``ログの保管``), not side by side."""
FUZZY_CUTOFF = 85.0
"""Least rapidfuzz partial_ratio (0–100) that counts as a typo match in item text."""
FUZZY_MIN_QUERY = 4
FUZZY_BASE = 40.0
PART_OF_WORD = 6.0
"""Penalty for a match inside a longer katakana or ASCII word (ログ in プログラム, ログイン)."""
_MAX_EXPANSIONS = 8


class ItemHit(NamedTuple):
    """One checklist item found for a query.

    ``item`` is the 通番; ``score`` 0–100; ``field`` what matched best (see
    :data:`FIELD_LABELS` for its Japanese name); ``ref`` the 手法例 id (``"23.1.2"``)
    or 注記 label (``"注1"``) of that match, else ""; ``snippet`` one line around it.
    """

    item: int
    score: float
    field: ItemField
    snippet: str
    ref: str = ""

    @property
    def field_label(self) -> str:
        return FIELD_LABELS[self.field]


class _Entry(NamedTuple):
    item: int
    field: ItemField
    ref: str
    text: str
    folded: str
    classes: str
    """One class per folded character: k (katakana), a (ASCII letter or digit), o (other)."""

    def find(self, word: str) -> tuple[int, int]:
        """Where *word* occurs: (position to show, how many times as a whole word).

        The position is the first whole-word occurrence, else the first one; -1 if none.
        """
        first = position = self.folded.find(word)
        shown, whole = first, 0
        while position >= 0:
            if self._whole(position, position + len(word)):
                if not whole:
                    shown = position
                whole += 1
            position = self.folded.find(word, position + 1)
        return shown, whole

    def _whole(self, start: int, end: int) -> bool:
        classes = self.classes
        if start > 0 and classes[start] != "o" and classes[start - 1] == classes[start]:
            return False
        return not (end < len(classes) and classes[end] != "o" and classes[end] == classes[end - 1])


def _char_class(char: str) -> str:
    if "\u30a1" <= char <= "\u30fc" or "\uff66" <= char <= "\uff9d":
        return "k"
    return "a" if char.isascii() and char.isalnum() else "o"


def _fold(text: str) -> tuple[str, str]:
    """Fold *text* and class each folded character by the script of its source character."""
    flat = " ".join(text.split())
    folded, offsets = normalize_with_offsets(flat)
    return folded, "".join(_char_class(flat[i]) for i in offsets)


def _item_texts(item: Item) -> Iterator[tuple[ItemField, str, str]]:
    yield "goal", "", item.goal
    yield "description", "", item.description
    if item.description_footnote:
        yield "description", "", item.description_footnote
    for group in item.method_groups:
        yield "heading", "", group.heading
        for example in group.examples:
            yield "example", example.id, example.text
    for note in item.notes:
        texts = [note.intro, *note.outro]
        for point in note.points:
            texts.append(point.text)
            for sub in point.subpoints:
                texts.extend([sub.text, *sub.bullets])
        for text in texts:
            if text:
                yield "note", note.label, text


class ChecklistIndex:
    """Folded texts of every item, built once, plus the glossary for synonyms."""

    def __init__(self, catalog: Catalog, glossary: GlossaryIndex) -> None:
        from rapidfuzz import fuzz, process

        self._extract = process.extract
        self._partial = fuzz.partial_ratio
        self._alignment = fuzz.partial_ratio_alignment
        self._catalog = catalog
        self._glossary = glossary
        self._entries: list[_Entry] = []
        self._by_item: dict[int, range] = {}
        self._blobs: dict[int, str] = {}
        self._allowed: dict[Party | None, frozenset[int]] = {}
        for item in catalog.items:
            first = len(self._entries)
            for field, ref, text in _item_texts(item):
                folded, classes = _fold(text)
                if folded:
                    self._entries.append(_Entry(item.no, field, ref, text, folded, classes))
            self._by_item[item.no] = range(first, len(self._entries))
            # Folded text never holds "|", so no match can span two fields.
            self._blobs[item.no] = "|".join(e.folded for e in self._entries[first:])
        self._folded = [e.folded for e in self._entries]

    def _items_for(self, party: Party | None) -> frozenset[int]:
        allowed = self._allowed.get(party)
        if allowed is None:
            allowed = frozenset(i.no for i in self._catalog.items_for(party))
            self._allowed[party] = allowed
        return allowed

    def _words(self, query: str, folded: str) -> list[tuple[str, float]]:
        """The folded query, then other names of a glossary term the query names."""
        words = [(folded, 1.0)]
        for hit in self._glossary.search(query, limit=2):
            if hit.score < PREFIX:
                break
            term = hit.term
            for name in (term.term, *term.aliases):
                word = normalize_query(name)
                if folded in word or (word.isascii() and len(word) < 4):
                    continue
                if all(word != w for w, _ in words) and len(words) <= _MAX_EXPANSIONS:
                    words.append((word, GLOSSARY_FACTOR))
        return words

    def search(self, query: str, limit: int = 10, party: Party | None = None) -> list[ItemHit]:
        """Return up to *limit* items for *query*, best first; [] for an empty query."""
        folded = normalize_query(query)
        if not folded or limit <= 0:
            return []
        allowed = self._items_for(party)
        # item -> (score, field rank, entry index, folded position of the match)
        best: dict[int, tuple[float, int, int, int]] = {}

        def offer(at: int, score: float, position: int) -> None:
            entry = self._entries[at]
            rank = _FIELD_ORDER.index(entry.field)
            current = best.get(entry.item)
            if current is None or (score, -rank) > (current[0], -current[1]):
                best[entry.item] = (score, rank, at, position)

        for word, factor in self._words(query, folded):
            for item_no, blob in self._blobs.items():
                if item_no not in allowed or word not in blob:
                    continue
                found = [(at, *self._entries[at].find(word)) for at in self._by_item[item_no]]
                found = [f for f in found if f[1] >= 0]
                repeats = max(1, sum(whole for _at, _position, whole in found)) - 1
                for at, position, whole in found:
                    entry = self._entries[at]
                    bonus = 1.5 * repeats + 6 * len(word) / len(entry.folded)
                    score = _FIELD_BASE[entry.field] + min(BAND, bonus)
                    if not whole:
                        score -= PART_OF_WORD
                    offer(at, score * factor, position)
        words = query_words(query)
        if len(words) >= 2:
            self._all_words(words, allowed, set(best), offer)
        if len(best) < limit and len(folded) >= FUZZY_MIN_QUERY:
            self._fuzzy(folded, allowed, set(best), offer)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[0]))
        hits = []
        for item_no, (score, _rank, at, position) in ranked[:limit]:
            entry = self._entries[at]
            excerpt = snippet(entry.text, position=position)
            hits.append(ItemHit(item_no, round(score, 1), entry.field, excerpt, entry.ref))
        return hits

    def _all_words(
        self,
        words: list[str],
        allowed: frozenset[int],
        found: Container[int],
        offer: Callable[[int, float, int], None],
    ) -> None:
        """Offer items that hold every word, scored by the field holding the most of them."""
        for item_no, blob in self._blobs.items():
            if item_no not in allowed or item_no in found:
                continue
            if not all(word in blob for word in words):
                continue
            for at in self._by_item[item_no]:
                entry = self._entries[at]
                held = [word for word in words if word in entry.folded]
                if held:
                    coverage = len(held) / len(words)
                    score = (_FIELD_BASE[entry.field] + BAND * coverage) * WORDS_FACTOR
                    offer(at, score, entry.folded.find(held[0]))

    def _fuzzy(
        self,
        folded: str,
        allowed: frozenset[int],
        found: Container[int],
        offer: Callable[[int, float, int], None],
    ) -> None:
        """Offer typo matches (rapidfuzz partial_ratio) from items no literal match found."""
        for _text, similarity, at in self._extract(
            folded, self._folded, scorer=self._partial, score_cutoff=FUZZY_CUTOFF, limit=None
        ):
            entry = self._entries[at]
            if entry.item not in allowed or entry.item in found:
                continue
            if len(entry.folded) < len(folded):
                continue
            rank = _FIELD_ORDER.index(entry.field)
            score = FUZZY_BASE + BAND * (similarity - FUZZY_CUTOFF) / (100 - FUZZY_CUTOFF) - rank
            alignment = self._alignment(folded, entry.folded)
            offer(at, score, alignment.dest_start if alignment is not None else 0)


_indexes: PerCatalog[ChecklistIndex] = PerCatalog(
    lambda catalog: ChecklistIndex(catalog, glossary_index(catalog))
)


def checklist_index(catalog: Catalog | None = None) -> ChecklistIndex:
    """The index of *catalog*'s items (default: the shipped catalog), built once."""
    return _indexes.get(catalog)


def search_checklist(
    query: str, limit: int = 10, party: Party | None = None, catalog: Catalog | None = None
) -> list[ItemHit]:
    """Search the checklist items for *query*.

    With *party*, only the items that party answers (its own and the 共通 ones, as
    ``Catalog.items_for``) are searched. Returns up to *limit* hits, best first; an
    empty or whitespace-only query returns []. Never raises on odd input.
    """
    return checklist_index(catalog).search(query, limit, party)
