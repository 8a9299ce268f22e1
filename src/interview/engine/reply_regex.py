"""Large alternations that stay fast on long replies.

Python's ``re`` tries every alternative at every position of the text; for a pattern of
dozens of alternatives led by look-behinds, a 1,000-character reply costs milliseconds.
Searched one by one, each alternative can skip ahead on its literal prefix, which is several
times faster on long text but slower on short text (one call per alternative). So short
replies use the whole pattern, long ones the alternatives in turn. ``search`` answers the
same yes/no either way; ``sub`` replaces the same spans unless two alternatives overlap.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
        self._parts: list[re.Pattern[str]] | None = None

    def _alternatives(self) -> list[re.Pattern[str]]:
        if self._parts is None:
            self._parts = [re.compile(part) for part in _top_level(self.pattern.pattern)]
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
