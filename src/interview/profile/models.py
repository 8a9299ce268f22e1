"""Pydantic models of a tailoring profile file (see ``docs/profiles.md``).

The models check types and shape only; the rules that need the catalog (does item 17
exist, is 区分 8 real) and the wording rules live in ``interview.profile.loader``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr

from interview.catalog.party import Party


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Exclusion(_Strict):
    """One checklist item left out, with the reason recorded for the other party."""

    item: StrictInt
    reason: StrictStr


class AddedQuestion(_Strict):
    """One guided question of an added item (it becomes one 手法例 of that item)."""

    text: StrictStr
    detail_prompt: StrictStr
    short: StrictStr
    hint: StrictStr = ""


class AddedItem(_Strict):
    """An item of the bank's own, asked after the guide's 44 items."""

    id: StrictStr
    category: StrictInt
    party: Party
    goal: StrictStr
    description: StrictStr = ""
    questions: tuple[AddedQuestion, ...] = ()


class Profile(_Strict):
    name: StrictStr
    description: StrictStr = ""
    exclude: tuple[Exclusion, ...] = ()
    add: tuple[AddedItem, ...] = ()
