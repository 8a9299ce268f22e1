"""Large alternations that stay fast on long replies.

Python's ``re`` tries every alternative at every position of the text; for a pattern of
dozens of alternatives led by look-behinds, a 1,000-character reply costs milliseconds.
Searched one by one, each alternative can skip ahead on its literal prefix, which is several
times faster on long text but slower on short text (one call per alternative). So short
replies use the whole pattern, long ones the alternatives in turn. ``search`` answers the
same yes/no either way; ``sub`` replaces the same spans unless two alternatives overlap.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any

_LONG = 160  # characters from which the alternatives are used one by one


def _top_level(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            current.append(source[i : i + 2])
            i += 2
            continue
        if ch == "[":
            end = i + 1
            if end < len(source) and source[end] == "^":
                end += 1
            if end < len(source) and source[end] == "]":
                end += 1
            while source[end] != "]":
                end += 2 if source[end] == "\\" else 1
            current.append(source[i : end + 1])
            i = end + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


class Alternation:
    """A compiled alternation with ``search`` and ``sub`` fast on long text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._source = pattern.pattern
        self._parts: list[re.Pattern[str]] | None = None

    def _alternatives(self) -> list[re.Pattern[str]]:
        if self._parts is None:
            self._parts = [guarded(re.compile(part)) for part in _top_level(self._source)]
        return self._parts

    def search(self, text: str) -> re.Match[str] | None:
        if len(text) < _LONG:
            return self.pattern.search(text)
        for part in self._alternatives():
            if found := part.search(text):
                return found
        return None

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        if len(text) < _LONG:
            return self.pattern.sub(repl, text)
        for part in self._alternatives():
            text = part.sub(repl, text)
        return text


# --- a first-character guard --------------------------------------------------------------
#
# ``re`` skips ahead quickly only when it can tell which characters a match may start with;
# it cannot for a pattern whose alternatives start with groups (「(検討|予定)して」, most of
# the rules), so every position of a reply runs the whole alternation. A look-ahead for the
# set of possible first characters, worked out from the parsed pattern, lets each position
# fail on one character test. The guard only rules out positions where no match can start,
# so searches and substitutions find exactly the same spans.

_parser: Any
try:  # the parser is private; without it the patterns stay as they are
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _parser = None

_CATEGORY_CLASS = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}
_MAX_CHARS = 600


def _first_chars(items: object) -> tuple[set[str], bool] | None:
    """The characters a match of *items* may start with, and whether it may be empty;
    None when that cannot be told (any character, a negated set, a back-reference)."""
    chars: set[str] = set()
    for op, av in items:  # type: ignore[attr-defined]
        name = str(op)
        if name == "LITERAL":
            chars.add(re.escape(chr(av)))
            return chars, False
        if name == "IN":
            for sub_op, sub_av in av:
                sub_name = str(sub_op)
                if sub_name == "LITERAL":
                    chars.add(re.escape(chr(sub_av)))
                elif sub_name == "RANGE" and sub_av[1] - sub_av[0] < _MAX_CHARS:
                    chars.update(re.escape(chr(c)) for c in range(sub_av[0], sub_av[1] + 1))
                elif sub_name == "CATEGORY" and str(sub_av) in _CATEGORY_CLASS:
                    chars.add(_CATEGORY_CLASS[str(sub_av)])
                else:
                    return None
            return chars, False
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero-width
        found: tuple[set[str], bool] | None
        if name == "SUBPATTERN":
            found = _first_chars(av[-1])
        elif name == "ATOMIC_GROUP":
            found = _first_chars(av)
        elif name == "BRANCH":
            found = (set(), False)
            for alternative in av[1]:
                one = _first_chars(alternative)
                if one is None:
                    return None
                found = (found[0] | one[0], found[1] or one[1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            one = _first_chars(av[2])
            if one is None:
                return None
            found = (one[0], one[1] or av[0] == 0)
        else:
            return None
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


def _skips_already(items: object) -> bool:
    """``re`` finds a literal or a set of first characters by itself (it looks through
    groups at the first item: a literal, a set, or alternatives that each start with one);
    a guard would only slow such a pattern down."""
    data = list(items)  # type: ignore[call-overload]
    while data and str(data[0][0]) == "SUBPATTERN":
        data = list(data[0][1][-1])
    if not data:
        return False
    op, av = data[0]
    if str(op) in ("LITERAL", "IN"):
        return True
    return str(op) == "BRANCH" and all(alt and str(alt[0][0]) == "LITERAL" for alt in av[1])


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a look-ahead for its possible first characters."""
    if _parser is None or pattern.flags & re.IGNORECASE or pattern.pattern.startswith("(?=["):
        return pattern  # no parser, a case-blind pattern, or guarded already
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags).data
        if _skips_already(parsed):
            return pattern
        first = _first_chars(parsed)
    except Exception:  # pragma: no cover - an unknown parser shape: leave the pattern alone
        return pattern
    if first is None or first[1] or not first[0] or len(first[0]) > _MAX_CHARS:
        return pattern
    guard = "".join(sorted(first[0]))
    return re.compile(f"(?=[{guard}])(?:{pattern.pattern})", pattern.flags)


def guard_module(namespace: dict[str, object]) -> None:
    """Guard every compiled pattern (and every Alternation's whole pattern) of a module."""
    for name, value in list(namespace.items()):
        if isinstance(value, Alternation):
            value.pattern = guarded(value.pattern)
        elif isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            namespace[name] = guarded(value)
