"""The answer bar: status choices (1–6), a check-list, plan fields and a reply field."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, SelectionList, TextArea

from interview.engine.answers import Answer, Status
from interview.engine.groups import circled
from interview.engine.path import Step, StepKind
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
    is on, a digit 1–6 is a status key. If the very next key continues a number
    (「2026年」, 「1年ごと」, 「3社」), the digit was text after all: the status key is
    taken back (``StatusKeyUndone``) and the digit is typed in front of that key. On a
    group screen, where digits in a row give each example its status, the whole run is
    taken back (「12月に改訂」: both 1 and 2 were text). ctrl+u clears the whole field.
    """

    BINDINGS = [Binding("ctrl+u", "clear_reply", "入力欄を空にする", show=False)]

    prefilled = ""
    status_keys = False
    digit_sequence = False  # a group step: digits in a row give each example its status

    @dataclass
    class Send(Message):
        text: str

    @dataclass
    class StatusKey(Message):
        status: Status
        run: int = 1  # its place in a run of status keys typed in a row (1: the first)

    @dataclass
    class StatusKeyUndone(Message):
        """The last *count* status keys were the first digits of a number typed as text."""

        count: int = 1

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._held = ""  # the digits just taken as status keys, in a row
        self._sent: str | None = None  # the text of the last Enter, until the field is reset

    def typed_after_send(self) -> str:
        """What was typed after the last Enter, before the screen took the reply away.

        A fast typist starts the next reply while the last one is being saved; those keys
        land after the sent text. They belong to the next reply and must not be lost.
        """
        sent, text = self._sent, self.text
        if sent is None or not text.startswith(sent):
            return ""
        return text[len(sent) :]

    @property
    def untouched(self) -> bool:
        return not self.text or self.text == self.prefilled

    def put_back(self, text: str) -> None:
        """*text* back in the field to edit (cursor at its end); keys typed since Enter stay."""
        ahead = self.typed_after_send()
        self._sent = None
        self.prefilled = ""
        self.text = text + ahead
        self.move_cursor(self.document.end)

    def set_prefill(self, text: str) -> None:
        """Show an earlier answer: cursor at the end, all selected so typing replaces it.

        Keys typed after the last Enter are kept instead (they are the next reply).
        """
        self._held = ""
        ahead = self.typed_after_send()
        self._sent = None
        if ahead:
            self.prefilled = ""
            self.text = ahead
            self.move_cursor(self.document.end)
            return
        self.prefilled = text
        self.text = text
        if text:
            self.select_all()

    def action_clear_reply(self) -> None:
        self._held = ""
        self._sent = None
        self.clear()

    async def _on_key(self, event: events.Key) -> None:
        held, self._held = self._held, ""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._sent = self.text
            self.post_message(self.Send(self.text))
            return
        if event.key in ("ctrl+j", "shift+enter"):
            event.stop()
            event.prevent_default()
            start, end = self.selection
            if not self.read_only:  # as a typed key would (public API, cursor after it)
                self.replace("\n", start, end, maintain_selection_offset=False)
            return
        character = event.character if event.is_printable else None
        sequence = self.digit_sequence and character in STATUS_DIGITS
        if held and character and self.untouched and continues_number(character) and not sequence:
            event.stop()
            event.prevent_default()
            self.post_message(self.StatusKeyUndone(len(held)))
            start, end = self.selection
            if not self.read_only:  # as a typed key would (public API, cursor after it)
                self.replace(held + character, start, end, maintain_selection_offset=False)
            return
        if self.status_keys and self.untouched and character in STATUS_DIGITS:
            event.stop()
            event.prevent_default()
            self._held = held + (character or "")
            status = Status.from_label(character or "")
            self.post_message(self.StatusKey(status, run=len(self._held)))
            return
        await super()._on_key(event)


class AnswerBar(Vertical):
    """Collects one answer for the current question.

    The status keys and clicks are passed up (``StatusChosen``): the screen decides
    whether they pick this question's status, settle a pending reply, or correct the
    status read from the previous reply.
    """

    DEFAULT_CSS = """
    AnswerBar {
        height: auto;
        padding: 0 1;
        border-top: hkey $primary 40%;
    }
    AnswerBar #status-choices {
        height: 1;
    }
    AnswerBar #status-choices Button {
        margin-right: 1;
        min-width: 10;
    }
    AnswerBar #status-choices Button.picked {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    AnswerBar #checklist-prompt, AnswerBar #detail-prompt {
        color: $text-muted;
        width: 1fr;
        height: auto;
    }
    AnswerBar.compact #checklist-prompt, AnswerBar.compact #detail-prompt,
    AnswerBar.compact #bar-note {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    AnswerBar #bar-note {
        height: auto;
        max-height: 3;
        color: $warning;
        text-style: bold;
    }
    AnswerBar #checklist {
        height: auto;
        max-height: 7;
        border: none;
        padding: 0;
    }
    AnswerBar #plan-fields {
        height: auto;
    }
    AnswerBar #plan-fields Input {
        width: 1fr;
        border: none;
        height: 1;
        background: $boost;
        margin-right: 1;
    }
    AnswerBar #reply {
        height: 3;
        min-height: 3;
        background: $boost;
    }
    AnswerBar #sequence {
        height: auto;
        color: $accent;
    }
    AnswerBar #extra {
        border: none;
        height: 1;
        background: $boost;
        margin-bottom: 0;
    }
    AnswerBar.group #checklist {
        max-height: 4;
    }
    """

    @dataclass
    class Submitted(Message):
        answer: Answer
        text: str  # the raw reply, for the chat bubble and typed-reply parsing
        picked_by: PickedBy | None = None
        prefilled: str = ""
        extra: str = ""  # 備考 (その他＋備考 step) or 対応計画 (課題＋計画 step)
        sequence: tuple[Status, ...] = ()  # group step: the status keys pressed, in order
        group_checks: dict[str, tuple[str, ...]] | None = None  # group step: per example

    @dataclass
    class StatusChosen(Message):
        status: Status

    status: Status | None = None
    picked_by: PickedBy | None = None
    hold_keys = False
    """True while the screen takes the status keys itself, also at a group step: a pending
    reply waits for its status, or the status just read is open to a one-key correction."""
    hold_clicks = False
    """True while a pending reply waits for its status: a click on a choice settles it."""

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, name: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self.question: Question | None = None
        self._prefilled_checks: tuple[str, ...] = ()
        self._carried = ""
        self.step: Step | None = None
        self.sequence: list[Status] = []
        self._before_run: tuple[list[Status], Status | None, PickedBy | None] = ([], None, None)

    def compose(self) -> ComposeResult:
        # Set before the children are styled (the first fit would restyle them all).
        self.set_class(self.app.size.height < self.COMPACT_BELOW, "compact")
        yield JapaneseStatic("", id="bar-note", wrap_when_laid_out=True)
        with Horizontal(id="status-choices"):
            for status in Status:
                yield Button(
                    f"{status.key} {status.short_label}",
                    id=f"status-{status.value}",
                    classes="status",
                    compact=True,
                )
        yield Label("", id="checklist-prompt")
        yield MarkedSelectionList(id="checklist")
        yield Label("", id="sequence")
        yield Input(placeholder="", id="extra")
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
        self._carried = ""
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
        fixed += 1 if self.query_one("#extra").display else 0
        fixed += 1 if self.query_one("#sequence").display else 0
        if self._checklist.display:
            fixed += 1 if compact else 3  # its prompt
        fixed += 1 if compact else 2  # the detail prompt
        self._checklist.styles.max_height = max(3, min(12, budget - fixed))

    def set_hold_keys(self, on: bool, clicks: bool = False) -> None:
        """The screen takes every status key (one key each), also at a group step; with
        *clicks*, the clicks on the choices too."""
        self.hold_keys = on
        self.hold_clicks = clicks
        step = self.step
        self._reply.digit_sequence = step is not None and step.kind is StepKind.GROUP and not on

    def set_status_keys(self, on: bool) -> None:
        """Whether a digit typed into the empty reply field is a status key."""
        self._reply.status_keys = on

    def set_step(
        self,
        step: Step | None,
        previous: Answer | None = None,
        group_checks: dict[str, tuple[str, ...]] | None = None,
        to: str = "貴社",
        prompt: str | None = None,
    ) -> None:
        """Configure the bar for a step: a group, a closing screen, or one question."""
        self.step = step
        self.group_prefill_checks = group_checks or {}
        self.sequence = []
        self._before_run = ([], None, None)
        self.set_question(step.question if step is not None else None, previous, to, prompt)
        kind = step.kind if step is not None else None
        if kind in (StepKind.GROUP, StepKind.CONFIRM_ITEM):
            self._reply.status_keys = True
        self._reply.digit_sequence = kind is StepKind.GROUP and not self.hold_keys
        extra = self.query_one("#extra", Input)
        extra.display = kind in (StepKind.NOTES, StepKind.ISSUES)
        extra.value = ""
        self.query_one("#sequence", Label).display = False
        if step is None:
            return
        if kind is StepKind.GROUP:
            self.query_one("#detail-prompt", Label).update(
                "共通の内容（規程名・仕組みなど）か、該当しない理由を書いてください。"
            )
            self.query_one("#status-choices").display = True
            self._group_checklist(step, previous)
        elif kind is StepKind.CONFIRM_ITEM:
            self.query_one("#detail-prompt", Label).update(
                "Enter または 1：前回どおり　2：変わった点を一問ずつ確認"
            )
            self.query_one("#status-choices").display = False
            self.query_one("#checklist").display = False
            self.query_one("#checklist-prompt").display = False
            self.query_one("#plan-fields").display = False
        elif kind is StepKind.NOTES:
            extra.placeholder = "備考・根拠資料（規程名・手順書名など。なければ空のまま）"
            self.query_one("#detail-prompt", Label).update(
                "その他の対策：内容・対象範囲・根拠の規程など（なければ空のまま Enter）"
            )
        elif kind is StepKind.ISSUES:
            extra.placeholder = "対応計画：何をするか（未定ならその旨）"
            self.query_one("#detail-prompt", Label).update(
                "課題認識：一部実施・未実施の理由や改善したい点（なければ空のまま Enter）"
            )
            self.query_one("#plan-fields").display = True
        self.fit(self.app.size.height)

    def fill_extra(self, text: str) -> None:
        self.query_one("#extra", Input).value = text

    def fill_plan(self, due: str, owner: str) -> None:
        self.query_one("#plan-due", Input).value = due
        self.query_one("#plan-owner", Input).value = owner

    def _group_checklist(self, step: Step, previous: Answer | None) -> None:
        """One check-list for the group: each example's points, prefixed with ①②…"""
        options: list[tuple[str, str, bool]] = []
        picked = dict(self.group_prefill_checks)
        for n, question in enumerate(step.questions, 1):
            mine = set(picked.get(question.id, ()))
            options += [
                (
                    printable(f"{circled(n)}{o.label} {o.text}"),
                    f"{question.id}|{o.label}",
                    o.label in mine,
                )
                for o in question.options
            ]
        checklist = self._checklist
        if checklist.option_count:
            checklist.clear_options()
        checklist.display = bool(options)
        self.query_one("#checklist-prompt").display = bool(options)
        if options:
            checklist.add_options(options)
            checklist.highlighted = 0
            self.query_one("#checklist-prompt", Label).update(
                "実施済みなら当てはまるものを選択（shift+tab で選択欄、スペースで選択）"
            )

    group_prefill_checks: dict[str, tuple[str, ...]] = {}

    def group_checks(self) -> dict[str, tuple[str, ...]]:
        step = self.step
        if step is None or not self._checklist.display:
            return {}
        picked = set(self._checklist.selected)
        out: dict[str, tuple[str, ...]] = {}
        for question in step.questions:
            labels = tuple(
                o.label for o in question.options if f"{question.id}|{o.label}" in picked
            )
            if labels:
                out[question.id] = labels
        return out

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
        step = self.step
        if step is not None and step.kind is StepKind.GROUP and not self.hold_clicks:
            self.sequence = [Status(value)]
            self._show_sequence()
            self.pick(Status(value))
        else:
            self.post_message(self.StatusChosen(Status(value)))
        self.focus_reply()

    @on(ReplyArea.StatusKey)
    def _status_key(self, event: ReplyArea.StatusKey) -> None:
        """Group and yearly-confirmation steps use the keys here; otherwise the screen does."""
        step = self.step
        if step is not None and step.kind is StepKind.GROUP and not self.hold_keys:
            event.stop()
            if event.run == 1:  # where to come back if the run turns out to be text
                self._before_run = (list(self.sequence), self.status, self.picked_by)
            # Each key gives the next example its status; one key alone is for the group.
            if len(self.sequence) >= len(step.questions):
                self.sequence = []
            self.sequence.append(event.status)
            self.pick(event.status)
            self._show_sequence()
            return
        if step is not None and step.kind is StepKind.CONFIRM_ITEM:
            event.stop()
            if self._reply.text.strip():
                return  # typed on at once (「2026年…」): the digit began a reply
            if event.status in (Status.DONE, Status.PARTIAL):  # 1: 前回どおり, 2: 一問ずつ
                self.status = event.status
                self._reply.post_message(ReplyArea.Send(""))
            return
        # not stopped: the screen decides (pick, settle a pending reply, or correct)

    def undo_sequence_key(self) -> bool:
        """A group step's last run of status keys was the start of a number typed as text."""
        step = self.step
        if step is None or step.kind is not StepKind.GROUP or self.hold_keys:
            return False
        sequence, status, picked_by = self._before_run
        self.sequence = list(sequence)
        self.pick(status, picked_by)
        self._show_sequence()
        return True

    def clear_sequence(self) -> None:
        """Forget the keys pressed example by example (a pending reply asks again)."""
        self.sequence = []
        self._show_sequence()

    def _show_sequence(self) -> None:
        label = self.query_one("#sequence", Label)
        step = self.step
        if step is None or len(self.sequence) < 2:
            label.display = False
            return
        n = len(step.questions)
        parts = [f"{circled(k)}{s.label}" for k, s in enumerate(self.sequence, 1)]
        rest = "" if len(self.sequence) == n else f"（あと{n - len(self.sequence)}件）"
        label.update("手法例ごと: " + " ".join(parts) + rest)
        label.display = True

    # --- what is on the bar ----------------------------------------------------------------

    @property
    def reply_text(self) -> str:
        return self._reply.text

    def checks(self) -> tuple[str, ...]:
        checklist = self._checklist
        if not checklist.display or (self.step is not None and self.step.kind is StepKind.GROUP):
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

    def mark_carried(self, text: str) -> None:
        """*text* in the field is words the respondent typed at the previous screen (a
        group or an item confirmation): shown like a prefill, but never dropped unasked."""
        self._carried = printable(text) if text else ""

    def unsent_text(self) -> str:
        """The reply typed and not sent ('' when empty or still the prefilled answer;
        words carried from the previous screen count as typed)."""
        reply = self._reply
        if reply.text != reply.prefilled or (self._carried and reply.text == self._carried):
            return reply.text.strip()
        return ""

    def unsent(self) -> bool:
        """True when the bar holds something typed or ticked that was not sent."""
        if self.question is None:
            return False
        if self.unsent_text():
            return True
        step = self.step
        if step is not None and step.kind is StepKind.GROUP:
            before = {k: v for k, v in self.group_prefill_checks.items() if v}
            if self.group_checks() != before:
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
        step = self.step
        group = step is not None and step.kind is StepKind.GROUP
        self.post_message(
            self.Submitted(
                self.current_answer(event.text),
                event.text,
                self.picked_by,
                self._reply.prefilled,
                extra=self.query_one("#extra", Input).value.strip(),
                sequence=tuple(self.sequence) if group else (),
                group_checks=self.group_checks() if group else None,
            )
        )

    @on(Input.Submitted, "#plan-due, #plan-owner, #extra")
    def _plan_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self._reply.post_message(ReplyArea.Send(self._reply.text))

    def clear_reply(self) -> None:
        self._reply.set_prefill("")

    def put_back(self, text: str) -> None:
        """Put a reply back into the field to edit it (cursor at its end)."""
        self._reply.put_back(text)
