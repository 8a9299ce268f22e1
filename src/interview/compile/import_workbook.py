"""Read a workbook in the フォーマット back into a session (our exports or hand-filled ones)."""

from __future__ import annotations

import re
from datetime import datetime

from interview.catalog import Catalog, Party, load_catalog
from interview.compile.item_text import TEXT_FIELDS, compile_item
from interview.compile.workbook_data import ANSWERED, SKIPPED, UNANSWERED
from interview.engine.answers import Answer, Status, now
from interview.errors import Message, UserError
from interview.questions.bank import QuestionSet
from interview.questions.models import QuestionKind
from interview.session.models import ItemText, ItemTexts, Respondent, Session
from interview.textsafe import printable
from interview.workbook.model import DetailRow, WorkbookData


class WorkbookImportError(UserError):
    """The workbook cannot become a session."""


def _party(data: WorkbookData, override: Party | None) -> Party:
    label = data.cover.party if data.cover is not None else ""
    written: Party | None = None
    if label:
        try:
            written = Party.from_label(label)
        except ValueError:
            written = None
    if override is not None:
        if written is not None and written is not override:
            raise WorkbookImportError(
                Message("import_party_conflict", party=override, cover=printable(label))
            )
        return override
    if written is not None:
        return written
    raise WorkbookImportError(Message("import_party_unknown"))


def _date(text: str) -> datetime | None:
    match = re.fullmatch(r"\s*(\d{4})\D(\d{1,2})\D(\d{1,2})\D?\s*", text or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime(year, month, day, 12, 0).astimezone()
    except ValueError:
        return None


def _stamp(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").astimezone()
    except ValueError:
        return now()


_LABEL = re.compile(r"(?:注[0-9]+)?[\u2460-\u2473][a-z]?")


def _check_labels(cell: str, options: dict[str, str]) -> tuple[str, ...]:
    """The labels in a 該当 cell: 「①情報資産の取扱者の指定、③a …」 or bare 「①③」."""
    picked = [label for label in _LABEL.findall(cell) if label in options]
    return tuple(dict.fromkeys(picked))


def _answer(row: DetailRow, kind: QuestionKind, options: dict[str, str]) -> Answer | None:
    status_text = row.status.strip()
    if status_text == UNANSWERED or (
        not status_text and not (row.detail or row.checks or row.due or row.owner)
    ):
        return None
    if status_text == SKIPPED:
        return Answer(skipped=True, updated_at=_stamp(row.updated_at))
    status = None
    if kind is QuestionKind.EXAMPLE or status_text not in ("", ANSWERED):
        try:
            status = Status.from_label(status_text)
        except ValueError:
            raise WorkbookImportError(
                Message("import_bad_status", question=row.question_id, status=status_text)
            ) from None
    if kind is QuestionKind.CERTIFICATION:
        by_name = {text: label for label, text in options.items()}
        checks = tuple(by_name[n] for n in re.split("[、,]", row.checks) if n.strip() in by_name)
    else:
        checks = _check_labels(row.checks, options)
    return Answer(
        status=status,
        detail=row.detail,
        checks=checks,
        due=row.due,
        owner=row.owner,
        updated_at=_stamp(row.updated_at),
    )


def session_from_workbook(
    data: WorkbookData,
    session_id: str,
    catalog: Catalog,
    questions: QuestionSet,
    party: Party | None = None,
    organisation: str = "",
    notes: list[str] | None = None,
    source: str = "",
) -> Session:
    """The session a workbook holds. *notes* (when given) receives, in plain Japanese, every
    row and answer that was not taken and why; *source* names the file for the cover of a
    hand-filled form exported again."""
    notes = notes if notes is not None else []
    party = _party(data, party)
    cover = data.cover
    org = organisation or (cover.organisation if cover is not None else "")
    if not org:
        raise WorkbookImportError(Message("import_organisation_unknown"))
    texts = _item_texts(data, catalog, party, notes)
    answers = _answers(data, questions, {i.no for i in catalog.items_for(party)}, notes)
    # The texts read are the respondent's; record the draft today's answers give, so that
    # they count as edited (kept), not as confirmed before the answers changed (stale).
    for number, stored in texts.items():
        if not number.isdigit():
            continue
        draft = compile_item(catalog.item(int(number)), questions, answers)
        texts[number] = ItemTexts(
            **{
                f: getattr(stored, f).model_copy(update={"draft": draft.field(f)})
                for f in TEXT_FIELDS
            }
        )
    stamp = (_date(cover.date) if cover is not None else None) or now()
    respondent = Respondent(
        organisation=org,
        party=party,
        name=cover.respondent if cover is not None else "",
        role=cover.role if cover is not None else "",
        counterparts=[c for c in re.split("[、,]", cover.counterparts) if c.strip()]
        if cover is not None
        else [],
        interviewer=cover.interviewer if cover is not None else "",
    )
    return Session(
        id=session_id,
        catalog_edition=catalog.edition.id,
        respondent=respondent,
        created_at=stamp,
        updated_at=stamp,
        answers=answers,
        texts=texts,
        # A hand-filled form has no per-question answers: say so when it is exported again.
        imported_form=(source or "フォーマット") if not data.details else "",
    )


def _item_texts(
    data: WorkbookData, catalog: Catalog, party: Party, notes: list[str]
) -> dict[str, ItemTexts]:
    mine = {i.no for i in catalog.items_for(party)}
    by_label = {item.display_no: item for item in catalog.items}
    added_goals = {_plain(item.goal): item for item in catalog.items if item.label}
    texts: dict[str, ItemTexts] = {}
    unknown: list[str] = []
    dropped: list[str] = []  # the guide's items a profile excludes
    shipped = {str(item.no) for item in load_catalog().items}
    theirs: list[tuple[str, Party]] = []  # (通番, whose item)
    with_text = 0
    for row in data.rows:
        values = {f: getattr(row, f) for f in TEXT_FIELDS}
        if not any(v.strip() for v in values.values()):
            continue
        with_text += 1
        number = str(row.no).strip()
        item = by_label.get(number) or added_goals.get(_plain(row.goal))
        if item is None:
            (dropped if number in shipped else unknown).append(number)
            continue
        if item.no not in mine:
            theirs.append((printable(number), item.party))
            continue
        texts[str(item.no)] = ItemTexts(
            **{f: ItemText(draft="", text=values[f], state="edited") for f in TEXT_FIELDS}
        )
    notes.append(str(Message("import_texts", rows=with_text, taken=len(texts))))
    if theirs:
        notes.append(str(Message("import_theirs", party=party, items=theirs)))
    if dropped:
        notes.append(str(Message("import_excluded", items=[printable(n) for n in dropped])))
    if unknown:
        notes.append(str(Message("import_unknown_items", items=[printable(n) for n in unknown])))
    return texts


def _plain(text: str) -> str:
    return "".join(text.split())


def _answers(
    data: WorkbookData, questions: QuestionSet, mine: set[int], notes: list[str]
) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    unknown: list[str] = []
    for row in data.details:
        if row.question_id not in questions:
            if row.question_id.strip():
                unknown.append(row.question_id)
            continue
        question = questions.question(row.question_id)
        if question.item not in mine:
            continue
        answer = _answer(row, question.kind, {o.label: o.text for o in question.options})
        if answer is not None:
            answers[question.id] = answer
    if data.details:
        notes.append(str(Message("import_answers", count=len(answers))))
    if unknown:
        notes.append(
            str(Message("import_unknown_questions", questions=[printable(q) for q in unknown]))
        )
    return answers
