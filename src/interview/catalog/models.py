"""Pydantic models of the checklist catalog (one TOML file each on disk)."""

from __future__ import annotations

from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from interview.catalog.party import Party
from interview.errors import Message


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Edition(_Frozen):
    title: str
    edition: str = Field(description="e.g. 2018年10月版")
    revised: str = Field(description="e.g. 2019年9月27日一部改訂")
    publisher: str
    id: str = Field(description="machine id recorded in sessions, e.g. 2018-10+2019-09-27")

    @property
    def label(self) -> str:
        return f"{self.edition}（{self.revised}）"


class Category(_Frozen):
    no: int = Field(ge=1, le=99)
    name: str
    purpose: str
    first: int
    last: int

    @property
    def item_numbers(self) -> range:
        return range(self.first, self.last + 1)


class Example(_Frozen):
    """One 手法例. ``id`` is ``"<item>.<group>.<example>"``."""

    id: str
    no: int
    text: str
    notes: tuple[int, ...] = ()


class MethodGroup(_Frozen):
    no: int
    heading: str
    examples: tuple[Example, ...]


class SubPoint(_Frozen):
    label: str = Field(description="a, b, c …")
    text: str
    bullets: tuple[str, ...] = ()


class NotePoint(_Frozen):
    label: str = Field(description="①, ② …")
    text: str
    subpoints: tuple[SubPoint, ...] = ()

    @property
    def index(self) -> int:
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(self.label) + 1


class Note(_Frozen):
    """注記 (注1, 注2 …): a supplement to the 手法例."""

    no: int
    intro: str = ""
    points: tuple[NotePoint, ...] = ()
    outro: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"注{self.no}"


class ReferenceSection(_Frozen):
    """One source of 関連規定 with its locations, line by line as the guide prints them."""

    source: str = Field(pattern=r"^(zenginkyo|fisc)$")
    title: str
    lines: tuple[str, ...]


class References(_Frozen):
    sections: tuple[ReferenceSection, ...] = ()
    zenginkyo: tuple[str, ...] = Field(default=(), description='normalised, e.g. "3.3.2 g"')
    fisc: tuple[str, ...] = Field(default=(), description='normalised, e.g. "統4", "実142"')

    @property
    def text(self) -> str:
        return "\n".join(
            line for section in self.sections for line in (section.title, *section.lines)
        )

    @property
    def is_empty(self) -> bool:
        return not self.sections


class Item(_Frozen):
    """確認項目."""

    no: int = Field(ge=1)
    category: int
    party: Party
    goal: str = Field(description="セキュリティ対応目標")
    description: str = Field(description="セキュリティ対応目標の説明")
    description_footnote: str = ""
    method_intro: str = ""
    method_groups: tuple[MethodGroup, ...]
    notes: tuple[Note, ...] = ()
    references: References = References()
    label: str = Field(default="", description="通番 shown instead of ``no``, e.g. 追加1")

    @property
    def display_no(self) -> str:
        """The 通番 as shown to people: the label of an added item, else the number."""
        return self.label or str(self.no)

    @property
    def examples(self) -> tuple[Example, ...]:
        return tuple(e for g in self.method_groups for e in g.examples)

    def note(self, no: int) -> Note:
        for note in self.notes:
            if note.no == no:
                return note
        raise KeyError(Message("no_such_note", item=self.no, note=no))


class GlossaryTerm(_Frozen):
    term: str
    pages: tuple[int, ...]
    description: str
    yomi: str = Field(default="", description="katakana reading, for search")
    aliases: tuple[str, ...] = Field(default=(), description="English names, abbreviations")


class UsageNote(_Frozen):
    id: str
    title: str
    paragraphs: tuple[str, ...]


class UsageNotes(_Frozen):
    risk_based_approach: UsageNote
    certifications: UsageNote
    certification_items: tuple[int, ...]
    monitoring: UsageNote
    methods: UsageNote
    answering: UsageNote


class Catalog(_Frozen):
    edition: Edition
    categories: tuple[Category, ...]
    items: tuple[Item, ...]
    glossary: tuple[GlossaryTerm, ...]
    usage: UsageNotes

    @cached_property
    def _by_no(self) -> dict[int, Item]:
        return {item.no: item for item in self.items}

    def item(self, no: int) -> Item:
        try:
            return self._by_no[no]
        except KeyError:
            raise KeyError(Message("no_such_item", item=no)) from None

    def category(self, no: int) -> Category:
        for category in self.categories:
            if category.no == no:
                return category
        raise KeyError(Message("no_such_category", category=no))

    def items_for(self, party: Party | None) -> tuple[Item, ...]:
        """A respondent of *party* gets that party's items plus the 共通 items."""
        if party is None:
            return self.items
        if party is Party.COMMON:
            return tuple(i for i in self.items if i.party is Party.COMMON)
        return tuple(i for i in self.items if i.party in (party, Party.COMMON))

    def example(self, example_id: str) -> Example:
        item_no = int(example_id.split(".", 1)[0])
        for example in self.item(item_no).examples:
            if example.id == example_id:
                return example
        raise KeyError(Message("no_such_example", example=example_id))
