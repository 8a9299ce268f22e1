"""A whole reply typed in romaji with the IME off (「jisshi zumi desu」「mada yattemasen」), read
as kana: when every word parses as romaji syllables and none is an English word of a verdict.
Used by ``reply_normalize.fold``."""

from __future__ import annotations

import re

# Romaji words only, with blanks and punctuation between them.
ROMAJI_REPLY = re.compile(r"[a-z']+(?:[ 、,.!?]+[a-z']+)*[ 、。,.!?]*")
_KANA_SYLLABLES = {
    **dict(zip("aiueo", "あいうえお", strict=True)),
    **{
        c + v: k
        for c, row in {
            "k": "かきくけこ",
            "g": "がぎぐげご",
            "s": "さしすせそ",
            "z": "ざじずぜぞ",
            "t": "たちつてと",
            "d": "だぢづでど",
            "n": "なにぬねの",
            "h": "はひふへほ",
            "b": "ばびぶべぼ",
            "p": "ぱぴぷぺぽ",
            "m": "まみむめも",
            "r": "らりるれろ",
        }.items()
        for v, k in zip("aiueo", row, strict=True)
    },
    "wa": "わ",
    "ya": "や",
    "yu": "ゆ",
    "yo": "よ",
    "shi": "し",
    "chi": "ち",
    "tsu": "つ",
    "fu": "ふ",
    "ji": "じ",
    "sha": "しゃ",
    "shu": "しゅ",
    "sho": "しょ",
    "cha": "ちゃ",
    "chu": "ちゅ",
    "cho": "ちょ",
    "ja": "じゃ",
    "ju": "じゅ",
    "jo": "じょ",
    "kya": "きゃ",
    "kyu": "きゅ",
    "kyo": "きょ",
    "ryo": "りょ",
    "ryu": "りゅ",
    "rya": "りゃ",
    "nya": "にゃ",
    "nyu": "にゅ",
    "nyo": "にょ",
    "gyo": "ぎょ",
    "hyo": "ひょ",
    "byo": "びょ",
    "myo": "みょ",
    "si": "し",
    "ti": "ち",
    "tu": "つ",
    "zi": "じ",
    "hu": "ふ",
    "sya": "しゃ",
    "syu": "しゅ",
    "syo": "しょ",
    "zya": "じゃ",
    "zyu": "じゅ",
    "zyo": "じょ",
    "tya": "ちゃ",
    "tyu": "ちゅ",
    "tyo": "ちょ",
    "wo": "を",
}
_NOT_ROMAJI_WORDS = frozenset(
    [
        "no",
        "yes",
        "done",
        "not",
        "none",
        "na",
        "ok",
        "wip",
        "tbd",
        "todo",
        "nope",
        "nah",
        "yep",
        "sure",
        "maybe",
        "partial",
        "partially",
        "n/a",
        "on",
        "off",
        "we",
        "do",
        "did",
        "does",
        "it",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "for",
        "at",
        "by",
        "as",
        "so",
    ]
)


def _romaji_word(word: str) -> str | None:
    out: list[str] = []
    i = 0
    while i < len(word):
        c = word[i]
        if c == "n" and (i + 1 == len(word) or word[i + 1] not in "aiueoy"):
            out.append("ん")
            i += 1
            continue
        if c == "'":
            i += 1
            continue
        if i + 1 < len(word) and c == word[i + 1] and c not in "aiueon":
            out.append("っ")  # a doubled consonant: jisshi, yatte
            i += 1
            continue
        for size in (3, 2, 1):
            kana = _KANA_SYLLABLES.get(word[i : i + size])
            if kana:
                out.append(kana)
                i += size
                break
        else:
            return None
    return "".join(out)


def romaji_reply_as_kana(text: str) -> str:
    """*text* (matching ``ROMAJI_REPLY``) in kana, or unchanged when it is too short, holds an
    English word of a verdict, or a word that is not romaji."""
    words = re.findall(r"[a-z']+", text)
    if sum(len(w) for w in words) < 5 or any(w in _NOT_ROMAJI_WORDS for w in words):
        return text
    kana = [_romaji_word(w) for w in words]
    if any(k is None for k in kana):
        return text
    return "".join(k or "" for k in kana)
