"""Turn a validated profile into a tailored catalog and question banks for its added items.

Added items get the numbers 1001, 1002 … (in the profile's order) for the engine and
sessions, and keep their profile id (追加1 …) as the label people see.
"""

from __future__ import annotations

from interview.catalog.models import Catalog, Example, Item, MethodGroup
from interview.profile.models import AddedItem, Profile
from interview.questions.models import BankQuestion, ItemBank

FIRST_ADDED_NO = 1001
ADDED_HEADING = "追加項目"
_INTRO_MAX = 200  # ItemBank.intro's bound


def added_no(index: int) -> int:
    """The item number of the *index*-th (0-based) added item."""
    return FIRST_ADDED_NO + index


def excluded(profile: Profile) -> dict[int, str]:
    """Excluded item number → the reason given, in the profile's order."""
    return {e.item: e.reason.strip() for e in profile.exclude}


def tailor(catalog: Catalog, profile: Profile) -> Catalog:
    """*catalog* without the excluded items, with the added items appended after the rest."""
    dropped = excluded(profile)
    kept = tuple(item for item in catalog.items if item.no not in dropped)
    added = tuple(_item(added_no(n), a) for n, a in enumerate(profile.add))
    # A fresh model, not model_copy: the copy would carry the original's cached item index.
    return Catalog(
        edition=catalog.edition,
        categories=catalog.categories,
        items=kept + added,
        glossary=catalog.glossary,
        usage=catalog.usage,
    )


def _item(no: int, added: AddedItem) -> Item:
    examples = tuple(
        Example(id=f"{no}.1.{k}", no=k, text=q.text.strip())
        for k, q in enumerate(added.questions, 1)
    )
    return Item(
        no=no,
        label=added.id,
        category=added.category,
        party=added.party,
        goal=added.goal.strip(),
        description=added.description.strip(),
        method_groups=(MethodGroup(no=1, heading=ADDED_HEADING, examples=examples),),
    )


def profile_banks(profile: Profile, tailored: Catalog) -> dict[int, ItemBank]:
    """Question banks for the added items of *tailored* (item number → bank).

    Pass them to ``load_questions(tailored, extra=...)``; the guide's items keep their
    shipped banks.
    """
    banks: dict[int, ItemBank] = {}
    for index, added in enumerate(profile.add):
        no = added_no(index)
        item = tailored.item(no)
        questions = tuple(
            BankQuestion(
                id=example.id,
                short=question.short.strip(),
                text=question.text.strip(),
                detail_prompt=question.detail_prompt.strip(),
                hint=question.hint.strip(),
            )
            for example, question in zip(item.examples, added.questions, strict=True)
        )
        banks[no] = ItemBank(item=no, intro=_intro(added), questions=questions)
    return banks


def _intro(added: AddedItem) -> str:
    """The item's one-line introduction: its goal (or description when the goal is short)."""
    goal = added.goal.strip()
    if len(goal) >= 5:
        return goal
    text = " ".join(added.description.split()) or goal
    return text if len(text) <= _INTRO_MAX else text[: _INTRO_MAX - 1] + "…"
