"""Understand a query: content words, paraphrases, and the tokens to rank by.

``parse_query("どこでバックアップのことを聞かれるの")`` keeps バックアップ and drops the
sentence around it; ``parse_query("スタッフへの研修")`` knows that スタッフ is what the
guide calls 役職員 (see ``synonyms.toml``). The result is a list of :class:`Group`:
one per content word, each with the word's own tokens and its paraphrases' tokens as
alternatives; a document matches a group through whichever alternative fits it best.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from interview.search.generic import generic_words, strip_generic
from interview.search.normalize import strip_escapes
from interview.search.tokens import (
    MAX_TEXT,
    fold,
    is_hiragana_only,
    run_tokens,
    runs,
    text_tokens,
    to_katakana,
)

SYNONYMS_FILE = Path(__file__).parent / "synonyms.toml"
_TO_HIRAGANA = {cp + 0x60: cp for cp in range(0x3041, 0x3097)}
PARAPHRASE_FACTOR = 0.9
"""A paraphrase from the synonym table counts this much of the word it stands for."""
KANA_PREFIX = "か:"
"""Marks a hiragana run of a mixed query: the index cuts known words out of it."""
WEAK_FACTOR = 0.35
"""Generic words (導入, 対策, 管理 …) count this much: they say little about the topic."""

# Runs that only carry the sentence ("…はどこで聞かれますか", "…の意味を教えて").
_STOP_KANJI = frozenset(
    [
        "何処",
        "項目",
        "質問",
        "回答",
        "記入",
        "意味",
        "用語",
        "言葉",
        "名前",
        "場所",
        "必要",
        "場合",
        "何番",
        "設問",
        "箇所",
        "部分",
        "一覧",
        "今回",
        "弊社",
        "当社",
        "自社",
        "御社",
        "我々",
        "本当",
        "具体的",
        "具体",
        "一般的",
        "一般",
        "感じ",
        "以外",
        "以上",
        "以下",
        "全部",
        "全然",
        "最近",
        "普通",
        "気軽",
        "簡単",
        "関係",
        "関連",
        "程度",
        "一緒",
        "該当",
        "欄",
        "記入欄",
        "大丈夫",
        "駄目",
        "本件",
        "皆",
        "皆様",
        "確認事項",
        "確認項目",
        "注意点",
        "留意点",
        "書き方",
        "記載",
        "記述",
        "記載欄",
        "記載箇所",
        "記入箇所",
        "回答欄",
    ]
)
PREFIXES = frozenset("各全旧新現元前次同他両諸毎当総別孫親本真超準副主")
"""Kanji that open a compound as a prefix (各部署, 旧サーバ, 全役職員): before a
katakana word, or when the index knows no bigram with one, the word is the rest."""
MODIFIERS = frozenset(
    [
        "担当",
        "専任",
        "兼任",
        "現行",
        "既存",
        "新規",
        "従来",
        "各種",
        "全社",
        "部門",
        "現場",
        "臨時",
        "主要",
        "個別",
        "今後",
        "全部署",
        "各部署",
    ]
)
"""Words that qualify the word after them (担当責任者, 現行システム): before another
word they count as little as generic words and make no compound of their own with it."""
_STOP_KATA = frozenset(
    [
        "ヤツ",
        "モノ",
        "コト",
        "トコ",
        "ナニ",
        "ドコ",
        "ドレ",
        "ナン",
        "チェックリスト",
        "ダメ",
        "オッケ",
        "ケス",  # ケース (long-vowel mark folded away): 場合 in katakana
    ]
)
_COUNTER = re.compile(r"^(毎?[年月週日])?何([年日回件人時分度月週個割階歳台社名]|[か箇ヶ]月)")
"""何年, 何日, 何回 … only ask how many: the sentence, not the topic."""
_STOP_ASCII = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "be",
        "of",
        "to",
        "for",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "with",
        "what",
        "which",
        "where",
        "how",
        "why",
        "when",
        "who",
        "do",
        "does",
        "did",
        "we",
        "i",
        "you",
        "our",
        "my",
        "your",
        "it",
        "its",
        "this",
        "that",
        "about",
        "me",
        "us",
        "can",
        "should",
        "there",
        "any",
        "ok",
        "ng",
    ]
)
_WEAK = frozenset(
    [
        "導入",
        "実施",
        "対策",
        "対応",
        "管理",
        "方法",
        "使用",
        "利用",
        "確認",
        "状況",
        "有無",
        "仕組",
        "整備",
        "運用",
        "取組",
        "策定",
        "実装",
        "採用",
        "設定",
        "検討",
        "作成",
        "実行",
        "活用",
        "適用",
        "処理",
        "強化",
        "向上",
        "防止",
        "内容",
        "説明",
        "徹底",
        "確保",
        "構築",
        "把握",
        "推進",
        "充実",
        "行",
        "入",
        "使",
    ]
)
# Sentence endings typed in hiragana after a word written in hiragana ("とーくんってなに").
_HIRAGANA_TAIL = re.compile(
    r"(って|とは|について|に関して|のこと|のいみ|の意味)?"
    r"(なに|なん|なんですか|ですか|でしょうか|なの|かな|どこ|を?おしえて)?[?？!！。\s]*$"
)


class Alternative(NamedTuple):
    tokens: tuple[str, ...]
    factor: float


class Group(NamedTuple):
    """One content word of the query and the ways a document may hold it."""

    word: str
    alternatives: tuple[Alternative, ...]
    factor: float = 1.0


class Synonym(NamedTuple):
    key: str
    """Folded form (script kept) matched against the query."""
    kana_key: str
    """The same in katakana, matched against a query typed in hiragana only."""
    targets: tuple[str, ...]
    spelled: bool = False
    """A kana reading (readings.toml): the key is only another spelling of its target."""
    factor: float = 1.0
    """WEAK_FACTOR for a generic English word (management): it counts as little as 管理."""
    english: bool = False
    """From the English table and not an abbreviation: the word weighs as its Japanese
    targets do (an abbreviation, SIEM, weighs as the rare word it is)."""
    extra: bool = False
    """From english.toml, readings.toml or synonyms.toml's ``checklist`` entries: used
    by the checklist search only."""


@lru_cache(maxsize=1)
def synonym_table(path: Path | None = None) -> tuple[Synonym, ...]:
    """The paraphrase table, longest key first (a longer key wins an overlap).

    By default synonyms.toml, the English table and the kana readings (see
    :mod:`interview.search.vocab`), read back from the disk cache when their files
    have not changed (parsing them takes tens of ms); with *path*, that file alone."""
    if path is None:
        return _tables()[0]
    return _build_table(path)


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """English words that carry no topic (english.toml), with the table's cache."""
    return _tables()[1]


@lru_cache(maxsize=1)
def _tables() -> tuple[tuple[Synonym, ...], frozenset[str], frozenset[str]]:
    from interview.search import store, vocab

    sources = [SYNONYMS_FILE, vocab.ENGLISH_FILE, vocab.READINGS_FILE]
    sources += [Path(__file__), Path(vocab.__file__)]
    return store.cached(
        "synonyms",
        store.fingerprint(sources),
        lambda: (_build_table(None), vocab.english_stopwords(), vocab.english_nostem()),
    )


def _build_table(path: Path | None) -> tuple[Synonym, ...]:
    import tomllib

    from interview.search.vocab import english_entries, english_generic, reading_entries

    with (path or SYNONYMS_FILE).open("rb") as f:
        data = tomllib.load(f)
    table: dict[str, list[str]] = {}
    for word in data.get("compounds", []):
        # A word of its own that holds a key (作業者 holds 業者): taken whole, as typed.
        key = _match_form(str(word))
        if key:
            table.setdefault(key, [])
    for entry in data.get("synonyms", []):
        targets = [str(t) for t in entry.get("targets", [])]
        for word in entry.get("words", []):
            key = _match_form(str(word))
            if key:
                merged = table.setdefault(key, [])
                merged.extend(t for t in targets if t not in merged)
    own = set(table)
    spelled: set[str] = set()
    english: set[str] = set()
    extras: set[str] = set()
    for entry in data.get("checklist", []):
        # Everyday words of the checklist's details (夜中 → 深夜, 仕事 → 業務): they
        # would bring unrelated definitions up in the glossary, so the checklist only.
        targets = [str(t) for t in entry.get("targets", [])]
        for word in entry.get("words", []):
            key = _match_form(str(word))
            if key and key not in own:
                merged = table.setdefault(key, [])
                merged.extend(t for t in targets if t not in merged)
                extras.add(key)
    own = set(table)
    for extra in (*english_entries(), *reading_entries()) if path is None else ():
        for word in extra.words:
            key = _match_form(word)
            if not key or key in own:
                continue  # synonyms.toml has the key: its own targets stand
            merged = table.setdefault(key, [])
            merged.extend(t for t in extra.targets if t not in merged)
            extras.add(key)
            if extra.spelled:
                spelled.add(key)
            elif not word.isupper():  # an abbreviation (SIEM) weighs as the rare word it is
                english.add(key)
    generic = {_match_form(w) for w in english_generic()} if path is None else set()
    return tuple(
        Synonym(
            key,
            to_katakana(key),
            tuple(targets),
            key in spelled and len(targets) == 1,
            WEAK_FACTOR if key in generic and key.isascii() else 1.0,
            key in english,
            key in extras,
        )
        for key, targets in sorted(table.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    )


_ASCII_RUN = re.compile(r"[a-z0-9]+")
_ASCII_LEADS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=4)
def _by_first_char(
    kana: bool, readings: bool = False
) -> tuple[dict[str, tuple[tuple[int, Synonym], ...]], dict[str, tuple[tuple[int, Synonym], ...]]]:
    """The synonym table by the first character of its keys, with each entry's place
    in the table (so candidates keep the longest-key-first order); a key opening with
    an English word is filed under that word instead (it matches whole words only),
    so a query looks at the keys of its own words, not at every key sharing a letter.
    The English table and the kana readings are left out unless *readings* (the
    checklist search's tables)."""
    chars: dict[str, list[tuple[int, Synonym]]] = {}
    words: dict[str, list[tuple[int, Synonym]]] = {}
    for at, synonym in enumerate(synonym_table()):
        if synonym.extra and not readings:
            continue
        key = synonym.kana_key if kana else synonym.key
        if not key:
            continue
        lead = _ASCII_RUN.match(key) if key[0] in _ASCII_LEADS else None
        if lead:
            words.setdefault(lead.group(), []).append((at, synonym))
        else:
            chars.setdefault(key[0], []).append((at, synonym))
            if not kana and _katakana_reading(synonym):
                chars.setdefault(synonym.kana_key[0], []).append((at, synonym))
    return (
        {char: tuple(entries) for char, entries in chars.items()},
        {word: tuple(entries) for word, entries in words.items()},
    )


def _candidates(plain: str, kana: bool, readings: bool = False) -> list[Synonym]:
    """The synonyms whose key may occur in *plain* (its first character, or its first
    English word, does), in table order: a query looks at a few dozen keys, not the
    whole table."""
    chars, words = _by_first_char(kana, readings)
    found: list[tuple[int, Synonym]] = []
    for char in set(plain):
        found.extend(chars.get(char, ()))
    if words:
        for word in set(_ASCII_RUN.findall(plain)):
            found.extend(words.get(word, ()))
    found.sort(key=lambda pair: pair[0])
    return [synonym for _at, synonym in found]


class _Filed(NamedTuple):
    """One entry of the table as :func:`_candidates` files it for one way of reading."""

    synonym: Synonym
    keys: tuple[str, ...]
    """What :func:`_parse` looks for (the key, its kana form, or both for a reading)."""
    chars: tuple[str, ...]
    """The characters it is filed under (once per filing)."""
    words: tuple[str, ...]
    """The English words it is filed under."""


_END = ""
"""The trie's mark of a whole key (no character is empty)."""


class _KeyTable:
    """The keys of :func:`_by_first_char`'s entries for one way of reading, for
    :func:`_present`: per first character, a trie of the rest (character → node; a
    node's :data:`_END` lists the places of the entries whose key ends there), built
    the first time a query holds that character."""

    def __init__(self, kana: bool, readings: bool) -> None:
        self._kana = kana
        self._chars, self._words = _by_first_char(kana, readings)
        self._tries: dict[str, dict] = {}
        self._filed: dict[int, _Filed] = {}
        self._leads: dict[str, list[str]] | None = None

    def trie(self, char: str) -> dict:
        node = self._tries.get(char)
        if node is None:
            node = self._tries[char] = {}
            entries = list(self._chars.get(char, ()))
            if char in _ASCII_LEADS:
                if self._leads is None:
                    leads: dict[str, list[str]] = {}
                    for word in self._words:
                        leads.setdefault(word[0], []).append(word)
                    self._leads = leads
                for word in self._leads.get(char, ()):
                    entries.extend(self._words[word])
            for at, synonym in entries:
                for key in _keys(synonym, self._kana):
                    if key[0] != char:
                        continue
                    here = node
                    for letter in key[1:]:
                        here = here.setdefault(letter, {})
                    ends = here.setdefault(_END, [])
                    if at not in ends:
                        ends.append(at)
        return node

    def filed(self, at: int) -> _Filed:
        """The entry at *at* of the synonym table, with where it is filed (as
        :func:`_by_first_char` files it)."""
        found = self._filed.get(at)
        if found is None:
            synonym = synonym_table()[at]
            kana = self._kana
            key = synonym.kana_key if kana else synonym.key
            lead = _ASCII_RUN.match(key) if key[0] in _ASCII_LEADS else None
            chars: tuple[str, ...] = ()
            words: tuple[str, ...] = ()
            if lead:
                words = (lead.group(),)
            else:
                chars = (key[0],)
                if not kana and _katakana_reading(synonym):
                    chars += (synonym.kana_key[0],)
            found = self._filed[at] = _Filed(synonym, _keys(synonym, kana), chars, words)
        return found


@lru_cache(maxsize=4)
def _key_table(kana: bool, readings: bool = False) -> _KeyTable:
    return _KeyTable(kana, readings)


def _keys(synonym: Synonym, kana: bool) -> tuple[str, ...]:
    if kana:
        return (synonym.kana_key,)
    if _katakana_reading(synonym):  # typed in hiragana or katakana (フセイアクセス)
        return (synonym.key, synonym.kana_key)
    return (synonym.key,)


def _present(
    plain: str, kana: bool, readings: bool = False
) -> list[tuple[int, Synonym, tuple[str, ...]]]:
    """:func:`_candidates` (with each one's place in the table and its keys) less those
    none of whose keys *plain* holds, in the same order: the others can take nothing.
    The keys *plain* holds are found by walking a trie from each of its characters."""
    keys = _key_table(kana, readings)
    held: set[int] = set()
    size = len(plain)
    for start in range(size):
        node = keys.trie(plain[start])
        ends = node.get(_END)
        if ends:
            held.update(ends)
        for at in range(start + 1, size):
            step = node.get(plain[at])
            if step is None:
                break
            node = step
            ends = node.get(_END)
            if ends:
                held.update(ends)
    if not held:
        return []
    chars = set(plain)
    words: set[str] | None = None
    found: list[tuple[int, Synonym, tuple[str, ...]]] = []
    for at in sorted(held):
        entry = keys.filed(at)
        # As often as _candidates lists it: once per filing under a character of
        # *plain* or an English word of it.
        times = sum(char in chars for char in entry.chars)
        if entry.words:
            if words is None:
                words = set(_ASCII_RUN.findall(plain))
            times += sum(word in words for word in entry.words)
        found.extend([(at, entry.synonym, entry.keys)] * times)
    return found


_STOP_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]{2,}")
"""A kanji run: one that is a sentence word as a whole (大丈夫) holds no key."""
_SPACE_BETWEEN_ASCII = re.compile(r"(?<=[a-z0-9])[\s/-]+(?=[a-z0-9])")
_MARKS = re.compile(r"[ー・]")
_SPACES = re.compile(r"\s+")


def _match_form(text: str) -> str:
    """Fold for synonym matching: NFKC, case, no long-vowel mark, ・ or spaces, except
    one space between English words (so ``IaaS PaaS`` stays two words)."""
    text = _SPACE_BETWEEN_ASCII.sub("\x00", _MARKS.sub("", fold(text)))
    return _SPACES.sub("", text).replace("\x00", " ")


def _is_katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30fe"


def _is_ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


_PARTICLES = frozenset("のをはがにでともやへかっ")


def _kana_bounded(text: str, start: int, end: int) -> bool:
    """In a query that is not all kana, a reading stands between particles or other
    scripts, not inside a longer kana run (きてい is no 規程 in 「できていない」); a
    query typed in kana only is mostly words put together (くじょうたいおう)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (not _is_kana(before) or before in _PARTICLES) and (
        not _is_kana(after) or after in _PARTICLES
    )


def _is_kana(char: str) -> bool:
    return "\u3041" <= char <= "\u30fe"


def standalone(text: str, start: int, end: int) -> bool:
    """A key must not be cut out of a longer word of its script.

    ``waf`` does not match in ``wafer``, nor ``ログ`` in ``ログイン``; kanji compounds
    may be cut (``監査`` in ``外部監査``), and so may katakana ones by a key of three
    letters or more (``リモート`` in ``リモートログイン``).
    """
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    if _is_ascii_word(first) and _is_ascii_word(before):
        return False
    if _is_ascii_word(last) and _is_ascii_word(after):
        return False
    # Katakana compounds have no spaces (リモートログイン): a key of three or more
    # letters may be cut out of one, a shorter one (ログ) may not.
    if end - start >= 3:
        return True
    return not (
        (_is_katakana(first) and _is_katakana(before))
        or (_is_katakana(last) and _is_katakana(after))
    )


_COUNTER_AFTER = re.compile(r"(年|ヶ月|か月|カ月|箇月|ケ月|月|週間|週|日|時間|分|秒|回|件|人)")
"""Counters of time, times and people after a number (5年, 3ヶ月, 10回): with it, a
quantity. Not 桁, 文字 or 世代 (8桁, 3世代): what they count is the topic."""


def _counter_after_number(plain: str, start: int, kind: str, run: str) -> int:
    """The length of the counter a kanji run opens with right after a number (5|年保管),
    or 0."""
    if kind != "kanji" or start == 0 or not plain[start - 1].isdigit():
        return 0
    found = _COUNTER_AFTER.match(run)
    return found.end() if found else 0


def _word_group(kind: str, run: str) -> Group | None:
    tokens = tuple(run_tokens(kind, run))
    if not tokens:
        return None
    factor = WEAK_FACTOR if run in _WEAK else 1.0
    return Group(run, (Alternative(tokens, 1.0),), factor)


def _split_modifier(run: str) -> list[tuple[int, str]]:
    """A kanji run opening with a modifier (担当|責任者, 専任|担当者, 現行|システム) as the
    modifier and the rest (two kanji or more), with the rest's offset; else the run."""
    for size in (3, 2):
        if len(run) - size >= 2 and run[:size] in MODIFIERS:
            return [(0, run[:size]), (size, run[size:])]
    return [(0, run)]


def _is_stop(kind: str, run: str, english: bool = False) -> bool:
    if kind == "kanji":
        return run in _STOP_KANJI or bool(_COUNTER.match(run))
    if kind == "kata":
        return run in _STOP_KATA
    if kind == "ascii":
        return run in _STOP_ASCII or (english and run in english_stopwords())
    return True


def respelled(
    query: str, known: Callable[[str], bool], common: Callable[[str], bool] | None = None
) -> str | None:
    """*query* with a typo of an English key or a kana reading mended, or an IME
    homophone slip of a kanji word (設続先), or None (see
    :func:`interview.search.vocab.respell` and :func:`~interview.search.vocab.mend_kanji`;
    *known* tells a token the index holds)."""
    from interview.search.vocab import homophones, mend_kanji, respell

    plain = _match_form(strip_escapes(query[:MAX_TEXT]))
    ascii_keys, kana_keys = _respell_keys()
    mended = respell(plain, ascii_keys, kana_keys, known, english_stopwords(), _tables()[2])
    keys = kanji_key_bigrams()
    kanji = mend_kanji(mended or plain, known, homophones(), keys.__contains__, common)
    return kanji if kanji != plain else None


@lru_cache(maxsize=1)
def kanji_key_bigrams() -> frozenset[str]:
    """The kanji bigrams of the paraphrase keys: a key (保障, 暗合化) is never mended."""
    return frozenset(
        s.key[i : i + 2]
        for s in synonym_table()
        for i in range(len(s.key) - 1)
        if _is_kanji(s.key[i]) and _is_kanji(s.key[i + 1])
    )


def inflections_mended(query: str, known: Callable[[str], bool]) -> str | None:
    """*query* with each English inflection no index word is (watches, uploading,
    stored) taken to a base form *known* holds (``known("a:watch")``), or None. No
    table: the glossary matches English against its own names and everyday words."""
    from interview.search.vocab import respell

    def held(token: str) -> bool:  # as the index folds it: rdbms is held as rdbm
        return known("a:" + run_tokens("ascii", token[2:])[0][2:])

    plain = _match_form(strip_escapes(query[:MAX_TEXT]))
    return respell(plain, frozenset(), (), held, frozenset(), frozenset())


@lru_cache(maxsize=1)
def _respell_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    table = synonym_table()
    ascii_keys = frozenset(s.key for s in table if s.key.isascii())
    kana_keys = tuple(s.key for s in table if s.spelled and is_hiragana_only(s.key))
    return ascii_keys, kana_keys


JUNCTION_PREFIX = "接:"
"""Marks the group of a junction bigram (see :func:`junctions`)."""


def parse_query(query: str, readings: bool = False) -> tuple[Group, ...]:
    """The content-word groups of *query* (empty when nothing is left to search for).

    *readings*: the checklist search's own tables join the paraphrases: kana typed for
    a word (ふせいあくせす, readings.toml) and English words (english.toml). The
    glossary matches its own readings and English names, and had no English gap."""
    return _parsed(query, readings)[0]


def junctions(query: str, readings: bool = False) -> tuple[str, ...]:
    """Where a paraphrase key was cut out of a longer kanji word whose rest is a word of
    its own (暗号|資産, 量子|暗号, 電子帳簿|保存|法): the kanji bigram across the cut
    (号資, 子暗, 簿保). When the index holds no such bigram, the compound is a word of
    its own, not its parts (暗号資産 is neither 暗号化 nor 情報資産). Kanji the query
    kept apart (極秘・社外秘, 極秘 社外秘) make no bigram: they are a list, not a word.
    *readings* as for :func:`parse_query`: the cuts of the keys the search reads with
    (緊急遮断, a checklist key, is not 緊急 cut out of it)."""
    typed = fold(strip_escapes(query[:MAX_TEXT]))
    return tuple(bigram for bigram in _parsed(query, readings)[1] if bigram in typed)


@lru_cache(maxsize=256)
def _parsed(query: str, readings: bool = False) -> tuple[tuple[Group, ...], tuple[str, ...]]:
    """:func:`_parse`, once per query: a search asks both for the groups and for the
    junctions of the same query."""
    return _parse(query, readings)


def _parse(query: str, readings: bool = False) -> tuple[tuple[Group, ...], tuple[str, ...]]:
    text = fold(strip_escapes(query[:MAX_TEXT]))
    if is_hiragana_only(text):
        text = _HIRAGANA_TAIL.sub("", text.strip()) or text
        text = to_katakana(text)
    plain = _match_form(text)
    kana = is_hiragana_only(fold(strip_escapes(query[:MAX_TEXT])))
    taken = [False] * len(plain)
    # 大丈夫 is the sentence, not the key 丈夫 (sturdy) cut out of it; a key may hold
    # such a word whole (関係ないサイト).
    stops = [m.span() for m in _STOP_RUN.finditer(plain) if m.group() in _STOP_KANJI]
    groups: list[tuple[int, Group]] = []
    cuts: list[str] = []
    # (only the keys the query holds: for any other, _take finds nothing)
    for _at, synonym, keys in _present(plain, kana, readings):
        for key in keys:
            if key in plain and _take(plain, key, synonym, kana, taken, groups, cuts, stops):
                break
    rest = "".join(" " if taken[i] else c for i, c in enumerate(plain))
    if readings and kana and groups:
        # Around a reading or a key, a query typed in hiragana has particles again
        # (ふせいあくせすのけんち): the rest is read as hiragana, not as a loan word.
        rest = rest.translate(_TO_HIRAGANA)
    words: list[tuple[int, Group]] = []
    singles: list[tuple[int, Group]] = []
    generic = False  # a generic word was dropped: a lone kanji beside it is its verb
    for match_start, (kind, run) in _glue_okurigana(_runs_with_positions(rest)):
        if kind == "hira":
            # Mostly particles and okurigana, but a word may be typed in hiragana
            # (「ばっくあっぷの頻度」): the index keeps whatever part it knows.
            if (
                not kana
                and match_start > 0
                and taken[match_start - 1]
                and "\u3041" <= plain[match_start - 1] <= "\u3096"
            ):
                continue  # the ending of a verb key (つなが|れないように): no word
            if len(run) >= 2:
                spelled = (Alternative((KANA_PREFIX + to_katakana(run),), 1.0),)
                words.append((match_start, Group(run, spelled)))
            continue
        if _is_stop(kind, run, readings):
            continue
        if kind == "kata" and run in generic_words():
            generic = True
            continue  # コツ: how, not which topic
        counter = _counter_after_number(plain, match_start, kind, run)
        if counter:
            # 5年|保管, 3ヶ月|で: the counter belongs to the number, not to the word.
            if len(run) == counter or _is_stop(kind, run[counter:], readings):
                continue
            run, match_start = run[counter:], match_start + counter
        if kind == "kanji" and run.startswith("何") and len(run) > 1:
            run, match_start = run[1:], match_start + 1  # 何世代: how many 世代
        after = plain[match_start + len(run) : match_start + len(run) + 1] or "a"
        if kind == "kanji" and run in PREFIXES and (_is_katakana(after) or _is_kanji(after)):
            continue  # 旧|サーバ, 旧|端末 (a key): a prefix before a word
        if kind == "kanji" and _is_katakana(after) and run in MODIFIERS:
            # 現行|システム: a modifier before a loan word.
            tokens = (Alternative(tuple(run_tokens(kind, run)), 1.0),)
            words.append((match_start, Group(run, tokens, WEAK_FACTOR)))
            continue
        if kind == "kanji":
            kept = strip_generic(run, _STOP_KANJI)
            if kept is None:
                generic = True
                continue  # 比較, 開始: what to do with a topic, not which topic
            generic = generic or kept[0] > 0 or len(kept[1]) < len(run)
            match_start, run = match_start + kept[0], kept[1]
            parts = _split_modifier(run)
            if len(parts) > 1:
                for offset, part in parts:
                    split = _word_group(kind, part)
                    if split is not None:
                        if offset == 0:  # the modifier: as little as a generic word
                            split = split._replace(factor=WEAK_FACTOR)
                        words.append((match_start + offset, split))
                continue
        group = _word_group(kind, run)
        if group is None:
            continue
        # A lone kanji is mostly a verb stem (見て, 通す, 聞かれる): kept only if it is
        # all there is, or part of a compound a paraphrase was cut from (リスト型攻撃).
        lone = kind == "kanji" and len(run) == 1 and not _in_compound(plain, match_start)
        (singles if lone else words).append((match_start, group))
    if not groups and not words and not generic:
        words = singles
    ordered = sorted(groups + words, key=lambda pair: pair[0])
    return tuple(group for _start, group in ordered), tuple(dict.fromkeys(cuts))


def _katakana_reading(synonym: Synonym) -> bool:
    """A reading of a word written in kanji, which may be typed in katakana too (the
    reading of a katakana word would stand for another spelling of that word)."""
    return synonym.spelled and any(_is_kanji(c) for c in synonym.targets[0])


def _take(
    plain: str,
    key: str,
    synonym: Synonym,
    kana: bool,
    taken: list[bool],
    groups: list[tuple[int, Group]],
    cuts: list[str],
    stops: Sequence[tuple[int, int]] = (),
) -> bool:
    """Take the first free, standalone occurrence of *key* in *plain* as a group; not
    one cut out of a sentence word in *stops* (丈夫 of 大丈夫)."""
    start = plain.find(key)
    while start >= 0:
        end = start + len(key)
        if (synonym.spelled and not kana and not _kana_bounded(plain, start, end)) or any(
            s < end and start < e and not (start <= s and e <= end) for s, e in stops
        ):
            start = plain.find(key, start + 1)
            continue
        if not any(taken[start:end]) and standalone(plain, start, end):
            for i in range(start, end):
                taken[i] = True
            groups.append((start, _synonym_group(plain[start:end], synonym)))
            cuts.extend(_cuts(plain, start, end))
            return True
        start = plain.find(key, start + 1)
    return False


def _cuts(plain: str, start: int, end: int) -> list[str]:
    """The junction bigrams of a key at plain[start:end] cut out of a longer kanji run
    whose rest on that side is two kanji or more and neither a generic word nor
    a key's start (外注|先 and 動作|確認 are the key's own word; 重要度|分類 two keys)."""
    if not all(_is_kanji(c) for c in plain[start:end]):
        return []
    found = []
    left = start
    while left > 0 and _is_kanji(plain[left - 1]):
        left -= 1
    rest = plain[left:start]
    if len(rest) >= 2 and not _plain_word(rest) and not _is_key_end(plain[:start]):
        found.append(plain[start - 1 : start + 1])
    right = end
    while right < len(plain) and _is_kanji(plain[right]):
        right += 1
    rest = plain[end:right]
    if (
        len(rest) >= 2
        and not _plain_word(rest)
        and rest not in _COMPOUND_HEADS
        and not _is_key_start(plain[end:])
    ):
        found.append(plain[end - 1 : end + 1])
    return found


_COMPOUND_HEADS = frozenset(
    [
        "禁止",
        "制限",
        "手順",
        "体制",
        "計画",
        "基準",
        "期間",
        "範囲",
        "担当",
        "機能",
        "方式",
        "業務",
        "時間",
        "記録",
        "履歴",
        "規程",
        "方針",
        "環境",
        "機器",
        "情報",
    ]
)
"""Words that end a compound of any topic (送信防止, 作業手順): no new word."""


def _plain_word(rest: str) -> bool:
    """A generic or sentence word (管理, 何年) or a modifier (担当, 現行): it makes no
    new compound with a key."""
    return rest in _WEAK or rest in MODIFIERS or _is_stop("kanji", rest)


def _is_key_start(rest: str) -> bool:
    return any(rest.startswith(s.key) for s in _candidates(rest[0], False))


def _is_key_end(rest: str) -> bool:
    return any(rest.endswith(s.key) for s in _candidates(rest, False))


def _in_compound(text: str, at: int) -> bool:
    """Whether the character at *at* touches a kanji or katakana letter."""
    return any(
        0 <= i < len(text) and (_is_katakana(text[i]) or _is_kanji(text[i]))
        for i in (at - 1, at + 1)
    )


def _is_kanji(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or char in "々〆ヶ"


_OKURIGANA = frozenset("っきしちひびみりぎじえけせめれべげ")
"""Kana that join two kanji of one word (引っ越し, 取り扱い, 書き換え); not particles
(の, に, て …) nor an adjective's い (弱い認証)."""


def _glue_okurigana(
    found: list[tuple[int, tuple[str, str]]],
) -> list[tuple[int, tuple[str, str]]]:
    """Kanji, one okurigana kana, kanji: one word written without it (取り扱い → 取扱,
    as the guide writes 取扱い; 引っ越し → 引越, a word, not two verb stems)."""
    glued: list[tuple[int, tuple[str, str]]] = []
    at = 0
    while at < len(found):
        start, (kind, run) = found[at]
        while (
            kind == "kanji"
            and at + 2 < len(found)
            and found[at + 1][1][0] == "hira"
            and len(found[at + 1][1][1]) == 1
            and found[at + 1][1][1] in _OKURIGANA
            and found[at + 2][1][0] == "kanji"
            and not found[at + 2][1][1].startswith("方")  # 選び方: a way of, no word
            and found[at + 1][0] == start + len(run)
            and found[at + 2][0] == found[at + 1][0] + 1
        ):
            run += found[at + 2][1][1]
            at += 2
        glued.append((start, (kind, run)))
        at += 1
    return glued


def _runs_with_positions(text: str) -> list[tuple[int, tuple[str, str]]]:
    found: list[tuple[int, tuple[str, str]]] = []
    position = 0
    for kind, run in runs(text):
        at = text.find(run, position)
        found.append((max(at, 0), (kind, run)))
        position = max(at, 0) + len(run)
    return found


@lru_cache(maxsize=4096)
def _synonym_group(original: str, synonym: Synonym) -> Group:
    """The group of a key found in a query (its tokens and its targets'), built once
    per key and entry: the table never changes and the group is immutable."""
    if synonym.spelled:
        # A kana reading stands for its word (ふせいあくせす = 不正アクセス).
        target = synonym.targets[0]
        return Group(target, (Alternative(tuple(text_tokens(target)), 1.0),))
    alternatives: list[Alternative] = []
    own: list[str] = []
    for kind, run in runs(original):
        own.extend(run_tokens(kind, run))
    if own:
        alternatives.append(Alternative(tuple(own), 1.0))
    for target in synonym.targets:
        tokens = text_tokens(target)
        if tokens:
            alternatives.append(Alternative(tuple(tokens), PARAPHRASE_FACTOR))
    if synonym.english and len(alternatives) > 1:
        # An English word weighs as the Japanese word it stands for: the index has
        # few English words, so the word itself would weigh as an unknown one.
        alternatives.append(alternatives.pop(0))
    return Group(original, tuple(alternatives), synonym.factor)
