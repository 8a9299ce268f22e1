"""Cut a short one-line excerpt of a text around a folded match."""

from __future__ import annotations

from interview.search.normalize import normalize_with_offsets

SNIPPET_CHARS = 48
_LEAD = 14


def snippet(
    text: str, folded_word: str = "", position: int = -1, width: int = SNIPPET_CHARS
) -> str:
    """Return about *width* characters of *text* around a match.

    The match is the first place the already folded *folded_word* occurs (see
    :mod:`interview.search.normalize`), or else *position* in the folded text; with
    neither, the excerpt starts at the beginning. Line breaks become spaces and a cut
    end is marked with ``…``.
    """
    flat, folded, offsets = _folded(text)
    if folded_word:
        position = folded.find(folded_word)
    anchor = offsets[position] if 0 <= position < len(offsets) else 0
    start = max(0, anchor - _LEAD)
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    excerpt = flat[start:end]
    if start > 0:
        excerpt = "…" + excerpt
    if end < len(flat):
        excerpt += "…"
    return excerpt


_FOLDED: dict[str, tuple[str, str, list[int]]] = {}


def _folded(text: str) -> tuple[str, str, list[int]]:
    """*text* on one line, folded, with the folded characters' offsets: once per text
    (the searched texts are few and shown again and again)."""
    found = _FOLDED.get(text)
    if found is None:
        flat = " ".join(text.split())
        found = (flat, *normalize_with_offsets(flat))
        if len(_FOLDED) >= 4096:
            _FOLDED.clear()
        _FOLDED[text] = found
    return found
