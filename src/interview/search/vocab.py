"""English words and kana readings, as data (``english.toml``, ``readings.toml``).

Both tables join the paraphrase table of :mod:`interview.search.query`:

* ``english.toml`` maps English security and business words and phrases (``access
  log``, ``penetration test``, ``pentest``, ``KMS`` …) to the Japanese words the guide
  uses. A phrase is matched as a phrase (longest key first, whole words only), and a
  final plural is matched too (``access logs``). ``stopwords`` are English words that
  carry no topic (``old``, ``when``); ``generic`` ones count as little as 管理 or 導入.
* ``readings.toml`` gives the kana a respondent types when the IME is off or they do
  not know the kanji (``ふせいあくせす`` → 不正アクセス, ``ばっくあっぷ`` → バックアップ).
  A reading stands for its word: the kana as typed is not searched for itself.

Inflections and typos: :func:`respell` takes an English word that no table key and no
indexed word holds to its base form when that is a key's word (explaining → explain),
else to a key's word one edit away (two for long words); a whole-kana query to the
reading one edit away.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from interview.search.datafile import read_data

HERE = Path(__file__).parent
ENGLISH_FILE = HERE / "english.toml"
READINGS_FILE = HERE / "readings.toml"
MIN_READING = 3
"""A reading shorter than this (かぎ) would be found inside other words: not used."""


class Entry(NamedTuple):
    words: tuple[str, ...]
    targets: tuple[str, ...]
    spelled: bool
    """A reading: the key is another spelling of its single target."""


def plurals(phrase: str) -> list[str]:
    """*phrase* and its plural forms (the last word's): log → logs, policy → policies,
    access → accesses."""
    forms = [phrase]
    if not phrase or not phrase[-1].isalpha() or not phrase.isascii():
        return forms
    last = phrase.rsplit(" ", 1)[-1]
    if len(last) < 3 or last.isupper():
        return forms  # abbreviations (KMS, IDS) take an s of their own below
    lower = phrase.lower()
    if lower.endswith(("s", "x", "ch", "sh")):
        forms.append(phrase + "es")
    elif lower.endswith("y") and lower[-2:-1] not in "aeiou":
        forms.append(phrase[:-1] + "ies")
    else:
        forms.append(phrase + "s")
    return forms


@lru_cache(maxsize=2)
def _english(path: Path = ENGLISH_FILE) -> dict:
    return read_data(path)


@lru_cache(maxsize=1)
def english_entries(path: Path = ENGLISH_FILE) -> tuple[Entry, ...]:
    entries = []
    for entry in _english(path).get("english", []):
        words: list[str] = []
        for word in entry.get("words", []):
            for form in plurals(str(word).strip()):
                if form not in words:
                    words.append(form)
        targets = tuple(str(t) for t in entry.get("targets", []))
        entries.append(Entry(tuple(words), targets, False))
    return tuple(entries)


@lru_cache(maxsize=1)
def reading_entries(path: Path = READINGS_FILE) -> tuple[Entry, ...]:
    entries = []
    for entry in read_data(path).get("readings", []):
        kana = tuple(
            str(k) for k in entry.get("kana", []) if len(str(k).replace("ー", "")) >= MIN_READING
        )
        if kana:
            entries.append(Entry(kana, (str(entry.get("word", "")),), True))
    return tuple(entries)


@lru_cache(maxsize=1)
def english_stopwords(path: Path = ENGLISH_FILE) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _english(path).get("stopwords", []))


@lru_cache(maxsize=1)
def english_nostem(path: Path = ENGLISH_FILE) -> frozenset[str]:
    """Words that look inflected but are words of their own (accounting, marketing)."""
    return frozenset(str(w).lower() for w in _english(path).get("nostem", []))


@lru_cache(maxsize=1)
def english_generic(path: Path = ENGLISH_FILE) -> frozenset[str]:
    """English words that say as little as 管理 or 対策 (management, measures)."""
    words = (str(w).lower() for w in _english(path).get("generic", []))
    return frozenset(form for word in words for form in plurals(word))


_ASCII_WORD = re.compile(r"[a-z][a-z0-9]*")
_HIRAGANA = re.compile(r"[\u3041-\u3096ー]+")
_KATAKANA = re.compile(r"[\u30a1-\u30f6ー]+")


def respell(
    plain: str,
    keys: frozenset[str],
    kana_keys: tuple[str, ...],
    known: Callable[[str], bool],
    stop: frozenset[str] | None = None,
    nostem: frozenset[str] | None = None,
) -> str | None:
    """*plain* (a folded query) with its English inflections and typos mended, or None
    when there is nothing to mend. For an English word no key, stopword or indexed
    word (``known("a:" + word)``) is:

    * a word of phrase keys is kept where such a phrase is there, else taken to its
      base form when that is a key or completes a phrase (working together);
    * an inflection of a stopword is dropped (giving); an inflection of a key's word
      becomes that word (explaining → explain, accounts → account, pcs → pc);
    * a word of six letters or more becomes the word of a key one edit away: a letter
      left out, added or swapped with the next, not changed (relocation is no typo
      of revocation); two edits for twelve letters or more.

    A query typed in hiragana only that no key holds and that is no katakana word of
    the index becomes the *kana_keys* reading one edit away (``ぜいじゃくせ`` →
    ぜいじゃくせい), the first letter kept and no letter changed (しょうひん is no
    しょうにん); so does a katakana-only query, read as hiragana (バクアップ →
    ばっくあっぷ).
    """
    from rapidfuzz.distance import OSA

    changed = plain
    stop = english_stopwords() if stop is None else stop
    nostem = english_nostem() if nostem is None else nostem
    for match in _ASCII_WORD.finditer(plain):
        word = match.group()
        if len(word) < 3 or word in stop or word in keys or known("a:" + word):
            continue
        if word in nostem:
            continue
        words = _single_words(keys).get(word[0], ())
        stems = _stems(word)
        if word in words:
            # A word of phrase keys: kept where one of them is there (telling users),
            # else its base form if that is a key or completes one (working together).
            phrases = _phrases(keys)
            if any(_has(changed, phrase) for phrase in phrases.get(word, ())):
                continue
            for form in stems:
                mended = _replace(changed, word, form)
                if form in keys or any(_has(mended, p) for p in phrases.get(form, ())):
                    changed = mended
                    break
            else:
                if any(form in stop for form in stems):
                    changed = _replace(changed, word, " ")
            continue
        if any(form in stop for form in stems):
            changed = _replace(changed, word, " ")
            continue  # giving, knows: inflections of a stopword
        stem = next((form for form in stems if form in keys or form in words), "")
        stem = stem or next((form for form in stems if known("a:" + form)), "")
        if stem:
            changed = _replace(changed, word, stem)
            continue
        if len(word) < 6:
            continue
        most = 2 if len(word) >= 12 else 1
        best, best_distance = "", most + 1
        for key in _single_words(keys).get(word[0], ()):
            if len(key) < 5 or abs(len(key) - len(word)) > most:
                continue
            distance = OSA.distance(word, key, score_cutoff=most)
            if len(key) == len(word) and sorted(key) != sorted(word):
                continue  # a letter changed: another word (relocation, revocation)
            if distance < best_distance:
                best, best_distance = key, distance
        if best:
            changed = _replace(changed, word, best)
    kana = plain
    if _KATAKANA.fullmatch(plain):
        # A katakana word typed with a letter left out (バクアップ): read as hiragana.
        kana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in plain)
    if (
        changed == plain
        and _HIRAGANA.fullmatch(kana)
        and len(kana) >= 4
        and not any(k in kana for k in kana_keys)
    ):
        from interview.search.tokens import to_katakana

        if not known("ト:" + to_katakana(kana).replace("ー", "")):
            near = [
                k
                for k in kana_keys
                if k[0] == kana[0]
                and len(k) >= 4
                and abs(len(k) - len(kana)) <= 1
                and (len(k) != len(kana) or sorted(k) == sorted(kana))
            ]
            best_kana = min(near, key=lambda k: (OSA.distance(kana, k), len(k)), default="")
            if best_kana and OSA.distance(kana, best_kana) <= 1:
                changed = best_kana
    return changed if changed != plain else None


def _replace(text: str, word: str, by: str) -> str:
    """*text* with the whole word *word* replaced by *by*."""
    return re.sub(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", by, text)


def _has(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", text) is not None


@lru_cache(maxsize=4)
def _phrases(keys: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The ASCII keys of several words, by each of their words."""
    table: dict[str, list[str]] = {}
    for key in keys:
        if " " in key and _ASCII_WORD.fullmatch(key.replace(" ", "")):
            for word in set(key.split(" ")):
                table.setdefault(word, []).append(key)
    return {word: tuple(phrases) for word, phrases in table.items()}


def _stems(word: str) -> list[str]:
    """Base forms *word* may be inflected from: explaining → explain, explaine;
    stopped → stop; policies → policy; reviews → review."""
    forms: list[str] = []
    if word.endswith("ing") and len(word) > 5:
        base = word[:-3]
        forms += [base, base + "e"]
        if len(base) > 2 and base[-1] == base[-2]:
            forms.append(base[:-1])
    elif word.endswith("ied") or word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("ed") and len(word) > 4:
        base = word[:-2]
        forms += [base, word[:-1]]
        if len(base) > 2 and base[-1] == base[-2]:
            forms.append(base[:-1])
    elif word.endswith("es") and len(word) > 4:
        forms += [word[:-2], word[:-1]]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.append(word[:-1])
    return forms


@lru_cache(maxsize=4)
def _single_words(keys: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The words of the ASCII keys by first letter (three letters or more): an
    inflection or a typo of a phrase's word (working of work together, respnse of
    incident response) is mended to that word."""
    table: dict[str, set[str]] = {}
    for key in keys:
        for word in key.split(" "):
            if len(word) >= 3 and _ASCII_WORD.fullmatch(word):
                table.setdefault(word[0], set()).add(word)
    return {first: tuple(sorted(words)) for first, words in table.items()}


HOMOPHONES_FILE = HERE / "homophones.toml"
_KANJI_RUN = re.compile(r"[\u3400-\u9fff々]{2,}")


@lru_cache(maxsize=1)
def homophones(path: Path = HOMOPHONES_FILE) -> dict[str, str]:
    """Each kanji of ``homophones.toml`` → the other kanji of its group(s)."""
    table: dict[str, str] = {}
    for group in read_data(path).get("groups", []):
        for char in str(group):
            others = "".join(c for c in str(group) if c != char)
            table[char] = table.get(char, "") + others
    return table


def mend_kanji(
    plain: str,
    known: Callable[[str], bool],
    table: dict[str, str],
    keep: Callable[[str], bool] | None = None,
    common: Callable[[str], bool] | None = None,
) -> str:
    """*plain* with IME homophone slips mended (設続 → 接続, 代帳 → 台帳, 保障 → 補償).

    A kanji bigram the index does not hold (``known`` is False) is read with one of its
    kanji, or both, replaced by a homophone of *table*, when the new bigram is known and
    the bigrams it makes with the kanji on either side are known too. One kanji
    changed is tried before two; with both changed, the new bigram must be *common*
    too (a word many texts hold: 上方 → 情報, not 印紙 → 引指). A bigram *keep* accepts
    (a paraphrase key's) stays."""
    if not table:
        return plain
    out = plain
    for match in _KANJI_RUN.finditer(plain):
        run = match.group()
        for i in range(len(run) - 1):
            first, second = run[i], run[i + 1]
            if first not in table and second not in table:
                continue
            if known(run[i : i + 2]) or (keep is not None and keep(run[i : i + 2])):
                continue
            options = [(a + second, 1) for a in table.get(first, "")]
            options += [(first + b, 1) for b in table.get(second, "")]
            options += [(a + b, 2) for a in table.get(first, "") for b in table.get(second, "")]
            for option, changes in options:
                if not known(option) or (
                    changes == 2 and common is not None and not common(option)
                ):
                    continue
                candidate = run[:i] + option + run[i + 2 :]
                if i > 0 and not known(candidate[i - 1 : i + 1]):
                    continue
                if i + 2 < len(candidate) and not known(candidate[i + 1 : i + 3]):
                    continue
                run = candidate
                break
        if run != match.group():
            out = out[: match.start()] + run + out[match.end() :]
    return out
