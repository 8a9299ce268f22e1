"""Cut Japanese and English text into the tokens the meaning index ranks by.

No morphological analyser: text is split into runs of one script (kanji, katakana,
hiragana, ASCII letters and digits) and each run gives tokens of its own kind:

* a kanji run gives its characters and its character bigrams (``脆弱性`` → 脆, 弱,
  性, 脆弱, 弱性), so a word matches inside a longer compound and vice versa;
* a katakana run gives the whole word (``ト:トークン``, a strong token that
  ``プログラム`` cannot fake for ``ログ``) and its bigrams;
* an ASCII run gives the whole word (``a:mfa``), a final plural s dropped;
* hiragana runs are particles and okurigana in the guide's prose and give nothing,
  except when a query is written in hiragana only (a reading such as ``とーくん``),
  which is then read as katakana.

The long-vowel mark is dropped (``サーバー`` = ``サーバ``) and text goes through NFKC
and case folding first, so width and case never matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

MAX_TEXT = 200
"""A query is cut to this many characters before tokenising (hostile input stays cheap)."""

# One run of one script. Kanji includes 々〆ヶ; katakana includes ー and ・ is a break.
_RUN = re.compile(
    r"(?P<kanji>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+)"
    r"|(?P<kata>[\u30a1-\u30fa\u30fc\u30fd\u30fe]+)"
    r"|(?P<hira>[\u3041-\u3096\u309d\u309e]+)"
    r"|(?P<ascii>[a-z0-9]+)"
)
_TO_KATAKANA = {cp: cp + 0x60 for cp in range(0x3041, 0x3097)} | {0x309D: 0x30FD, 0x309E: 0x30FE}
_HIRAGANA_ONLY = re.compile(r"[\u3041-\u3096\u309d\u309eー\s]+")


_DASH_AS_LONG_VOWEL = re.compile(
    r"(?<=[\u30a1-\u30fa])[-\u2010-\u2015\u2212\u2500\u2501]"
    r"(?=[\u30a1-\u30fa]{0,3}(?:[^\u30a1-\u30fa\u30fc]|$))"
)
"""A dash typed for the long-vowel mark after a katakana letter (パスワ―ド, パトロ-ル):
at most three letters follow it up to the word's end, so a dash between two words
(サーバ-クライアント) stays a break."""


def fold(text: str) -> str:
    """NFKC and case folding: the form runs are cut from. A dash typed for the
    long-vowel mark inside a katakana word (ワンタイムパスワ―ド) is that mark."""
    return _DASH_AS_LONG_VOWEL.sub("ー", unicodedata.normalize("NFKC", text).casefold())


def to_katakana(text: str) -> str:
    return text.translate(_TO_KATAKANA)


_NOT_LETTERS = re.compile(r"[\W_]+")


def is_hiragana_only(text: str) -> bool:
    """True for a query such as ``とーくん``: hiragana (and ー) and nothing else but
    punctuation, spaces or control characters."""
    letters = _NOT_LETTERS.sub("", text)
    return bool(letters) and _HIRAGANA_ONLY.fullmatch(letters) is not None


def runs(text: str) -> Iterator[tuple[str, str]]:
    """Yield (script, run) pairs of already :func:`fold`-ed *text*.

    Script is ``kanji``, ``kata``, ``hira`` or ``ascii``; other characters only break runs.
    """
    for match in _RUN.finditer(text):
        kind = match.lastgroup or ""
        run = match.group()
        if kind == "kata":
            run = run.replace("ー", "")
            if not run:
                continue
        yield kind, run


def run_tokens(kind: str, run: str) -> list[str]:
    """The tokens of one run (see the module docstring); [] for a hiragana run."""
    if kind == "kanji":
        return [*run, *(run[i : i + 2] for i in range(len(run) - 1))]
    if kind == "kata":
        word = "ト:" + run
        if len(run) <= 2:
            return [word, run]
        return [word, *(run[i : i + 2] for i in range(len(run) - 1))]
    if kind == "ascii":
        # A crude plural fold, the same on both sides: reports = report.
        if len(run) > 3 and run.endswith("s") and not run.endswith("ss"):
            run = run[:-1]
        return ["a:" + run]
    return []


_KANJI = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]"
_GLUED = re.compile(f"({_KANJI})[っきしちひびみりぎじえけせめれべげ](?=({_KANJI}))")
"""Two kanji of one word around one okurigana kana (呼び出し, 取り扱い): see
query._glue_okurigana, which reads a query's the same way."""


def text_tokens(text: str) -> list[str]:
    """All tokens of a document text (hiragana runs give none).

    Where a kanji run and a katakana run touch (``アクセス記録``), their junction
    is a token too (``ス記``), so a phrase ranks above its words found apart; so are
    two kanji around one okurigana kana (``呼び出し`` → 呼出).
    """
    tokens: list[str] = []
    last_end, last_kind, last_char = -1, "", ""
    folded = fold(text)
    tokens.extend(m.group(1) + m.group(2) for m in _GLUED.finditer(folded))
    for match in _RUN.finditer(folded):
        kind = match.lastgroup or ""
        run = match.group()
        if kind == "kata":
            run = run.replace("ー", "")
            if not run:
                continue
        if match.start() == last_end and {kind, last_kind} == {"kanji", "kata"}:
            tokens.append(last_char + run[0])
        tokens.extend(run_tokens(kind, run))
        last_end, last_kind, last_char = match.end(), kind, run[-1]
    return tokens
