"""What must be settled before a workbook goes to a bank: unresolved answers, stale texts.

- An answer 「不明・要確認」 never reaches the bank as that internal label: at export the
  respondent gives the month by which it will be answered (「確認中（2027年1月までに回答）」)
  or exports with ``--allow-unresolved`` (「確認中」).
- A confirmed or edited text whose answers changed since (its fresh draft differs from the
  draft it was confirmed from) is stale: 「回答が変わりました：文章を更新」. Export refuses,
  naming the 通番, until the text is confirmed again or re-drafted (``--redraft``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from interview.catalog.models import Catalog, Item
from interview.compile.dates import parse_due_month  # noqa: F401  (re-exported)
from interview.compile.item_text import TEXT_FIELDS, TEXT_LABELS, ItemDraft, compile_item
from interview.engine.answers import Status
from interview.errors import Message
from interview.questions.bank import QuestionSet
from interview.questions.models import QuestionKind
from interview.session.models import ItemText, ItemTexts, Session

STALE_MARK = "回答が変わりました：文章を更新"


@dataclass(frozen=True, slots=True)
class Unresolved:
    """One answer still 「不明・要確認」 with no month by which it will be answered."""

    no: str  # 通番 as shown
    question_id: str
    short: str

    @property
    def label(self) -> str:
        return f"通番{self.no} {self.question_id} {self.short}"


@dataclass(frozen=True, slots=True)
class StaleText:
    """An item whose kept texts were confirmed before its answers changed."""

    no: str
    item: int
    fields: tuple[str, ...]  # TEXT_FIELDS names

    @property
    def label(self) -> str:
        names = "・".join(TEXT_LABELS[f] for f in self.fields)
        return f"通番{self.no}（{names}）"


def item_draft(session: Session, item: Item, questions: QuestionSet, due: str = "") -> ItemDraft:
    """The fresh draft of *item* for *session* (its certifications included)."""
    return compile_item(
        item,
        questions,
        session.answers,
        certifications=session.certifications,
        unresolved_due=due,
    )


def unresolved_answers(
    session: Session, catalog: Catalog, questions: QuestionSet
) -> list[Unresolved]:
    out = []
    for item in catalog.items_for(session.respondent.party):
        for question in questions.for_item(item.no):
            if question.kind is not QuestionKind.EXAMPLE:
                continue
            answer = session.answers.get(question.id)
            if (
                answer is not None
                and not answer.skipped
                and answer.status is Status.UNKNOWN
                and not answer.due.strip()
            ):
                out.append(Unresolved(item.display_no, question.id, question.short))
    return out


def stale_fields(stored: ItemTexts | None, draft: ItemDraft) -> tuple[str, ...]:
    if stored is None:
        return ()
    out = []
    for field in TEXT_FIELDS:
        saved: ItemText = getattr(stored, field)
        if saved.state != "draft" and saved.draft != draft.field(field):
            out.append(field)
    return tuple(out)


def stale_item(session: Session, item: Item, questions: QuestionSet) -> StaleText | None:
    fields = stale_fields(session.texts.get(str(item.no)), item_draft(session, item, questions))
    return StaleText(item.display_no, item.no, fields) if fields else None


def stale_texts(session: Session, catalog: Catalog, questions: QuestionSet) -> list[StaleText]:
    out = []
    for item in catalog.items_for(session.respondent.party):
        stale = stale_item(session, item, questions)
        if stale is not None:
            out.append(stale)
    return out


def redraft(
    session: Session, catalog: Catalog, questions: QuestionSet, items: Iterable[int]
) -> Session:
    """A copy of *session* whose stale texts of *items* go back to the fresh draft."""
    texts = dict(session.texts)
    for no in items:
        item = catalog.item(no)
        stored = texts.get(str(no))
        if stored is None:
            continue
        draft = item_draft(session, item, questions)
        fields = stale_fields(stored, draft)
        texts[str(no)] = stored.model_copy(
            update={f: ItemText(draft=draft.field(f), text="", state="draft") for f in fields}
        )
    return session.model_copy(update={"texts": texts})


def unresolved_message(found: list[Unresolved]) -> str:
    labels = tuple(u.label for u in found)
    return str(Message("export_unresolved", labels=labels))


def stale_message(found: list[StaleText]) -> str:
    labels = tuple(s.label for s in found)
    return str(Message("export_stale", mark=STALE_MARK, labels=labels))
