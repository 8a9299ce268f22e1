"""Fuzzy search over the glossary: term, reading, aliases and description.

``search_glossary("とーくん")`` returns the best :class:`GlossaryHit` first. The index
is built once per catalog and reused, so calling it on every keystroke is cheap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

from interview.search.cache import PerCatalog
from interview.search.normalize import normalize, normalize_query, query_words
from interview.search.outside import about_company_life
from interview.search.scoring import (
    BAND,
    CONTAINED,
    EXACT,
    FUZZY_CUTOFF,
    PREFIX,
    SUBSTRING,
    fuzzy_score,
    literal_score,
    words_score,
)
from interview.search.undefined import about_undefined

if TYPE_CHECKING:
    from interview.catalog import Catalog, GlossaryTerm
    from interview.search.query import Group
    from interview.search.ranking import Scored

# The meaning modules (query, ranking, tokens) load on the first index build, so
# importing this package stays cheap for the app's start-up.

GlossaryField = Literal["term", "alias", "yomi", "description"]

FIELD_LABELS: dict[GlossaryField, str] = {
    "term": "用語",
    "alias": "別名",
    "yomi": "読み",
    "description": "説明",
}
_FIELD_ORDER: tuple[GlossaryField, ...] = ("term", "alias", "yomi", "description")
NAME_WEIGHT = 3.0
YOMI_WEIGHT = 2.0
KEYWORD_WEIGHT = 1.0
"""Weight of a term's everyday words (keywords.toml), like its description's."""
NAME_SHARE = 0.6
"""A name found inside the query must make up this share of it to count as named."""
CONTAINED_SHARE = 0.7
"""A name found inside a longer query must make up this share of it to count as named
(DMZって yes; 遠隔シェル, where 遠隔 narrows シェル down to rsh, no)."""
FUZZY_MAX_QUERY = 24
"""Typo matching on names runs for queries up to this many folded characters."""
COVERAGE_CUTOFF = 0.5
"""Least share of the query's content words a term must hold to be found by meaning."""
UNKNOWN_SHARE = 0.75
"""A word no term holds weighs this share of the rarest word (see ranking.UNKNOWN_SHARE):
「アジャイル開発」 is not answered by 開発 alone. Chosen on the tuning sets."""
NAMED_TYPED = 0.8
"""Share of a one-word query's own tokens a term's names must hold to count as named
(a typo is tolerated; 金融庁 does not name 金融ISAC by 金融)."""
NAMED_PARAPHRASE = 0.9
"""The same for a paraphrase of the word, which must be there (nearly) whole."""
SHORT_NAME = 5
"""A typo between a name and a query both this short is judged on the whole string."""
SHORT_RATIO = 75.0
"""Least rapidfuzz ratio for such a typo (ボット is no typo of テルネット)."""
LONGER_RATIO = 80.0
"""Least rapidfuzz ratio for a typo of a name shorter than the query: 遠隔シェル is no
typo of シェル, but 合意された手続き報告書 is one of 合意された手続報告書."""
SUGGEST_CUTOFF = 60.0
"""Least rapidfuzz WRatio for a name to be offered as "did you mean"."""
SUGGEST_COVERAGE = 0.35
SPELLED_LIKE = 75.0
"""Least rapidfuzz partial_ratio for a name to hold a near spelling of the query."""
PAIR_CUTOFF = 0.6
"""Coverage asked of a two-word query one word of which no term holds (「エンドポイント
保護」, 「端末の紛失」): the known word alone (保護, 端末) is not the answer. An unknown
English word is likelier a typo (mlti-factor) and keeps the usual cutoff."""
MEANING_FLOOR = 46.0
"""When the best term is found by meaning alone and scores less than this, nothing is
close enough (「Webサイトのアドレス」 must not bring up SQLインジェクション by "Web")."""
MEANING_BASE = 40.0
SAID_SCORE = MEANING_BASE + 24.5
"""A meaning match whose everyday phrase is the whole query: above the other meaning
matches (at most 64), below any name (70)."""
WHOLE_QUERY = 0.99
NEIGHBOURS = 3
CONTRAST_POOL = 10
"""Terms each search of a contrast query looks at before the neighbours come first."""
"""Terms nearest in meaning to a term a query contrasts its answer with (_neighbours)."""
NAMED_KEY = 3
"""Letters a name needs for the query holding it to count (see _lift_named_whole)."""
COMPANY_LIFE_WORDS = 4
"""Strong words a query naming an office thing needs for a term holding all of them to
answer it by meaning."""
"""Coverage of a term holding all of the query's content words."""
LIFT = 0.5
"""How far such a term is put above a name found only inside the query."""
MEANING_SPAN = 24.0


def _meaning_score(coverage: float, rank: float) -> float:
    """Map coverage (0–1) and BM25 relative to the best (0–1) into 40–64, below names.

    The square root of the rank lets a term holding all of a description stay near one
    that holds less of it but names part of it (BM25 favours the names, ×3)."""
    return MEANING_BASE + MEANING_SPAN * coverage * math.sqrt(rank)


def _holds(text: str, word: str) -> bool:
    """Whether folded *text* holds *word* as a word: ログ is not held by ログイン."""
    from interview.search.query import standalone

    start = text.find(word)
    while start >= 0:
        if standalone(text, start, start + len(word)):
            return True
        start = text.find(word, start + 1)
    return False


_PHRASE_BREAK = re.compile(r"[、。,.，．()（）「」『』・:：;；/]")
_ARGUMENT = ("ガ", "ヲ", "ニ", "ハ", "トハ", "デアル")


def _phrases(description: str) -> tuple[str, ...]:
    """The description cut at commas, brackets …, each part folded like the queries."""
    parts = (normalize(part) for part in _PHRASE_BREAK.split(description))
    return tuple(part for part in parts if part)


def _names_in(phrases: Sequence[str], word: str) -> bool:
    """Whether a description names *word* as one of what it is about: a phrase opens
    with it (「暗証番号、パスワード、クレジットカード番号…」) or it is an argument of the
    phrase (「利用規約に同意し」), not a step of what the term does on the way
    (「データの暗号化や復号」 does not make リバースプロキシ the answer to 暗号化)."""
    from interview.search.query import standalone

    for phrase in phrases:
        if phrase.startswith(word) and standalone(phrase, 0, len(word)):
            return True
        if any(word + particle in phrase for particle in _ARGUMENT):
            return True
    return False


_LATIN_NAME = re.compile(r"[a-z][a-z0-9./-]*[a-z0-9]")


def _latin_name(key: str) -> bool:
    """Whether *key* is one Latin word (MFA, token, oauth2.0): named inside a Japanese
    sentence (「DBMSのアクセス権限」, 「tokenの有効期限」) it names its term, however
    short a share of the query it is; literal_score has checked it stands alone."""
    return _LATIN_NAME.fullmatch(key) is not None


_DIGITS = re.compile(r"\d+")


def _same_number(query: str, key: str) -> bool:
    """Whether a typo of *key* may be *query* as far as their numbers go: when both hold
    digits, these differ by one slip at most (ISO2701 or ISO27010 for ISO27001, not
    ISO9001, ISO14001 or ISO22301: those are other standards)."""
    from rapidfuzz.distance import OSA

    mine = "".join(_DIGITS.findall(query))
    theirs = "".join(_DIGITS.findall(key))
    return not (mine and theirs) or OSA.distance(mine, theirs) <= 1


_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+")
KATAKANA_NAME = 5
"""Least folded length of a katakana name that names its term inside a sentence."""


def _katakana_name(key: str, folded: str) -> bool:
    """Whether *key* is a long katakana name standing whole in *folded*
    (「アクセストークンの有効期限」 names トークン): like a Latin name, it is unambiguous
    however short a share of the query it is (シェル, three letters, is not). A kanji
    word right after it makes it a modifier (ソフトウェア|開発キット is no SW)."""
    if len(key) < KATAKANA_NAME or _KATAKANA_WORD.fullmatch(key) is None:
        return False
    at = folded.find(key)
    while at >= 0:
        end = at + len(key)
        after = folded[end : end + 1]
        if not (after and "\u3400" <= after <= "\u9fff") and _holds(folded[at:], key):
            return True
        at = folded.find(key, at + 1)
    return False


def _is_kana(group: Group) -> bool:
    from interview.search.query import KANA_PREFIX

    return group.alternatives[0].tokens[0].startswith(KANA_PREFIX)


_OKURI = (
    "["
    + "".join(chr(c) for c in range(0x3041, 0x3094) if chr(c) not in "のをはにでともへやか")
    + "]"
)
"""Hiragana that may be a kanji verb's okurigana (止め, 防が): not a particle (秘密に)."""
_NEGATION = re.compile(
    r"(?:まで)?[はをもで]{0,2}(?:しない|しません|せず|されない|できない|できず|行わない|行わず"
    r"|おこなわない|なし|じゃない|ではない|[のん]?(?:では|じゃ)なく)"
    r"|[はがも]ない"
    r"|(?<=[\u3400-\u9fff]" + _OKURI + r")(?:ない|ず)"
)
"""Negations: 〜はしない, 〜せず, 〜できない, 〜なし, 〜ではない, 〜のではなく, 〜はない, and
a kanji verb's own negative form (止めない, 止めず; not 少ない, 必ず: the okurigana must be
there)."""
_WORD_BEFORE = re.compile(
    r"(?:[\u3400-\u9fff]+" + _OKURI + r"{1,2}|[\u30a1-\u30fa\u30fc\u3400-\u9fffA-Za-z0-9]+)$"
)
"""A word (a kanji verb with its okurigana too: 止め, 止める) the sentence says the term does not
do or is not (「遮断はしない装置」: IDS, 「SFTPじゃない方」: FTP, 「暗号化されないプロトコル」):
not what is asked for."""

_FUNCTION_WORDS = frozenset(
    [
        "so",
        "as",
        "if",
        "not",
        "no",
        "nor",
        "than",
        "then",
        "also",
        "such",
        "from",
        "into",
        "onto",
        "its",
        "their",
        "them",
        "they",
        "these",
        "those",
        "one",
        "ones",
        "some",
        "all",
        "any",
        "every",
        "each",
        "use",
        "used",
        "using",
        "uses",
        "like",
        "would",
        "could",
        "will",
        "may",
        "might",
        "just",
        "only",
        "very",
        "more",
        "most",
        "other",
        "another",
        "own",
        "same",
        "thing",
        "things",
        "way",
    ]
)
"""English words that carry no topic of a description (the parser keeps them for the
checklist's own list): 「attach a disk so the operating system can use it」."""


_ASCII_LETTER = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_CONTENT_CHAR = re.compile(r"[\u30a1-\u30fa\u3400-\u9fffA-Za-z0-9Ａ-Ｚａ-ｚ０-９]")


def _without_negated(query: str) -> str:
    from interview.search.tokens import MAX_TEXT

    query = query[:MAX_TEXT]
    if not _NEGATION.search(query):
        return query
    parts: list[str] = []
    at = 0
    for match in _NEGATION.finditer(query):
        before = query[at : match.start()]
        parts.append(_WORD_BEFORE.sub(" ", before[-MAX_TEXT:]) if before else before)
        parts.append(match.group())
        at = match.end()
    parts.append(query[at:])
    said = "".join(parts)
    # Nothing but the negation left (「遮断はしない」): the word was all there was.
    return said if _CONTENT_CHAR.search(said) else query


_CONTRAST = re.compile(
    r"(?:とは|と)(?:違って|違い|違う|ちがって|ちがい|ちがう|異なり|異なって|異なる)"
    r"|(?:じゃ|では)ない(?:方|ほう)|(?:じゃ|では|で)なくて?"
    r"|(?P<opposite>(?:とは|と)(?:逆|反対)に?|の(?:逆|反対))"
)
"""Words setting the answer against a neighbour named before them: 「IDSと違って」,
「SOC2とは違う」, 「IPSじゃなくて」, 「NFSじゃない方」; and its opposite: 「マウントの逆」."""
_NAME_CHAR = re.compile(r"[\u30a1-\u30fa\u30fc\u3400-\u9fffA-Za-z0-9Ａ-Ｚａ-ｚ０-９]")


def _descending(hits: list[GlossaryHit]) -> list[GlossaryHit]:
    """*hits* in their order, each score capped at the one before it, so that the scores
    shown (「interview glossary --json」) read best first as the list does."""
    capped: list[GlossaryHit] = []
    for hit in hits:
        if capped and hit.score > capped[-1].score:
            hit = hit._replace(score=capped[-1].score)
        capped.append(hit)
    return capped


def _same_script(left: str, right: str) -> bool:
    """Whether two name characters belong to one word (both katakana, kanji or Latin)."""

    def script(char: str) -> str:
        if "\u30a1" <= char <= "\u30fc":
            return "katakana"
        if "\u3400" <= char <= "\u9fff":
            return "kanji"
        return "latin"

    return script(left) == script(right)


NEGATED_PREFIX = "否:"
"""Marks a word said not to be done (遮断 of 「遮断はしない」): a token of its own, so a
query that says it meets an everyday phrase that says it, and nothing else."""


def _negated(text: str) -> list[str]:
    """The folded words *text* says are not done or not the thing (遮断 of 「遮断はしない」),
    as tokens marked with :data:`NEGATED_PREFIX`."""
    from interview.search.tokens import MAX_TEXT

    text = text[:MAX_TEXT]
    found: list[str] = []
    for match in _NEGATION.finditer(text):
        word = _WORD_BEFORE.search(text[: match.start()])
        if word:
            # Kanji one by one, without okurigana (止め, 止める: 止; 防止: 防 and 止;
            # 遮断機能: 遮, 断 …, so 「遮断機能はない」 meets 「遮断はしない」); a katakana
            # or Latin word whole.
            folded = normalize(_OKURIGANA.sub("", word.group()))
            pieces = _NEGATED_PIECE.findall(folded)
            found.extend(NEGATED_PREFIX + piece for piece in pieces)
    return found


_NEGATED_PIECE = re.compile(r"[\u3400-\u9fff]|[^\u3400-\u9fff]+")


_OKURIGANA = re.compile(r"(?<=[\u3400-\u9fff])[\u3041-\u3093]+$")


_DOING = ("する", "した", "して", "しま", "でき", "され", "させ")


def _done_to(query: str, word: str) -> bool:
    """Whether *word* is used as a verb in *query* (「編集する」, 「編集して」): what is done
    to the thing named, not a topic of its own."""
    at = query.find(word)
    return at >= 0 and query.startswith(_DOING, at + len(word))


_GUIDE_WORDS = frozenset(
    ["fisc", "資料", "ガイド", "用語集", "定義", "安対基準", "安全対策基準", "原文", "本文"]
)
"""Words that point at the guide the glossary belongs to, not at a topic
(「FISCの資料で社員のことを何て書いてる？」, 「この資料でいう重要情報の定義は？」): no
term's text holds them, so as content words they would only lower every term's share."""


_SPELLING_ASKED = frozenset(["アルファベット", "頭文字", "英字", "ローマ字"])
_SPELLING_WORDS = _SPELLING_ASKED | frozenset(["文字", "略称", "略語", "文字数"])
"""Words of a question about how a term is spelled (「ソフトウエアをアルファベット2文字で
略すと？」: SW): when one of the first kind is there, they (and a bare number of
letters) say how the answer looks, not what it is about, so they are no content words."""


_HAVING = frozenset(["持", "取", "持っ", "取っ", "取得済", "保有"])
"""A verb of having beside a name (「Pマーク持ってます」, 「ISMS取ってます」): says the company
has it, not what it is, so it is no content word while another word is there."""


def _content(groups: tuple[Group, ...]) -> tuple[Group, ...]:
    kept = tuple(
        g for g in groups if g.word not in _FUNCTION_WORDS and normalize(g.word) not in _GUIDE_KEYS
    )
    if any(g.word not in _HAVING and g.factor >= 1.0 and not _is_kana(g) for g in kept):
        kept = tuple(g for g in kept if g.word not in _HAVING)
    if any(g.word in _SPELLING_ASKED for g in kept):
        kept = tuple(g for g in kept if g.word not in _SPELLING_WORDS and not g.word.isdigit())
    return kept


_GUIDE_KEYS = frozenset(normalize(word) for word in _GUIDE_WORDS)


def _about_guide(groups: tuple[Group, ...]) -> bool:
    """Whether the query's only content words point at the guide (「FISC」,
    「FISCの資料」): it has no glossary entry, and FISC is no typo of ISAC."""
    return any(normalize(g.word) in _GUIDE_KEYS for g in groups) and not any(
        not _is_kana(g) for g in _content(groups)
    )


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


def _abbreviation(name: str) -> bool:
    """A Latin name written with two capitals or more (SMTP, OAuth, JPCERT), not an
    everyday word (token, user)."""
    return name.isascii() and sum(c.isupper() for c in name) >= 2


def _name_readings() -> dict[str, tuple[str, ...]]:
    """Word → its kana readings (``readings.toml``, from the paraphrase table's cache)."""
    from interview.search.query import synonym_table

    table: dict[str, tuple[str, ...]] = {}
    for synonym in synonym_table():
        if synonym.spelled:
            word = synonym.targets[0]
            table[word] = (*table.get(word, ()), synonym.key)
    return table


class GlossaryIndex:
    """Folded keys (term, aliases, reading) and descriptions of a glossary, built once."""

    def __init__(self, terms: Sequence[GlossaryTerm]) -> None:
        from rapidfuzz import fuzz, process

        self._extract = process.extract
        self._scorer = fuzz.WRatio
        self._ratio = fuzz.ratio
        self._partial = fuzz.partial_ratio
        self.terms: tuple[GlossaryTerm, ...] = tuple(terms)
        self._keys: list[str] = []
        self._owners: list[_Key] = []
        self._descriptions: list[str] = []
        self._phrases: list[tuple[str, ...]] = []
        self._order: list[tuple[int, str]] = []  # tie-break: shorter, then by name
        self._said: dict[str, bool] = {}  # _said_whole's answers, by folded word
        self._near: dict[str, tuple[str, ...]] = {}  # _neighbours' answers, by term
        self._whole_only: set[int] = set()
        """Keys that are English names of several words spelled in katakana: a common
        word of theirs (ネットワーク, スタッフ) typed alone does not name the term."""
        readings = _name_readings()
        for index, term in enumerate(self.terms):
            seen: set[str] = set()
            sources: list[tuple[GlossaryField, str]] = [("term", term.term)]
            sources += [("alias", a) for a in term.aliases]
            sources.append(("yomi", term.yomi))
            spelled: set[str] = set()
            for name in (term.term, *term.aliases):
                # The kana of a Japanese alias (非武装地帯: ひぶそうちたい) names the term too,
                # as does an English name spelled in katakana (テレタイプネットワーク).
                sources += [("yomi", kana) for kana in readings.get(name, ())]
                if name.isascii():
                    spelled.update(readings.get(name, ()))
            for field, text in sources:
                key = normalize(text)
                if key and key not in seen:
                    seen.add(key)
                    if field == "yomi" and text in spelled:
                        self._whole_only.add(len(self._keys))
                    self._keys.append(key)
                    self._owners.append(_Key(index, field, text))
            self._descriptions.append(normalize(term.description))
            self._phrases.append(_phrases(term.description))
            self._order.append((len(normalize(term.term)), term.term))
        self._named: dict[str, list[int]] = {}
        for key, owner in zip(self._keys, self._owners, strict=True):
            owners = self._named.setdefault(key, [])
            if owner.term not in owners:
                owners.append(owner.term)
        from interview.search.keywords import term_keywords
        from interview.search.ranking import MeaningIndex
        from interview.search.tokens import text_tokens

        keywords = term_keywords()
        own_words = [keywords.get(term.term, ()) for term in self.terms]
        self._keyword_texts = ["|".join(normalize(w) for w in words) for words in own_words]
        self._keyword_sets = [frozenset(normalize(w) for w in words) for words in own_words]
        self._name_meaning = MeaningIndex(
            [
                [(term.term, 1.0), *((alias, 1.0) for alias in term.aliases), (term.yomi, 1.0)]
                for term in self.terms
            ]
        )
        self._meaning = MeaningIndex(
            [
                [
                    (term.term, NAME_WEIGHT),
                    *((alias, NAME_WEIGHT) for alias in term.aliases),
                    (term.yomi, YOMI_WEIGHT),
                    (term.description, 1.0),
                ]
                for term in self.terms
            ],
            UNKNOWN_SHARE,
            unmeasured=[
                [(text_tokens(word) + _negated(word), KEYWORD_WEIGHT) for word in words]
                for words in own_words
            ],
        )

    def named(self, folded: str) -> list[GlossaryTerm]:
        """The terms whose name, alias or reading is exactly *folded* (a dict look-up)."""
        return [self.terms[i] for i in self._named.get(folded, ())]

    def _denials(self, query: str) -> list[Group]:
        """A group for each word *query* says is not done that some everyday phrase says
        too (「遮断はしない装置」: IDS's 「遮断はしない」); others are left out, as before."""
        from interview.search.query import Alternative, Group

        held = tuple(t for t in dict.fromkeys(_negated(query)) if self._meaning.holds_token(t))
        return [Group(NEGATED_PREFIX, (Alternative(held, 1.0),))] if held else []

    def _junctions(self, query: str) -> list[Group]:
        """A group for each cut the index knows nothing across (see query.junctions)."""
        from interview.search.query import JUNCTION_PREFIX, Alternative, Group, junctions

        return [
            Group(JUNCTION_PREFIX + bigram, (Alternative((bigram,), 1.0),))
            for bigram in junctions(query)
            if not self._meaning.holds_token(bigram)
        ]

    def search(self, query: str, limit: int = 10) -> list[GlossaryHit]:
        """Return up to *limit* terms for *query*, best first; [] for an empty query.

        A term the query sets its answer against (「IPSと違って通知するだけのほう」,
        「マウントの逆の操作」) comes after the others: see :meth:`_contrasted`.
        """
        contrast = self._contrasted(query)
        if contrast is None:
            return self._search(query, limit)
        against, rest, opposite = contrast
        # What the whole query finds first, then what the rest of it finds alone.
        hits = {h.term.term: h for h in self._search(query, max(limit, CONTRAST_POOL))}
        if rest:
            for hit in self._search(rest, max(limit, CONTRAST_POOL)):
                hits.setdefault(hit.term.term, hit)
        others = [h for h in hits.values() if h.term.term not in against]
        # The answer is a neighbour of the named term (IDS for IPS, RFS for NFS): among
        # the terms found, those first (the order stays otherwise).
        near = self._neighbours(against)
        others.sort(key=lambda h: h.term.term not in near)
        if opposite:
            # The opposite of a named operation is named after it (マウント: アンマウント).
            derived = self._named_after(against)
            others = [
                *(hits.get(t.term) or GlossaryHit(t, CONTAINED, "term", t.term) for t in derived),
                *(h for h in others if h.term not in derived),
            ]
        if not others:
            if self._says_more(rest):
                return []  # 「IDSと違ってコーヒーを淹れる機械」: what is asked is no term
            return self._search(query, limit)  # nothing else: the named term is the answer
        ordered = [*others, *(h for h in hits.values() if h.term.term in against)][:limit]
        return _descending(ordered)

    def _neighbours(self, against: frozenset[str]) -> set[str]:
        """The terms nearest in meaning to those in *against*: what their descriptions
        find first (NFS: RFS, IDS; SOC2: IT委員会実務指針7号), :data:`NEIGHBOURS` each."""
        near: set[str] = set()
        for term in self.terms:
            if term.term not in against:
                continue
            found = self._near.get(term.term)
            if found is None:
                hits = self._search(term.description, NEIGHBOURS + 1)
                found = tuple(h.term.term for h in hits if h.term.term != term.term)
                self._near[term.term] = found[:NEIGHBOURS]
            near.update(self._near[term.term])
        return near

    def _named_after(self, against: frozenset[str]) -> list[GlossaryTerm]:
        """Other terms one of whose names holds a name of a term in *against* whole
        (アンマウント for マウント)."""
        named = [normalize(t.term) for t in self.terms if t.term in against]
        found: list[GlossaryTerm] = []
        for key, owner in zip(self._keys, self._owners, strict=True):
            term = self.terms[owner.term]
            if term.term in against or term in found:
                continue
            if any(len(name) >= 2 and name in key and name != key for name in named):
                found.append(term)
        return found

    def _says_more(self, rest: str) -> bool:
        """Whether *rest* holds a content word of its own (not only particles)."""
        from interview.search.query import parse_query

        return any(g.factor >= 1.0 and not _is_kana(g) for g in _content(parse_query(rest)))

    def _contrasted(self, query: str) -> tuple[frozenset[str], str, bool] | None:
        """The terms a name before a contrast word names (「IDSと違って」, 「IPSじゃなくて」,
        「マウントの逆」), the query without that name and word, and whether the word asks
        for the opposite (逆, 反対); None when there is none.

        Such a name is the neighbour the answer differs from, not the answer."""
        match = _CONTRAST.search(query)
        if match is None:
            return None
        before = query[: match.start()]
        for start in range(max(0, len(before) - 40), len(before) - 1):
            if (
                start
                and _NAME_CHAR.match(before[start - 1])
                and _NAME_CHAR.match(before[start])
                and _same_script(before[start - 1], before[start])
            ):
                continue  # inside a word: リマウント is not マウント
            named = self.named(normalize(before[start:]))
            if named:
                rest = before[:start] + query[match.end() :]
                opposite = match.group("opposite") is not None
                return frozenset(t.term for t in named), rest.strip(), opposite
        return None

    def _search(self, query: str, limit: int = 10) -> list[GlossaryHit]:
        """Return up to *limit* terms for *query*, best first; [] for an empty query.

        Names (term, aliases, reading) matched literally or with a typo come first;
        then terms whose texts hold enough of what the query means (BM25 over the
        description too, with the synonym table). A term holding less than
        :data:`COVERAGE_CUTOFF` of the query's content words is never returned, so a
        query about something the glossary lacks returns [].
        """
        folded = normalize_query(query)
        if not folded or limit <= 0:
            return []
        from interview.search.query import inflections_mended, parse_query
        from interview.search.ranking import coverage_cutoff

        mended = self._mend(query)
        if mended != query and not self.named(folded):
            query, folded = mended, normalize_query(mended)

        said = _without_negated(query)
        inflected = (
            inflections_mended(said, self._meaning.holds_token)
            if _ASCII_LETTER.search(said)
            else None
        )
        parsed = parse_query(inflected if inflected is not None else said)
        groups = _content(parsed)
        about_guide = _about_guide(parsed)
        if not any(not _is_kana(group) for group in groups):
            groups = parse_query(query)  # the negated word was all there was
        content = normalize("".join(group.word for group in groups))
        # フィッシング, XSS対策, ISO9001: a security word the glossary has no entry for
        # (undefined.toml). Only a name typed in the query answers it: no typo of a name
        # is assumed (ISO9001 is not ISO 27001) and no description is close enough.
        undefined = about_guide or about_undefined(query)
        fuzzy = False if undefined else None
        latin: dict[int, str] = {}
        names = self._names(folded, query_words(query), fuzzy, latin, undefined)
        if content and content != folded:
            for index, value in self._names(content, [], fuzzy, latin, undefined).items():
                if index not in names or value[0] > names[index][0]:
                    names[index] = value
        best: dict[int, tuple[float, int, str, str]] = {
            index: (score, rank, field, text) for index, (score, rank, field, text) in names.items()
        }
        # 社内報の発行, 経費の精算: ordinary company life (outside.toml). No term is about it,
        # so what the other words share with a description is no answer; a name typed in the
        # query still is.
        denials = self._denials(query)
        meaning = (
            [] if undefined else self._meaning.rank((*groups, *self._junctions(query), *denials))
        )
        if meaning and about_company_life(query):
            # A long description naming an office thing on the way (「…会社が名刺やサイトに
            # 付けられる認定マーク」) still answers when one term holds all of it.
            strong_words = [g for g in groups if g.factor >= 1.0 and not _is_kana(g)]
            meaning = (
                [s for s in meaning if s.coverage >= WHOLE_QUERY]
                if len(strong_words) >= COMPANY_LIFE_WORDS
                else []
            )
        if latin:
            self._keep_latin(best, latin, meaning)
        strong = [g for g in groups if g.factor >= 1.0 and not _is_kana(g)]
        if len(strong) == 1 and not denials:
            # One word, maybe with generic ones (ログ管理): it asks for what it names.
            meaning = self._naming(strong[0], meaning)
        top_bm = max((s.bm25 for s in meaning), default=0.0) or 1.0
        cutoff = coverage_cutoff(groups, COVERAGE_CUTOFF)
        unknown = [g for g in strong if not g.word.isascii() and not self._knows(g)]
        if (
            len(strong) == 2
            and unknown
            and not (
                all(_done_to(query, g.word) for g in unknown)
                and any(self._said_whole(g) for g in strong if g not in unknown)
            )
        ):
            cutoff = max(cutoff, PAIR_CUTOFF)
        for found in meaning:
            if found.coverage < cutoff:
                continue
            score = _meaning_score(found.coverage, found.bm25 / top_bm)
            current = best.get(found.doc)
            if current is None or score > current[0]:
                term = self.terms[found.doc]
                best[found.doc] = (score, 3, "description", term.description)
        self._lift_whole_meaning(best, meaning, cutoff, folded)
        self._lift_named_whole(best, meaning, folded)
        said = normalize("".join(g.word for g in groups if not _is_kana(g)))
        if said:
            self._lift_said(best, said)
        ranked = sorted(
            best.items(),
            key=lambda kv: (-kv[1][0], kv[1][1], self._order[kv[0]]),
        )
        if ranked and ranked[0][1][2] == "description" and ranked[0][1][0] < MEANING_FLOOR:
            return []  # the best is a loose match by meaning: nothing is close enough
        return [
            GlossaryHit(self.terms[index], round(score, 1), cast("GlossaryField", field), text)
            for index, (score, _rank, field, text) in ranked[:limit]
        ]

    def _mend(self, query: str) -> str:
        """*query* with an IME homophone slip of a kanji word mended (上方資産 → 情報資産),
        against the bigrams the glossary's texts hold (see vocab.mend_kanji)."""
        from interview.search.query import kanji_key_bigrams
        from interview.search.vocab import homophones, mend_kanji

        keys = kanji_key_bigrams()
        return mend_kanji(
            query, self._meaning.holds_token, homophones(), keys.__contains__, self._meaning.common
        )

    def _keep_latin(
        self,
        best: dict[int, tuple[float, int, str, str]],
        latin: dict[int, str],
        meaning: list[Scored],
    ) -> None:
        """A Latin name inside a sentence (「DBMSのアクセス権限」) names its term unless
        another term holds that name too and more of the query: a narrower term
        (「ISMSのクラウド版」 is ISMSクラウドセキュリティ認証, 「ITSMSの日本規格」 JIS
        Q20000-1). Then the name weighs by meaning only."""
        coverage = {s.doc: s.coverage for s in meaning}
        for doc, key in latin.items():
            if doc not in best or best[doc][0] >= SUBSTRING:
                continue
            own = coverage.get(doc, 0.0)
            if any(
                share > own + 1e-6 and self._mentions(other, key)
                for other, share in coverage.items()
                if other != doc
            ):
                del best[doc]

    def _mentions(self, doc: int, key: str) -> bool:
        """Whether term *doc*'s names, description or everyday words hold folded *key*."""
        return (
            key in self._descriptions[doc]
            or key in self._keyword_texts[doc]
            or any(
                k
                for k, o in zip(self._keys, self._owners, strict=True)
                if o.term == doc and key in k
            )
        )

    def _lift_said(self, best: dict[int, tuple[float, int, str, str]], content: str) -> None:
        """A term found by meaning one of whose everyday phrases is the query's content
        whole (「電子決済等代行業者のこと」: API接続先) comes first among the meaning
        matches: the query says what people call it. No term is added here."""
        for doc, (score, rank, field, text) in list(best.items()):
            if field != "description" or score >= SAID_SCORE:
                continue
            if content in self._keyword_sets[doc]:
                best[doc] = (SAID_SCORE, rank, field, text)

    def _lift_whole_meaning(
        self,
        best: dict[int, tuple[float, int, str, str]],
        meaning: list[Scored],
        cutoff: float,
        folded: str,
    ) -> None:
        """A name inside a longer query (「ISMSの規格」), or a typo of a name (「メール転送
        のプロトコル」 is no typo of メディア転送プロトコル), yields to the terms whose texts
        hold all of the query (JIS Q27001: 「…ISMSの…規格」; SMTP) when the named term does
        not; among those, a term one of whose everyday phrases the query holds comes first."""
        coverage = {s.doc: s.coverage for s in meaning if s.coverage >= cutoff}
        whole = [doc for doc, share in coverage.items() if share >= WHOLE_QUERY]
        if not whole:
            return
        partial = [
            score
            for doc, (score, _rank, field, _text) in best.items()
            if field != "description" and score < SUBSTRING and coverage.get(doc, 0.0) < WHOLE_QUERY
        ]
        if not partial:
            return
        floor = max(partial) + LIFT
        for doc in whole:
            score, rank, field, text = best[doc]
            if field == "description":
                phrases = self._keyword_texts[doc].split("|")
                said = any(len(p) >= 3 and p in folded for p in phrases)
                lifted = floor + (score - MEANING_BASE) / 100 + (LIFT / 2 if said else 0.0)
                best[doc] = (lifted, rank, field, text)

    def _lift_named_whole(
        self,
        best: dict[int, tuple[float, int, str, str]],
        meaning: list[Scored],
        folded: str,
    ) -> None:
        """The one term found by meaning that holds all of the query and one of whose
        names the query holds (「Pマーク取ってます」: プライバシーマーク, alias Pマーク)
        comes first among the meaning matches: terms holding a part of the query more
        often (内部統制保証報告書's 取得) do not pass it. Names found stay above."""
        whole = [
            s.doc
            for s in meaning
            if s.coverage >= WHOLE_QUERY and s.doc in best and best[s.doc][2] == "description"
        ]
        if len(whole) != 1:
            return
        doc = whole[0]
        if not any(
            len(key) >= NAMED_KEY and key in folded
            for key, owner in zip(self._keys, self._owners, strict=True)
            if owner.term == doc
        ):
            return
        top = max(score for score, _rank, field, _text in best.values() if field == "description")
        score, rank, field, text = best[doc]
        if score < top:
            best[doc] = (top + LIFT, rank, field, text)

    def _said_whole(self, group: Group) -> bool:
        """Whether a term's name or everyday words hold *group*'s word whole, as typed
        (regedit, cron): the word says which term is meant, unlike 端末 or 保護, so an
        unknown verb beside it (「regeditで編集するやつ」) is no reason to ask for more
        (an unknown noun is: 「APIの料金」, 「フォルダの整理」)."""
        typed = normalize(group.word)
        if len(typed) < 3:
            return False
        said = self._said.get(typed)
        if said is None:
            said = any(
                typed in text and _holds(text, typed) for text in self._keyword_texts
            ) or any(typed in key and _holds(key, typed) for key in self._keys)
            if len(self._said) > 4096:
                self._said.clear()
            self._said[typed] = said
        return said

    def _knows(self, group: Group) -> bool:
        """Whether any term holds a word-sized token of *group* or of a paraphrase of it
        (a lone kanji or a katakana bigram is no word)."""
        from interview.search.ranking import _token_weight

        return any(
            _token_weight(token) >= 1.0 and self._meaning.holds_token(token)
            for alternative in group.alternatives
            for token in alternative.tokens
        )

    def _naming(self, group: Group, found: list[Scored]) -> list[Scored]:
        """Keep, for a one-word query, the terms that the word (or a paraphrase) names.

        ``SSL`` paraphrased as 暗号化 must not bring up リバースプロキシ, whose
        description mentions encryption: a single word asks for the term it names. A
        term counts when its names hold the word or a paraphrase of it, or when any
        of its texts hold the word as typed (``暗証番号`` → 機密情報).
        """
        from interview.search.query import Group

        own = Group(group.word, group.alternatives[:1], group.factor)
        named = {s.doc for s in self._name_meaning.rank([own]) if s.coverage >= NAMED_TYPED}
        if len(group.alternatives) > 1:
            # A paraphrase names a term only whole: 接続元 (for VPN) does not name API接続先.
            paraphrased = Group(group.word, group.alternatives[1:], group.factor)
            named |= {
                s.doc
                for s in self._name_meaning.rank([paraphrased])
                if s.coverage >= NAMED_PARAPHRASE
            }
        typed = normalize(group.word)
        if len(typed) >= 2:
            # The word as typed, whole: アクセスログ is not named by a text holding アクセス.
            named |= {
                i
                for i, text in enumerate(self._keyword_texts)
                if typed in text and _holds(text, typed)
            }
            # A description names what it is made of or listed with (暗証番号 → 機密情報:
            # 「暗証番号、パスワード…」), not what its term merely does on the way
            # (「データの暗号化や復号」 does not make リバースプロキシ the answer to 暗号化).
            named |= {
                i
                for i, text in enumerate(self._descriptions)
                if typed in text and _names_in(self._phrases[i], typed)
            }
            named |= {
                owner.term
                for key, owner in zip(self._keys, self._owners, strict=True)
                if typed in key and _holds(key, typed)
            }
        return [s for s in found if s.doc in named]

    def suggest(self, query: str, limit: int = 3) -> list[GlossaryTerm]:
        """Terms the query may have meant when :meth:`search` finds none ("did you mean").

        Looser than search: names within a wider typo distance, then terms holding
        some of the query's words. [] when nothing is even remotely close.
        """
        folded = normalize_query(query)
        if not folded or limit <= 0:
            return []
        from rapidfuzz.distance import Levenshtein

        from interview.search.query import parse_query

        scores: dict[int, float] = {}
        groups = parse_query(query)
        content = normalize("".join(group.word for group in groups)) or folded
        # A security word the glossary lacks (フィッシング) is offered names one slip away
        # only, and no term through a shared word (as for company life, 社内報の発行).
        undefined = about_undefined(query) or _about_guide(groups)
        for key, similarity, at in self._similar_keys(content, SUGGEST_CUTOFF):
            if min(len(key), len(content)) < NAME_SHARE * max(len(key), len(content)):
                continue
            if (undefined or len(content) <= SHORT_NAME) and Levenshtein.distance(content, key) > 1:
                continue  # SSL is one slip from no name: not SW nor ITSMS
            term = self._owners[at].term
            scores[term] = max(scores.get(term, 0.0), similarity)
        by_meaning = () if undefined or about_company_life(query) else self._meaning.rank(groups)
        words = self._word_tokens(groups)
        for found in by_meaning:  # (as in search: 社内報の発行 shares 発行 with トークン)
            if found.coverage < SUGGEST_COVERAGE:
                continue
            if not any(self._meaning.holds(found.doc, t) for t in words) and not self._spelled_like(
                found.doc, content
            ):
                continue  # letters only (フィッシング's フィ and ング): neither meaning nor spelling
            if found.coverage >= SUGGEST_COVERAGE:
                value = SUGGEST_CUTOFF * found.coverage / COVERAGE_CUTOFF
                scores[found.doc] = max(scores.get(found.doc, 0.0), value)
        ranked = sorted(scores, key=lambda i: (-scores[i], self._order[i]))
        return [self.terms[i] for i in ranked[:limit]]

    def _similar_keys(self, query: str, cutoff: float) -> list[tuple[str, float, int]]:
        """``process.extract(query, keys, scorer=WRatio, score_cutoff=cutoff)`` over every
        key, best first, asked only of the keys that can score *cutoff* (see
        :mod:`interview.search.shortlist`)."""
        shortlist = self.__dict__.get("_shortlist")
        if shortlist is None:
            from interview.search.shortlist import Shortlist

            shortlist = self.__dict__["_shortlist"] = Shortlist(self._keys)
        places = shortlist.candidates(query, cutoff)
        if not places:
            return []
        keys = self._keys
        found = self._extract(
            query, [keys[at] for at in places], scorer=self._scorer, score_cutoff=cutoff, limit=None
        )
        return [(key, similarity, places[at]) for key, similarity, at in found]

    def _spelled_like(self, doc: int, content: str) -> bool:
        """Whether one of term *doc*'s names holds a near spelling of *content*
        (すていとふる: ステートフルインスペクション), not just some of its letters."""
        return any(
            owner.term == doc and self._partial(content, key) >= SPELLED_LIKE
            for key, owner in zip(self._keys, self._owners, strict=True)
        )

    def _word_tokens(self, groups: Sequence[Group]) -> set[str]:
        """The word-sized tokens of *groups* and their paraphrases (no lone kanji, no
        katakana bigram: those are letters of a word, not a word)."""
        from interview.search.ranking import _token_weight

        return {
            token
            for group in groups
            for alternative in group.alternatives
            for token in alternative.tokens
            if _token_weight(token) >= 1.0
        }

    def _names(
        self,
        folded: str,
        words: list[str],
        fuzzy: bool | None = None,
        latin: dict[int, str] | None = None,
        typed: bool = False,
    ) -> dict[int, tuple[float, int, str, str]]:
        """Literal and typo matching on names: term -> (score, rank, field, text).

        A name found inside a longer query counts only when it is most of the query
        (``DMZって`` yes, ``シェル`` in a sentence about remote commands no: that is
        for the meaning index to weigh), or when it is a Latin word: those terms go
        into *latin* (see :meth:`_keep_latin`). Typo matching runs on short queries only.
        With *typed* (a query meaning does not weigh), any name standing in it counts.
        """
        best: dict[int, tuple[float, int, str, str]] = {}

        def offer(term: int, score: float, field: GlossaryField, text: str) -> None:
            rank = _FIELD_ORDER.index(field)
            current = best.get(term)
            if current is None or (score, -rank) > (current[0], -current[1]):
                best[term] = (score, rank, field, text)

        multi = len(words) > 1
        spaced = set(words) if multi else set()
        owners = self._owners
        first = words[0] if multi else ""
        for at, key in enumerate(self._keys):
            # (in C first: most keys neither hold the query nor sit in it)
            score = literal_score(folded, key) if folded in key or key in folded else 0.0
            if not score and not (multi and (first in key or key in spaced)):
                continue  # (nothing below can find it: the usual case, kept cheap)
            owner = owners[at]
            if (
                at in self._whole_only
                and SUBSTRING <= score < EXACT
                and len(folded) < NAME_SHARE * len(key)
            ):
                score = 0.0  # ネットワーク is no name of NFS (ネットワークファイルシステム)
            if not score and key in spaced and _abbreviation(owner.text):
                # An English sentence folds to one string (smtprelayserver): a name that
                # is one of its words (SMTP relay server) is found inside it all the same.
                score = CONTAINED + BAND * len(key) / len(folded)
            if CONTAINED <= score < SUBSTRING and len(key) < CONTAINED_SHARE * len(folded):
                if typed and _holds(folded, key):
                    pass  # no meaning to weigh it (undefined.toml): a name typed counts
                elif not (_latin_name(key) or _katakana_name(key, folded)) or latin is None:
                    score = 0.0
                else:
                    latin[owner.term] = key
            elif SUBSTRING <= score < PREFIX and len(folded) <= 2 and not _holds(key, folded):
                score = 0.0  # ログ is no part of ログイン's name
            if not score and multi:
                score = words_score(words, key)
            if score:
                offer(owner.term, score, owner.field, owner.text)
        if fuzzy is None:
            fuzzy = len(folded) <= FUZZY_MAX_QUERY and len(words) <= 2
        if fuzzy and len(folded) >= 2:
            for _key, similarity, at in self._similar_keys(folded, FUZZY_CUTOFF):
                key = self._keys[at]
                if min(len(key), len(folded)) < NAME_SHARE * max(len(key), len(folded)):
                    continue  # no typo of each other: one is much longer (ばなな, ISO…ナナ)
                if (
                    max(len(key), len(folded)) <= SHORT_NAME
                    and self._ratio(folded, key) < SHORT_RATIO
                ):
                    continue  # short names: whole-string likeness (https is no typo of ips)
                if len(folded) > len(key) and self._ratio(folded, key) < LONGER_RATIO:
                    continue  # a name inside a longer description is for meaning to weigh
                if not _same_number(folded, key):
                    continue  # ISO22301 is another standard, no typo of ISO 27001
                owner = self._owners[at]
                offer(owner.term, fuzzy_score(similarity), owner.field, owner.text)
        return best


_indexes: PerCatalog[GlossaryIndex] = PerCatalog(lambda catalog: GlossaryIndex(catalog.glossary))


def glossary_index(catalog: Catalog | None = None) -> GlossaryIndex:
    """The index of *catalog*'s glossary (default: the shipped catalog), built once."""
    return _indexes.get(catalog)


def suggest_glossary(query: str, limit: int = 3, catalog: Catalog | None = None) -> list[str]:
    """Names of terms *query* may have meant, for a search that found nothing."""
    return [term.term for term in glossary_index(catalog).suggest(query, limit)]


def search_glossary(
    query: str, limit: int = 10, catalog: Catalog | None = None
) -> list[GlossaryHit]:
    """Search the glossary for *query* (any mix of kana, kanji, English, typos).

    Returns up to *limit* hits, best first, each with a 0–100 score; an empty or
    whitespace-only query returns []. Never raises on odd input (control characters,
    emoji, very long strings).
    """
    return glossary_index(catalog).search(query, limit)
