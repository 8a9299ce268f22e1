"""A live session: the interview engine bound to a saved session, saving after every change.

The TUI and scripted use both drive an interview through this object, so every
answer, skip, jump, follow-up mark and confirmed text is on disk when the call returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from interview.catalog import Catalog
from interview.compile.item_text import TEXT_FIELDS, ItemDraft, compile_item
from interview.engine.answers import Answer, Status, now
from interview.engine.groups import GroupAnswer
from interview.engine.interview import Position as EnginePosition
from interview.engine.path import GuidedInterview, Step
from interview.errors import UserError
from interview.questions.bank import Question, QuestionSet
from interview.questions.models import QuestionKind
from interview.services.checklist import Checklist, checklist_for
from interview.session.models import ItemText, ItemTexts, Position, Session


@dataclass(frozen=True)
class _UndoPoint:
    """What a change may touch, to put back when its save fails."""

    answers: dict[str, Answer | None]
    item_no: int | None
    texts: ItemTexts | None
    engine: tuple[object, ...]


class LiveSession:
    def __init__(
        self,
        session: Session,
        save: Callable[[Session], None],
        catalog: Catalog | None = None,
        questions: QuestionSet | None = None,
    ) -> None:
        self.session = session
        self._save = save
        checklist = checklist_for(session)  # tailored when the session has a profile
        if (
            catalog is None
            or questions is None
            or (catalog is checklist.catalog and questions is checklist.questions)
        ):
            catalog, questions = checklist.catalog, checklist.questions
        else:
            checklist = Checklist(catalog, questions, session.profile_name)
        self.checklist = checklist
        self.catalog = catalog
        self.questions = questions.for_party(session.respondent.party)
        questions = self.questions
        self.interview = GuidedInterview(
            self.catalog,
            self.questions,
            session.respondent.party,
            session.answers,
            session.follow_ups,
            session.suggestions,
            session.pending,
        )
        position = session.position
        self.interview.resume(
            EnginePosition(position.item, position.question) if position is not None else None
        )
        self.saved_at = ""
        # Called with the message when a save other than an answer's fails (the change is
        # kept in memory and saved by the next save); without it such failures raise.
        self.on_save_error: Callable[[str], None] | None = None
        self.unsaved = False  # True while memory holds changes the last save did not write

    # --- changes (each one saved) ----------------------------------------------------------

    def answer(self, answer: Answer, question_id: str | None = None) -> Question | None:
        target = self.interview.current() if question_id is None else None
        item_no = (
            target.item if target is not None else self.questions.question(question_id or "").item
        )
        qid = target.id if target is not None else question_id or ""
        undo = self._undo_point(qid, item_no)
        question = self.interview.answer(answer, question_id)
        self._refresh_drafts(item_no)
        try:
            self.save()
        except UserError:
            self._undo(undo)  # not saved: as if not sent (the UI keeps the typed reply)
            raise
        return question

    def restate(self, question_id: str, status: Status) -> Answer | None:
        """Change only the status of an answer already given (the cursor stays put)."""
        answer = self.session.answers.get(question_id)
        if answer is None or answer.skipped:
            return None
        question = self.questions.question(question_id)
        self.session.answers[question_id] = answer.model_copy(
            update={"status": status, "updated_at": now()}
        )
        self._refresh_drafts(question.item)
        self.save()
        return self.session.answers[question_id]

    def answer_group(
        self,
        statuses: Status | list[Status] | tuple[Status, ...],
        detail: str = "",
        checks: dict[str, tuple[str, ...]] | None = None,
    ) -> GroupAnswer:
        """Answer the current method group as a whole (see ``engine.groups``)."""
        step = self.interview.current_step()
        undo = self._step_undo_point(step.item if step is not None else None)
        result = self.interview.answer_group(statuses, detail, checks)
        self._saved_or_undone(step.item if step is not None else None, undo)
        return result

    def step_point(self) -> object:
        """The current step's answers, texts and engine place, for ``reanswer_group``."""
        step = self.interview.current_step()
        return self._step_undo_point(step.item if step is not None else None)

    def reanswer_group(
        self,
        point: object,
        statuses: Status | list[Status] | tuple[Status, ...],
        detail: str = "",
        checks: dict[str, tuple[str, ...]] | None = None,
    ) -> GroupAnswer:
        """Answer again the group answered last, from *point* (``step_point()`` taken just
        before that answer): the one-key correction of a status read from the words.

        When the new answer cannot be applied or saved, the session stays as it was.
        """
        assert isinstance(point, _UndoPoint)
        after = self._step_undo_point(point.item_no)
        self._undo(point)
        try:
            return self.answer_group(statuses, detail, checks)
        except Exception:
            self._undo(after)
            raise

    def answer_step(self, answers: dict[str, Answer]) -> Question | None:
        """Answer a closing step of several questions (その他＋備考, 課題＋計画)."""
        step = self.interview.current_step()
        undo = self._step_undo_point(step.item if step is not None else None)
        question = self.interview.answer_step(answers)
        self._saved_or_undone(step.item if step is not None else None, undo)
        return question

    def confirm_item(self) -> Question | None:
        """Yearly check: the whole current item 「前回どおり」."""
        step = self.interview.current_step()
        undo = self._step_undo_point(step.item if step is not None else None)
        question = self.interview.confirm_item()
        self._saved_or_undone(step.item if step is not None else None, undo)
        return question

    def want_issues(self, item_no: int) -> Step | None:
        """「/課題」: ask 課題認識・対応計画 at an item without a gap too (nothing to save:
        the step is on the path until answered, then its answers keep it there)."""
        return self.interview.want_issues(item_no)

    def change_example(self, example_id: str) -> Question:
        question = self.interview.change_example(example_id)
        self._save_or_report()
        return question

    def _step_undo_point(self, item_no: int | None) -> _UndoPoint:
        """Everything a step may change: the item's answers and texts, and the engine's place."""
        ids = [q.id for q in self.questions.for_item(item_no)] if item_no is not None else []
        return self._point(ids, item_no)

    def _point(self, question_ids: list[str], item_no: int | None) -> _UndoPoint:
        return _UndoPoint(
            answers={q: self.session.answers.get(q) for q in question_ids},
            item_no=item_no,
            texts=self.session.texts.get(str(item_no)) if item_no is not None else None,
            engine=self.interview.snapshot(),
        )

    def _saved_or_undone(self, item_no: int | None, point: _UndoPoint) -> None:
        if item_no is not None:
            self._refresh_drafts(item_no)
        try:
            self.save()
        except UserError:
            self._undo(point)  # not saved: as if not sent (the UI keeps what was typed)
            raise

    def current_step(self) -> Step | None:
        return self.interview.current_step()

    def skip(self) -> Question | None:
        question = self.interview.skip()
        self._save_or_report()
        return question

    def back(self) -> Question | None:
        question = self.interview.back()
        self._save_or_report()
        return question

    def jump(self, item_no: int) -> Question:
        question = self.interview.jump(item_no)
        self._save_or_report()
        return question

    def toggle_follow_up(self, note: str = "") -> bool:
        marked = self.interview.toggle_follow_up(note=note)
        self._save_or_report()
        return marked

    def confirm_texts(self, item_no: int, texts: dict[str, str], edited: frozenset[str]) -> None:
        """Store the respondent's confirmed (or edited) texts for *item_no*."""
        drafts = self.drafts(item_no)
        updated = {}
        for field in TEXT_FIELDS:
            draft = drafts.field(field)
            changed = field in edited or texts[field] != draft
            updated[field] = ItemText(
                draft=draft, text=texts[field], state="edited" if changed else "confirmed"
            )
        self.session.texts[str(item_no)] = ItemTexts(**updated)
        self._save_or_report()

    def keep_typed(self, question_id: str, text: str) -> None:
        """Save words sent but not yet recorded as an answer (see ``Session.typed``)."""
        if not text.strip() or self.session.typed.get(question_id) == text:
            return
        self.session.typed[question_id] = text
        self._save_or_report()

    def typed(self, question_id: str) -> str:
        """Words kept for *question_id* by :meth:`keep_typed` ("" when none)."""
        return self.session.typed.get(question_id, "")

    def save(self) -> None:
        typed = self.session.typed
        for qid in [q for q in typed if self._answered(q)]:
            del typed[qid]  # recorded now: the answer holds the words
        position = self.interview.position
        if position is not None:
            self.session.position = Position(item=position.item, question=position.question)
        self.session.updated_at = now()
        try:
            self._save(self.session)
        except UserError:
            self.unsaved = True
            raise
        self.unsaved = False
        self.saved_at = self.session.updated_at.astimezone().strftime("%H:%M:%S")

    def _answered(self, question_id: str) -> bool:
        answer = self.session.answers.get(question_id)
        return answer is not None and not answer.skipped

    def _save_or_report(self) -> None:
        """Save; when that fails and a handler is set, keep the change in memory and report."""
        try:
            self.save()
        except UserError as exc:
            if self.on_save_error is None:
                raise
            self.on_save_error(str(exc))

    def _undo_point(self, question_id: str, item_no: int) -> _UndoPoint:
        return self._point([question_id], item_no)

    def _undo(self, point: _UndoPoint) -> None:
        """Put back the answers, texts and engine place of *point* (a save that failed)."""
        for qid, answer in point.answers.items():
            if answer is None:
                self.session.answers.pop(qid, None)
            else:
                self.session.answers[qid] = answer
        if point.item_no is not None:
            if point.texts is None:
                self.session.texts.pop(str(point.item_no), None)
            else:
                self.session.texts[str(point.item_no)] = point.texts
        self.interview.restore(point.engine)

    # --- reading ---------------------------------------------------------------------------

    def drafts(self, item_no: int) -> ItemDraft:
        return compile_item(
            self.catalog.item(item_no),
            self.questions,
            self.session.answers,
            certifications=self.session.certifications,
        )

    def stale_fields(self, item_no: int) -> tuple[str, ...]:
        """The kept texts of *item_no* confirmed before its answers changed (「文章を更新」)."""
        from interview.compile.readiness import stale_fields

        return stale_fields(self.session.texts.get(str(item_no)), self.drafts(item_no))

    def item_texts(self, item_no: int) -> tuple[dict[str, str], dict[str, str]]:
        """(texts to show, fresh drafts): confirmed or edited text wins over the draft.

        A confirmed text whose answers changed since shows the fresh draft (an edited one
        keeps the respondent's words; the review screen marks both as 文章を更新).
        """
        drafts = self.drafts(item_no)
        stored = self.session.texts.get(str(item_no))
        texts = {}
        for field in TEXT_FIELDS:
            draft = drafts.field(field)
            saved: ItemText | None = getattr(stored, field) if stored else None
            kept = saved is not None and saved.state != "draft"
            stale = (
                kept and saved is not None and saved.state == "confirmed" and saved.draft != draft
            )
            texts[field] = saved.text if kept and saved is not None and not stale else draft
        return texts, {f: drafts.field(f) for f in TEXT_FIELDS}

    def certification_suggestion(self, question: Question) -> Answer | None:
        """At the items where the guide allows it, offer the certifications recorded once."""
        if question.kind is not QuestionKind.CERTIFICATION or not self.session.certifications:
            return None
        by_name = {o.text: o.label for o in question.options}
        checks, notes = [], []
        for cert in self.session.certifications:
            label = by_name.get(cert.name)
            if label is not None:
                checks.append(label)
            extra = "、".join(
                x
                for x in (cert.scope and f"範囲: {cert.scope}", cert.date and f"取得: {cert.date}")
                if x
            )
            notes.append(cert.name + (f"（{extra}）" if extra else ""))
        order = [o.label for o in question.options]
        return Answer(checks=tuple(sorted(checks, key=order.index)), detail="、".join(notes))

    def last_answered(self) -> tuple[Question, Answer] | None:
        latest: tuple[Question, Answer] | None = None
        for question in self.interview.order:
            answer = self.session.answers.get(question.id)
            if answer is None or answer.skipped:
                continue
            if latest is None or answer.updated_at >= latest[1].updated_at:
                latest = (question, answer)
        return latest

    def _refresh_drafts(self, item_no: int) -> None:
        """Keep the item's stored drafts current where nothing was confirmed yet.

        A confirmed or edited text keeps the draft it was confirmed against: that draft
        differing from the fresh one is what marks the text 文章を更新 (``stale_fields``),
        so that a changed answer never leaves its old text in the workbook unseen."""
        drafts = self.drafts(item_no)
        stored = self.session.texts.get(str(item_no)) or ItemTexts()
        fields = {}
        for field in TEXT_FIELDS:
            old: ItemText = getattr(stored, field)
            fields[field] = (
                old.model_copy(update={"draft": drafts.field(field)})
                if old.state == "draft"
                else old
            )
        self.session.texts[str(item_no)] = ItemTexts(**fields)
