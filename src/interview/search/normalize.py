"""Fold Japanese and English text to one comparable form for search.

Both the query and the searched text go through the same folding:

* NFKC, so full-width ``ＡＰＩ`` and half-width ``ｽﾃｰﾄ`` become ``API`` and ``ステート``;
* case folding (``OAuth`` → ``oauth``);
* hiragana → katakana (``とーくん`` → ``トークン``);
* everything that is not a letter or a digit is dropped: spaces (``API 接続先`` =
  ``API接続先``), punctuation (``・``, ``-``, ``/``), control characters and emoji;
* the long-vowel mark ``ー`` is dropped too, so ``バッファーオーバーフロー`` and
  ``バッファオーバーフロー`` (or ``トークン`` and ``トクン``) compare equal.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUERY_CHARS = 200
"""A query is cut to this many characters before folding (hostile input stays cheap)."""

_KANA = {cp: cp + 0x60 for cp in range(0x3041, 0x3097)} | {0x309D: 0x30FD, 0x309E: 0x30FE}
_DROP = re.compile(r"[\W_ー]+")
_WORD_BREAK = re.compile(r"[\W_\u3041-\u309f]+")
_CHAR_CACHE: dict[str, str] = {}


def normalize(text: str) -> str:
    """Return *text* folded for comparison (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_KANA)
    return _DROP.sub("", folded)


_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI (colours, cursor moves)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC (window title …)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x1b[@-_]"  # other two-character escapes
)


def strip_escapes(text: str) -> str:
    """Drop terminal escape sequences pasted into a query (their letters are not words)."""
    return _ESCAPES.sub(" ", text) if ("\x1b" in text or "\x9b" in text) else text


def normalize_query(query: str) -> str:
    """Fold a user's query, first cutting it to :data:`MAX_QUERY_CHARS` characters."""
    return normalize(strip_escapes(query[:MAX_QUERY_CHARS]))


def query_words(query: str) -> list[str]:
    """Split a query into folded content words of two or more characters.

    Japanese has no spaces, so words break at spaces, punctuation and hiragana
    (particles and okurigana): ``脆弱性の評価`` → ``["脆弱性", "評価"]``.
    """
    text = unicodedata.normalize("NFKC", strip_escapes(query[:MAX_QUERY_CHARS])).casefold()
    words = (normalize(piece) for piece in _WORD_BREAK.split(text))
    return [word for word in words if len(word) >= 2]


def _fold_char(char: str) -> str:
    folded = _CHAR_CACHE.get(char)
    if folded is None:
        folded = _CHAR_CACHE[char] = normalize(char)
    return folded


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold *text* character by character and map each folded character to its source.

    ``offsets[i]`` is the index in *text* of the character that produced ``folded[i]``.
    Folding per character equals :func:`normalize` for composed text such as the
    catalog's (it differs only for decomposed sequences like half-width ``ｶﾞ``).
    """
    parts: list[str] = []
    offsets: list[int] = []
    cache = _CHAR_CACHE
    for index, char in enumerate(text):
        folded = cache.get(char)
        if folded is None:
            folded = cache[char] = normalize(char)
        if folded:
            parts.append(folded)
            if len(folded) == 1:
                offsets.append(index)
            else:
                offsets.extend([index] * len(folded))
    return "".join(parts), offsets
