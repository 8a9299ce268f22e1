"""The answer bar: status choices (1–5), a check-list, plan fields and a reply field."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, SelectionList, TextArea

from interview.engine.answers import Answer, Status
from interview.questions.bank import Question
from interview.questions.models import QuestionKind
from interview.textsafety import printable, safe_text
from interview.tui.reply_flow import PickedBy, continues_number
from interview.tui.widgets.jtext import JapaneseStatic
from interview.tui.widgets.marks import MarkedSelectionList

STATUS_DIGITS = tuple(s.key for s in Status)


class ReplyArea(TextArea):
    """A multi-line reply field: Enter sends, ctrl+j (or shift+enter) breaks the line.

    While it is empty (or still holds the prefilled earlier answer) and ``status_keys``
    is on, a digit 1–5 is a status key. If the very next key continues a number
    (「2026年」, 「1年ごと」, 「3社」), the digit was text after all: the status key is
    taken back (``StatusKeyUndone``) and the digit is typed in front of that key.
    ctrl+u clears the whole field.
    """

    BINDINGS = [Binding("ctrl+u", "clear_reply", "入力欄を空にする", show=False)]

    prefilled = ""
    status_keys = False

    @dataclass
    class Send(Message):
        text: str

    @dataclass
    class StatusKey(Message):
        status: Status

    class StatusKeyUndone(Message):
        """The last status key was the first digit of a number typed as text."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._held_digit: str | None = None

    @property
    def untouched(self) -> bool:
        return not self.text or self.text == self.prefilled

    def set_prefill(self, text: str) -> None:
        """Show an earlier answer: cursor at the end, all selected so typing replaces it."""
        self._held_digit = None
        self.prefilled = text
        self.text = text
        if text:
            self.select_all()

    def action_clear_reply(self) -> None:
        self._held_digit = None
        self.clear()

    async def _on_key(self, event: events.Key) -> None:
        held, self._held_digit = self._held_digit, None
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Send(self.text))
            return
        if event.key in ("ctrl+j", "shift+enter"):
            event.stop()
            event.prevent_default()
            start, end = self.selection
            self._replace_via_keyboard("\n", start, end)
            return
        character = event.character if event.is_printable else None
        if held is not None and character and self.untouched and continues_number(character):
            event.stop()
            event.prevent_default()
            self.post_message(self.StatusKeyUndone())
            start, end = self.selection
            self._replace_via_keyboard(held + character, start, end)
            return
        if self.status_keys and self.untouched and character in STATUS_DIGITS:
            event.stop()
            event.prevent_default()
            self._held_digit = character
            self.post_message(self.StatusKey(Status.from_label(character or "")))
            return
        await super()._on_key(event)


class AnswerBar(Vertical):
    """Collects one answer for the current question.

    The status keys and clicks are passed up (``StatusChosen``): the screen decides
    whether they pick this question's status, settle a pending reply, or correct the
    status read from the previous reply.
    """

    @dataclass
    class Submitted(Message):
        answer: Answer
        text: str  # the raw reply, for the chat bubble and typed-reply parsing
        picked_by: PickedBy | None
        prefilled: str

    @dataclass
    class StatusChosen(Message):
        status: Status

    status: Status | None = None
    picked_by: PickedBy | None = None

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.question: Question | None = None
        self._prefilled_checks: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield JapaneseStatic("", id="bar-note")
        with Horizontal(id="status-choices"):
            for status in Status:
                yield Button(
                    f"{status.key} {status.label}",
                    id=f"status-{status.value}",
                    classes="status",
                    compact=True,
                )
        yield Label("", id="checklist-prompt")
        yield MarkedSelectionList(id="checklist")
        with Horizontal(id="plan-fields"):
            yield Input(placeholder="期限（例: 2027年3月末）", id="plan-due")
            yield Input(placeholder="担当（部署・役職）", id="plan-owner")
        yield Label("", id="detail-prompt")
        yield ReplyArea(
            id="reply",
            soft_wrap=True,
            compact=True,
            placeholder="ここに入力して Enter で送信（改行は ctrl+j、全消去は ctrl+u）",
        )

    # --- configuring for a question -----------------------------------------------------

    def on_mount(self) -> None:
        self._reply = self.query_one(ReplyArea)
        self._checklist = self.query_one("#checklist", SelectionList)
        self._note = self.query_one("#bar-note", JapaneseStatic)
        self._note.display = False
        self._buttons = {s: self.query_one(f"#status-{s.value}", Button) for s in Status}

    def set_question(
        self,
        question: Question | None,
        previous: Answer | None = None,
        to: str = "貴社",
        prompt: str | None = None,
    ) -> None:
        """Show *question* (*previous*: an earlier answer to confirm; *to*: 貴社 or 貴行)."""
        self.question = question
        self.status = None
        self.picked_by = None
        self.set_note("")
        reply = self._reply
        reply.text = ""
        checklist = self._checklist
        if checklist.option_count:
            checklist.clear_options()
        has_status = question is not None and question.kind is QuestionKind.EXAMPLE
        self.query_one("#status-choices").display = has_status
        reply.status_keys = has_status
        options = question.options if question is not None else ()
        checklist.display = bool(options)
        self.query_one("#checklist-prompt").display = bool(options)
        picked: set[str] = set(previous.checks) if previous and options else set()
        self._prefilled_checks = tuple(o.label for o in options if o.label in picked)
        if question is not None and options:
            checklist.add_options(
                [(safe_text(f"{o.label} {o.text}"), o.label, o.label in picked) for o in options]
            )
            checklist.highlighted = 0
            prompt = f"［shift+tab で選択欄へ・スペースで選択］{question.checklist_prompt}"
            prompt = prompt.replace("貴社", to)
            self.query_one("#checklist-prompt", Label).update(safe_text(prompt))
        is_plan = question is not None and question.kind is QuestionKind.PLAN
        self.query_one("#plan-fields").display = is_plan
        self.query_one("#plan-due", Input).value = previous.due if previous and is_plan else ""
        self.query_one("#plan-owner", Input).value = previous.owner if previous and is_plan else ""
        self._plan_prefill = (
            self.query_one("#plan-due", Input).value,
            self.query_one("#plan-owner", Input).value,
        )
        if prompt is None:
            prompt = question.detail_prompt if question is not None else ""
        self.query_one("#detail-prompt", Label).update(safe_text(prompt.replace("貴社", to)))
        reply.set_prefill("")
        if previous is not None and not previous.skipped:
            reply.set_prefill(printable(previous.detail))
            if previous.status is not None:
                self.pick(previous.status, PickedBy.PREFILL)
        self._refresh_buttons()
        reply.disabled = question is None
        self.fit(self.app.size.height)

    # --- fitting the screen ------------------------------------------------------------------

    CHAT_MIN_ROWS = 7  # the chat keeps room for the question itself
    COMPACT_BELOW = 32  # screen rows under which prompts take one line each

    def fit(self, screen_rows: int) -> None:
        """Keep the reply field and the status choices on screen at any size (80×24 too).

        Prompts take one line each on small screens, and the check-list gets the rows
        left over (it scrolls; the highlighted option follows the cursor).
        """
        compact = screen_rows < self.COMPACT_BELOW
        self.set_class(compact, "compact")
        budget = screen_rows - 2 - self.CHAT_MIN_ROWS  # header and footer
        fixed = 1 + 3  # border line, reply field
        fixed += 1 if self._note.display else 0
        fixed += 1 if self.query_one("#status-choices").display else 0
        fixed += 1 if self.query_one("#plan-fields").display else 0
        if self._checklist.display:
            fixed += 1 if compact else 3  # its prompt
        fixed += 1 if compact else 2  # the detail prompt
        self._checklist.styles.max_height = max(3, min(12, budget - fixed))

    def set_status_keys(self, on: bool) -> None:
        """Whether a digit typed into the empty reply field is a status key."""
        self._reply.status_keys = on

    def focus_reply(self) -> None:
        self._reply.focus()

    def set_note(self, text: str) -> None:
        """A line above the status choices (a pending reply, a status read): literal text."""
        self._note.update(text)
        self._note.display = bool(text)
        if self.is_mounted:
            self.fit(self.app.size.height)

    # --- status ----------------------------------------------------------------------------

    def pick(self, status: Status | None, by: PickedBy | None = PickedBy.RESPONDENT) -> None:
        self.status = status
        self.picked_by = by if status is not None else None
        self._refresh_buttons()

    def show_status_choices(self, shown: bool) -> None:
        self.query_one("#status-choices").display = shown

    def _refresh_buttons(self) -> None:
        for status, button in self._buttons.items():
            button.set_class(status is self.status, "picked")

    @on(Button.Pressed, ".status")
    def _clicked(self, event: Button.Pressed) -> None:
        event.stop()
        value = (event.button.id or "").removeprefix("status-")
        self.post_message(self.StatusChosen(Status(value)))
        self.focus_reply()

    # --- what is on the bar ----------------------------------------------------------------

    @property
    def reply_text(self) -> str:
        return self._reply.text

    def checks(self) -> tuple[str, ...]:
        checklist = self._checklist
        if not checklist.display:
            return ()
        picked = set(checklist.selected)
        question = self.question
        order = [o.label for o in question.options] if question else []
        return tuple(label for label in order if label in picked)

    def plan_fields(self) -> tuple[str, str]:
        return (
            self.query_one("#plan-due", Input).value.strip(),
            self.query_one("#plan-owner", Input).value.strip(),
        )

    def current_answer(self, text: str | None = None) -> Answer:
        due, owner = self.plan_fields()
        return Answer(
            status=self.status,
            detail=(self._reply.text if text is None else text).strip(),
            checks=self.checks(),
            due=due,
            owner=owner,
        )

    def unsent_text(self) -> str:
        """The reply typed and not sent ('' when empty or still the prefilled answer)."""
        reply = self._reply
        return reply.text.strip() if reply.text != reply.prefilled else ""

    def unsent(self) -> bool:
        """True when the bar holds something typed or ticked that was not sent."""
        if self.question is None:
            return False
        if self.unsent_text():
            return True
        if self.checks() != self._prefilled_checks:
            return True
        due = self.query_one("#plan-due", Input).value
        owner = self.query_one("#plan-owner", Input).value
        return (due, owner) != self._plan_prefill and bool(due.strip() or owner.strip())

    # --- sending ---------------------------------------------------------------------------

    @on(ReplyArea.Send)
    def _send(self, event: ReplyArea.Send) -> None:
        event.stop()
        if self.question is None:
            return
        prefilled = self._reply.prefilled
        self.post_message(
            self.Submitted(self.current_answer(event.text), event.text, self.picked_by, prefilled)
        )

    @on(Input.Submitted, "#plan-due, #plan-owner")
    def _plan_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self._reply.post_message(ReplyArea.Send(self._reply.text))

    def clear_reply(self) -> None:
        self._reply.set_prefill("")

    def put_back(self, text: str) -> None:
        """Put a reply back into the field to edit it (cursor at its end)."""
        reply = self._reply
        reply.prefilled = ""
        reply.text = text
        reply.move_cursor(reply.document.end)
