"""BM25 over weighted fields, plus how much of the query a document covers.

A :class:`MeaningIndex` is built once from documents made of weighted texts (a
glossary term: name, aliases, reading, description; a checklist item: goal,
description, 手法例 …). :meth:`MeaningIndex.rank` scores each document for the
groups of a parsed query (see :mod:`interview.search.query`):

* ``bm25``: the usual BM25 sum (k1 = 1.2, b = 0.75) where a token's frequency is
  the sum of the weights of the fields holding it (BM25F-like), each group taking
  its best alternative (the word itself or a paraphrase);
* ``coverage``: the share of the query's content words the document holds, each
  word weighted by its rarity (IDF). A word found in no document at all (``ばなな``)
  still weighs in, so a query of unknown words covers nothing.

The caller combines the two and applies a threshold on coverage: a document that
holds only a small part of what was asked is not an answer.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from interview.search.query import JUNCTION_PREFIX, KANA_PREFIX, PREFIXES, Group
from interview.search.tokens import text_tokens

K1 = 1.2
B = 0.75
UNKNOWN_SHARE = 0.5
LONG_QUERY_EASING = 0.15
WEAK_TOKEN = 0.5
ORPHAN_PREFIX = "孤:"
"""Marks a query kanji none of whose bigrams the index knows: it matches no document."""


_U_ROW = {
    "キ": ("ク",),
    "ギ": ("グ",),
    "シ": ("シュ", "ス"),
    "ジ": ("ジ", "ズ"),
    "チ": ("チ", "ツ"),
    "ビ": ("ブ",),
    "ピ": ("プ",),
    "ミ": ("ム",),
    "イ": ("",),
}
"""The kana an ``-ing`` form's stem ends with → the word's last kana (ロギ → ログ)."""


class Scored(NamedTuple):
    doc: int
    bm25: float
    coverage: float


class MeaningIndex:
    """Inverted index of weighted tokens over a fixed list of documents."""

    def __init__(
        self,
        documents: Sequence[Iterable[tuple[str | Sequence[str], float]]],
        unknown_share: float = UNKNOWN_SHARE,
        orphan_kanji: bool = False,
        unmeasured: Sequence[Sequence[tuple[Sequence[str], float]]] = (),
    ) -> None:
        """*unmeasured*: per document, fields (an item's everyday words) that add to what
        it holds but not to its length, so a longer word list does not lower the rank
        the item's own texts give it."""
        self.orphan_kanji = orphan_kanji
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        lengths: list[float] = []
        for doc, fields in enumerate(documents):
            length = 0.0
            for text, weight in fields:
                tokens = text_tokens(text) if isinstance(text, str) else text
                length += weight * len(tokens)
                for token in tokens:
                    row = postings[token]
                    row[doc] = row.get(doc, 0.0) + weight
            lengths.append(length)
            for tokens, weight in unmeasured[doc] if doc < len(unmeasured) else ():
                for token in tokens:
                    row = postings[token]
                    row[doc] = row.get(doc, 0.0) + weight
        self.size = len(lengths)
        self._postings = dict(postings)
        average = sum(lengths) / max(1, len(lengths)) or 1.0
        self._norms = [K1 * (1 - B + B * length / average) for length in lengths]
        n = max(1, self.size)
        self._idf = {
            token: math.log(1 + (n - len(row) + 0.5) / (len(row) + 0.5))
            for token, row in self._postings.items()
        }
        self._prepared: dict[tuple[tuple[str, ...], bool], list[tuple[str, float]]] = {}
        self.unknown_idf = unknown_share * math.log(1 + (n + 0.5) / 0.5)

    def idf(self, token: str) -> float:
        """The token's IDF; a token in no document weighs :data:`UNKNOWN_SHARE` of the
        most (jargon the index cannot judge; a query of only such words covers 0)."""
        if token.startswith(ORPHAN_PREFIX):
            token = token[len(ORPHAN_PREFIX) :]  # weighs as itself, matches nothing
        return self._idf.get(token, self.unknown_idf)

    def holds_token(self, token: str) -> bool:
        """Whether any document holds *token*."""
        return token in self._postings

    def common(self, token: str, least: int = 3) -> bool:
        """Whether at least *least* documents hold *token* (a word of the texts, not a
        chance pair of kanji)."""
        return len(self._postings.get(token, ())) >= least

    def holds(self, doc: int, token: str) -> bool:
        return doc in self._postings.get(token, {})

    def split_katakana(self, word: str) -> list[str] | None:
        """Cut an unknown katakana compound into words this index knows, longest first
        from the left (``アンチウイルス`` → アンチ?, ウイルス); None if under 60 % of it
        is known."""
        pieces: list[str] = []
        known = 0
        at = 0
        if not any("ト:" + word[:end] in self._postings for end in range(3, len(word))):
            # The head comes last: a compound opening with a word unknown here
            # (フリー|アドレス) is no kind of the known word.
            return None
        while at < len(word):
            for end in range(len(word), at + 1, -1):
                if "ト:" + word[at:end] in self._postings:
                    pieces.append(word[at:end])
                    known += end - at
                    at = end
                    break
            else:
                at += 1
        if known < 0.6 * len(word) or not pieces:
            return None
        return pieces

    def prepare(self, tokens: tuple[str, ...], generic: bool = False) -> list[tuple[str, float]]:
        """Weigh an alternative's tokens; unknown katakana words are cut into known ones.

        In a word that counts fully (not *generic*), a kanji whose every bigram is
        unknown here matches nothing (see :meth:`_drop_orphans`)."""
        key = (tokens, generic)
        cached = self._prepared.get(key)
        if cached is None:
            cached = self._prepare(tokens)
            if self.orphan_kanji and not generic:
                cached = self._drop_orphans(cached)
            self._prepared[key] = cached
            if len(self._prepared) > 4096:
                self._prepared.clear()
                self._prepared[key] = cached
        return cached

    def kana_words(self, kana: str) -> list[str]:
        """Known katakana words in a hiragana run read as katakana (``バックアップノ``
        → バックアップ): longest first from the left, three letters or more (める is
        no メール); the rest (particles, okurigana) is skipped."""
        words: list[str] = []
        at = 0
        while at < len(kana):
            for end in range(len(kana), at + 1, -1):
                word = kana[at:end]
                if len(word) >= 3 and "ト:" + word in self._postings:
                    words.append(word)
                    at = end
                    break
            else:
                at += 1
        return words

    def _prepare(self, tokens: tuple[str, ...]) -> list[tuple[str, float]]:
        prepared: list[tuple[str, float]] = []
        unknown: set[str] = set()
        """Bigrams of unknown katakana words: letters of another word, not evidence."""
        for token in dict.fromkeys(tokens):
            if token.startswith(KANA_PREFIX):
                prepared.extend(("ト:" + w, 1.0) for w in self.kana_words(token[2:]))
                continue
            if token in unknown:
                continue
            if token.startswith("ト:") and token not in self._postings:
                word = token[2:]
                base = self.katakana_base(word)
                if base:
                    # ハードコーディング is ハードコード, ロギング ログ: the word itself.
                    prepared.append(("ト:" + base, 1.0))
                    unknown.update(word[i : i + 2] for i in range(len(word) - 1))
                    continue
                pieces = self.split_katakana(word) if len(token) > 5 else None
                if pieces:
                    prepared.extend(("ト:" + piece, 1.0) for piece in pieces)
                    continue
                if self.orphan_kanji and not self._inside_known(word):
                    # ストレス is not ストレージ's スト and アドレス's レス: an unknown
                    # word (not part of a known one: パブリック of パブリッククラウド)
                    # matches only a known word it is a typo of (バックアプ).
                    unknown.update(word[i : i + 2] for i in range(len(word) - 1))
                    near = self.near_katakana(word)
                    if near:
                        # It counts about half: the word as typed still weighs.
                        prepared.append(("ト:" + near, 1.0))
            prepared.append((token, _token_weight(token)))
        return [(t, w) for t, w in prepared if t not in unknown or t.startswith("ト:")]

    def katakana_base(self, word: str) -> str | None:
        """The known word an unknown katakana ``-ing`` form is made from (long-vowel
        marks dropped): ハドコディング → ハドコド, ロギング → ログ, マスキング → マスク,
        フィルタリング → フィルタ, スキャニング → スキャン, ハッシング → ハッシュ."""
        if len(word) < 4 or not word.endswith("ング"):
            return None
        stem = word[:-2]
        last = stem[-1]
        forms = [stem]
        if last == "ィ" and len(stem) > 2:
            forms.append(stem[:-2] + {"デ": "ド", "テ": "ト"}.get(stem[-2], stem[-2]))
        elif last == "リ":
            forms.append(stem[:-1])
        elif last == "ニ":
            forms.append(stem[:-1] + "ン")
        elif last in _U_ROW:
            forms += [stem[:-1] + u for u in _U_ROW[last]]
        for form in forms:
            if len(form) >= 2 and "ト:" + form in self._postings:
                return form
        return None

    def _katakana_words(self) -> list[str]:
        """The katakana words of the index (three letters or more), listed once."""
        known = self.__dict__.get("_katakana")
        if known is None:
            known = [t[2:] for t in self._postings if t.startswith("ト:") and len(t) >= 5]
            self.__dict__["_katakana"] = known
        return known

    def _inside_known(self, word: str) -> bool:
        return len(word) >= 3 and any(word in known for known in self._katakana_words())

    def near_katakana(self, word: str) -> str | None:
        """The known katakana word *word* is a typo of (one letter left out, added or
        changed after the first, in a word of five letters or more), or None."""
        if len(word) < 5:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        known = [k for k in self._katakana_words() if k[0] == word[0]]
        found = process.extractOne(word, known, scorer=Levenshtein.distance, score_cutoff=1)
        return found[0] if found else None

    def _drop_orphans(self, prepared: list[tuple[str, float]]) -> list[tuple[str, float]]:
        """A kanji of the query whose every kanji bigram is unknown here (量 and 子 of
        量子, 帳 of 帳簿) is no evidence: 容量 and 電子 do not cover 量子暗号. Such a
        character stays in the query's weight as an unknown word but matches nothing."""
        bigrams = [t for t, _w in prepared if len(t) == 2 and all(_is_kanji(c) for c in t)]
        if not bigrams:
            return prepared
        known = {c for t in bigrams if t in self._postings for c in t}
        inside = {c for t in bigrams for c in t}
        chars = [t for t, _w in prepared if len(t) == 1 and t in inside]
        if len(chars) >= 3 and chars[0] in PREFIXES and chars[0] not in known and chars[1] in known:
            # A one-kanji prefix (各|部署, 孫|請け, 旧|システム) before a known word: the word.
            drop = {chars[0], chars[0] + chars[1]}
            prepared = [(t, w) for t, w in prepared if t not in drop]
            chars = chars[1:]
        if len(chars) >= 4 and chars[0] not in known and chars[1] not in known:
            # Japanese compounds end with their head: when what comes first is unknown
            # here (通勤|経路, 機種|変更), the word is a kind of thing no text speaks of,
            # not the known head. (補償|請求, known first, stays a 補償 word.)
            return [
                (t if t.startswith(ORPHAN_PREFIX) else ORPHAN_PREFIX + t, w) for t, w in prepared
            ]
        return [
            ((ORPHAN_PREFIX + t, w) if len(t) == 1 and t in inside and t not in known else (t, w))
            for t, w in prepared
        ]

    def rank(self, groups: Sequence[Group], allowed: Iterable[int] | None = None) -> list[Scored]:
        """Score every document holding at least one query token (unsorted)."""
        if not groups:
            return []
        allow = None if allowed is None else frozenset(allowed)
        if allow is not None and len(allow) >= self.size and allow.issuperset(range(self.size)):
            allow = None  # every document: nothing to leave out
        bm: dict[int, float] = defaultdict(float)
        covered: dict[int, float] = defaultdict(float)
        total_weight = 0.0
        for group in groups:
            weight = group.factor * self.group_weight(group)
            if weight <= 0:
                continue  # nothing this index knows (a hiragana run of particles)
            total_weight += weight
            best_bm, best_cover = self._group_scores(group, allow)
            for doc, value in best_bm.items():
                bm[doc] += value
                covered[doc] += weight * best_cover[doc]
        if total_weight <= 0:
            return []
        make = Scored._make
        return [make((doc, bm[doc], covered[doc] / total_weight)) for doc in bm]

    def _group_scores(
        self, group: Group, allow: frozenset[int] | None
    ) -> tuple[dict[int, float], dict[int, float]]:
        """Per document, the BM25 sum and the share of *group* its best alternative
        gives (see :meth:`rank`), once per group's alternatives and factor: a word is
        read the same way in every query holding it. The dicts are not to be changed."""
        cache: dict[tuple, tuple[dict[int, float], dict[int, float]]] | None
        cache = self.__dict__.get("_group_scores_cache")
        if cache is None or len(cache) > 4096:
            cache = self.__dict__["_group_scores_cache"] = {}
        key = (group.alternatives, group.factor, allow)
        found = cache.get(key)
        if found is None:
            found = cache[key] = self._score_group(group, allow)
        return found

    def _score_group(
        self, group: Group, allow: frozenset[int] | None
    ) -> tuple[dict[int, float], dict[int, float]]:
        best_bm: dict[int, float] = {}
        best_cover: dict[int, float] = {}
        for alternative in group.alternatives:
            alt_bm: dict[int, float] = defaultdict(float)
            alt_cover: dict[int, float] = defaultdict(float)
            tokens = self.prepare(alternative.tokens, group.factor < 1)
            idf_total = sum(self.idf(t) * w for t, w in tokens) or 1.0
            for token, token_weight in tokens:
                row = self._contributions(token, token_weight)
                if not row:
                    continue
                share = self._idf[token] * token_weight / idf_total
                for doc, value in row:
                    if allow is not None and doc not in allow:
                        continue
                    alt_bm[doc] += value
                    alt_cover[doc] += share
            for doc, value in alt_bm.items():
                value *= alternative.factor * group.factor
                if value > best_bm.get(doc, 0.0):
                    best_bm[doc] = value
                # A paraphrase ranks a little lower but covers the word fully.
                share = min(1.0, alt_cover[doc])
                if share > best_cover.get(doc, 0.0):
                    best_cover[doc] = share
        return best_bm, best_cover

    def _contributions(self, token: str, token_weight: float) -> tuple[tuple[int, float], ...]:
        """Each document holding *token* with the token's BM25 term for it (weighed by
        *token_weight*), computed once per token and weight: the index never changes."""
        cache: dict[tuple[str, float], tuple[tuple[int, float], ...]] | None
        cache = self.__dict__.get("_bm25_terms")
        if cache is None or len(cache) > 8192:
            cache = self.__dict__["_bm25_terms"] = {}
        key = (token, token_weight)
        found = cache.get(key)
        if found is None:
            row = self._postings.get(token)
            found = ()
            if row:
                idf = self._idf[token] * token_weight
                norms = self._norms
                found = tuple(
                    (doc, idf * tf * (K1 + 1) / (tf + norms[doc])) for doc, tf in row.items()
                )
            cache[key] = found
        return found

    def group_weight(self, group: Group) -> float:
        """A content word weighs the mean IDF of its own tokens; with :attr:`orphan_kanji`,
        a word that nothing here holds, nor any paraphrase of it (量子, 反社会的勢力),
        weighs as an unknown word however common its characters are."""
        cache: dict[Group, float] | None = self.__dict__.get("_group_weights")
        if cache is None or len(cache) > 4096:
            cache = self.__dict__["_group_weights"] = {}
        weight = cache.get(group)
        if weight is None:
            weight = cache[group] = self._group_weight(group)
        return weight

    def _group_weight(self, group: Group) -> float:
        generic = group.factor < 1
        tokens = self.prepare(group.alternatives[0].tokens, generic)
        if not tokens:
            return 0.0
        weight = sum(self.idf(t) * w for t, w in tokens) / sum(w for _t, w in tokens)
        if self.orphan_kanji and not generic and not self._known(group):
            weight = max(weight, self.unknown_idf)
        return weight

    def _known(self, group: Group) -> bool:
        postings = self._postings
        return any(
            t in postings
            for alternative in group.alternatives
            for t, _w in self.prepare(alternative.tokens)
        )


def coverage_cutoff(groups: Sequence[Group], base: float) -> float:
    """The least coverage that counts as an answer, for a query of these groups.

    A word or two must be mostly there (*base*). A long description (「番号の入力ミスを
    見つけるための最後の一桁」) is rarely matched word for word, so with each content
    word past two a little less is asked, down to *base* − :data:`LONG_QUERY_EASING`.
    """
    words = sum(
        1
        for g in groups
        if not g.alternatives[0].tokens[0].startswith(KANA_PREFIX)
        and not g.word.startswith(JUNCTION_PREFIX)
    )
    return base - LONG_QUERY_EASING * min(1.0, max(0, words - 2) / 2)


def _is_kanji(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char in "々〆ヶ"


def _token_weight(token: str) -> float:
    """A lone kanji or a katakana bigram is weak evidence of a word: half weight."""
    if len(token) == 1:
        return WEAK_TOKEN
    if len(token) == 2 and all("\u30a1" <= c <= "\u30fe" for c in token):
        return WEAK_TOKEN
    return 1.0
