"""Fuzzy search over the glossary: term, reading, aliases and description.

``search_glossary("とーくん")`` returns the best :class:`GlossaryHit` first. The index
is built once per catalog and reused, so calling it on every keystroke is cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from interview.search.cache import PerCatalog
from interview.search.normalize import normalize, normalize_query, query_words
from interview.search.scoring import (
    FUZZY_CUTOFF,
    description_score,
    description_words_score,
    fuzzy_score,
    literal_score,
    words_score,
)

if TYPE_CHECKING:
    from interview.catalog import Catalog, GlossaryTerm

GlossaryField = Literal["term", "alias", "yomi", "description"]

FIELD_LABELS: dict[GlossaryField, str] = {
    "term": "用語",
    "alias": "別名",
    "yomi": "読み",
    "description": "説明",
}
_FIELD_ORDER: tuple[GlossaryField, ...] = ("term", "alias", "yomi", "description")


class GlossaryHit(NamedTuple):
    """One glossary term found for a query.

    ``score`` is 0–100 (100: the query is the term, an alias or the reading); ``field``
    says what matched best and ``matched`` is that text as the catalog spells it.
    """

    term: GlossaryTerm
    score: float
    field: GlossaryField
    matched: str

    @property
    def field_label(self) -> str:
        return FIELD_LABELS[self.field]


class _Key(NamedTuple):
    term: int
    field: GlossaryField
    text: str


class GlossaryIndex:
    """Folded keys (term, aliases, reading) and descriptions of a glossary, built once."""

    def __init__(self, terms: Sequence[GlossaryTerm]) -> None:
        from rapidfuzz import fuzz, process

        self._extract = process.extract
        self._scorer = fuzz.WRatio
        self.terms: tuple[GlossaryTerm, ...] = tuple(terms)
        self._keys: list[str] = []
        self._owners: list[_Key] = []
        self._descriptions: list[str] = []
        self._order: list[tuple[int, str]] = []  # tie-break: shorter, then by name
        for index, term in enumerate(self.terms):
            seen: set[str] = set()
            sources: list[tuple[GlossaryField, str]] = [("term", term.term)]
            sources += [("alias", a) for a in term.aliases]
            sources.append(("yomi", term.yomi))
            for field, text in sources:
                key = normalize(text)
                if key and key not in seen:
                    seen.add(key)
                    self._keys.append(key)
                    self._owners.append(_Key(index, field, text))
            self._descriptions.append(normalize(term.description))
            self._order.append((len(normalize(term.term)), term.term))

    def search(self, query: str, limit: int = 10) -> list[GlossaryHit]:
        """Return up to *limit* terms for *query*, best first; [] for an empty query."""
        folded = normalize_query(query)
        if not folded or limit <= 0:
            return []
        best: dict[int, tuple[float, int, GlossaryField, str]] = {}

        def offer(term: int, score: float, field: GlossaryField, text: str) -> None:
            rank = _FIELD_ORDER.index(field)
            current = best.get(term)
            if current is None or (score, -rank) > (current[0], -current[1]):
                best[term] = (score, rank, field, text)

        words = query_words(query)
        for key, owner in zip(self._keys, self._owners, strict=True):
            score = literal_score(folded, key) or words_score(words, key)
            if score:
                offer(owner.term, score, owner.field, owner.text)
        if len(folded) >= 2:
            for _key, similarity, at in self._extract(
                folded, self._keys, scorer=self._scorer, score_cutoff=FUZZY_CUTOFF, limit=None
            ):
                owner = self._owners[at]
                offer(owner.term, fuzzy_score(similarity), owner.field, owner.text)
            for index, description in enumerate(self._descriptions):
                position = description.find(folded)
                if position >= 0:
                    score = description_score(folded, position, len(description))
                else:
                    score = description_words_score(words, description)
                if score:
                    offer(index, score, "description", self.terms[index].description)
        ranked = sorted(
            best.items(),
            key=lambda kv: (-kv[1][0], kv[1][1], self._order[kv[0]]),
        )
        return [
            GlossaryHit(self.terms[index], round(score, 1), field, text)
            for index, (score, _rank, field, text) in ranked[:limit]
        ]


_indexes: PerCatalog[GlossaryIndex] = PerCatalog(lambda catalog: GlossaryIndex(catalog.glossary))


def glossary_index(catalog: Catalog | None = None) -> GlossaryIndex:
    """The index of *catalog*'s glossary (default: the shipped catalog), built once."""
    return _indexes.get(catalog)


def search_glossary(
    query: str, limit: int = 10, catalog: Catalog | None = None
) -> list[GlossaryHit]:
    """Search the glossary for *query* (any mix of kana, kanji, English, typos).

    Returns up to *limit* hits, best first, each with a 0–100 score; an empty or
    whitespace-only query returns []. Never raises on odd input (control characters,
    emoji, very long strings).
    """
    return glossary_index(catalog).search(query, limit)
