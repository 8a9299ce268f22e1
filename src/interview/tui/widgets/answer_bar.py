"""The answer bar: status choices (1–5), a check-list, plan fields and a reply field."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, SelectionList, TextArea

from interview.engine.answers import Answer, Status
from interview.engine.groups import circled
from interview.engine.path import Step, StepKind
from interview.questions.bank import Question
from interview.questions.models import QuestionKind
from interview.textsafety import printable, safe_text


class ReplyArea(TextArea):
    """A multi-line reply field: Enter sends, ctrl+j (or shift+enter) breaks the line.

    While it is empty (or still holds the prefilled earlier answer), the keys 1–5 pick a
    status instead of typing a digit.
    """

    prefilled = ""

    @dataclass
    class Send(Message):
        text: str

    @dataclass
    class StatusKey(Message):
        status: Status

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Send(self.text))
            return
        if event.key in ("ctrl+j", "shift+enter"):
            event.stop()
            event.prevent_default()
            start, end = self.selection
            if not self.read_only:  # as a typed key would (public API, cursor after it)
                self.replace("\n", start, end, maintain_selection_offset=False)
            return
        untouched = not self.text or self.text == self.prefilled
        if untouched and event.character in ("1", "2", "3", "4", "5"):
            event.stop()
            event.prevent_default()
            self.post_message(self.StatusKey(list(Status)[int(event.character) - 1]))
            return
        await super()._on_key(event)


class AnswerBar(Vertical):
    """Collects one answer for the current question."""

    @dataclass
    class Submitted(Message):
        answer: Answer
        text: str  # the raw reply, for the chat bubble and typed-reply parsing
        extra: str = ""  # 備考 (その他＋備考 step) or 対応計画 (課題＋計画 step)
        sequence: tuple[Status, ...] = ()  # group step: the status keys pressed, in order
        group_checks: dict[str, tuple[str, ...]] | None = None  # group step: per example

    status: Status | None = None

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, name: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self.question: Question | None = None
        self.step: Step | None = None
        self.sequence: list[Status] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="status-choices"):
            for status in Status:
                yield Button(
                    f"{status.key} {status.label}",
                    id=f"status-{status.value}",
                    classes="status",
                    compact=True,
                )
        yield Label("", id="checklist-prompt")
        yield SelectionList[str](id="checklist")
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
            placeholder="ここに入力して Enter で送信（改行は ctrl+j）",
        )

    # --- configuring for a question -----------------------------------------------------

    def on_mount(self) -> None:
        self._reply = self.query_one(ReplyArea)
        self._checklist = self.query_one("#checklist", SelectionList)
        self._buttons = {s: self.query_one(f"#status-{s.value}", Button) for s in Status}

    def set_question(self, question: Question | None, previous: Answer | None = None) -> None:
        self.question = question
        self.status = None
        reply = self._reply
        reply.text = ""
        checklist = self._checklist
        if checklist.option_count:
            checklist.clear_options()
        has_status = question is not None and question.kind is QuestionKind.EXAMPLE
        self.query_one("#status-choices").display = has_status
        options = question.options if question is not None else ()
        checklist.display = bool(options)
        self.query_one("#checklist-prompt").display = bool(options)
        if question is not None and options:
            picked = set(previous.checks) if previous else set()
            checklist.add_options(
                [(safe_text(f"{o.label} {o.text}"), o.label, o.label in picked) for o in options]
            )
            checklist.highlighted = 0
            prompt = f"{question.checklist_prompt}（shift+tab で選択欄へ、スペースで選択）"
            self.query_one("#checklist-prompt", Label).update(safe_text(prompt))
        is_plan = question is not None and question.kind is QuestionKind.PLAN
        self.query_one("#plan-fields").display = is_plan
        self.query_one("#plan-due", Input).value = previous.due if previous and is_plan else ""
        self.query_one("#plan-owner", Input).value = previous.owner if previous and is_plan else ""
        prompt = question.detail_prompt if question is not None else ""
        self.query_one("#detail-prompt", Label).update(safe_text(prompt))
        reply.prefilled = ""
        if previous is not None and not previous.skipped:
            reply.text = reply.prefilled = printable(previous.detail)
            if previous.status is not None:
                self.pick(previous.status)
        self._refresh_buttons()
        reply.disabled = question is None

    def set_step(
        self,
        step: Step | None,
        previous: Answer | None = None,
        group_checks: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        """Configure the bar for a step: a group, a closing screen, or one question."""
        self.step = step
        self.group_prefill_checks = group_checks or {}
        self.sequence = []
        self.set_question(step.question if step is not None else None, previous)
        kind = step.kind if step is not None else None
        extra = self.query_one("#extra", Input)
        extra.display = kind in (StepKind.NOTES, StepKind.ISSUES)
        extra.value = ""
        self.query_one("#sequence", Label).display = False
        self.set_class(kind is StepKind.GROUP, "group")
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

    # --- status ----------------------------------------------------------------------------

    def pick(self, status: Status) -> None:
        self.status = status
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        for status, button in self._buttons.items():
            button.set_class(status is self.status, "picked")

    @on(Button.Pressed, ".status")
    def _clicked(self, event: Button.Pressed) -> None:
        event.stop()
        value = (event.button.id or "").removeprefix("status-")
        self.sequence = [Status(value)] if self.step and self.step.kind is StepKind.GROUP else []
        self._show_sequence()
        self.pick(Status(value))
        self.focus_reply()

    @on(ReplyArea.StatusKey)
    def _status_key(self, event: ReplyArea.StatusKey) -> None:
        event.stop()
        step = self.step
        if step is not None and step.kind is StepKind.GROUP:
            # Each key gives the next example its status; one key alone is for the group.
            if len(self.sequence) >= len(step.questions):
                self.sequence = []
            self.sequence.append(event.status)
            self.pick(event.status)
            self._show_sequence()
            return
        if step is not None and step.kind is StepKind.CONFIRM_ITEM:
            if event.status in (Status.DONE, Status.PARTIAL):  # 1: 前回どおり, 2: 一問ずつ
                self.status = event.status
                self._reply.post_message(ReplyArea.Send(""))
            return
        if self.question is not None and self.question.kind is QuestionKind.EXAMPLE:
            self.pick(event.status)

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

    # --- sending ---------------------------------------------------------------------------

    def checks(self) -> tuple[str, ...]:
        checklist = self._checklist
        if not checklist.display or (self.step is not None and self.step.kind is StepKind.GROUP):
            return ()
        picked = set(checklist.selected)
        question = self.question
        order = [o.label for o in question.options] if question else []
        return tuple(label for label in order if label in picked)

    @on(ReplyArea.Send)
    def _send(self, event: ReplyArea.Send) -> None:
        event.stop()
        if self.question is None:
            return
        answer = Answer(
            status=self.status,
            detail=event.text.strip(),
            checks=self.checks(),
            due=self.query_one("#plan-due", Input).value.strip(),
            owner=self.query_one("#plan-owner", Input).value.strip(),
        )
        step = self.step
        group = step is not None and step.kind is StepKind.GROUP
        self.post_message(
            self.Submitted(
                answer,
                event.text,
                extra=self.query_one("#extra", Input).value.strip(),
                sequence=tuple(self.sequence) if group else (),
                group_checks=self.group_checks() if group else None,
            )
        )

    @on(Input.Submitted, "#plan-due, #plan-owner, #extra")
    def _plan_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(ReplyArea).post_message(ReplyArea.Send(self.query_one(ReplyArea).text))

    def clear_reply(self) -> None:
        self._reply.text = ""
