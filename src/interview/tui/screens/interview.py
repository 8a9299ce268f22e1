"""The interview screen: chat log, side panel and answer bar over a live session."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Header, Input

from interview.engine.answers import Answer, Status
from interview.engine.groups import GroupAnswerError
from interview.engine.interview import AnswerError, NotInInterviewError
from interview.engine.path import Step, StepKind
from interview.engine.reply import Command, parse_command
from interview.errors import UserError
from interview.questions.bank import Question
from interview.services.answering import (
    mask_text,
    masked,
    secret_findings,
    secret_findings_in,
)
from interview.services.live import LiveSession
from interview.services.warmup import warm_up
from interview.session.plan_offer import PlanOffer
from interview.textsafe import printable
from interview.tui import render, reply_flow, steps, styles
from interview.tui.keys import interview_bindings
from interview.tui.reply_flow import PickedBy
from interview.tui.typed import interview_app
from interview.tui.widgets.answer_bar import AnswerBar, ReplyArea
from interview.tui.widgets.chat import Bubble, ChatLog
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.side_panel import SidePanel
from interview.wording import core_message

if TYPE_CHECKING:
    from interview.tui.screens.review import ReviewScreen


def _read_note(status: Status, corrected: bool = False) -> Text:
    text = Text()
    verb = "に訂正しました" if corrected else "として記録しました"
    text.append(f"{status.label}{verb}。", style="bold")
    text.append("違っていれば 1〜6 のキー1つで直せます（入力欄が空のとき）。")
    return text


@dataclass
class _Correction:
    """The status just read from a reply, open to a one-key correction."""

    question: Question
    status: Status
    bubble: Bubble  # the answer bubble
    note: Bubble  # 「一部実施として記録しました」

    def recorded(self) -> str:
        return f"{self.status.label}として記録しました。"


@dataclass
class _GroupCorrection:
    """A group answered from the words (すべて実施済み / すべて該当なし), open to one key.

    ``point`` is the session as it was before the group's answer: a correction answers
    the group again from there (1/4 for all its examples; 2/3/5/6 asks them one by one).
    """

    step: Step
    point: object
    status: Status
    detail: str
    checks: dict[str, tuple[str, ...]] | None
    bubble: Bubble
    note: Bubble

    def recorded(self) -> str:
        return f"すべて{self.status.label}として記録しました。"


def _group_read_note(status: Status, corrected: bool = False) -> Text:
    text = Text()
    verb = "に訂正しました" if corrected else "として記録しました"
    text.append(f"すべて{status.label}{verb}。", style="bold")
    text.append(
        "違っていれば 1〜6 のキー1つで直せます（入力欄が空のとき。2・3・5・6 は1件ずつ確認）。"
    )
    return text


class InterviewScreen(Screen[None]):
    CSS_PATH = styles.INTERVIEW
    AUTO_FOCUS = "#reply"  # keys typed right away go to the reply, never to the chat log
    # The progress line changes after every answer. Textual's Screen.sub_title repaints the
    # whole screen on a change; the header's own watcher redraws the header, which is all
    # that shows it.
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)
    BINDINGS = [
        *interview_bindings(),
        Binding("escape", "cancel_pending", "書き直す", show=False),
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self._last_item: int | None = None
        self._pending: reply_flow.Pending | None = None
        self._correction: _Correction | _GroupCorrection | None = None
        self._undo_status_key: Callable[[], None] | None = None
        respondent = live.session.respondent
        self._to = render.addressee(respondent.organisation, respondent.party)  # 貴社 / 貴行
        self._carry = ""  # words typed at a group screen answered "one by one"
        self._review: ReviewScreen | None = None  # the item review, kept between items

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield SidePanel(id="side")
            with Vertical(id="conversation"):
                yield ChatLog(id="chat")
                yield AnswerBar(id="answer-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        # Looked up once: querying the DOM walks every chat bubble.
        self._chat = self.query_one("#chat", ChatLog)
        self._bar = self.query_one("#answer-bar", AnswerBar)
        self._side = self.query_one("#side", SidePanel)
        respondent = self.live.session.respondent
        self.title = printable(respondent.organisation)
        if self.app.size.width >= 100:
            self.title += f"（{respondent.party.label}）"
        self._side.display = self.app.size.width >= 100
        self._replay_last_exchange()
        self._show_current(introduce=True)  # the header shows progress straight away
        # What the first answers would load on the spot (the reply reader's rules, the
        # workbook's row heights), loaded meanwhile: no first answer waits for an import.
        self.call_after_refresh(
            self.run_worker, warm_up, thread=True, group="warm-up", exit_on_error=False
        )

    # --- conversation ---------------------------------------------------------------------

    @property
    def chat(self) -> ChatLog:
        return self._chat

    @property
    def bar(self) -> AnswerBar:
        return self._bar

    def _replay_last_exchange(self) -> None:
        """On resume, show the last answered question and its answer again."""
        last = self.live.last_answered()
        if last is None:
            self.chat.say(render.welcome(self.live), "assistant")
            return
        question, answer = last
        self.chat.say("前回の続きから再開します。直前のやりとり：", "system")
        self.chat.say(render.question_text(question, self.live.catalog, self._to), "assistant")
        self.chat.say(render.answer_text(question, answer), "user")

    def _review_or_continue(self, item: int, note: Bubble | None, recorded: str) -> bool:
        """After an answer: the item's review when it is complete (True), else the next step.

        *note* (the status read, open to correction) then says *recorded* instead."""
        nxt = self.live.interview.current()
        leaving_item = nxt is None or nxt.item != item
        if leaving_item and self.live.interview.item_complete(item):
            if note is not None and recorded:
                note.update(recorded)
            self._saved()  # else _show_current counts the progress
            self._open_review(item, then_continue=True)
            return True
        self._show_current(touched=item)
        return False

    def _show_current(self, introduce: bool = False, touched: int | None = None) -> None:
        self._close_correction()
        if self._pending is not None:
            self._end_pending()  # the pending reply stays in the chat, unsaved
        interview = self.live.interview
        step = interview.current_step()
        if step is None:
            self.chat.say(render.finished(self.live), "assistant")
            self.bar.set_step(None)
            self._refresh_side()
            self._saved()
            return
        if introduce or step.item != self._last_item:
            self.chat.say(render.item_intro(step.item, self.live), "assistant intro")
        self._last_item = step.item
        if step.kind is StepKind.EXAMPLE or step.kind in (
            StepKind.TEXT,
            StepKind.CERTIFICATION,
        ):
            self._show_question(step)
        else:
            self._show_step(step)
        self.bar.focus_reply()
        self._saved()
        self._refresh_side(touched)
        if touched is not None and touched != step.item:
            self._refresh_side(step.item)

    def _show_question(self, step: Step) -> None:
        """One question, as before the guided path (手法例, 認証, a single text question)."""
        question = step.question
        terms = tuple(render.glossary_terms(question, self.live.catalog))
        previous = self.live.session.answers.get(question.id)
        cert_previous = None
        if step.kind is StepKind.CERTIFICATION:
            cert_previous = self.live.interview.previous_certification(step.item)
            self.chat.say(steps.certification_text(question, cert_previous), "assistant", terms)
        else:
            text = render.question_text(question, self.live.catalog, self._to)
            label = steps.drill_label(step)
            self.chat.say(label + text if label is not None else text, "assistant", terms)
        if previous is None or previous.skipped:
            suggestion = self.live.session.suggestions.get(question.id)
            if suggestion is not None:
                # 「前回: … 変わりありませんか？」 — Enter keeps it, or edit it and send.
                self.chat.say(
                    render.suggestion_text(question, suggestion, self.live), "assistant suggestion"
                )
                previous = suggestion
            elif cert_previous is not None:
                previous = cert_previous[1]
            elif (recorded := self.live.certification_suggestion(question)) is not None:
                self.chat.say(
                    "記録済みの第三者認証・報告書を選んであります。"
                    "この項目の根拠になるものだけ残して送信してください。",
                    "assistant suggestion",
                )
                previous = recorded
            elif (offer := self._plan_offer(question)) is not None:
                # a plan named in this item's replies: a draft to confirm, never recorded as is
                self.chat.say(offer.note, "assistant suggestion")
                previous = offer.answer
        pending = self.live.interview.pending.get(question.id)
        if pending is not None:
            previous = (previous or Answer()).model_copy(update={"status": pending})
        carry = self._take_carry(question.id)
        if carry:  # just typed at the group screen: it wins over an earlier detail
            previous = (previous or Answer()).model_copy(update={"detail": carry})
        self.bar.set_step(step, previous, to=self._to, prompt=self._prompt_for(question))
        self.bar.mark_carried(carry)  # the respondent's own words: ctrl+q asks first
        self._keep_group_status(question)

    def _take_carry(self, question_id: str) -> str:
        """Words carried into this step's field: just typed (then saved at once, so that a
        crash cannot lose them), or kept in the session from an earlier run."""
        carry, self._carry = self._carry, ""
        if carry:
            self.live.keep_typed(question_id, carry)
            return carry
        return self.live.typed(question_id)

    def _keep_group_status(self, question: Question) -> None:
        """A status the respondent gave at the group screen (「②は一部実施」) is their own
        choice, like a pressed key: words in the example's reply don't override it."""
        pending = self.live.interview.pending.get(question.id)
        if pending is not None and self.bar.status is pending:
            self.bar.pick(pending, PickedBy.RESPONDENT)

    def _show_step(self, step: Step) -> None:
        """A group, a merged closing question, or a yearly item confirmation."""
        interview = self.live.interview
        answers = self.live.session.answers
        suggestions = self.live.session.suggestions

        def earlier(question_id: str) -> Answer | None:
            answer = answers.get(question_id)
            if answer is None or answer.skipped:
                answer = suggestions.get(question_id)
            return answer

        if step.kind is StepKind.GROUP:
            self.chat.say(steps.group_text(step, interview), "assistant")
            previous, checks = steps.group_prefill(step, interview)
            carry = self._take_carry(step.id)
            if carry:  # typed at the yearly confirmation: kept in the field
                previous = (previous or Answer()).model_copy(update={"detail": carry})
            self.bar.set_step(step, previous, checks, to=self._to)
            self.bar.mark_carried(carry)
        elif step.kind is StepKind.CONFIRM_ITEM:
            source = self.live.session.suggestion_source
            self.chat.say(steps.confirm_item_text(step, interview, source), "assistant suggestion")
            self.bar.set_step(step, to=self._to)
        else:
            text = (
                steps.notes_text(step, offer_issues=not interview.on_path_issues(step.item))
                if step.kind is StepKind.NOTES
                else steps.issues_text(step)
            )
            self.chat.say(text, "assistant")
            first, second = step.questions
            self.bar.set_step(step, earlier(first.id), to=self._to)
            other = earlier(second.id)
            if other is not None:
                self.bar.fill_extra(other.detail)
                if step.kind is StepKind.ISSUES:
                    self.bar.fill_plan(other.due, other.owner)
            elif step.kind is StepKind.ISSUES and (offer := self._plan_offer(second)):
                # a plan named in this item's replies: a draft to confirm, never recorded as is
                self.chat.say(offer.note, "assistant suggestion")
                self.bar.fill_extra(offer.answer.detail)
                self.bar.fill_plan(offer.answer.due, "")

    def _plan_offer(self, question: Question) -> PlanOffer | None:
        from interview.session.plan_offer import plan_offer

        item_questions = self.live.questions.for_item(question.item)
        return plan_offer(question, item_questions, self.live.session.answers)

    def on_resize(self, event: events.Resize) -> None:
        self.bar.fit(event.size.height)

    def on_unmount(self) -> None:
        review, self._review = self._review, None
        if review is not None:  # another session opened (the app closing clears it anyway)
            with contextlib.suppress(Exception):
                self.app.uninstall_screen(review)
                review.remove()

    REASONS = "未実施・一部実施の手法例の理由や、"

    def _prompt_for(self, question: Question) -> str | None:
        """The 課題認識 prompt asks for reasons for 未実施 only when something was 未実施/一部実施."""
        if self.REASONS not in question.detail_prompt:
            return None
        answers = self.live.session.answers
        gaps = any(
            (a := answers.get(q.id)) is not None and a.status in (Status.NOT_DONE, Status.PARTIAL)
            for q in self.live.questions.for_item(question.item)
        )
        return None if gaps else question.detail_prompt.replace(self.REASONS, "")

    def _refresh_side(self, item_no: int | None = None) -> None:
        """Update the side panel: only the touched item when it is known, and only if shown."""
        side = self._side
        if not side.display:
            side.mark_stale()  # rebuilt in full when shown again
            return
        current = self.live.interview.current()
        current_item = current.item if current else None
        item_no = item_no if item_no is not None else current_item
        if item_no is None:
            side.refresh_from(self.live.interview, current_item)
        else:
            side.update_item(self.live.interview, item_no, current_item)

    def _saved(self) -> None:
        """The header says where we are: 通番 k/n・質問 answered/total・区分.

        Counted on the path the respondent is on: groups, merged and conditional questions.
        """
        interview = self.live.interview
        steps_done = interview.step_progress()
        n, items = interview.item_position()
        line = f"通番 {n}/{items}・質問 {steps_done.answered}/{steps_done.total}"
        step = interview.current_step()
        if step is not None:
            category = self.live.catalog.category(self.live.catalog.item(step.item).category)
            wide = self.app.size.width >= 100
            line += f"・区分{category.no}" + (f" {category.name}" if wide else "")
        self.sub_title = line

    # --- answering ------------------------------------------------------------------------

    @on(AnswerBar.Submitted)
    def _submitted(self, event: AnswerBar.Submitted) -> None:
        event.stop()
        self._undo_status_key = None
        command = parse_command(event.text)
        if command is not None:
            self.bar.clear_reply()
            self.run_command(command)
            return
        step = self.live.interview.current_step()
        if step is None:
            return
        if step.kind is StepKind.GROUP:
            self._close_correction()
            self._submit_group(step, event)
            return
        if step.kind is not StepKind.EXAMPLE and step.kind not in (
            StepKind.TEXT,
            StepKind.CERTIFICATION,
        ):
            self._close_correction()
            self._submit_step(step, event)
            return
        question = step.question
        self._close_correction()
        if self._pending is not None:
            if self._pending_enter(event.text):
                return
            outcome = reply_flow.decide(question, self.bar.current_answer(), event.text)
        else:
            # The bar is read now, not when the key was sent: a status key typed just
            # before Enter reaches this screen first (messages keep their order).
            bar = self.bar
            answer = bar.current_answer(event.text)
            outcome = reply_flow.decide(
                question, answer, event.text, bar.picked_by, event.prefilled
            )
        match outcome:
            case reply_flow.Save(answer, read):
                self._record(question, answer, read)
            case reply_flow.Pending():
                self._start_pending(outcome)
            case reply_flow.AskedBack(text):
                self._asked_back(question, text)
            case reply_flow.Requested(text, name):
                self._requested(question, text, name)

    def _pending_enter(self, text: str) -> bool:
        """Enter while a reply waits for its status: True when that settles it (or asks).

        Enter on the empty field takes the pre-selected status; a new reply replaces the
        pending one (said so in the chat), and is read on its own, never glued to it.
        """
        assert self._pending is not None
        if (
            reply_flow.request_in(text) is not None
        ):  # 「ちょっと待って」: answered; the pending reply stays
            return False
        if not text.strip():
            if self.bar.status is None:
                self.notify("状態を 1〜6 で選んでください", severity="warning")
            else:
                self._settle_pending(self.bar.status)
            return True
        earlier = self._pending.text
        self._end_pending()
        if earlier:
            self.chat.say(
                f"（先ほどの回答「{printable(earlier)}」は保存せず、新しい回答を読み取ります）",
                "system",
            )
        return False

    # --- a group screen: one reply for the 手法例 of one <heading> --------------------------

    def _submit_group(self, step: Step, event: AnswerBar.Submitted) -> None:
        """The same rules as one question (``reply_flow.decide_group``), for the group."""
        n = len(step.questions)
        bar = self.bar
        if self._pending is not None:
            if self._pending_enter(event.text):
                return
            outcome = reply_flow.decide_group(event.text, None, None, (), n)
        else:
            outcome = reply_flow.decide_group(
                event.text, bar.status, bar.picked_by, event.sequence, n, event.prefilled
            )
        match outcome:
            case reply_flow.GroupSave(statuses, detail, read):
                self._save_group(step, statuses, detail, event.group_checks, read)
            case reply_flow.Pending():
                keys = event.sequence if len(event.sequence) > 1 else ()
                self._start_pending(outcome, group=step, keys=keys)
            case reply_flow.AskedBack(text):
                self._asked_back(step.questions[0], text)
            case reply_flow.Requested(text, name):
                self._requested(step.questions[0], text, name)

    def _save_group(
        self,
        step: Step,
        statuses: Status | tuple[Status, ...],
        detail: str,
        checks: dict[str, tuple[str, ...]] | None,
        read: Status | None = None,
    ) -> None:
        """Answer the group (after the secret check), then say what was recorded."""

        def apply(texts: dict[str, str]) -> None:
            said = texts["detail"]
            point = self.live.step_point()
            try:
                result = self.live.answer_group(statuses, said, checks)
            except (AnswerError, GroupAnswerError) as exc:
                message = core_message(exc) if isinstance(exc, AnswerError) else str(exc)
                self.notify(message, severity="warning", markup=False)
                return
            except UserError as exc:  # not saved: the reply stays, retry offered
                self._step_save_failed(str(exc), lambda: apply(texts), lambda: self._refill(said))
                return
            bubble = self.chat.say(steps.group_answer_text(statuses, said), "user")
            if result.drill and isinstance(statuses, Status):
                self._carry = said  # kept in the first example's reply field
            settled = isinstance(statuses, Status) and not result.drill
            note = None
            if read is not None and isinstance(statuses, Status):
                if settled:
                    note = self.chat.say(_group_read_note(read), "system read")
                else:
                    self.chat.say(
                        f"「{read.label}」と読み取りました。手法例を1件ずつ伺います。",
                        "system read",
                    )
            recorded = f"すべて{read.label}として記録しました。" if read is not None else ""
            if self._review_or_continue(step.item, note, recorded):
                return
            if note is None or read is None:
                return
            if self.bar.picked_by is None:
                self._set_correction(
                    _GroupCorrection(step, point, read, said, checks, bubble, note)
                )
            else:  # the next answer is prefilled: the status keys stay its own
                note.update(f"すべて{read.label}として記録しました。")

        self._guarded({"detail": detail}, apply, lambda: self._refill(detail))

    def _refill(self, text: str) -> None:
        """A reply not saved (secret warning closed, save failed): back in the empty field."""
        if not self.bar.reply_text.strip() and text:
            self.bar.put_back(text)

    # --- a reply whose status could not be read ---------------------------------------------

    def _start_pending(
        self,
        pending: reply_flow.Pending,
        group: Step | None = None,
        keys: tuple[Status, ...] = (),
    ) -> None:
        """Keep the reply as the pending detail and ask for its status, once."""
        self._pending = pending
        if pending.text:
            self.chat.say(printable(pending.text), "user pending")
            step = self.live.interview.current_step()
            if step is not None:  # sent words: saved until a status records them
                self.live.keep_typed(step.id, pending.text)
        guess = f"Enter で「{pending.guess.label}」。" if pending.guess else ""
        if group is None:
            choices = "／".join(f"{s.key} {s.label}" for s in Status)
            self.chat.say(
                f"状態を教えてください：{choices}\n"
                f"数字キー1つで、この回答に状態を付けて記録します。{guess}"
                "書き直すときは esc で入力欄に戻せます。",
                "assistant followup",
            )
        else:
            n = len(group.questions)
            short = ""
            if keys:
                pressed = "".join(s.key for s in keys)
                short = f"数字キーは{len(keys)}回（{pressed}）でした。手法例は{n}件です。\n"
            if isinstance(pending, reply_flow.GroupPending) and pending.reason:
                short += pending.reason + "\n"
            ask = (
                "ほかの手法例の状態を教えてください：1 実施済み／4 該当なし"
                "（2・3・5・6 はあとで1件ずつ確認）"
                if isinstance(pending, reply_flow.GroupPending) and pending.named
                else "まとめての状態を教えてください："
                "1 すべて実施済み／4 すべて該当なし／2・3・5・6 は1件ずつ確認"
            )
            self.chat.say(
                f"{short}{ask}\n"
                f"数字キー1つで、この回答に状態を付けます。{guess}"
                "書き直すときは esc で入力欄に戻せます。",
                "assistant followup",
            )
        self.bar.clear_reply()
        self.bar.clear_sequence()
        self.bar.pick(pending.guess, PickedBy.PREFILL)
        shown = printable(pending.text) if pending.text else "（記入なし）"
        self.bar.set_note(f"［1〜6 で状態を付けて記録・esc で書き直し］保留中の回答：{shown}")
        self._hold_keys()
        self.bar.focus_reply()

    def _settle_pending(self, status: Status) -> None:
        pending = self._pending
        step = self.live.interview.current_step()
        if pending is None or step is None:
            return
        if step.kind is StepKind.GROUP:
            checks = self.bar.group_checks()
            self._end_pending()
            statuses = (
                pending.statuses(status) if isinstance(pending, reply_flow.GroupPending) else status
            )
            self._save_group(step, statuses, pending.text, checks)
            return
        question = step.question
        answer = reply_flow.with_status(pending, status, self.bar.current_answer(""))
        self._end_pending()
        self._record(question, answer)

    def _end_pending(self) -> None:
        self._pending = None
        self.bar.set_note("")
        self._hold_keys()

    def _hold_keys(self) -> None:
        """The screen takes the status keys while a reply is pending or a correction open."""
        pending = self._pending is not None
        self.bar.set_hold_keys(pending or self._correction is not None, clicks=pending)

    def _set_correction(self, correction: _Correction | _GroupCorrection) -> None:
        self._correction = correction
        self.bar.set_status_keys(True)
        self._hold_keys()
        self._correction_note()

    def _correction_note(self) -> None:
        """Also above the status choices: at 80×24 the chat's note may scroll away."""
        correction = self._correction
        if correction is None:
            return
        said = correction.recorded().removesuffix("として記録しました。")
        self.bar.set_note(f"［違っていれば 1〜6 のキー1つで訂正］直前の回答：{said}")

    def action_cancel_pending(self) -> None:
        """esc: put the pending reply back into the field to rewrite it."""
        pending = self._pending
        if pending is None:
            return
        self._end_pending()
        self.bar.pick(None)
        self.bar.put_back(pending.text)
        self.chat.say("（回答を入力欄に戻しました。書き直して Enter で送信してください）", "system")

    def _asked_back(self, question: Question, text: str) -> None:
        """The reply is a question: answer with the hint and the glossary, save nothing."""
        self.chat.say(printable(text), "user")
        self.bar.clear_reply()
        self.chat.say(
            render.asked_back(question, self.live.catalog, self._to), "assistant followup"
        )
        self.bar.focus_reply()

    def _requested(self, question: Question, text: str, name: str) -> None:
        """The reply asks the chat to do something: say which key does it, save nothing."""
        self.chat.say(printable(text), "user")
        self.bar.clear_reply()
        self.chat.say(
            render.requested(name, question, self.live.catalog, self._to), "assistant followup"
        )
        self.bar.focus_reply()

    # --- status keys: pick, settle a pending reply, or correct the status just read --------

    @on(ReplyArea.StatusKey)
    def _status_key(self, event: ReplyArea.StatusKey) -> None:
        event.stop()
        self._choose_status(event.status, by_key=True)

    @on(AnswerBar.StatusChosen)
    def _status_clicked(self, event: AnswerBar.StatusChosen) -> None:
        event.stop()
        self._choose_status(event.status, by_key=False)

    @on(ReplyArea.StatusKeyUndone)
    def _status_key_undone(self, event: ReplyArea.StatusKeyUndone) -> None:
        event.stop()
        if self.bar.undo_sequence_key():  # a group step
            return
        undo, self._undo_status_key = self._undo_status_key, None
        if undo is not None:
            undo()

    @on(ReplyArea.Changed, "#reply")
    def _reply_changed(self, event: ReplyArea.Changed) -> None:
        if self._correction is not None and event.text_area.text.strip():
            self._close_correction()  # typing starts the next reply

    def _choose_status(self, status: Status, by_key: bool) -> None:
        self._undo_status_key = None
        if by_key and self.bar.reply_text.strip() and (self._pending or self._correction):
            return  # typed on at once (「2026年…」): the digit began the next reply
        if self._pending is not None:
            self._settle_pending(status)
            return
        if self._correction is not None and by_key:
            before = self._correction.status
            self._correct(status)
            self._undo_status_key = lambda: self._correct(before)
            return
        question = self.live.interview.current()
        if question is None or not question.has_status:
            return
        step = self.live.interview.current_step()
        if step is not None and step.kind is not StepKind.EXAMPLE:
            return  # a group or yearly step takes its keys in the answer bar
        bar = self.bar
        before_pick = (bar.status, bar.picked_by)
        bar.pick(status)
        self._undo_status_key = lambda: bar.pick(*before_pick)

    def _close_correction(self) -> None:
        if self._correction is None:
            return
        self._correction.note.update(self._correction.recorded(), layout=True)
        self._correction = None
        if self._pending is None:
            self.bar.set_note("")
        self._hold_keys()
        step = self.live.interview.current_step()
        if step is not None and step.kind in (StepKind.GROUP, StepKind.CONFIRM_ITEM):
            self.bar.set_status_keys(True)
            return
        current = self.live.interview.current()
        self.bar.set_status_keys(current is not None and current.has_status)

    def _correct(self, status: Status) -> None:
        """One key after sending: the status read from the last reply was wrong."""
        correction = self._correction
        if correction is None:
            return
        if isinstance(correction, _GroupCorrection):
            self._correct_group(correction, status)
            return
        question = correction.question
        answer = self.live.restate(question.id, status)
        if answer is None:
            return
        correction.status = status
        correction.bubble.update(printable(render.answer_text(question, answer)))
        correction.note.update(_read_note(status, corrected=True))
        self._correction_note()
        self._saved()
        self._refresh_side(question.item)

    def _correct_group(self, correction: _GroupCorrection, status: Status) -> None:
        """Answer the group again with *status*: the same detail for all, or one by one."""
        if status is correction.status:
            return
        try:
            result = self.live.reanswer_group(
                correction.point, status, correction.detail, correction.checks
            )
        except (AnswerError, GroupAnswerError) as exc:
            message = core_message(exc) if isinstance(exc, AnswerError) else str(exc)
            self.notify(message, severity="warning", markup=False)
            return
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        correction.status = status
        text = steps.group_answer_text(status, correction.detail)
        correction.bubble.update(text)
        self._refresh_side(correction.step.item)
        if result.drill:  # a gap: its examples are asked one by one, the reply kept
            correction.note.update(f"{status.label}に訂正しました。手法例を1件ずつ伺います。")
            self._correction = None
            self._hold_keys()
            self._carry = correction.detail
            self._show_current(touched=correction.step.item)
            return
        correction.note.update(_group_read_note(status, corrected=True))
        self._correction_note()
        self._saved()

    def _submit_step(self, step: Step, event: AnswerBar.Submitted) -> None:
        if step.kind is StepKind.CONFIRM_ITEM:
            reply = reply_flow.confirm_item_reply(event.text, self.bar.status)
            if reply.changed:
                self.live.interview.review_item(step.item)
                if reply.carry:  # what was typed is kept, for the first question
                    self.chat.say(printable(reply.carry), "user")
                    self._carry = reply.carry
                self.chat.say("（変わった点があるので、一問ずつ確認します）", "user")
                self._show_current()
                return
            with self.app.batch_update():
                try:
                    self.live.confirm_item()
                except UserError as exc:
                    self._step_save_failed(str(exc), lambda: self._submit_step(step, event))
                    return
                source = self.live.session.suggestion_source
                head = "前回" if not source or source.startswith("前回") else "流用元"
                self.chat.say(f"【{head}どおり】この項目は{head}の回答のままにします", "user")
                self._after_step(step)
            return
        due = self.bar.query_one("#plan-due", Input).value.strip()
        owner = self.bar.query_one("#plan-owner", Input).value.strip()

        def apply_closing(texts: dict[str, str]) -> None:
            answers = steps.closing_answers(
                step, texts["reply"], texts["extra"], texts["due"], texts["owner"]
            )
            try:
                self.live.answer_step(answers)
            except AnswerError as exc:
                self.notify(core_message(exc), severity="warning", markup=False)
                return
            except UserError as exc:  # not saved: the reply stays, retry offered
                self._step_save_failed(str(exc), lambda: apply_closing(texts))
                return
            self.chat.say(steps.closing_answer_text(step, answers), "user")
            self._after_step(step)

        self._guarded(
            {"reply": event.text, "extra": event.extra, "due": due, "owner": owner}, apply_closing
        )

    def _after_step(self, step: Step) -> None:
        # The header's progress is counted once per answer: here before the review, or
        # by _show_current (counting the path is the costly part of a step).
        nxt = self.live.interview.current()
        leaving_item = nxt is None or nxt.item != step.item
        if leaving_item and self.live.interview.item_complete(step.item):
            self._saved()
            self._open_review(step.item, then_continue=True)
            return
        self._show_current(touched=step.item)

    def _guarded(
        self,
        texts: dict[str, str],
        then: Callable[[dict[str, str]], None],
        back: Callable[[], None] | None = None,
    ) -> None:
        """Warn about secrets in *texts* before *then* saves them (masked if chosen);
        *back* puts what was typed back when the respondent goes back to edit it."""
        findings = secret_findings_in(texts.values())
        if not findings:
            with self.app.batch_update():
                then(texts)
            return
        from interview.tui.screens.secret_warning import MASK, SecretWarningScreen

        def decided(choice: str | None) -> None:
            if choice == MASK:
                then({k: mask_text(v) for k, v in texts.items()})
            elif choice == "keep":
                then(texts)
            else:
                if back is not None:
                    back()
                self.bar.focus_reply()

        self.app.push_screen(SecretWarningScreen(findings), decided)

    def action_change_example(self) -> None:
        """Go back into a group answered as a whole, to change one example."""
        from interview.tui.screens.change_example import ChangeExampleScreen

        current = self.live.interview.current()
        item_no = current.item if current is not None else self._last_item
        choices = steps.change_choices(self.live.interview, self.live.catalog, item_no)
        if not choices:
            self.notify("まとめて回答した手法例のグループはまだありません")
            return

        def chosen(example_id: str | None) -> None:
            if example_id is None:
                self.bar.focus_reply()
                return
            self.live.change_example(example_id)
            self.chat.say("（まとめて回答したグループの手法例を個別に変更します）", "system")
            self._show_current()

        self.app.push_screen(ChangeExampleScreen(choices), chosen)

    def _record(self, question: Question, answer: Answer, read: Status | None = None) -> None:
        """Save *answer*, asking first when it holds what looks like a secret."""
        findings = secret_findings(answer)
        if not findings:
            self._save_answer(question, answer, read)
            return
        from interview.tui.screens.secret_warning import MASK, SecretWarningScreen

        def decided(choice: str | None) -> None:
            if choice == MASK:
                self._save_answer(question, masked(answer), read)
            elif choice == "keep":
                self._save_answer(question, answer, read)
            else:
                self.bar.put_back(answer.detail)  # back: the reply is in the field again
                self.bar.focus_reply()

        self.app.push_screen(SecretWarningScreen(findings), decided)

    def _save_answer(self, question: Question, answer: Answer, read: Status | None = None) -> None:
        with self.app.batch_update():  # one repaint for the answer and the next question
            self._record_and_advance(question, answer, read)

    def _record_and_advance(
        self, question: Question, answer: Answer, read: Status | None = None
    ) -> None:
        try:
            self.live.answer(answer, question.id)
        except AnswerError as exc:
            self.notify(core_message(exc), severity="warning", markup=False)
            return
        except UserError as exc:  # not saved: the reply stays in the field, retry offered
            self._save_failed(question, answer, str(exc))
            return
        saved = self.live.session.answers[question.id]
        bubble = self.chat.say(render.answer_text(question, saved), "user")
        if self.live.stale_fields(question.item):
            from interview.compile.readiness import STALE_MARK

            self.chat.say(
                f"通番{question.item}：{STALE_MARK}（確定済みの文章と回答が食い違っています。F9 で確認してください）",
                "system",
            )
        note = self.chat.say(_read_note(read), "system read") if read is not None else None
        recorded = f"{read.label}として記録しました。" if read is not None else ""
        if self._review_or_continue(question.item, note, recorded):
            return
        if note is None or read is None:
            return
        if self.bar.picked_by is None:
            self._set_correction(_Correction(question, read, bubble, note))
        else:  # the next answer is prefilled: the status keys stay its own
            note.update(f"{read.label}として記録しました。")

    def unsent_input(self) -> str | None:
        """What would be lost on quitting now (ctrl+q asks first), or None."""
        if self._pending is not None:
            return f"状態を待っている回答「{printable(self._pending.text)}」"
        bar = self.bar
        if bar.unsent():
            text = bar.unsent_text()
            if text:
                more = "…" if len(text) > 40 else ""
                return f"入力欄の「{printable(text[:40])}{more}」"
            return "チェックリストや計画欄の選択・入力"
        return None

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """The command palette (ctrl+p), in the order of issue 12: the app's own, in Japanese."""
        return [
            ("用語", "用語集を引く（F4）", self.action_glossary),
            ("検索", "確認項目を検索（F5）", self.action_search),
            ("移動", "通番を指定して移動（「移動 23」とも入力できます）", self._ask_jump),
            ("戻る", "前の質問へ（F7）", self.action_back),
            ("後回し", "この質問を後回しにする（F8）", self.action_skip),
            ("確認", "この項目の文案を確認（F9）", self.action_review),
            ("出力", "Excel ブックに出力（F10）", self.action_export),
            ("比較", "前回のセッションとの変更点（F11）", self.action_compare),
            ("フォロー", "この質問にフォローの印を付ける・外す（F6）", self.action_follow_up),
            ("ヘルプ", "キーとコマンドの一覧（F1）", self.action_help),
            ("進捗", "区分ごとの進み具合を表示・非表示（F2）", self.action_toggle_panel),
            ("原文", "手法例と注記の原文（F3）", self.action_original),
            ("終了", "アプリを終了（ctrl+q）", self.app.action_quit),
        ]

    def _ask_jump(self) -> None:
        self.bar.put_back("/移動 ")
        self.bar.focus_reply()
        self.notify("移動先の通番を入力して Enter を押してください（例: /移動 23）")

    def _save_failed(self, question: Question, answer: Answer, message: str) -> None:
        from interview.tui.save_guard import RETRY, SAVE_FAILED_TITLE, save_failed_text
        from interview.tui.screens.notice import NoticeScreen

        def chosen(choice: str | None) -> None:
            if choice == RETRY:
                self._save_answer(question, answer)
            else:
                if not self.bar.reply_text.strip():  # a settled pending reply: back in the field
                    self.bar.put_back(answer.detail)
                self.bar.focus_reply()

        self.app.push_screen(
            NoticeScreen(
                SAVE_FAILED_TITLE,
                save_failed_text(message, answer_kept=True),
                [("retry", "再試行", "r"), ("close", "閉じる", "escape")],
                error=True,
            ),
            chosen,
        )

    def _step_save_failed(
        self,
        message: str,
        retry: Callable[[], None],
        closed: Callable[[], None] | None = None,
    ) -> None:
        from interview.tui.save_guard import RETRY, SAVE_FAILED_TITLE, save_failed_text
        from interview.tui.screens.notice import NoticeScreen

        def chosen(choice: str | None) -> None:
            if choice == RETRY:
                retry()
            else:
                if closed is not None:
                    closed()  # what was typed is back in the field
                self.bar.focus_reply()

        self.app.push_screen(
            NoticeScreen(
                SAVE_FAILED_TITLE,
                save_failed_text(message, answer_kept=True),
                [("retry", "再試行", "r"), ("close", "閉じる", "escape")],
                error=True,
            ),
            chosen,
        )

    # --- actions --------------------------------------------------------------------------

    def run_command(self, command: Command) -> None:
        match command.name:
            case "glossary":
                self.action_glossary(command.argument)
            case "back":
                self.action_back()
            case "skip":
                self.action_skip()
            case "jump":
                self._jump_text(command.argument)
            case "follow":
                self.action_follow_up()
            case "search":
                self.action_search(command.argument)
            case "review":
                self.action_review()
            case "export":
                self.action_export()
            case "compare":
                self.action_compare()
            case "help":
                self.action_help()
            case "change":
                self.action_change_example()
            case "issues":
                self._want_issues()
            case "quit":
                self.app.call_later(self.app.action_quit)
            case _:
                self.notify(
                    f"不明なコマンドです: /{command.argument}（F1 でヘルプ）", severity="warning"
                )

    def _want_issues(self) -> None:
        """「/課題」: this item's 課題認識・対応計画 are asked though nothing is missing."""
        current = self.live.interview.current()
        item_no = current.item if current is not None else self._last_item
        if item_no is None or self.live.want_issues(item_no) is None:
            self.notify("この項目には課題認識の質問がありません", severity="warning")
            return
        self.chat.say(f"（通番{item_no}の最後に、課題認識・対応計画も伺います）", "system")
        self._saved()  # the header counts the added question
        if current is None or current.item != item_no:
            self.live.interview.goto(f"{item_no}.issues")
            self._show_current()

    def _jump_text(self, argument: str) -> None:
        digits = argument.strip().lstrip("#通番")
        if not digits.isdigit():
            self.notify("移動先の通番を数字で指定してください（例: /移動 23）", severity="warning")
            return
        self.jump(int(digits))

    def jump(self, item_no: int) -> None:
        try:
            self.live.jump(item_no)
        except NotInInterviewError as exc:
            self.notify(core_message(exc), severity="warning", markup=False)
            return
        self._saved()
        self._show_current(introduce=True)

    @on(Bubble.GlossaryRequested)
    def _bubble_glossary(self, event: Bubble.GlossaryRequested) -> None:
        event.stop()
        self.action_glossary(event.term)

    @on(SidePanel.JumpRequested)
    def _side_jump(self, event: SidePanel.JumpRequested) -> None:
        event.stop()
        self.jump(event.item)

    def action_back(self) -> None:
        if self.live.back() is None:
            self.notify("これより前の質問はありません")
            return
        self.chat.say("（前の質問に戻ります）", "system")
        self._show_current()

    def action_skip(self) -> None:
        question = self.live.interview.current()
        if question is None:
            return
        self.live.skip()
        self._saved()
        self.chat.say("（この質問は後回しにします）", "system")
        self._show_current(touched=question.item)

    def action_follow_up(self) -> None:
        question = self.live.interview.current()
        if question is None:
            return
        marked = self.live.toggle_follow_up()
        self._saved()
        self.notify(
            f"質問 {render.question_label(question)} にフォローの印を{'付けました' if marked else '外しました'}"
        )
        self._refresh_side(question.item)

    def action_toggle_panel(self) -> None:
        side = self._side
        side.display = not side.display
        if side.display:
            self._refresh_side()

    def action_original(self) -> None:
        question = self.live.interview.current()
        if question is None:
            return
        self.chat.say(render.original(question, self.live.catalog), "assistant original")

    def action_help(self) -> None:
        from interview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_glossary(self, query: str = "") -> None:
        from interview.tui.screens.glossary import GlossaryScreen

        question = self.live.interview.current()
        if not query and question is not None:
            terms = render.glossary_terms(question, self.live.catalog)
            query = terms[0] if terms else ""
        self.app.push_screen(GlossaryScreen(query, self.live.checklist))

    def action_search(self, query: str = "") -> None:
        from interview.tui.screens.search import ItemSearchScreen

        def done(item_no: int | None) -> None:
            if item_no is not None:
                self.jump(item_no)

        checklist = self.live.checklist  # the session's own: tailored items, built once
        screen = ItemSearchScreen(
            query,
            self.live.session.respondent.party,
            catalog=checklist.catalog,
            questions=checklist.questions,
            index=checklist.item_index,
        )
        self.app.push_screen(screen, done)

    def action_review(self) -> None:
        question = self.live.interview.current()
        position = self.live.session.position
        item_no = question.item if question is not None else self._last_item
        if item_no is None and position is not None:
            item_no = position.item
        if item_no is None:
            return
        self._open_review(item_no, then_continue=False)

    def _open_review(self, item_no: int, then_continue: bool) -> None:
        from interview.tui.screens.review import ReviewResult, ReviewScreen

        texts, drafts = self.live.item_texts(item_no)
        item = self.live.catalog.item(item_no)
        title, stale = f"通番{item_no} {item.goal}", self.live.stale_fields(item_no)

        # Composed once (it holds five text areas) and kept installed: the next item's
        # review only refills it.
        review = self._review
        if review is None:
            review = self._review = ReviewScreen(title, texts, drafts, stale)
            self.app.install_screen(review, f"interview-review-{id(self)}")
        else:
            review.refill(title, texts, drafts, stale)

        def done(result: ReviewResult | None) -> None:
            if result is not None:
                self.live.confirm_texts(item_no, result.texts, result.edited)
                self.chat.say(f"通番{item_no}の文案を確定しました。", "system")
            if then_continue:
                self._show_current()  # counts the progress too
            elif result is not None:
                self._saved()
            if review.typed:  # typed while the review was up: it was meant as a reply
                self.bar.put_back(self.bar.reply_text + review.typed)
                self.bar.focus_reply()

        self.app.push_screen(review, done)

    def action_compare(self) -> None:
        """What changed since the session this one was started from (yearly check)."""
        from interview.diff_text import report_text
        from interview.services.diffs import diff
        from interview.tui.screens.text_view import TextScreen

        previous_id = self.live.session.derived_from
        if not previous_id:
            self.notify(
                "前回のセッションから始めた年次確認ではないため、比較できません。",
                severity="warning",
            )
            return
        try:
            previous = interview_app(self).store.load(previous_id)
            changes = diff(previous, self.live.session)
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.app.push_screen(TextScreen(f"前回（{previous_id}）からの変更点", report_text(changes)))

    def action_export(self) -> None:
        if self.app.is_web:  # served to a browser: a download, never a server path
            from interview.tui.screens.download import DownloadScreen

            self.app.push_screen(DownloadScreen(self.live))
            return
        from interview.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.live))
