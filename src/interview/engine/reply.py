"""Typed replies, as in a chat: a leading はい / いいえ / 一部 … sets the status.

Also parses slash commands (``/用語 OAuth``, ``/戻る``, ``/スキップ``, ``/移動 23``) so the
UI and scripted use share one grammar.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from interview.engine.answers import Status

# Longest variants first so that 「一部実施」 wins over 「一部」 and 「該当なし」 over 「なし」.
_STATUS_WORDS: list[tuple[str, Status]] = sorted(
    [
        *(
            (w, Status.DONE)
            for w in (
                "実施済み",
                "実施済",
                "実施している",
                "はい",
                "ええ",
                "yes",
                "済み",
                "対応済み",
                "している",
                "あります",
                "できています",
            )
        ),
        *(
            (w, Status.PARTIAL)
            for w in (
                "一部実施",
                "一部対応",
                "一部",
                "部分的に",
                "部分的",
                "ある程度",
                "途中",
                "一部のみ",
            )
        ),
        *(
            (w, Status.NOT_DONE)
            for w in (
                "未実施",
                "未対応",
                "いいえ",
                "いえ",
                "no",
                "していない",
                "していません",
                "まだ",
                "ない",
                "ありません",
            )
        ),
        *(
            (w, Status.NOT_APPLICABLE)
            for w in ("該当なし", "該当しない", "該当しません", "対象外", "非該当", "n/a", "na")
        ),
        *(
            (w, Status.ALTERNATIVE)
            for w in ("代替策で対応", "代替策で対応済み", "代替策", "代替手段", "代わりに", "代替")
        ),
        *(
            (w, Status.UNKNOWN)
            for w in (
                "不明・要確認",
                "わからない",
                "分からない",
                "わかりません",
                "分かりません",
                "不明",
                "要確認",
                "確認中",
                "?",
                "？",
            )
        ),
    ],
    key=lambda pair: -len(pair[0]),
)
_SEPARATORS = " 　、,。.:：;；!！-ー—/"


@dataclass(frozen=True)
class PlanHint:
    """A plan or date named in a reply (「来年3月までに導入予定」), to offer for 対応計画."""

    text: str  # the words naming the plan, as typed
    due: str | None = None  # "YYYY-MM" when a month could be resolved


@dataclass(frozen=True)
class StatusReply:
    """What the reader made of a reply.

    Contract (shared by the chat and the reply reader):
    - ``status``: the status the words clearly give, or None when not sure;
    - ``detail``: the reply as typed (the reader never cuts the status words away);
    - ``guess``: the best guess to pre-select when ``status`` is None;
    - ``is_question``: the reply asks something back (offer the glossary or hint);
    - ``plan``: a plan or date named in the reply, if any.
    """

    status: Status | None  # None: not sure (ask, with `guess` pre-selected)
    detail: str
    guess: Status | None = None
    is_question: bool = False
    plan: PlanHint | None = None


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _cut(raw: str, key: str) -> int:
    """Length of the prefix of *raw* that folds to *key* (NFKC may change lengths)."""
    for end in range(len(key), len(raw) + 1):
        if _fold(raw[:end]) == key:
            return end
    return len(key)


def parse_status_reply(text: str) -> StatusReply:
    """Split a typed reply into a status (if it starts with one) and the rest as detail."""
    raw = text.strip()
    folded = _fold(raw)
    if folded[:1] and folded[0] in "123456" and (len(folded) == 1 or folded[1] in _SEPARATORS):
        status = list(Status)[int(folded[0]) - 1]
        return StatusReply(status, raw[1:].lstrip(_SEPARATORS).strip())
    for word, status in _STATUS_WORDS:
        key = _fold(word)
        if not folded.startswith(key):
            continue
        rest_index = len(key)
        nxt = folded[rest_index : rest_index + 1]
        # an ASCII word must end at a word boundary ("no" is not the start of "node")
        if key.isascii() and key.isalpha() and nxt.isascii() and nxt.isalnum():
            continue
        detail = raw[_cut(raw, key) :].lstrip(_SEPARATORS).strip()
        return StatusReply(status, detail)
    return StatusReply(None, raw)


@dataclass(frozen=True)
class Command:
    name: str  # glossary, back, skip, jump, follow, search, review, export, compare, help, quit
    argument: str = ""


_COMMANDS = {
    "用語": "glossary",
    "ようご": "glossary",
    "glossary": "glossary",
    "g": "glossary",
    "戻る": "back",
    "もどる": "back",
    "back": "back",
    "スキップ": "skip",
    "skip": "skip",
    "移動": "jump",
    "いどう": "jump",
    "jump": "jump",
    "要確認": "follow",
    "フォロー": "follow",
    "follow": "follow",
    "検索": "search",
    "search": "search",
    "確認": "review",
    "review": "review",
    "出力": "export",
    "比較": "compare",
    "compare": "compare",
    "export": "export",
    "個別": "change",
    "change": "change",
    "ヘルプ": "help",
    "help": "help",
    "終了": "quit",
    "quit": "quit",
}


def parse_command(text: str) -> Command | None:
    """``/用語 OAuth`` → Command("glossary", "OAuth"); not a command → None."""
    stripped = text.strip()
    if not stripped.startswith(("/", "／")):
        return None
    body = stripped[1:].strip()
    parts = re.split(r"[ \u3000]+", body, maxsplit=1)
    head = parts[0]
    argument = parts[1] if len(parts) > 1 else ""
    name = _COMMANDS.get(_fold(head)) or _COMMANDS.get(head)
    if name is None:
        return Command("unknown", head)
    return Command(name, argument.strip())
