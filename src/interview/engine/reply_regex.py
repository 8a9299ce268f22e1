"""Large alternations that stay fast on long replies.

Python's ``re`` tries every alternative at every position of the text; for a pattern of
dozens of alternatives led by look-behinds, a 1,000-character reply costs milliseconds.
Searched one by one, each alternative can skip ahead on its literal prefix, which is several
times faster on long text but slower on short text (one call per alternative). So short
replies use the whole pattern, long ones the alternatives in turn. ``search`` answers the
same yes/no either way; ``sub`` replaces the same spans unless two alternatives overlap.

A pattern led by groups and look-behinds also makes ``re`` try every alternative at every
position, even where no alternative can start. ``fast`` puts a look-ahead on the set of
characters that can start a match in front of the pattern (computed from its parse tree),
so those positions fail on one class test; the matches are the same.
"""

from __future__ import annotations

import contextlib
import dis
import importlib
import re
import types
from collections.abc import Callable, Iterable, Iterator
from functools import reduce
from operator import or_
from typing import Any, TypeAlias

# re's own parser and compiler (private modules, typed as Any; without them: no look-ahead)
_C: Any
_P: Any
_CO: Any
_SRE: Any
try:
    _C = importlib.import_module("re._constants")
    _P = importlib.import_module("re._parser")
    _CO = importlib.import_module("re._compiler")
    _SRE = importlib.import_module("_sre")
except ImportError:  # pragma: no cover
    _C = _P = _CO = _SRE = None

_Ranges = list[tuple[int, int]]
_DIGIT = (-1, -1)  # \\d, kept as a category in the class
_BLANK = (-2, -2)  # \\s, likewise
_CATEGORIES = {_DIGIT: "CATEGORY_DIGIT", _BLANK: "CATEGORY_SPACE"}


def _first_of_sequence(items: Iterable[tuple[Any, Any]]) -> tuple[_Ranges | None, bool]:
    """(characters that can start a match or None for any, whether it can match empty)."""
    found: _Ranges = []
    for op, av in items:
        chars, nullable = _first_of_item(op, av)
        if chars is None:
            return None, False
        found += chars
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op: Any, av: Any) -> tuple[_Ranges | None, bool]:
    if op is _C.LITERAL:
        return [(av, av)], False
    if op is _C.IN:
        found: _Ranges = []
        for inner, value in av:
            if inner is _C.LITERAL:
                found.append((value, value))
            elif inner is _C.RANGE:
                found.append(value)
            elif inner is _C.CATEGORY and value is _C.CATEGORY_DIGIT:
                found.append(_DIGIT)
            elif inner is _C.CATEGORY and value is _C.CATEGORY_SPACE:
                found.append(_BLANK)
            else:  # a negated class, \\s, \\w: anything may start
                return None, False
        return found, False
    if op is _C.CATEGORY and av is _C.CATEGORY_DIGIT:
        return [_DIGIT], False
    if op is _C.CATEGORY and av is _C.CATEGORY_SPACE:
        return [_BLANK], False
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):  # zero-width: look further
        return [], True
    if op is _C.SUBPATTERN:
        return _first_of_sequence(av[-1])
    if op is _C.BRANCH:
        found, nullable = [], False
        for branch in av[1]:
            chars, empty = _first_of_sequence(branch)
            if chars is None:
                return None, False
            found += chars
            nullable = nullable or empty
        return found, nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        low, _, inner_items = av
        chars, empty = _first_of_sequence(inner_items)
        return chars, chars is not None and (empty or low == 0)
    return None, False


def _character_class(chars: _Ranges) -> str:
    digit = ("\\d" if _DIGIT in chars else "") + ("\\s" if _BLANK in chars else "")
    merged: _Ranges = []
    for low, high in sorted(c for c in chars if c not in _CATEGORIES):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    ranges = "".join(
        f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}" for low, high in merged
    )
    return f"[{digit}{ranges}]"


def first_characters(source: str) -> str | None:
    """A character class of what can start a match of *source*, or None if anything can."""
    if _P is None:
        return None
    try:
        chars, nullable = _first_of_sequence(_P.parse(source))
    except Exception:  # an unknown construct: no look-ahead
        return None
    if chars is None or nullable or not chars:
        return None
    return _character_class(chars)


def _skips_ahead_already(items: Any) -> bool:
    """``re`` finds a literal prefix or a set of first characters by itself (it looks through
    groups at the first item: a literal, a class, or alternatives that each start with a
    literal), or tries only the start of the text (a pattern led by ``^``); a look-ahead or
    an info block would only slow such a pattern down."""
    data = list(items)
    if data and data[0][0] is _C.AT and data[0][1] in (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING):
        return True  # 「^…」: re tries the start of the text only
    while data and data[0][0] is _C.SUBPATTERN:
        data = list(data[0][1][-1])
    if not data:
        return False
    op, av = data[0]
    if op in (_C.LITERAL, _C.IN):
        return True
    return op is _C.BRANCH and all(branch and branch[0][0] is _C.LITERAL for branch in av[1])


def _rotated(alternative: Any) -> bool:
    """An alternative led by look-behinds and then a character (a literal or a class)
    rewritten to lead with the character, each look-behind after it and ending with it:
    「(?<!未)実施」 → 「実(?<!未実)施」. The same positions match (the character is there, so
    what precedes it is what precedes the pair), and ``re`` skips the alternative on one
    character test, as for any alternative led by a literal. Returns whether it was
    rewritten."""
    data = alternative.data
    lead = 0
    while lead < len(data) and data[lead][0] in (_C.ASSERT, _C.ASSERT_NOT) and data[lead][1][0] < 0:
        lead += 1
    if not lead or lead == len(data) or data[lead][0] not in (_C.LITERAL, _C.IN):
        return False
    first = data[lead]
    behind = [
        (op, (direction, _P.SubPattern(alternative.state, [*inner.data, first])))
        for op, (direction, inner) in data[:lead]
    ]
    data[: lead + 1] = [first, *behind]
    return True


def _guard_alternatives(alternatives: list[Any]) -> None:
    """Each top-level alternative led by a group or a look-behind gets its own look-ahead:
    where the pattern's look-ahead lets a position through (a common kana such as し or が
    starts some alternative), ``re`` still skips the others on one class test each, as it
    does by itself for alternatives led by a literal."""
    for alternative in alternatives:
        if not alternative.data or alternative.data[0][0] in (_C.LITERAL, _C.IN):
            continue
        if _rotated(alternative):
            continue
        chars, nullable = _first_of_sequence(alternative)
        if chars and not nullable:
            alternative.data[:0] = _P.parse(f"(?={_character_class(chars)})").data


def _charset_items(chars: _Ranges) -> list[tuple[Any, Any]]:
    """A class's characters as ``re``'s own charset items."""
    items: list[tuple[Any, Any]] = []
    for low, high in chars:
        if (low, high) in _CATEGORIES:
            items.append((_C.CATEGORY, getattr(_C, _CATEGORIES[low, high])))
        elif low == high:
            items.append((_C.LITERAL, low))
        else:
            items.append((_C.RANGE, (low, high)))
    return items


def program(tree: Any, info: list[int] | None = None) -> list[int]:
    """The code ``re`` compiles *tree* to, with its own info block or with *info* instead."""
    flags = tree.state.flags
    code: list[int] = []
    if info is None:
        _CO._compile_info(code, tree, flags)
    else:
        code += info
    _CO._compile(code, tree.data, flags)
    code.append(_C.SUCCESS)
    return code


def _first_characters_info(tree: Any, chars: _Ranges) -> list[int]:
    """An info block saying "a match starts with one of *chars*" (what ``re`` writes by
    itself for a pattern that starts with a class): the search then tests each position's
    character in one tight loop and runs the pattern only where the character is one of
    them. The pattern's own code is unchanged."""
    low, high = tree.getwidth()
    maxcode = _CO.MAXCODE
    info = [_C.INFO, 0, _C.SRE_INFO_CHARSET, min(low, maxcode), min(high, maxcode)]
    charset, _ = _CO._optimize_charset(_charset_items(chars))
    _CO._compile_charset(charset, tree.state.flags, info)
    info[1] = len(info) - 1
    return info


def _compiled(tree: Any, code: list[int]) -> re.Pattern[str]:
    """A pattern object from *code* (as ``re._compiler.compile`` makes it; no source)."""
    index = tree.state.groupdict
    names: list[str | None] = [None] * tree.state.groups
    for name, number in index.items():
        names[number] = name
    return _SRE.compile(None, tree.state.flags, code, tree.state.groups - 1, index, tuple(names))


def fast(pattern: str | re.Pattern[str]) -> re.Pattern[str] | Guarded:
    """The pattern, searched only from the positions whose character can start a match
    (``quick``); a pattern ``re`` must try at every position (no first characters known, or
    it can match empty) comes guarded by what its matches need instead (``Guarded``)."""
    source = pattern if isinstance(pattern, str) else pattern.pattern
    compiled, everywhere = _quick(source)
    needs = needs_of(compiled) if everywhere else ()
    return Guarded(compiled, needs) if needs else compiled


def quick(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    """The pattern, searched only from the positions whose character can start a match
    (when those characters are known).

    ``re`` does this by itself for a pattern that starts with a literal or a class; for one
    led by a group or a look-behind it tries the whole pattern at every position. Here the
    pattern's code is compiled as ``re`` compiles it, with an info block naming the
    characters that can start a match (``_first_characters_info``), so the search skips the
    other positions in one tight loop. Where that cannot be done (another Python's ``re``),
    a look-ahead on the same characters stands in front of the pattern (slower, same
    matches). The pattern is parsed once, so the rules cost no more to load than plain
    ``re.compile``.
    """
    return _quick(pattern if isinstance(pattern, str) else pattern.pattern)[0]


def _quick(source: str) -> tuple[re.Pattern[str], bool]:
    """``quick``'s pattern, and whether ``re`` still tries it at every position. What its
    matches need is worked out from the same parse and kept (``needs_of``)."""
    if _P is None:
        return re.compile(source), True
    try:
        tree = _P.parse(source)
        chars, nullable = _first_of_sequence(tree)
        needs = _needs_of_tree(tree, chars, nullable)
    except Exception:  # an unknown construct: the plain pattern
        return re.compile(source), True
    compiled, everywhere = _compile_quick(source, tree, chars, nullable)
    _NEEDS_OF[id(compiled)] = (compiled, needs)
    return compiled, everywhere


_FINDER_MIN = 16  # top-level alternatives from which a pattern is led by its finder
# Where a finder's groups are tried from: a text's character is in one of these ranges (the
# punctuation, digits and Latin letters; hiragana; katakana; kanji in three parts), and
# only the groups that may start with a character of its range are tried there.
_BUCKETS: tuple[tuple[int, int], ...] = (
    (0, 0x303F),
    (0x3040, 0x309F),
    (0x30A0, 0x30FF),
    (0x3100, 0x5FFF),
    (0x6000, 0x7FFF),
    (0x8000, 0x10FFFF),
)
# 「[\s\S]」: any character, line breaks included
_ANY_CHARACTER = (
    (_C.IN, [(_C.CATEGORY, _C.CATEGORY_SPACE), (_C.CATEGORY, _C.CATEGORY_NOT_SPACE)])
    if _C is not None
    else None
)
# what a finder copies as it is (no group inside); any other item stops the finder
_LEAVES = frozenset(
    getattr(_C, name, None) for name in ("LITERAL", "NOT_LITERAL", "IN", "ANY", "AT", "CATEGORY")
) - {None}


def _plain_copy(items: Any, state: Any) -> Any:
    """A copy of parsed items with their groups plain (no capture, no number), so that a
    copy tried in a look-ahead sets no group; ValueError at a reference to a group."""
    data: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is _C.SUBPATTERN:  # (group, flags added, flags removed, items)
            data.append((op, (None, av[1], av[2], _plain_copy(av[3], state))))
        elif op is _C.BRANCH:
            data.append((op, (None, [_plain_copy(branch, state) for branch in av[1]])))
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            data.append((op, (av[0], _plain_copy(av[1], state))))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            data.append((op, (av[0], av[1], _plain_copy(av[2], state))))
        elif op in _LEAVES:
            data.append((op, av))
        else:  # a reference to a group, an atomic group, anything else
            raise ValueError(f"finder: {op} not copied")
    return _P.SubPattern(state, data)


def _branch(items: list[Any], state: Any) -> Any:
    """Alternatives (copies, changed here) as one pattern, as ``re``'s parser writes them:
    an item that leads every alternative is taken out in front (「ab|ac」 → 「a(?:b|c)」),
    the same matches."""
    if len(items) == 1:
        return items[0]
    prefix = []
    while all(items) and all(item.data[0] == items[0].data[0] for item in items):
        prefix.append(items[0].data[0])
        for item in items:
            del item.data[0]
    return _P.SubPattern(state, [*prefix, (_C.BRANCH, (None, items))])


def _tried_after(chars: _Ranges, inner: list[Any], state: Any) -> Any:
    r"""「[ab](?<=(?=inner)[\s\S])」: *inner* (alternatives) tried only where the text's
    character is one of *chars*, from that character (the look-behind steps back over it:
    any character there will do, it is one of *chars*; a small class is quicker to compile
    than theirs)."""
    first = (_C.IN, _charset_items(chars))
    behind = _P.SubPattern(state, [(_C.ASSERT, (1, _branch(inner, state))), _ANY_CHARACTER])
    return _P.SubPattern(state, [first, (_C.ASSERT, (-1, behind))])


def _finder(tree: Any) -> Any | None:
    """For a parsed alternation, a pattern that matches at the positions where it matches
    (where one of its alternatives does), tried faster: each alternative whose first
    characters are known is tried only after one of them, as 「[ab](?<=(?=alternative)[ab])」
    (the class skips the position on one test, as ``re`` skips an alternative led by a
    literal; the look-behind steps back to try the alternative from the same position),
    those with the same first characters together, and those groups in turn only after a
    character of their range (``_BUCKETS``). Its groups are plain (``_plain_copy``). An
    alternative that refers to a group stands as its first characters alone (or 「^」 when
    it starts the text): the finder then matches there too, which is only tried in vain.
    None when such an alternative's first characters are not known."""
    state = tree.state
    grouped: dict[tuple[tuple[int, int], ...], tuple[_Ranges, list[Any]]] = {}
    alone: dict[tuple[tuple[int, int], ...], Any] = {}
    tried: list[Any] = []  # the alternatives whose first characters are not known
    for alternative in tree.data[0][1][1]:
        chars, nullable = _first_of_sequence(alternative)
        known = chars if chars and not nullable else None
        try:
            copy = _plain_copy(alternative, state)
        except ValueError:
            if alternative.data and alternative.data[0] == (_C.AT, _C.AT_BEGINNING):
                alone[()] = _P.SubPattern(state, [(_C.AT, _C.AT_BEGINNING)])
            elif known:
                key = tuple(sorted(set(known)))
                alone[key] = _P.SubPattern(state, [(_C.IN, _charset_items(known))])
            else:
                return None
            continue
        if known:
            grouped.setdefault(tuple(sorted(set(known))), (known, []))[1].append(copy)
        else:
            tried.append(copy)
    buckets: list[tuple[_Ranges, list[Any]]] = [([], []) for _ in _BUCKETS]
    for chars, alternatives in grouped.values():
        branch = _tried_after(chars, alternatives, state)
        for (low, high), (within, branches) in zip(_BUCKETS, buckets, strict=True):
            part = [
                (max(a, low), min(b, high))
                for a, b in chars
                if (a, b) not in _CATEGORIES and a <= high and b >= low
            ]
            if not low:  # \d and \s as they are
                part += [c for c in chars if c in _CATEGORIES]
            if part:
                within += part
                branches.append(branch)
    branches = [
        _tried_after(within, inner, state) if len(inner) > 1 else inner[0]
        for within, inner in buckets
        if inner
    ]
    branches += [*tried, *alone.values()]
    return _branch(branches, state)


_CHARSETS: dict[Any, tuple[list[Any], bool]] = {}  # re's optimized character classes, kept
_CHARSETS_KEPT = 4096
_OPTIMIZE_CHARSET = _CO._optimize_charset if _CO is not None else None


def _optimized_charset(
    charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None
) -> tuple[list[Any], bool]:
    """``re``'s ``_optimize_charset``, its answer kept for each class: the rules repeat the
    same large classes (「[一-龥ァ-ヶー]」, one Python step per character to optimize) in
    hundreds of places, and a finder repeats its alternatives' first characters."""
    if fixup is not None or fixes is not None:  # (ignoring case: as re does)
        return _OPTIMIZE_CHARSET(charset, iscased, fixup, fixes)  # type: ignore[misc]
    try:
        key = (tuple(charset), iscased)
        found = _CHARSETS.get(key)
    except TypeError:  # an item that cannot be a key
        return _OPTIMIZE_CHARSET(charset, iscased, fixup, fixes)  # type: ignore[misc]
    if found is None:
        if len(_CHARSETS) >= _CHARSETS_KEPT:
            _CHARSETS.clear()
        found = _CHARSETS[key] = _OPTIMIZE_CHARSET(charset, iscased)  # type: ignore[misc]
    return list(found[0]), found[1]


@contextlib.contextmanager
def _charsets_kept() -> Iterator[None]:
    """``re``'s compiler with its optimized classes kept (``_optimized_charset``) while
    the rules compile (the same code; the compiler is left as it was after)."""
    if _CO is None or _CO._optimize_charset is _optimized_charset:  # (another thread's)
        yield
        return
    _CO._optimize_charset = _optimized_charset
    try:
        yield
    finally:
        _CO._optimize_charset = _OPTIMIZE_CHARSET


def _compile_quick(
    source: str, tree: Any, chars: _Ranges | None, nullable: bool
) -> tuple[re.Pattern[str], bool]:
    with _charsets_kept():
        return _compile_quick_kept(source, tree, chars, nullable)


def _compile_quick_kept(
    source: str, tree: Any, chars: _Ranges | None, nullable: bool
) -> tuple[re.Pattern[str], bool]:
    try:
        if _skips_ahead_already(tree):
            return re.compile(source), False
        if chars is None or nullable or not chars:
            return re.compile(source), True
        if len(tree.data) == 1 and tree.data[0][0] is _C.BRANCH:
            # (the finder copies the alternatives before their guards are added)
            lead = None
            if len(tree.data[0][1][1]) >= _FINDER_MIN:
                with contextlib.suppress(Exception):  # an unknown construct: no finder
                    lead = _finder(tree)
            _guard_alternatives(tree.data[0][1][1])
            if lead is not None:
                # a position where no alternative matches fails on the finder's class tests;
                # where one does, the alternatives are tried in their order as before, so
                # the matches are the same, groups included
                tree.data[:0] = [(_C.ASSERT, (1, lead))]
        try:
            compiled = _compiled(tree, program(tree, _first_characters_info(tree, chars)))
        except Exception:  # pragma: no cover  # another re: the look-ahead instead
            tree.data[:0] = _P.parse(f"(?={_character_class(chars)})").data
            compiled = _CO.compile(tree, 0)
        _SOURCES[id(compiled)] = (compiled, source)
        return compiled, False
    except Exception:  # an unknown construct: the plain pattern
        return re.compile(source), True


def literals(words: Iterable[str]) -> str:
    """A pattern matching any of *words* (literals), as ``"|".join(map(re.escape, words))``
    does, with the words grouped by their first character: 「ab|c|ad」 → 「a(?:b|d)|c」.

    The matches are the same: at a position only the words that start with its character
    can match, and they are tried in their given order, so the first word that matches
    there is the same one. ``re`` then tests one alternative per first character instead of
    every word at each position where some word may start."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if not word:
            raise ValueError("literals: an empty word matches everywhere")
        groups.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in groups.items():
        if all(not rest for rest in rests):
            parts.append(re.escape(first))
        else:
            parts.append(re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")")
    return "|".join(parts)


_LONG = 400  # characters from which the alternatives are used one by one


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


_FEW = 64  # at most this many possible first characters: kept as a set to test the text by


def _starts(source: str) -> frozenset[str] | None:
    """The characters that can start a match of *source*, when they are few and known;
    None when any character may or when it can match empty. ``\\d`` stands as ``_ANY_DIGIT``."""
    if _P is None:
        return None
    try:
        chars, nullable = _first_of_sequence(_P.parse(source))
    except Exception:  # an unknown construct: no test
        return None
    if chars is None or nullable or not chars:
        return None
    return _as_set(chars)


def first_character_set(source: str) -> frozenset[str] | None:
    """The characters that can start a match of *source* when they are few and known
    (``_starts``: ``\\d`` and ``\\s`` as two-character marks), else None."""
    return _starts(source)


def _as_set(chars: _Ranges) -> frozenset[str] | None:
    """A class's characters as a set (``\\d`` as ``_ANY_DIGIT``), or None when too many."""
    ranges = [c for c in chars if c not in _CATEGORIES]
    if sum(high - low + 1 for low, high in ranges) > _FEW:
        return None
    found = {chr(c) for low, high in ranges for c in range(low, high + 1)}
    if _DIGIT in chars:
        found.add(_ANY_DIGIT)
    if _BLANK in chars:
        found.add(_ANY_SPACE)
    return frozenset(found)


def _needs_of_sequence(items: Iterable[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Sets of characters a match must each draw from: every match of the sequence holds
    at least one character of every set (an empty list when nothing is known)."""
    needs: list[frozenset[str]] = []
    for op, av in items:
        needs += _needs_of_item(op, av)
    return needs


def _needs_of_item(op: Any, av: Any) -> list[frozenset[str]]:
    if op is _C.LITERAL:
        return [frozenset(chr(av))]
    if op is _C.IN:  # a plain class: its characters (nothing known if negated)
        return _class_needs(av)
    if op is _C.CATEGORY and av in _CATEGORY_MARKS:
        return [frozenset((_CATEGORY_MARKS[av],))]
    if op is _C.ASSERT:  # a look-ahead or look-behind that must match: what it matches
        return _needs_of_sequence(av[1])
    if op is _C.SUBPATTERN:  # (group, flags added, flags removed, items)
        return [] if av[1] & (re.IGNORECASE | re.VERBOSE) else _needs_of_sequence(av[-1])
    if op is _C.BRANCH:  # one set per branch (its smallest), together
        union: set[str] = set()
        for branch in av[1]:
            needs = _needs_of_sequence(branch)
            if not needs:
                return []
            union |= min(needs, key=len)
        return [frozenset(union)] if len(union) <= _FEW else []
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        low, _, inner_items = av
        return _needs_of_sequence(inner_items) if low >= 1 else []
    return []  # negative look-arounds, anchors, anything else: no need known


def _class_needs(items: Any) -> list[frozenset[str]]:
    """A class's characters as one need (``\\d`` and ``\\s`` as their marks), or nothing
    when it is negated, holds another category or is too large."""
    found: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            found.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < _FEW:
            found.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _C.CATEGORY and av in _CATEGORY_MARKS:
            found.add(_CATEGORY_MARKS[av])
        else:
            return []
    return [frozenset(found)] if found and len(found) <= _FEW else []


def _needs(source: str) -> tuple[frozenset[str], ...]:
    """What a match of *source* needs among a text's characters (``_needs_of_sequence``),
    the set of its first characters included; nothing when the pattern ignores case."""
    if _P is None:
        return ()
    try:
        tree = _P.parse(source)
        chars, nullable = _first_of_sequence(tree)  # its first characters (``_starts``)
        return _needs_of_tree(tree, chars, nullable)
    except Exception:  # an unknown construct: no test
        return ()


def _needs_of_tree(tree: Any, chars: _Ranges | None, nullable: bool) -> tuple[frozenset[str], ...]:
    """``_needs`` of a parsed pattern whose first characters are *chars*."""
    if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    needs = _needs_of_sequence(tree)
    starts = _as_set(chars) if chars and not nullable else None
    if starts is not None:
        needs.append(starts)
    return tuple(dict.fromkeys(sorted(needs, key=len)))  # the smallest (likeliest absent) first


_FOUND_KEPT = 32  # shorter texts an Alternation keeps what it found in
_VIABLE_KEPT = 64  # sets of characters whose alternatives an Alternation keeps
_ANY_DIGIT = "\\d"  # two characters: stands for any digit among a text's characters
_ANY_SPACE = "\\s"  # and for any blank (what \\s matches in a str pattern)
_CATEGORY_MARKS: dict[Any, str] = (
    {_C.CATEGORY_DIGIT: _ANY_DIGIT, _C.CATEGORY_SPACE: _ANY_SPACE} if _C is not None else {}
)
_seen: dict[str, frozenset[str]] = {}
_SEEN_KEPT = 16  # texts whose characters are kept


def _characters(text: str) -> frozenset[str]:
    """The characters of *text* (those of the last few texts are kept: the rules ask for one
    reply's characters many times, between rewrites of it)."""
    found = _seen.get(text)
    if found is None:
        if len(_seen) >= _SEEN_KEPT:
            _seen.clear()
        found = _seen[text] = _present(text)
    return found


# a digit or a blank as ``re`` reads them in a str pattern: the characters ``str.isdecimal`` and
# ``str.isspace`` answer for (the same tables), found in one scan
_DIGIT_OR_BLANK = re.compile(r"[\d\s]")
_A_DIGIT = re.compile(r"\d")
_A_BLANK = re.compile(r"\s")


def _present(text: str) -> frozenset[str]:
    found = frozenset(text)
    if _DIGIT_OR_BLANK.search(text) is None:  # (most replies)
        return found
    marks = set()
    if _A_DIGIT.search(text):  # what \\d matches in a str pattern
        marks.add(_ANY_DIGIT)
    if _A_BLANK.search(text):  # what \\s matches in a str pattern
        marks.add(_ANY_SPACE)
    return found | marks if marks else found


def _replaced(text: str, replaced: str, repl: object) -> str:
    """*replaced* (``pattern.sub(repl, text)``), its characters noted when *text*'s are known
    and *repl* is a template: they are among *text*'s and the template's (a superset may
    only keep a search that was not needed, never skip one that was)."""
    if replaced is not text and isinstance(repl, str) and replaced not in _seen:
        known = _seen.get(text)
        if known is not None:
            if len(_seen) >= _SEEN_KEPT:
                _seen.clear()
            _seen[replaced] = known | _present(repl)
    return replaced


_ALTERNATIONS: list[Alternation] = []  # every alternation made (``prepare``)


def prepare() -> None:
    """Compile now what long text would compile on first use: each alternation's
    alternatives, one by one (hundreds of patterns, ≈ 0.1–0.2 s), and what mid-length text
    would: the worded patterns' splits (``_Split``). The first reply of 120
    characters or more otherwise waits for them (a warm-up thread calls this)."""
    for alternation in list(_ALTERNATIONS):
        alternation._alternatives()
    for worded in list(_WORDED):
        worded.prepare()


_RE_CALLS = frozenset(
    {"search", "sub", "subn", "match", "fullmatch", "split", "finditer", "findall"}
)


def literal_patterns(module: types.ModuleType) -> set[str]:
    """The patterns a module's functions write in place (``re.search(r"…", text)``): the
    string constants passed first to ``re``'s functions, read from the bytecode."""

    def codes(code: types.CodeType) -> Iterator[types.CodeType]:
        yield code
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                yield from codes(const)

    found: set[str] = set()
    for value in vars(module).values():
        if not isinstance(value, types.FunctionType) or value.__module__ != module.__name__:
            continue
        for code in codes(value.__code__):
            if "re" not in code.co_names or _RE_CALLS.isdisjoint(code.co_names):
                continue
            ins = list(dis.get_instructions(code))
            for owner, call, const in zip(ins, ins[1:], ins[2:], strict=False):
                if (  # re . search ( "…"
                    owner.argval == "re"
                    and call.argval in _RE_CALLS
                    and const.opname == "LOAD_CONST"
                    and isinstance(const.argval, str)
                ):
                    found.add(const.argval)
    return found


def compile_literals(modules: Iterable[types.ModuleType]) -> int:
    """Compile into ``re``'s cache the patterns *modules* write in place, so that the first
    reply reaching one does not compile it (≈ 120 patterns, ≈ 50 ms in the warm-up
    thread; a mid-length reply otherwise paid up to 10 ms on first use). Returns how many."""
    patterns = set().union(*(literal_patterns(module) for module in modules))
    for pattern in patterns:
        re.compile(pattern)
    return len(patterns)


class Alternation:
    """A compiled alternation with ``search`` and ``sub`` fast on long text.

    On long text, an alternative is not searched at all when the text lacks every character
    of one of the sets a match needs (``_needs``: its first characters, a literal it
    holds, one of each branch of a group it must pass through).

    On shorter text the whole pattern is searched (led by its ``finder``); what it found in
    the last few texts is kept (the rules ask of the same clause several times).
    """

    def __init__(self, pattern: str | re.Pattern[str]) -> None:
        self.pattern = quick(pattern)
        self._source = pattern if isinstance(pattern, str) else pattern.pattern
        self._parts: list[tuple[re.Pattern[str], tuple[frozenset[str], ...]]] | None = None
        self._needed: frozenset[str] = frozenset()  # every character any need names
        self._bits: dict[str, int] = {}  # a character's needs, as bits (_candidates)
        self._numbered: list[tuple[int, re.Pattern[str], int]] = []  # alternative, its bits
        self._viable: dict[frozenset[str], list[tuple[int, re.Pattern[str]]]] = {}
        # the last long text searched and what was found (the rules ask again and again)
        self._last: tuple[str, re.Match[str] | None] = ("", None)
        # what was found in the last few shorter texts (the rules ask of a clause again)
        self._found: dict[str, tuple[re.Match[str] | None]] = {}
        # its alternatives parted by their words (``by_words``), for mid-length text
        self._worded = False
        self._split: _Split | None = None
        _ALTERNATIONS.append(self)

    def prepare(self) -> None:
        if self._split is None:
            self._split = _split_by_words(self._source) if self._worded else _NO_SPLIT

    def _short(self, text: str) -> re.Pattern[str] | None:
        """The pattern to search a mid-length *text* with: the whole pattern, or where the
        text lacks the words of its worded alternatives the rest (None: no match;
        ``_Split``)."""
        split = self._split
        if split is None:
            self.prepare()
            split = self._split
        assert split is not None
        if split.finder is None or split.finder.search(text) is not None:
            return self.pattern
        return split.rest

    def _alternatives(self) -> list[tuple[re.Pattern[str], tuple[frozenset[str], ...]]]:
        if self._parts is None:
            parts = [quick(part) for part in _top_level(self._source)]
            pairs = [(part, needs_of(part)) for part in parts]
            # each need of each alternative is one bit; a character stands for the bits of
            # the needs it is in, an alternative for the bits of all its needs
            bits: dict[str, int] = {}
            numbered = []
            bit = 1
            for index, (part, needs) in enumerate(pairs):
                mask = 0
                for need in needs:
                    mask |= bit
                    for ch in need:
                        bits[ch] = bits.get(ch, 0) | bit
                    bit <<= 1
                numbered.append((index, part, mask))
            self._needed = frozenset(bits)  # every character any need names
            self._bits, self._numbered = bits, numbered
            self._parts = pairs  # last: another thread may be reading
        return self._parts

    def _candidates(self, present: frozenset[str]) -> list[tuple[int, re.Pattern[str]]]:
        """The alternatives (numbered, in order) that a text with these characters may
        match: those whose every need meets *present*. Worked out once per set of the
        characters the needs name (a reply asks the same alternation several times), with
        one bit per need: the needs met are the bits of the characters present, and an
        alternative may match when all its needs' bits are among them."""
        self._alternatives()
        key = present & self._needed  # a need meets present iff it meets key
        found = self._viable.get(key)
        if found is None:
            met = reduce(or_, map(self._bits.__getitem__, key), 0)
            found = [(index, part) for index, part, mask in self._numbered if mask & met == mask]
            if len(self._viable) >= _VIABLE_KEPT:
                self._viable.clear()
            self._viable[key] = found
        return found

    def search(self, text: str) -> re.Match[str] | None:
        if len(text) < _LONG:
            kept = self._found.get(text)  # (one look-up: another thread may clear them)
            if kept is not None:
                return kept[0]
            if len(self._found) >= _FOUND_KEPT:
                self._found.clear()
            if self._worded and len(text) >= _MID:
                pattern = self._short(text)
                found = pattern.search(text) if pattern is not None else None
            else:
                found = self.pattern.search(text)
            self._found[text] = (found,)
            return found
        last = self._last  # (read once: another thread may replace it)
        if last[0] is text:
            return last[1]
        found = None
        for _, part in self._candidates(_characters(text)):
            if found := part.search(text):
                break
        self._last = (text, found)
        return found

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """Each alternative in turn replaces its matches (on long text); after a replacement
        the later alternatives are chosen by the new text's characters."""
        if len(text) < _LONG:
            if not self._worded or len(text) < _MID:
                return self.pattern.sub(repl, text)
            pattern = self._short(text)
            return pattern.sub(repl, text) if pattern is not None else text
        present = _characters(text)
        start = 0
        while True:
            for index, part in self._candidates(present):
                if index < start:
                    continue
                replaced = _replaced(text, part.sub(repl, text), repl)
                if replaced != text:
                    text, present, start = replaced, _characters(replaced), index + 1
                    break
            else:
                return text


# The source of each pattern compiled without one (by id; the pattern is kept, so its id is
# never reused), for ``needs_of``; and what each pattern's matches need, once worked out.
_SOURCES: dict[int, tuple[re.Pattern[str], str]] = {}
_NEEDS_OF: dict[int, tuple[Any, tuple[frozenset[str], ...]]] = {}
Matcher: TypeAlias = "re.Pattern[str] | Guarded | Alternation"


def source_of(pattern: Matcher) -> str | None:
    """The source of *pattern* (also of one compiled here without it), if known."""
    if isinstance(pattern, Guarded):
        pattern = pattern.compiled
    if isinstance(pattern, Alternation):
        return pattern._source
    if isinstance(pattern.pattern, str):
        return pattern.pattern
    return _SOURCES[id(pattern)][1] if id(pattern) in _SOURCES else None


def needs_of(pattern: Matcher) -> tuple[frozenset[str], ...]:
    """What every match of *pattern* needs among a text's characters (``_needs``); nothing
    for an alternation, a pattern compiled with flags that change what its literals match,
    or one whose source is not known."""
    if isinstance(pattern, Guarded):
        return pattern.needs
    known = _NEEDS_OF.get(id(pattern))
    if known is not None:
        return known[1]
    needs: tuple[frozenset[str], ...] = ()
    if isinstance(pattern, re.Pattern) and not pattern.flags & (re.IGNORECASE | re.VERBOSE):
        source = source_of(pattern)
        needs = _needs(source) if source is not None else ()
    _NEEDS_OF[id(pattern)] = (pattern, needs)
    return needs


Replacement: TypeAlias = "str | Callable[[re.Match[str]], str]"


_WORDS_MAX = 24  # words a need may list (more: no need known)
_Words: TypeAlias = "tuple[str, ...]"


def _words_of_sequence(items: Iterable[tuple[Any, Any]]) -> list[str] | None:
    """Every string the sequence can match, if it matches only a few literal strings."""
    found = [""]
    for op, av in items:
        words = _words_of_item(op, av)
        if words is None:
            return None
        found = [a + b for a in found for b in words]
        if len(found) > _WORDS_MAX:
            return None
    return found


def _words_of_item(op: Any, av: Any) -> list[str] | None:
    if op is _C.LITERAL:
        return [chr(av)]
    if op is _C.IN and all(inner is _C.LITERAL for inner, _ in av):
        return [chr(value) for _, value in av]
    if op is _C.SUBPATTERN and not av[1] & (re.IGNORECASE | re.VERBOSE):
        return _words_of_sequence(av[-1])
    if op is _C.BRANCH:
        found: list[str] = []
        for branch in av[1]:
            words = _words_of_sequence(branch)
            if words is None:
                return None
            found += words
        return found if len(found) <= _WORDS_MAX else None
    return None


def _word_needs(items: Iterable[tuple[Any, Any]]) -> list[_Words]:
    """Lists of words a match must each hold one of: each run of items that match only a
    few literal strings (all of two characters or more), and those of look-arounds that
    must match. A pattern of alternatives needs one word of each alternative's longest
    need."""
    data = list(items)
    if len(data) == 1 and data[0][0] is _C.BRANCH:
        union: list[str] = []
        for branch in data[0][1][1]:
            alternative = _word_needs(branch)
            if not alternative:
                return []
            union += max(alternative, key=lambda words: min(map(len, words)))
        return [tuple(dict.fromkeys(union))] if len(union) <= _WORDS_MAX else []
    needs: list[_Words] = []
    run = [""]

    def close() -> None:
        if run and all(len(word) >= 2 for word in run):
            needs.append(tuple(dict.fromkeys(run)))
        run[:] = [""]

    for op, av in data:
        words = _words_of_item(op, av)
        if words is not None and len(run) * len(words) <= _WORDS_MAX:
            run[:] = [a + b for a in run for b in words]
            continue
        close()
        if words is not None:
            run[:] = words
        elif op is _C.ASSERT:
            needs += _word_needs(av[1])
        elif op is _C.SUBPATTERN and not av[1] & (re.IGNORECASE | re.VERBOSE):
            needs += _word_needs(av[-1])
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            needs += _word_needs(av[2])
    close()
    return needs


def word_needs(source: str) -> tuple[_Words, ...]:
    """What every match of *source* needs among a text's words (``_word_needs``), the
    longest words first; nothing when the pattern's flags change what its literals match."""
    if _P is None:
        return ()
    try:
        tree = _P.parse(source)
        if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
            return ()
        needs = _word_needs(tree)
    except Exception:  # an unknown construct: no test
        return ()
    return tuple(sorted(dict.fromkeys(needs), key=lambda words: -min(map(len, words))))[:3]


_held: dict[str, dict[str, bool]] = {}  # whether each of the last few texts holds a word


def _holds(text: str, words: _Words) -> bool:
    found = _held.get(text)
    if found is None:
        if len(_held) >= _SEEN_KEPT:
            _held.clear()
        found = _held[text] = {}
    for word in words:
        held = found.get(word)
        if held is None:
            held = found[word] = word in text
        if held:
            return True
    return False


class Guarded:
    """A pattern ``re`` tries at every position of a text (no first characters known, or it
    can match empty), with what its matches need (``_needs``). On long text that lacks every
    character of one of those sets there is no match, so the answer is given without a
    search: no match, the text unchanged, nothing found. Short text is searched as usual.
    *words* are needs of the same kind made of words (``word_needs``): a long text that
    holds none of one list's words has no match either."""

    __slots__ = ("_last", "compiled", "needs", "words")

    def __init__(
        self,
        compiled: re.Pattern[str],
        needs: tuple[frozenset[str], ...],
        words: tuple[_Words, ...] = (),
    ) -> None:
        self.compiled = compiled
        self.needs = needs
        self.words = words
        # the last long text searched and what was found (the rules ask again and again)
        self._last: tuple[str, re.Match[str] | None] = ("", None)

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def _absent(self, text: str) -> bool:
        """Whether *text* is long and lacks what every match needs."""
        if len(text) < _LONG:
            return False
        present = _characters(text)
        if any(need.isdisjoint(present) for need in self.needs):
            return True
        return any(not _holds(text, words) for words in self.words)

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        if args or len(text) < _LONG:
            return self.compiled.search(text, *args)
        last = self._last  # (read once: another thread may replace it)
        if last[0] is not text:
            last = self._last = (text, None if self._absent(text) else self.compiled.search(text))
        return last[1]

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        if args or not self._absent(text):
            return self.compiled.match(text, *args)
        return None

    def fullmatch(self, text: str, *args: Any) -> re.Match[str] | None:
        if args or not self._absent(text):
            return self.compiled.fullmatch(text, *args)
        return None

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, *args: Any) -> str:
        if len(text) < _LONG:  # (no characters kept for a shorter text: ``_replaced``)
            return self.compiled.sub(repl, text, *args)
        if args or not self._absent(text):
            return _replaced(text, self.compiled.sub(repl, text, *args), repl)
        return text

    def findall(self, text: str, *args: Any) -> list[Any]:
        if args or not self._absent(text):
            return self.compiled.findall(text, *args)
        return []

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        if args or not self._absent(text):
            return self.compiled.finditer(text, *args)
        return iter(())

    def split(self, text: str, *args: Any) -> list[str | Any]:
        if args or not self._absent(text):
            return self.compiled.split(text, *args)
        return [text]


_MID = 120  # characters from which a worded pattern first looks for its words (``Worded``)
_WORDED: list[Worded | Alternation] = []  # every worded matcher made (``prepare``)


class _Split:
    """A pattern's top-level alternatives parted by what their matches need: *finder*
    matches any of the words one of which every match of the worded alternatives holds
    (``_word_needs``); *rest* is the pattern without them (None when none is left). On a text
    where *finder* finds nothing, no worded alternative matches anywhere, so *rest* finds the
    same matches as the whole pattern: at each position the alternatives left are tried in
    their order as before, and the groups keep their numbers (those of the alternatives
    taken out are unset, as they are when those alternatives do not match)."""

    __slots__ = ("finder", "rest")

    def __init__(self, finder: re.Pattern[str] | None, rest: re.Pattern[str] | None) -> None:
        self.finder = finder
        self.rest = rest


_NO_SPLIT = _Split(None, None)


def _split_by_words(source: str | None) -> _Split:
    """``_Split`` of *source*; ``_NO_SPLIT`` (finder None) when no alternative needs words
    or the pattern cannot be parted."""
    if _P is None or source is None:
        return _NO_SPLIT
    try:
        tree = _P.parse(source)
        if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
            return _NO_SPLIT
        data = tree.data
        branch = len(data) == 1 and data[0][0] is _C.BRANCH
        alternatives = list(data[0][1][1]) if branch else [tree]
        words: list[str] = []
        others = []
        for alternative in alternatives:
            needs = _word_needs(alternative)
            if needs:
                words += max(needs, key=lambda found: min(map(len, found)))
            else:
                others.append(alternative)
        if not words or (others and not branch):
            return _NO_SPLIT
        with _charsets_kept():
            finder = re.compile(literals(dict.fromkeys(words)))
            rest = None
            if others:
                data[0][1][1][:] = others
                rest = _compiled_tree(tree)
        return _Split(finder, rest)
    except Exception:  # an unknown construct: no split
        return _NO_SPLIT


def matches_its_source(pattern: Matcher) -> bool:
    """Whether *pattern* matches what its source says: not compiled with flags (``re.I``)
    that its source does not carry, which would make its words match other spellings."""
    compiled = pattern.compiled if isinstance(pattern, Guarded) else pattern
    return not (isinstance(compiled, re.Pattern) and compiled.flags & ~re.UNICODE)


def _split_of(pattern: Matcher) -> _Split:
    """``_split_by_words`` of a pattern's source; none for a pattern compiled with flags its
    source does not carry."""
    if not matches_its_source(pattern):
        return _NO_SPLIT
    return _split_by_words(source_of(pattern))


def _compiled_tree(tree: Any) -> re.Pattern[str]:
    """A parsed pattern compiled as ``quick`` compiles one (searched from its first
    characters when they are known, its alternatives guarded, led by a finder when many),
    or as ``re`` does."""
    chars, nullable = _first_of_sequence(tree)
    if chars and not nullable and not _skips_ahead_already(tree):
        with contextlib.suppress(Exception):
            if len(tree.data) == 1 and tree.data[0][0] is _C.BRANCH:
                lead = None
                if len(tree.data[0][1][1]) >= _FINDER_MIN:
                    with contextlib.suppress(Exception):
                        lead = _finder(tree)
                _guard_alternatives(tree.data[0][1][1])
                if lead is not None:
                    tree.data[:0] = [(_C.ASSERT, (1, lead))]
            return _compiled(tree, program(tree, _first_characters_info(tree, chars)))
    compiled: re.Pattern[str] = _CO.compile(tree, 0)
    return compiled


class Worded(Guarded):
    """A ``Guarded`` pattern that also passes over, on a mid-length text (``_MID`` to
    ``_LONG`` characters), the alternatives whose words the text lacks (``_Split``): one
    search for any of the words (a plain literal scan), then the rest of the pattern, or
    nothing, when none is there. Long and short text are searched as by ``Guarded``."""

    __slots__ = ("_split",)

    def __init__(
        self,
        compiled: re.Pattern[str],
        needs: tuple[frozenset[str], ...] = (),
        words: tuple[_Words, ...] = (),
    ) -> None:
        super().__init__(compiled, needs, words)
        self._split: _Split | None = None
        _WORDED.append(self)

    def prepare(self) -> None:
        if self._split is None:
            self._split = _split_of(self.compiled)

    def _for(self, text: str) -> re.Pattern[str] | None:
        """The pattern to search a mid-length *text* with (None: no match)."""
        split = self._split
        if split is None:
            self.prepare()
            split = self._split
        assert split is not None
        if split.finder is None or split.finder.search(text) is not None:
            return self.compiled
        return split.rest

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        if args or len(text) < _MID:
            return self.compiled.search(text, *args)
        if len(text) >= _LONG:
            return super().search(text)
        pattern = self._for(text)
        return pattern.search(text) if pattern is not None else None

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        if args or len(text) < _MID:
            return self.compiled.match(text, *args)
        if len(text) >= _LONG:
            return super().match(text)
        pattern = self._for(text)
        return pattern.match(text) if pattern is not None else None

    def fullmatch(self, text: str, *args: Any) -> re.Match[str] | None:
        if args or len(text) < _MID:
            return self.compiled.fullmatch(text, *args)
        if len(text) >= _LONG:
            return super().fullmatch(text)
        pattern = self._for(text)
        return pattern.fullmatch(text) if pattern is not None else None

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, *args: Any) -> str:
        if args or len(text) < _MID:
            return self.compiled.sub(repl, text, *args)
        if len(text) >= _LONG:
            return super().sub(repl, text)
        pattern = self._for(text)
        return pattern.sub(repl, text) if pattern is not None else text

    def findall(self, text: str, *args: Any) -> list[Any]:
        if args or len(text) < _MID:
            return self.compiled.findall(text, *args)
        if len(text) >= _LONG:
            return super().findall(text)
        pattern = self._for(text)
        return pattern.findall(text) if pattern is not None else []

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        if args or len(text) < _MID:
            return self.compiled.finditer(text, *args)
        if len(text) >= _LONG:
            return super().finditer(text)
        pattern = self._for(text)
        return pattern.finditer(text) if pattern is not None else iter(())

    def split(self, text: str, *args: Any) -> list[str | Any]:
        if args or len(text) < _MID:
            return self.compiled.split(text, *args)
        if len(text) >= _LONG:
            return super().split(text)
        pattern = self._for(text)
        return pattern.split(text) if pattern is not None else [text]


def by_words(value: Any) -> Any:
    """*value* (a pattern, ``Guarded`` or ``Alternation``) made to pass over, on a
    mid-length text, its alternatives whose words the text lacks (``Worded``). For the
    patterns whose searches on mid-length replies mostly find nothing (measured: a plain
    literal scan first costs more than it saves where the words are usually there)."""
    if isinstance(value, Alternation):
        if value not in _WORDED:
            value._worded = True
            _WORDED.append(value)
        return value
    if isinstance(value, Worded):
        return value
    compiled = value.compiled if isinstance(value, Guarded) else value
    if not isinstance(compiled, re.Pattern) or isinstance(compiled.pattern, bytes):
        raise TypeError(f"by_words: {value!r}")
    if compiled.flags & ~re.UNICODE:  # (its source parsed alone would not carry them)
        return value
    if isinstance(value, Guarded):
        return Worded(value.compiled, value.needs, value.words)
    return Worded(value)


def worded_module(namespace: dict[str, Any], names: Iterable[str]) -> None:
    """The named matchers of a module made ``by_words``."""
    for name in names:
        namespace[name] = by_words(namespace[name])


def _faster(value: Any) -> Any:
    """*value* made fast if it is a plain compiled pattern (``fast``), else *value*."""
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and not value.flags & re.I:
        return fast(value)
    return value


def _rare(need: frozenset[str]) -> bool:
    """Whether a need names no kana, blank or punctuation (the characters most replies hold):
    a long reply may well lack all of its characters."""
    return not any(ch == _ANY_SPACE or "\u3000" <= ch <= "\u30ff" for ch in need)


def _guard_rare(value: Any) -> Any:
    """*value* guarded by its rare needs (``_rare``) and the words it needs (``word_needs``)
    if it is a pattern that has some."""
    if isinstance(value, Guarded):
        source = source_of(value)
        if source is not None and not value.words:
            value.words = word_needs(source)
        return value
    if not isinstance(value, re.Pattern) or value.flags & (re.IGNORECASE | re.VERBOSE):
        return value
    needs = tuple(need for need in needs_of(value) if _rare(need))
    source = source_of(value)
    words = word_needs(source) if source is not None else ()
    return Guarded(value, needs, words) if needs or words else value


def fast_module(namespace: dict[str, Any], rare: bool = False) -> None:
    """Every plain compiled pattern of a module made fast (``fast``: searched from its first
    characters, or guarded by what it needs; those ``re`` already skips ahead on are left
    alone), also in lists and tuples of (pattern, replacement) pairs."""
    for name, value in list(namespace.items()):
        if (
            isinstance(value, (list, tuple))
            and value
            and all(
                isinstance(item, tuple) and item and isinstance(item[0], re.Pattern)
                for item in value
            )
        ):
            pairs = [(_faster(item[0]), *item[1:]) for item in value]
            if isinstance(value, list):
                value[:] = pairs
            else:
                namespace[name] = tuple(pairs)
        else:
            namespace[name] = _faster(value)
            if rare:
                namespace[name] = _guard_rare(namespace[name])
