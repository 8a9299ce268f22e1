"""Line numbers of fields in a profile's TOML text, including entries of ``[[arrays]]``.

``interview.tomlio.locate`` finds the first occurrence of a key; a profile has many
``[[exclude]]`` and ``[[add]]`` entries, so this follows the array indices too.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")


def _header(line: str) -> tuple[str, bool] | None:
    """(dotted name, is array-of-tables) when *line* is a table header."""
    match = _HEADER.match(line)
    if match is None:
        return None
    name = ".".join(part.strip().strip('"') for part in match.group(2).split("."))
    return name, match.group(1) == "[["


def _key_line(lines: list[str], start: int, end: int, key: str) -> int | None:
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
    for index in range(start, end):
        if _header(lines[index]) is not None:
            return None
        if pattern.match(lines[index]):
            return index
    return None


def line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """1-based line of the field at *loc* (e.g. ``("add", 1, "questions", 0, "text")``).

    Falls back to the header of the closest enclosing entry when the key itself is not
    written (a missing field), and to ``None`` when nothing can be found.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    found: int | None = None
    prefix: list[str] = []
    parts = list(loc)
    i = 0
    while i < len(parts):
        part = parts[i]
        if not isinstance(part, str):
            i += 1
            continue
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if isinstance(nxt, int):
            prefix.append(part)
            name = ".".join(prefix)
            hits = [n for n in range(start, end) if _header(lines[n]) == (name, True)]
            if nxt >= len(hits):  # an inline array, or an entry that is not there
                key = _key_line(lines, start, end, part)
                break_at = key if key is not None else found
                return None if break_at is None else break_at + 1
            found = hits[nxt]
            start = found + 1
            for n in range(start, end):
                header = _header(lines[n])
                if header is not None and not header[0].startswith(name + "."):
                    end = n
                    break
            i += 2
            continue
        key = _key_line(lines, start, end, part)
        if key is not None:
            return key + 1
        return None if found is None else found + 1
    return None if found is None else found + 1
