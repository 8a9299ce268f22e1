"""The rules a well-typed profile must also follow: against the catalog, and on wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from interview.catalog.models import Catalog
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


def check_profile(profile: Profile, catalog: Catalog) -> list[tuple[Loc, str]]:
    """All problems of *profile*, in file order; an empty list means it is fine."""
    return list(_problems(profile, catalog))


def _problems(profile: Profile, catalog: Catalog) -> Iterator[tuple[Loc, str]]:
    yield from _text(("name",), profile.name, NAME_LEN, "名前", one_line=True)
    yield from _text(("description",), profile.description, DESCRIPTION_LEN, "説明")
    yield from _exclusions(profile, catalog)
    yield from _additions(profile, catalog)


def _exclusions(profile: Profile, catalog: Catalog) -> Iterator[tuple[Loc, str]]:
    numbers = [i.no for i in catalog.items]
    seen: dict[int, int] = {}
    for index, exclusion in enumerate(profile.exclude):
        loc: Loc = ("exclude", index)
        if exclusion.item not in numbers:
            yield (
                (*loc, "item"),
                f"通番{exclusion.item}はチェックリストにありません"
                f"（{min(numbers)}〜{max(numbers)}のいずれかを書いてください）",
            )
        elif exclusion.item in seen:
            yield (
                (*loc, "item"),
                f"通番{exclusion.item}はすでに除外しています"
                f"（{seen[exclusion.item] + 1}番目の[[exclude]]）。1つにまとめてください",
            )
        else:
            seen[exclusion.item] = index
        if not exclusion.reason.strip():
            yield (
                (*loc, "reason"),
                "除外の理由を書いてください。理由は相手方に示す記録になります",
            )
        else:
            yield from _text((*loc, "reason"), exclusion.reason, REASON_LEN, "除外の理由")


def _additions(profile: Profile, catalog: Catalog) -> Iterator[tuple[Loc, str]]:
    categories = [c.no for c in catalog.categories]
    seen: dict[str, int] = {}
    for index, added in enumerate(profile.add):
        loc: Loc = ("add", index)
        if not ADDED_ID.match(added.id):
            yield (
                (*loc, "id"),
                f"idは「追加1」「追加2」…の形（追加＋半角数字）で書いてください（入力値: {printable(repr(added.id))}）",
            )
        elif added.id in seen:
            yield (
                (*loc, "id"),
                f"id「{added.id}」は{seen[added.id] + 1}番目の[[add]]と重複しています",
            )
        else:
            seen[added.id] = index
        if added.category not in categories:
            yield (
                (*loc, "category"),
                f"区分{added.category}はありません"
                f"（{min(categories)}〜{max(categories)}のいずれかを書いてください）",
            )
        yield from _added_texts(loc, added)
        if not added.questions:
            yield (
                (*loc, "questions"),
                "質問が1つもありません。[[add.questions]] を1つ以上書いてください",
            )
        for q_index, question in enumerate(added.questions):
            yield from _question((*loc, "questions", q_index), question)


def _added_texts(loc: Loc, added: AddedItem) -> Iterator[tuple[Loc, str]]:
    yield from _text((*loc, "goal"), added.goal, GOAL_LEN, "セキュリティ対応目標", one_line=True)
    yield from _text((*loc, "description"), added.description, DESCRIPTION_LEN, "説明")


def _question(loc: Loc, question: AddedQuestion) -> Iterator[tuple[Loc, str]]:
    problems = list(_text((*loc, "text"), question.text, TEXT_LEN, "質問", one_line=True))
    yield from problems
    if not problems and not question.text.strip().endswith(_ASKS):
        yield (
            (*loc, "text"),
            "質問は「…ですか？」のように「？」で終えるか、「…教えてください。」のように"
            "「ください。」で終えてください",
        )
    yield from _text(
        (*loc, "detail_prompt"), question.detail_prompt, DETAIL_LEN, "回答の促し", True
    )
    yield from _text((*loc, "short"), question.short, SHORT_LEN, "短い名前", one_line=True)
    yield from _text((*loc, "hint"), question.hint, HINT_LEN, "ヒント")


def _text(
    loc: Loc, value: str, bounds: tuple[int, int], what: str, one_line: bool = False
) -> Iterator[tuple[Loc, str]]:
    low, high = bounds
    if _CONTROL.search(value):
        yield (
            loc,
            f"{what}に制御文字（エスケープシーケンスなど）が含まれています。取り除いてください",
        )
        return
    if one_line and ("\n" in value or "\t" in value):
        yield loc, f"{what}は1行で書いてください（改行・タブは使えません）"
        return
    length = len(value.strip())
    if length < low:
        yield (
            loc,
            (f"{what}を書いてください" if length == 0 else f"{what}が短すぎます（{low}文字以上）"),
        )
    elif length > high:
        yield loc, f"{what}が長すぎます（{length}文字。{high}文字以内にしてください）"
