"""The rules a well-typed profile must also follow: against the catalog, and on wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from interview.catalog.models import Catalog
from interview.errors import Message
from interview.profile.models import AddedItem, AddedQuestion, Profile
from interview.textsafe import printable
from interview.textsafety import UNSAFE

Loc = tuple[int | str, ...]

ADDED_ID = re.compile(r"^追加[1-9][0-9]*$")
# Terminal escapes, C1 controls and bidi overrides (tab and newline are checked separately).
_CONTROL = UNSAFE
_ASKS = ("？", "?", "ください。")

# (minimum, maximum) characters after stripping spaces; the question banks have the same bounds.
NAME_LEN = (1, 100)
REASON_LEN = (1, 500)
GOAL_LEN = (5, 200)
DESCRIPTION_LEN = (0, 2000)
TEXT_LEN = (5, 200)
DETAIL_LEN = (5, 200)
SHORT_LEN = (2, 40)
HINT_LEN = (0, 200)


def check_profile(profile: Profile, catalog: Catalog) -> list[tuple[Loc, Message]]:
    """All problems of *profile*, in file order; an empty list means it is fine."""
    return list(_problems(profile, catalog))


def _problems(profile: Profile, catalog: Catalog) -> Iterator[tuple[Loc, Message]]:
    yield from _text(("name",), profile.name, NAME_LEN, "name", one_line=True)
    yield from _text(("description",), profile.description, DESCRIPTION_LEN, "description")
    yield from _exclusions(profile, catalog)
    yield from _additions(profile, catalog)


def _exclusions(profile: Profile, catalog: Catalog) -> Iterator[tuple[Loc, Message]]:
    numbers = [i.no for i in catalog.items]
    seen: dict[int, int] = {}
    for index, exclusion in enumerate(profile.exclude):
        loc: Loc = ("exclude", index)
        if exclusion.item not in numbers:
            yield (
                (*loc, "item"),
                Message(
                    "exclude_unknown_item", item=exclusion.item, low=min(numbers), high=max(numbers)
                ),
            )
        elif exclusion.item in seen:
            yield (
                (*loc, "item"),
                Message("exclude_twice", item=exclusion.item, first=seen[exclusion.item] + 1),
            )
        else:
            seen[exclusion.item] = index
        if not exclusion.reason.strip():
            yield (
                (*loc, "reason"),
                Message("exclude_no_reason"),
            )
        else:
            yield from _text((*loc, "reason"), exclusion.reason, REASON_LEN, "reason")


def _additions(profile: Profile, catalog: Catalog) -> Iterator[tuple[Loc, Message]]:
    categories = [c.no for c in catalog.categories]
    seen: dict[str, int] = {}
    for index, added in enumerate(profile.add):
        loc: Loc = ("add", index)
        if not ADDED_ID.match(added.id):
            yield (
                (*loc, "id"),
                Message("add_bad_id", value=printable(repr(added.id))),
            )
        elif added.id in seen:
            yield (
                (*loc, "id"),
                Message("add_id_twice", id=added.id, first=seen[added.id] + 1),
            )
        else:
            seen[added.id] = index
        if added.category not in categories:
            yield (
                (*loc, "category"),
                Message(
                    "add_unknown_category",
                    category=added.category,
                    low=min(categories),
                    high=max(categories),
                ),
            )
        yield from _added_texts(loc, added)
        if not added.questions:
            yield (
                (*loc, "questions"),
                Message("add_no_questions"),
            )
        for q_index, question in enumerate(added.questions):
            yield from _question((*loc, "questions", q_index), question)


def _added_texts(loc: Loc, added: AddedItem) -> Iterator[tuple[Loc, Message]]:
    yield from _text((*loc, "goal"), added.goal, GOAL_LEN, "goal", one_line=True)
    yield from _text((*loc, "description"), added.description, DESCRIPTION_LEN, "description")


def _question(loc: Loc, question: AddedQuestion) -> Iterator[tuple[Loc, Message]]:
    problems = list(_text((*loc, "text"), question.text, TEXT_LEN, "question", one_line=True))
    yield from problems
    if not problems and not question.text.strip().endswith(_ASKS):
        yield (
            (*loc, "text"),
            Message("question_not_a_question"),
        )
    yield from _text(
        (*loc, "detail_prompt"), question.detail_prompt, DETAIL_LEN, "detail_prompt", True
    )
    yield from _text((*loc, "short"), question.short, SHORT_LEN, "short", one_line=True)
    yield from _text((*loc, "hint"), question.hint, HINT_LEN, "hint")


def _text(
    loc: Loc, value: str, bounds: tuple[int, int], what: str, one_line: bool = False
) -> Iterator[tuple[Loc, Message]]:
    """Problems of one text field; *what* names the field (``interview.messages`` labels it)."""
    low, high = bounds
    if _CONTROL.search(value):
        yield loc, Message("text_control_chars", what=what)
        return
    if one_line and ("\n" in value or "\t" in value):
        yield loc, Message("text_one_line", what=what)
        return
    length = len(value.strip())
    if length < low:
        yield loc, Message("text_empty" if length == 0 else "text_too_short", what=what, low=low)
    elif length > high:
        yield loc, Message("text_too_long_field", what=what, length=length, high=high)
