"""Load the question banks and join them with the catalog into ready-to-ask questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from interview.catalog.models import Catalog, Example, Item, Note
from interview.catalog.party import Party
from interview.datapaths import question_banks_dir
from interview.errors import Message
from interview.questions.certifications import CERTIFICATION_OPTIONS
from interview.questions.models import (
    BankQuestion,
    ClosingBank,
    ClosingQuestion,
    ItemBank,
    QuestionKind,
)
from interview.tomlio import DataFileError, load_model

M = TypeVar("M", bound=BaseModel)


class QuestionBankError(DataFileError):
    """A question bank file is missing, invalid, or does not match the catalog."""


@dataclass(frozen=True)
class Option:
    """One entry of a check-list: a 注記 point (①…) or a certification name."""

    label: str
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    item: int
    kind: QuestionKind
    short: str
    text: str
    detail_prompt: str
    hint: str = ""
    example: Example | None = None
    notes: tuple[Note, ...] = ()
    checklist_prompt: str = ""
    options: tuple[Option, ...] = ()

    @property
    def has_status(self) -> bool:
        return self.kind is QuestionKind.EXAMPLE

    @property
    def is_closing(self) -> bool:
        return self.example is None


class QuestionSet:
    """All questions of the checklist, in interview order, item by item."""

    def __init__(self, intros: dict[int, str], by_item: dict[int, tuple[Question, ...]]) -> None:
        self._intros = intros
        self._by_item = by_item
        self._by_id = {q.id: q for qs in by_item.values() for q in qs}
        self._for_bank: QuestionSet | None = None

    def for_party(self, party: Party | None) -> QuestionSet:
        """The questions a respondent of *party* is asked.

        The certification question (第三者認証等をもってエビデンス等の提出に代え) is for
        API接続先 only: a bank answering 通番9, 13 or 14 is not asked it.
        """
        if party is not Party.FINANCIAL_INSTITUTION:
            return self
        if self._for_bank is None:
            by_item = {
                no: tuple(q for q in qs if q.kind is not QuestionKind.CERTIFICATION)
                for no, qs in self._by_item.items()
            }
            self._for_bank = QuestionSet(self._intros, by_item)
        return self._for_bank

    def intro(self, item_no: int) -> str:
        return self._intros[item_no]

    def for_item(self, item_no: int) -> tuple[Question, ...]:
        return self._by_item[item_no]

    def question(self, question_id: str) -> Question:
        try:
            return self._by_id[question_id]
        except KeyError:
            raise KeyError(Message("no_such_question", question=question_id)) from None

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)


def load_questions(
    catalog: Catalog,
    directory: Path | None = None,
    extra: Mapping[int, ItemBank] | None = None,
) -> QuestionSet:
    """The question set for *catalog* from *directory* (default: the shipped banks), cached.

    *extra* supplies banks for items without a bank file (the items a tailoring profile
    adds); an item found in *extra* takes its bank from there instead of from *directory*.
    """
    extra_key = tuple(sorted((no, bank.model_dump_json()) for no, bank in (extra or {}).items()))
    return _load((directory or question_banks_dir()).resolve(), catalog, extra_key)


@lru_cache(maxsize=4)
def _load(
    directory: Path, catalog: Catalog, extra_key: tuple[tuple[int, str], ...] = ()
) -> QuestionSet:
    # The extra banks arrive as JSON (pairs of item and bank) so the cache key is hashable.
    extra = {no: ItemBank.model_validate_json(data) for no, data in extra_key}
    closing = _load_file(ClosingBank, directory / "closing.toml").closing
    intros: dict[int, str] = {}
    by_item: dict[int, tuple[Question, ...]] = {}
    for item in catalog.items:
        path = directory / f"{item.no:02d}.toml"
        bank = extra[item.no] if item.no in extra else _load_file(ItemBank, path)
        if bank.item != item.no:
            raise QuestionBankError(path, Message("bank_item", item=item.no), field="item")
        intros[item.no] = bank.intro
        by_item[item.no] = _example_questions(item, bank, path) + _closing_questions(
            item, bank, closing, catalog.usage.certification_items
        )
    return QuestionSet(intros, by_item)


def _load_file(model: type[M], path: Path) -> M:
    try:
        return load_model(model, path)
    except DataFileError as exc:
        raise QuestionBankError(exc.path, exc.detail, exc.line, exc.field) from None


def _example_questions(item: Item, bank: ItemBank, path: Path) -> tuple[Question, ...]:
    examples = {e.id: e for e in item.examples}
    asked = [q.id for q in bank.questions]
    if sorted(asked) != sorted(examples) or len(set(asked)) != len(asked):
        missing = sorted(set(examples) - set(asked))
        extra = sorted(set(asked) - set(examples))
        raise QuestionBankError(
            path, Message("bank_questions", missing=missing, extra=extra), field="questions"
        )
    return tuple(_example_question(item, examples[q.id], q, path) for q in bank.questions)


def _example_question(item: Item, example: Example, q: BankQuestion, path: Path) -> Question:
    notes = tuple(item.note(n) for n in example.notes)
    options: tuple[Option, ...] = ()
    prompt = ""
    if q.checklist is not None:
        numbers = (q.checklist.note, *q.checklist.more)
        found: list[Option] = []
        for number in numbers:
            try:
                note = item.note(number)
            except KeyError:
                raise QuestionBankError(
                    path, Message("bank_checklist_note", question=q.id, note=number)
                ) from None
            if not note.points:
                raise QuestionBankError(
                    path, Message("bank_note_points", question=q.id, note=note.no)
                )
            # With several notes, each label says which: 注1①, 注2①.
            found += _note_options(note, prefix=f"注{number}" if len(numbers) > 1 else "")
        options = tuple(found)
        prompt = q.checklist.prompt
    return Question(
        id=q.id,
        item=item.no,
        kind=QuestionKind.EXAMPLE,
        short=q.short,
        text=q.text,
        detail_prompt=q.detail_prompt,
        hint=q.hint,
        example=example,
        notes=notes,
        checklist_prompt=prompt,
        options=options,
    )


def _note_options(note: Note, prefix: str = "") -> list[Option]:
    """A 注記's points as check-list entries. A point with a./b. sub-points is followed
    by one entry per sub-point (「①a」, 「①b」 …), so each can be ticked on its own."""
    out = []
    for point in note.points:
        out.append(Option(f"{prefix}{point.label}", point.text.rstrip("：:")))
        head = point.text.rstrip("：:")
        for sub in point.subpoints:
            text = sub.text
            if sub.bullets:
                text = f"{text.rstrip('。')}（{'、'.join(sub.bullets)}）"
            out.append(Option(f"{prefix}{point.label}{sub.label}", f"{head}：{text}"))
    return out


def _closing_questions(
    item: Item,
    bank: ItemBank,
    closing: tuple[ClosingQuestion, ...],
    certification_items: tuple[int, ...],
) -> tuple[Question, ...]:
    out = []
    for c in closing:
        if c.only_certification_items and item.no not in certification_items:
            continue
        override = bank.closing.get(c.suffix)
        is_cert = c.kind is QuestionKind.CERTIFICATION
        out.append(
            Question(
                id=f"{item.no}.{c.suffix}",
                item=item.no,
                kind=c.kind,
                short=c.short,
                text=override.text if override else c.text,
                detail_prompt=(
                    override.detail_prompt
                    if override and override.detail_prompt
                    else c.detail_prompt
                ),
                checklist_prompt="示せるものをすべて選んでください。" if is_cert else "",
                options=tuple(
                    Option(str(n), name) for n, name in enumerate(CERTIFICATION_OPTIONS, 1)
                )
                if is_cert
                else (),
            )
        )
    return tuple(out)
