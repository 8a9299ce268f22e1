"""Japanese line breaking (禁則処理) for text the app wraps itself.

Terminals wrap by cell count, so 「、」 or 「。」 can start a line and 「（」 can end one.
:func:`break_offsets` finds where to break a paragraph so that:

- no line starts with a 行頭禁則 character (、。，．）」』 …): the character before it
  moves down with it (追い出し);
- no line ends with a 行末禁則 character (（「『 …): it moves down to the next line;
- a run of ASCII letters and digits (「Excel」, 「2026」) is not cut, unless it is longer
  than a whole line.

Nothing is added or removed: the text is only divided into lines.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.text import Text

NO_LINE_START = frozenset(
    "、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»"
    "ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻"
    "‐゠–〜～？！?!‼⁇⁈⁉・：；:;／/…‥"
)
NO_LINE_END = frozenset("（(［[｛{〔〈《「『【〘〖〝‘“｟«")


def _is_word(character: str) -> bool:
    return character.isascii() and (character.isalnum() or character in "_-'")


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets where lines break (a newline in *text* always breaks; it stays in place)."""
    if width < 4:
        return []
    breaks: list[int] = []
    start = 0
    cells = 0
    index = 0
    while index < len(text):
        character = text[index]
        if character == "\n":
            start, cells = index + 1, 0
            index += 1
            continue
        size = get_character_cell_size(character)
        if cells + size <= width or index == start:
            cells += size
            index += 1
            continue
        cut = _adjust(text, start, index)
        breaks.append(cut)
        start = cut
        cells = sum(get_character_cell_size(c) for c in text[start:index])
    return breaks


def _adjust(text: str, start: int, cut: int) -> int:
    """Move a break at *cut* back so that the prohibitions hold (never before start+1)."""
    original = cut
    for _ in range(3):  # a few characters at most; beyond that, break where it fits
        if cut - 1 > start and text[cut] in NO_LINE_START:
            cut -= 1
            continue
        if cut - 1 > start and text[cut - 1] in NO_LINE_END:
            cut -= 1
            continue
        break
    else:
        return original
    if _is_word(text[cut - 1]) and _is_word(text[cut]):
        word_start = cut
        while word_start > start and _is_word(text[word_start - 1]):
            word_start -= 1
        if word_start > start:
            cut = word_start
    return cut


def wrap(text: Text, width: int) -> Text:
    """*text* with newlines at the break offsets (styles kept)."""
    offsets = break_offsets(text.plain, width)
    if not offsets:
        return text
    lines = text.divide(offsets)
    wrapped = Text("\n").join(line for line in lines)
    wrapped.end = text.end
    wrapped.no_wrap = text.no_wrap
    return wrapped
