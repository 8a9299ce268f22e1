"""Search the checklist's items by what a query means.

``search_checklist("スタッフへの研修")`` finds item 3 although neither word is in it
as typed: the query is reduced to its content words (:mod:`interview.search.query`),
paraphrased with the synonym table (スタッフ → 役職員) and ranked with BM25 over each
item's goal, description, headings, 手法例, 注記 and our question texts and hints
(:mod:`interview.search.ranking`). An item must hold at least
:data:`COVERAGE_CUTOFF` of what was asked; a query about something the checklist does
not cover returns [].

The literal matching of earlier versions still counts: a word found as typed (in
the goal above all, as a whole word rather than inside ``プログラム``) lifts an item,
a query naming a glossary term (``2FA``) also finds the items using the term's
Japanese name, and typos in longer words are tolerated when nothing else is found.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal, NamedTuple

from interview.search.cache import PerCatalog
from interview.search.glossary import GlossaryIndex, glossary_index
from interview.search.normalize import (
    normalize,
    normalize_query,
    normalize_with_offsets,
    query_words,
)
from interview.search.scoring import BAND
from interview.search.snippet import snippet

if TYPE_CHECKING:
    from interview.catalog import Catalog, Item, Party

    # The meaning modules (query, ranking, tokens) load on the first index build, so
    # importing this package stays cheap for the app's start-up.
    from interview.questions.bank import Question, QuestionSet
    from interview.search.query import Group
    from interview.search.ranking import MeaningIndex
    from interview.search.shortlist import Shortlist

ItemField = Literal["goal", "description", "heading", "example", "note", "question", "hint"]

FIELD_LABELS: dict[ItemField, str] = {
    "goal": "セキュリティ対応目標",
    "description": "説明",
    "heading": "手法例の見出し",
    "example": "手法例",
    "note": "注記",
    "question": "質問",
    "hint": "ヒント",
}
_FIELD_ORDER: tuple[ItemField, ...] = (
    "goal",
    "description",
    "heading",
    "example",
    "note",
    "question",
    "hint",
)
_FIELD_BASE: dict[ItemField, float] = {
    "goal": 90.0,
    "description": 80.0,
    "heading": 70.0,
    "example": 70.0,
    "note": 60.0,
    "question": 60.0,
    "hint": 55.0,
}
FIELD_WEIGHTS: dict[ItemField, float] = {
    "goal": 3.0,
    "description": 2.0,
    "heading": 2.0,
    "example": 1.0,
    "note": 0.6,
    "question": 1.0,
    "hint": 0.6,
}
"""How much a word in each field counts in the meaning ranking (BM25F weights)."""
COVERAGE_CUTOFF = 0.5
"""Least share of the query's content words an item must hold to be found."""
SUGGEST_COVERAGE = 0.25
"""Least coverage for an item to be suggested when nothing is found."""
LITERAL_BONUS = 10.0
"""Added (scaled by the literal score) when the query occurs in the item as typed."""
LITERAL_FLOOR = 50.0
"""A literal match scoring less (a typo) adds nothing to a meaning match."""
LITERAL_ONLY = 0.5
"""An item holding the query as typed but too little of its meaning scores this share."""
MEANING_FLOOR = 42.0
"""When the best item is found by meaning alone and scores less than this, nothing is
close enough (「株主総会の議事録」 only meets 議事録, in one question's example)."""
UNKNOWN_SHARE = 0.65
"""A word no item holds weighs this share of the rarest word (see ranking.UNKNOWN_SHARE):
more than in the glossary, so 「顧客満足度調査」 is not answered by 顧客 and 調査 alone."""
BM25_SHARE = 0.5
"""How much of the meaning score comes from the BM25 rank (the rest from coverage)."""
TOGETHER_SHARE = 0.4
"""How much comes from the share of the query one sentence (entry) of the item holds."""
PARTY_WEIGHT = 1.0
_PARTY_WORDS = {
    "api_connector": "API接続先",
    "financial_institution": "金融機関",
    "common": "API接続先 金融機関",
}
KEYWORD_WEIGHT = 1.0
"""Field weight of an item's everyday words (keywords.toml)."""
DETAIL_SHARE = 0.5
"""The field weight of a question's detail prompt, relative to the question's text."""
GLOSSARY_FACTOR = 0.85
HEAD_FACTOR = 0.9
"""The weight of a sentence's subject typed as a name (金融ISAC, ISMS認証)."""
_HEAD_PHRASE = re.compile(r"^([^\u3041-\u3096\s]{4,})[\u3041-\u3096]")
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
_NOTE_REF = re.compile(r"[（(]\s*注\s*\d+\s*[）)]")
OUTSIDE_PREFIX = "外:"
"""Marks a word outside the checklist's domain (outside.toml): no text holds it."""


class _Prepared(NamedTuple):
    weight: float
    alternatives: list[tuple[float, float, list[tuple[str, float]]]]
    """(factor, total weighted IDF, [(token, weighted IDF)]) per alternative."""


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


_CLASSES: dict[str, str] = {}


def _fold(text: str) -> tuple[str, str]:
    """Fold *text* and class each folded character by the script of its source character."""
    flat = " ".join(text.split())
    folded, offsets = normalize_with_offsets(flat)
    classes = _CLASSES
    out = []
    for i in offsets:
        char = flat[i]
        kind = classes.get(char)
        if kind is None:
            kind = classes[char] = _char_class(char)
        out.append(kind)
    return folded, "".join(out)


def _item_texts(
    item: Item, questions: Sequence[Question] = (), intro: str = ""
) -> Iterator[tuple[ItemField, str, str, float]]:
    """Every text of *item* with its field, ref and weight in the meaning ranking."""
    yield "goal", "", item.goal, FIELD_WEIGHTS["goal"]
    yield "description", "", item.description, FIELD_WEIGHTS["description"]
    if item.description_footnote:
        yield "description", "", item.description_footnote, FIELD_WEIGHTS["note"]
    for group in item.method_groups:
        yield "heading", "", group.heading, FIELD_WEIGHTS["heading"]
        for example in group.examples:
            yield "example", example.id, example.text, FIELD_WEIGHTS["example"]
    for note in item.notes:
        texts = [note.intro, *note.outro]
        for point in note.points:
            texts.append(point.text)
            for sub in point.subpoints:
                texts.extend([sub.text, *sub.bullets])
        for text in texts:
            if text:
                yield "note", note.label, text, FIELD_WEIGHTS["note"]
    if intro:
        yield "question", "", intro, FIELD_WEIGHTS["question"]
    for question in questions:
        weight = FIELD_WEIGHTS["question"]
        yield "question", question.id, question.short, weight
        yield "question", question.id, question.text, weight
        if question.detail_prompt:
            yield "question", question.id, question.detail_prompt, weight * DETAIL_SHARE
        if question.hint:
            yield "hint", question.id, question.hint, FIELD_WEIGHTS["hint"]


class ChecklistIndex:
    """Every item's texts, folded and tokenised once, plus the glossary for synonyms.

    Build it with :meth:`build` from a catalog (the shipped one or a tailored
    session's, 追加N items included) and, optionally, its question set; then call
    :meth:`search` on every keystroke: nothing is tokenised but the query.
    """

    def __init__(
        self,
        catalog: Catalog,
        glossary: GlossaryIndex,
        questions: QuestionSet | None = None,
        built: _Built | None = None,
    ) -> None:
        from rapidfuzz import fuzz, process

        self._extract = process.extract
        self._partial = fuzz.partial_ratio
        self._alignment = fuzz.partial_ratio_alignment
        self._catalog = catalog
        self._glossary = glossary
        self._allowed: dict[Party | None, frozenset[int]] = {}
        if built is None:
            built = _build(catalog, questions)
        self._entries = built.entries
        self._tokens = built.tokens
        self._by_item = built.by_item
        self._blobs = built.blobs
        self._items = built.items
        self._meaning = built.meaning
        self._phrases = built.phrases
        self._folded = [e.folded for e in self._entries]
        self._docs = {no: doc for doc, no in enumerate(self._items)}
        self._built = built

    @cached_property
    def _postings(self) -> _Postings:
        return self._built.postings or _Postings(self._tokens, self._phrases)

    @cached_property
    def _starts(self) -> dict[int, list[int]]:
        """Where each entry of an item starts in the item's blob."""
        starts: dict[int, list[int]] = {}
        for item_no, entries in self._by_item.items():
            at, own = 0, []
            for index in entries:
                own.append(at)
                at += len(self._folded[index]) + 1  # and the "|" after it
            starts[item_no] = own
        return starts

    @cached_property
    def _shortlist(self) -> Shortlist:
        from interview.search.shortlist import Shortlist

        return self._built.shortlist or Shortlist(self._folded)

    @cached_property
    def _field_roots(self) -> list[float]:
        """Each entry's field weight to the power 1/4 (its weight in :meth:`_best_entry`)."""
        return [FIELD_WEIGHTS[entry.field] ** 0.25 for entry in self._entries]

    @classmethod
    def build(
        cls,
        catalog: Catalog,
        banks: QuestionSet | None = None,
        glossary: GlossaryIndex | None = None,
    ) -> ChecklistIndex:
        """The index of *catalog* with the questions of *banks*.

        Without *banks*, the shipped question banks are used when they fit the
        catalog (a tailored catalog's extra items are then indexed without questions).
        The shipped checklist's index is cached on disk (see :mod:`interview.search.store`).
        """
        glossary = glossary or GlossaryIndex(catalog.glossary)
        if banks is None and _is_shipped(catalog):
            from pathlib import Path

            from interview.datapaths import catalog_dir, question_banks_dir
            from interview.search import store
            from interview.search.query import SYNONYMS_FILE

            code = Path(__file__).parent.parent  # the search, catalog and questions code
            from interview.search.keywords import KEYWORDS_FILE

            sources = [catalog_dir(), question_banks_dir(), SYNONYMS_FILE, KEYWORDS_FILE]
            for package in ("search", "catalog", "questions"):
                sources += sorted((code / package).glob("*.py"))
            built = store.cached(
                "checklist",
                store.fingerprint(sources),
                lambda: _build(catalog, _shipped_questions(catalog)),
            )
            return cls(catalog, glossary, built=built)
        if banks is None:
            banks = _shipped_questions(catalog)
        return cls(catalog, glossary, banks)

    def _items_for(self, party: Party | None) -> frozenset[int]:
        allowed = self._allowed.get(party)
        if allowed is None:
            allowed = frozenset(i.no for i in self._catalog.items_for(party))
            self._allowed[party] = allowed
        return allowed

    def _names(self, word: str) -> list[str]:
        """Other names of the glossary term *word* names exactly (``2FA`` → 多要素認証 …)."""
        names: list[str] = []
        for term in self._glossary.named(word)[:2]:
            for name in (term.term, *term.aliases):
                folded = normalize_query(name)
                if word in folded or (folded.isascii() and len(folded) < 4):
                    continue
                if name not in names and len(names) < _MAX_EXPANSIONS:
                    names.append(name)
        return names

    def _groups(self, query: str, compounds: bool = True) -> tuple[Group, ...]:
        """The query's groups; with *compounds*, one more for each cut no item knows
        across (暗号|資産), so the parts do not answer for the whole, and a word outside
        the checklist's domain (社内報, outside.toml) weighs as an unknown word. Without
        (suggestions), the query's parts count as they are."""
        from interview.search.generic import at_generic_edge
        from interview.search.outside import outside_word
        from interview.search.query import (
            JUNCTION_PREFIX,
            Alternative,
            Group,
            junctions,
            parse_query,
            respelled,
        )
        from interview.search.tokens import text_tokens

        groups = parse_query(query, readings=True)
        mended = respelled(query, self._meaning.holds_token, self._meaning.common)
        if mended is not None:
            # A typo of an English word or a kana reading (encrytion, ぜいじゃくせ).
            query, groups = mended, parse_query(mended, readings=True)
        expanded = []
        plain = normalize(query)
        spans = query_words(query) if compounds else []
        outer = [w for w in spans if outside_word(w)]
        for bigram in junctions(query, readings=True) if compounds else ():
            if at_generic_edge(plain, bigram):
                continue  # 連携|開始時: the generic word is dropped, not asked for
            if not self._meaning.holds_token(bigram) and (
                any(bigram in w for w in outer) or not self._unknown_rest(bigram, groups)
            ):
                # A compound no item knows (暗号資産): its parts are not what was asked.
                expanded.append(Group(JUNCTION_PREFIX + bigram, (Alternative((bigram,), 1.0),)))
        # The query's words between particles, and the parser's own words that glue
        # okurigana (待ち時間 → 待時間), not those cut out of a longer word (社内報|告).
        folded = [normalize(g.word) for g in groups]
        glued = folded if compounds else []
        words = [*spans, *(w for w in glued if not any(w in span for span in spans))]
        outside = list(dict.fromkeys(w for w in words if outside_word(w)))
        for group, word in zip(groups, folded, strict=True):
            held = next((span for span in outside if word and word in span), None)
            if held is not None:
                # 社内報, 営業時間: ordinary company life, whatever item shares its letters
                # (or a key cut out of it: 営業|メール). The word weighs, matching nothing.
                outside.remove(held)
                unknown = Alternative((OUTSIDE_PREFIX + normalize(held),), 1.0)
                expanded.append(Group(held, (unknown,)))
                continue
            if any(word and word in normalize(w) for w in _outside_words(expanded)):
                continue  # another part of an outside word already stands for it
            extra = self._names(word) if len(group.word) >= 2 else []
            if extra:
                more = [Alternative(tuple(text_tokens(n)), GLOSSARY_FACTOR) for n in extra]
                group = Group(group.word, (*group.alternatives, *more), group.factor)
            expanded.append(group)
        return tuple(expanded)

    def _unknown_rest(self, bigram: str, groups: Sequence[Group]) -> bool:
        """Whether the rest of the compound a key was cut out of (新人 of 新人|研修) is a
        word no item knows: it weighs as an unknown word already, and the compound's
        junction would count the same unknown twice."""
        meaning = self._meaning
        for group in groups:
            word = group.word
            if len(word) < 2 or len(group.alternatives) > 1:
                continue  # a key (it has paraphrases), or a lone kanji
            if (word.endswith(bigram[0]) or word.startswith(bigram[1])) and not any(
                meaning.holds_token(word[i : i + 2]) for i in range(len(word) - 1)
            ):
                return True
        return False

    def search(self, query: str, limit: int = 10, party: Party | None = None) -> list[ItemHit]:
        """Return up to *limit* items for *query*, best first; [] for an empty query.

        An item found by meaning scores up to 100 by how much of the query it holds
        and its BM25 rank, plus up to :data:`LITERAL_BONUS` when the query occurs in
        it as typed. An item holding the query only as typed, or with a typo, scores
        at most 50.
        """
        folded = normalize_query(query)
        if not folded or limit <= 0:
            return []
        allowed = self._items_for(party)
        groups = self._groups(query)
        if groups and not any(
            group.factor >= 1 and self._meaning.group_weight(group) > 0 for group in groups
        ):
            # Only generic words (導入, 採用) are left: they name no topic of their own.
            return []
        outside = any(_is_outside(group) for group in groups)
        literal = self._literal(query, folded, allowed, outside)
        docs = [self._docs[no] for no in allowed if no in self._docs]
        from interview.search.ranking import coverage_cutoff

        cutoff = coverage_cutoff(groups, COVERAGE_CUTOFF)
        scored = [s for s in self._meaning.rank(groups, docs) if s.coverage >= cutoff]
        top = max((s.bm25 for s in scored), default=0.0) or 1.0
        prepared = self._prepare(groups) if scored else []
        wanted = frozenset(
            token
            for group in prepared
            for _f, _t, weighted in group.alternatives
            for token, _v in weighted
        )
        postings = self._postings
        plan = _Plan(_plan(prepared, postings.bit), postings.mask(wanted))
        holding = postings.holding(wanted) if scored else _Holding((), ())
        # item -> (score, entry index, folded position)
        best: dict[int, tuple[float, int, int]] = {}
        by_meaning = {self._items[found.doc] for found in scored}
        for item_no, (score, _rank, at, position) in literal.items():
            if item_no not in by_meaning:
                best[item_no] = (score * LITERAL_ONLY, at, position)

        # An item's score with every word of the query in one sentence (together = 1) is
        # the most it can score: items are scored best bound first, and once the next
        # bound is under the limit-th score found, no item left can be among the hits.
        def score_of(
            coverage: float, rank: float, together: float, typed: tuple[float, ...] | None
        ) -> float:
            meaning = coverage * (
                1 - BM25_SHARE - TOGETHER_SHARE + BM25_SHARE * rank + TOGETHER_SHARE * together
            )
            score = (100 - LITERAL_BONUS) * meaning
            if typed is not None and typed[0] >= LITERAL_FLOOR:
                score += LITERAL_BONUS * typed[0] / 100
            return score

        bounded = []
        for found in scored:
            item_no = self._items[found.doc]
            rank = found.bm25 / top
            typed = literal.get(item_no)
            bound = score_of(found.coverage, rank, 1.0, typed)
            bounded.append((bound, item_no, rank, found, typed))
        bounded.sort(key=lambda b: -b[0])
        lowest = [value for value, _at, _position in best.values()]  # the limit best, a heap
        heapq.heapify(lowest)
        while len(lowest) > limit:
            heapq.heappop(lowest)
        for bound, item_no, rank, found, typed in bounded:
            if len(lowest) >= limit and bound < lowest[0]:
                break  # neither this item nor any after it can be a hit
            at, position, together = self._best_entry(item_no, plan, holding)
            score = score_of(found.coverage, rank, together, typed)
            if typed is not None and typed[0] >= LITERAL_FLOOR:
                at, position = typed[2], typed[3]
            best[item_no] = (score, at, position)
            if len(lowest) < limit:
                heapq.heappush(lowest, score)
            elif score > lowest[0]:
                heapq.heapreplace(lowest, score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if ranked and ranked[0][1][0] < MEANING_FLOOR and ranked[0][0] not in literal:
            return []  # the best is a loose match: nothing is close enough
        hits = []
        for item_no, (score, at, position) in ranked[:limit]:
            entry = self._entries[at]
            excerpt = snippet(entry.text, position=position)
            score = min(100.0, max(0.1, score))
            hits.append(ItemHit(item_no, round(score, 1), entry.field, excerpt, entry.ref))
        return hits

    def suggest(self, query: str, limit: int = 3, party: Party | None = None) -> list[int]:
        """Items the query may be about when :meth:`search` finds none ("did you mean"):
        those holding some of its words, best first; [] when none holds any."""
        if not normalize_query(query) or limit <= 0:
            return []
        allowed = self._items_for(party)
        docs = [self._docs[no] for no in allowed if no in self._docs]
        scored = [
            s
            for s in self._meaning.rank(self._groups(query, compounds=False), docs)
            if s.coverage >= SUGGEST_COVERAGE
        ]
        scored.sort(key=lambda s: (-s.coverage * s.bm25, self._items[s.doc]))
        return [self._items[s.doc] for s in scored[:limit]]

    def _prepare(self, groups: Sequence[Group]) -> list[_Prepared]:
        """Each group with its weight and its alternatives' weighted tokens, once per query."""
        meaning = self._meaning
        prepared = []
        for group in groups:
            weight = group.factor * meaning.group_weight(group)
            if weight <= 0:
                continue
            alternatives = []
            for alternative in group.alternatives:
                tokens = [
                    (t, meaning.idf(t) * w)
                    for t, w in meaning.prepare(alternative.tokens, group.factor < 1)
                ]
                total = sum(value for _t, value in tokens)
                if total > 0:
                    alternatives.append((alternative.factor, total, tokens))
            prepared.append(_Prepared(weight, alternatives))
        return prepared

    def _best_entry(self, item_no: int, plan: _Plan, holding: _Holding) -> tuple[int, int, float]:
        """The entry of *item_no* holding most of the query, where its rarest match is,
        and how much of the query (0–1) that one entry holds: words found together in
        one sentence say more than words scattered over the item.

        *holding* lists the entries and everyday phrases that hold a token of *plan* (the
        others would score 0): only they are looked at. What an entry scores depends
        only on which of the query's tokens it holds, so entries holding the same ones
        share one computation (see :class:`_Plan`).
        """
        entries = self._by_item[item_no]
        best_at, best_value, best_cover, best_token = entries.start, 0.0, 0.0, ""
        total_weight = plan.total_weight
        field_roots = self._field_roots
        postings = self._postings
        masks = postings.entry_masks
        wanted = plan.wanted
        values = plan.values
        for at in holding.entries_in(entries):
            held = masks[at] & wanted  # the query's tokens the entry holds, as bits
            found = values.get(held)
            if found is None:
                found = values[held] = _entry_value(held, plan.groups)
            value, cover, rarest = found
            value *= field_roots[at]
            if value > best_value:
                best_at, best_value, best_token = at, value, rarest
            cover /= total_weight
            if cover > best_cover:
                best_cover = cover
        phrases = postings.phrase_masks
        shares = plan.shares
        for index in holding.phrases_in(postings.phrase_range(item_no)):
            # An everyday phrase for the item (keywords.toml) holds words together too.
            held = phrases[index] & wanted
            share = shares.get(held)
            if share is None:
                share = shares[held] = _share(held, plan.groups)
            cover = share / total_weight
            if cover > best_cover:
                best_cover = cover
        if len(entries) == 0:
            return entries.start, -1, 0.0
        surface = best_token.split(":", 1)[-1]
        position = self._entries[best_at].folded.find(surface) if surface else -1
        return best_at, position, best_cover

    def _literal(
        self, query: str, folded: str, allowed: frozenset[int], outside: bool = False
    ) -> dict[int, tuple[float, int, int, int]]:
        """The query as typed: item -> (score 0–100, field rank, entry index, position).

        *outside*: the query holds a word outside the checklist's domain; only the whole
        query found as a whole word counts (「統合ATMシステム」, not 在庫 and 管理 apart).
        """
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
                texts = self._folded
                found = [
                    (at, *self._entries[at].find(word))
                    for at in self._by_item[item_no]
                    if word in texts[at]  # (else not found: position -1)
                ]
                found = [f for f in found if f[2] or not outside]
                repeats = max(1, sum(whole for _at, _position, whole in found)) - 1
                for at, position, whole in found:
                    entry = self._entries[at]
                    bonus = 1.5 * repeats + 6 * len(word) / len(entry.folded)
                    score = _FIELD_BASE[entry.field] + min(BAND, bonus)
                    if not whole:
                        score -= PART_OF_WORD
                    offer(at, score * factor, position)
        words = query_words(query)
        if outside:
            return best
        if len(words) >= 2:
            self._all_words(words, allowed, set(best), offer)
        if not best and len(folded) >= FUZZY_MIN_QUERY and len(words) <= 1:
            self._fuzzy(folded, allowed, set(best), offer)
        return best

    def _words(self, query: str, folded: str) -> list[tuple[str, float]]:
        """The folded query, then other names of a glossary term the query names."""
        words = [(folded, 1.0)]
        head = _HEAD_PHRASE.match(unicodedata.normalize("NFKC", query).strip())
        if head and _has_kanji_and_latin(head.group(1)):
            # A sentence about a named thing (「金融ISACに入っていますか」): its subject
            # as typed, written in kanji and Latin letters together, counts too.
            subject = normalize_query(head.group(1))
            if subject != folded:
                words.append((subject, HEAD_FACTOR))
        for name in self._names(folded):
            word = normalize_query(name)
            if all(word != w for w, _ in words):
                words.append((word, GLOSSARY_FACTOR))
        return words

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
            # Only the entries some word occurs in (found in the item's blob) hold any.
            starts = self._starts[item_no]
            first = self._by_item[item_no].start
            holding: set[int] = set()
            for word in words:
                position = blob.find(word)
                while position >= 0:
                    holding.add(first + bisect_right(starts, position) - 1)
                    position = blob.find(word, position + 1)
            for at in sorted(holding):
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
        # Only texts that can score the cutoff are scored (see interview.search.shortlist);
        # a text shorter than the query is passed over below.
        places = self._shortlist.longer_candidates(folded, FUZZY_CUTOFF)
        texts = [self._folded[at] for at in places]
        for _text, similarity, place in self._extract(
            folded, texts, scorer=self._partial, score_cutoff=FUZZY_CUTOFF, limit=None
        ):
            at = places[place]
            entry = self._entries[at]
            if entry.item not in allowed or entry.item in found:
                continue
            if len(entry.folded) < len(folded):
                continue
            rank = _FIELD_ORDER.index(entry.field)
            score = FUZZY_BASE + BAND * (similarity - FUZZY_CUTOFF) / (100 - FUZZY_CUTOFF) - rank
            alignment = self._alignment(folded, entry.folded)
            offer(at, score, alignment.dest_start if alignment is not None else 0)


def _entry_value(held: int, plan: Sequence[_Planned]) -> tuple[float, float, str]:
    """What one text holding the query's tokens *held* (bits, see :class:`_Postings`) is
    worth for the query (before its field's weight), the weighted share of the query it
    holds (unnormalised) and its rarest match.

    A group or alternative whose tokens the text holds none of adds nothing and is
    skipped, so the sums and comparisons are those of a walk over every group and
    token, in the same order."""
    value, cover, rarest, rarest_value = 0.0, 0.0, "", 0.0
    for weight, group_bits, alternatives in plan:
        if not held & group_bits:
            continue  # adds 0 to value and cover
        group_share, group_value, group_token, group_token_value = 0.0, 0.0, "", 0.0
        for factor, total, alternative_bits, weighted in alternatives:
            if not held & alternative_bits:
                continue  # holds 0 of it: changes neither the value nor the share
            alt_value, alt_token, alt_token_value = 0.0, "", 0.0
            for token, token_value, bit in weighted:
                if held & bit:
                    alt_value += token_value
                    if token_value > alt_token_value:
                        alt_token, alt_token_value = token, token_value
            if alt_value * factor > group_value:
                group_value = alt_value * factor
                group_token, group_token_value = alt_token, alt_token_value
            share = alt_value / total
            if share > group_share:
                group_share = share
        value += group_value * weight
        cover += group_share * weight
        if group_token_value > rarest_value:
            rarest, rarest_value = group_token, group_token_value
    return value, cover, rarest


class _Plan:
    """The query's prepared groups for :meth:`ChecklistIndex._best_entry`, with what
    texts holding a given set of its tokens were found worth, once per search: many
    entries hold the same few tokens (ログ alone), and their worth is the same."""

    def __init__(self, groups: list[_Planned], wanted: int) -> None:
        self.groups = groups
        self.wanted = wanted
        """Every token of the groups, as bits: a text's other tokens change nothing."""
        self.total_weight = sum(p.weight for p in groups) or 1.0
        self.values: dict[int, tuple[float, float, str]] = {}
        self.shares: dict[int, float] = {}


def _share(held: int, plan: Sequence[_Planned]) -> float:
    """The weighted share of the query's groups one text holds (unnormalised), from
    the query's tokens it holds, *held* (bits)."""
    cover = 0.0
    for weight, group_bits, alternatives in plan:
        if not held & group_bits:
            continue  # a share of 0
        share = 0.0
        for _factor, total, alternative_bits, weighted in alternatives:
            if not held & alternative_bits:
                continue
            found = sum(value for _token, value, bit in weighted if held & bit)
            share = max(share, found / total)
        cover += share * weight
    return cover


class _Planned(NamedTuple):
    """A prepared group with the token bits (see :class:`_Postings`) that let a text
    holding none of them be skipped: (weight, the group's bits, [(factor, total, bits,
    [(token, weighted IDF, bit)])])."""

    weight: float
    bits: int
    alternatives: list[tuple[float, float, int, list[tuple[str, float, int]]]]


def _plan(prepared: Sequence[_Prepared], bit: Callable[[str], int]) -> list[_Planned]:
    planned = []
    for group in prepared:
        alternatives = []
        group_bits = 0
        for factor, total, weighted in group.alternatives:
            with_bits = [(token, value, bit(token)) for token, value in weighted]
            bits = 0
            for _token, _value, one in with_bits:
                bits |= one
            group_bits |= bits
            alternatives.append((factor, total, bits, with_bits))
        planned.append(_Planned(group.weight, group_bits, alternatives))
    return planned


class _Holding(NamedTuple):
    """The entries and phrases (ascending indexes) that hold some token of one query."""

    entries: Sequence[int]
    phrases: Sequence[int]

    def entries_in(self, span: range) -> Sequence[int]:
        return _within(self.entries, span)

    def phrases_in(self, span: range) -> Sequence[int]:
        return _within(self.phrases, span)


def _within(ascending: Sequence[int], span: range) -> Sequence[int]:
    from bisect import bisect_left

    return ascending[bisect_left(ascending, span.start) : bisect_left(ascending, span.stop)]


class _Postings:
    """Which entries and everyday phrases hold each token (built on the first search),
    and each one's tokens as bits of an int (one bit per token of the index), so what
    an entry holds of a query is one ``&``."""

    def __init__(
        self, tokens: Sequence[frozenset[str]], phrases: dict[int, tuple[frozenset[str], ...]]
    ) -> None:
        self._entry_postings = _postings(tokens)
        self.phrases: list[frozenset[str]] = []
        self._phrase_ranges: dict[int, range] = {}
        for item_no, own in phrases.items():
            first = len(self.phrases)
            self.phrases.extend(own)
            self._phrase_ranges[item_no] = range(first, len(self.phrases))
        self._phrase_postings = _postings(self.phrases)
        self._ids: dict[str, int] = {}
        for texts in (tokens, self.phrases):
            for text in texts:
                for token in text:
                    self._ids.setdefault(token, len(self._ids))
        self.entry_masks = [self.mask(text) for text in tokens]
        self.phrase_masks = [self.mask(text) for text in self.phrases]

    def bit(self, token: str) -> int:
        """The token's bit; 0 for a token no entry or phrase holds."""
        at = self._ids.get(token)
        return 0 if at is None else 1 << at

    def mask(self, tokens: Iterable[str]) -> int:
        """The bits of *tokens* (those the index holds)."""
        ids = self._ids
        return sum(1 << ids[token] for token in set(tokens) if token in ids)

    def phrase_range(self, item_no: int) -> range:
        return self._phrase_ranges.get(item_no, range(0))

    def holding(self, wanted: frozenset[str]) -> _Holding:
        return _Holding(
            _holding(self._entry_postings, wanted), _holding(self._phrase_postings, wanted)
        )


def _postings(texts: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = {}
    for at, tokens in enumerate(texts):
        for token in tokens:
            postings.setdefault(token, []).append(at)
    return postings


def _holding(postings: dict[str, list[int]], wanted: frozenset[str]) -> list[int]:
    found: set[int] = set()
    for token in wanted:
        found.update(postings.get(token, ()))
    return sorted(found)


class _Built(NamedTuple):
    """What building an index computes (picklable, so it can be cached on disk)."""

    entries: list[_Entry]
    tokens: list[frozenset[str]]
    by_item: dict[int, range]
    blobs: dict[int, str]
    items: list[int]
    meaning: MeaningIndex
    phrases: dict[int, tuple[frozenset[str], ...]]
    """Each item's everyday phrases (keywords.toml), as token sets."""
    postings: _Postings | None = None
    """Which entries and phrases hold each token (built here so the cache holds it)."""
    shortlist: Shortlist | None = None
    """The entries' folded texts for the typo search's shortlist, its tables built."""


def _build(catalog: Catalog, questions: QuestionSet | None) -> _Built:
    from interview.search.keywords import item_keywords
    from interview.search.ranking import MeaningIndex
    from interview.search.tokens import text_tokens

    entries: list[_Entry] = []
    token_sets: list[frozenset[str]] = []
    by_item: dict[int, range] = {}
    blobs: dict[int, str] = {}
    items: list[int] = []
    documents: list[list[tuple[list[str], float]]] = []
    keywords = item_keywords() if _is_shipped_items(catalog) else {}
    phrases: dict[int, tuple[frozenset[str], ...]] = {}
    unmeasured: list[list[tuple[list[str], float]]] = []
    for item in catalog.items:
        first = len(entries)
        own: tuple[Question, ...] = ()
        intro = ""
        if questions is not None:
            own = tuple(q for q in _for_item(questions, item.no) if q.example is not None)
            intro = _intro(questions, item.no)
        fields: list[tuple[list[str], float]] = []
        for field, ref, text, weight in _item_texts(item, own, intro):
            folded, classes = _fold(text)
            if not folded:
                continue
            # A reference to a note (（注5）) is no word of the text: 「5年保管」 is not
            # every example that points to its note 5.
            tokens = text_tokens(_NOTE_REF.sub("", text))
            fields.append((tokens, weight))
            entries.append(_Entry(item.no, field, ref, text, folded, classes))
            token_sets.append(frozenset(tokens))
        words = keywords.get(item.no, ())
        extra: list[tuple[list[str], float]] = []
        if words:
            # Everyday words for the item: ranked with, never shown or matched as typed.
            extra = [(text_tokens("、".join(words)), KEYWORD_WEIGHT)]
            phrases[item.no] = tuple(frozenset(text_tokens(w)) for w in words)
        # Who answers the item is part of what it is about (「銀行側の本人確認」).
        fields.append((text_tokens(_PARTY_WORDS.get(str(item.party), "")), PARTY_WEIGHT))
        by_item[item.no] = range(first, len(entries))
        items.append(item.no)
        documents.append(fields)
        unmeasured.append(extra)
        # Folded text never holds "|", so no match can span two fields.
        blobs[item.no] = "|".join(e.folded for e in entries[first:])
    meaning = MeaningIndex(documents, UNKNOWN_SHARE, orphan_kanji=True, unmeasured=unmeasured)
    from interview.search.shortlist import Shortlist

    postings = _Postings(token_sets, phrases)
    shortlist = Shortlist([entry.folded for entry in entries])
    shortlist.prepare()
    return _Built(entries, token_sets, by_item, blobs, items, meaning, phrases, postings, shortlist)


def _is_shipped_items(catalog: Catalog) -> bool:
    """Whether *catalog*'s items are the guide's 44 (a tailored one keeps their 通番)."""
    return all(1 <= item.no <= 44 or item.no > 1000 for item in catalog.items)


def _is_shipped(catalog: Catalog) -> bool:
    from interview.catalog import load_catalog

    try:
        return catalog is load_catalog()
    except Exception:
        return False


def _shipped_questions(catalog: Catalog) -> QuestionSet | None:
    """The shipped question banks for *catalog*, or None when they do not fit it."""
    from interview.questions.bank import load_questions
    from interview.tomlio import DataFileError

    try:
        return load_questions(catalog)
    except (DataFileError, KeyError, ValueError, OSError):
        return None


def _for_item(questions: QuestionSet, item_no: int) -> tuple[Question, ...]:
    try:
        return questions.for_item(item_no)
    except KeyError:
        return ()


def _intro(questions: QuestionSet, item_no: int) -> str:
    try:
        return questions.intro(item_no)
    except KeyError:
        return ""


_indexes: PerCatalog[ChecklistIndex] = PerCatalog(
    lambda catalog: ChecklistIndex.build(catalog, glossary=glossary_index(catalog))
)


_with_banks: list[tuple[Catalog, QuestionSet, ChecklistIndex]] = []


def checklist_index(
    catalog: Catalog | None = None, banks: QuestionSet | None = None
) -> ChecklistIndex:
    """The index of *catalog*'s items (default: the shipped catalog), built once.

    *banks*: the question set a tailored session is answered with (its 追加N items'
    questions included); the index is then built with it, once per pair.
    """
    if banks is None or catalog is None or _is_shipped(catalog):
        return _indexes.get(catalog)
    for known_catalog, known_banks, index in _with_banks:
        if known_catalog is catalog and known_banks is banks:
            return index
    index = ChecklistIndex.build(catalog, banks, glossary_index(catalog))
    _with_banks[:] = [*_with_banks[-3:], (catalog, banks, index)]
    return index


def suggest_checklist(
    query: str, limit: int = 3, party: Party | None = None, catalog: Catalog | None = None
) -> list[int]:
    """通番 of items *query* may be about, for a search that found nothing."""
    return checklist_index(catalog).suggest(query, limit, party)


def search_checklist(
    query: str, limit: int = 10, party: Party | None = None, catalog: Catalog | None = None
) -> list[ItemHit]:
    """Search the checklist items for *query*.

    With *party*, only the items that party answers (its own and the 共通 ones, as
    ``Catalog.items_for``) are searched. Returns up to *limit* hits, best first; an
    empty or whitespace-only query returns []. Never raises on odd input.
    """
    return checklist_index(catalog).search(query, limit, party)


def _is_outside(group: Group) -> bool:
    first = group.alternatives[0].tokens[:1]
    return (
        bool(first)
        and first[0].startswith(OUTSIDE_PREFIX)
        and first == (OUTSIDE_PREFIX + normalize(group.word),)
    )


def _outside_words(groups: Sequence[Group]) -> list[str]:
    return [group.word for group in groups if _is_outside(group)]


def _has_kanji_and_latin(text: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in text) and any(
        "\u4e00" <= c <= "\u9fff" for c in text
    )
