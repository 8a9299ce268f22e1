"""Item review: the compiled texts of one item, shown read-only; editing is an explicit step.

The review opens with the focus on its buttons, so replies typed out of habit never
land in the drafts. ``e`` (or the 編集 button) makes the texts editable. Closing it
without typing into a draft never changes anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from interview.compile.item_text import TEXT_FIELDS, TEXT_LABELS
from interview.compile.readiness import STALE_MARK
from interview.textsafety import printable, safe_text
from interview.tui import styles
from interview.tui.widgets.jtext import JapaneseStatic

READ_ONLY_HELP = (
    "回答からまとめた文案です（閲覧のみ）。このままでよければ Enter か ctrl+s で確定、"
    "書き換えるときは e（編集）、あとで見るときは esc で閉じてください。"
)
EDIT_HELP = "文案を書き換えられます。ctrl+s で確定、esc で変更を捨てて閉じます。"
TYPED_HELP = (
    "この画面は閲覧のみです。入力された文字「{typed}」は、閉じたあと入力欄に戻します。"
    "確定は ctrl+s、閉じるのは esc、文案を書き換えるときは e です。"
)


def _stale_text(stale: tuple[str, ...]) -> str:
    if not stale:
        return ""
    names = "・".join(TEXT_LABELS[f] for f in stale)
    return f"{STALE_MARK}（{names}）。最新の回答からの文案を確認して確定してください。"


@dataclass(frozen=True)
class ReviewResult:
    """Texts per field, and which of them the respondent changed."""

    texts: dict[str, str]
    edited: frozenset[str]


class ReviewScreen(ModalScreen[ReviewResult | None]):
    """Confirm (ctrl+s, or Enter on 確定) or close without confirming (escape)."""

    CSS_PATH = styles.MODALS

    BINDINGS = [
        Binding("ctrl+s", "confirm", "確定", id="review.confirm"),
        Binding("e", "edit", "編集", id="review.edit"),
        Binding("escape", "cancel", "閉じる", id="review.cancel"),
    ]

    def __init__(
        self,
        title: str,
        texts: dict[str, str],
        drafts: dict[str, str],
        stale: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.refill(title, texts, drafts, stale)

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box"):
            yield Label(safe_text(self.review_title), id="review-title")
            yield JapaneseStatic(READ_ONLY_HELP, id="review-help")
            stale = JapaneseStatic(_stale_text(self.stale), id="review-stale")
            stale.display = bool(self.stale)
            yield stale
            with VerticalScroll(id="review-fields"):
                for field in TEXT_FIELDS:
                    yield Label(TEXT_LABELS[field], classes="review-label")
                    yield TextArea(
                        printable(self.texts.get(field, "")),
                        id=f"review-{field}",
                        classes="review-text",
                        soft_wrap=True,
                        read_only=True,
                    )
            with Horizontal(id="review-buttons"):
                yield Button("確定 (ctrl+s)", id="review-ok", variant="primary", compact=True)
                yield Button("編集 (e)", id="review-edit", compact=True)
                yield Button("閉じる (esc)", id="review-close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#review-ok", Button).focus()

    def refill(
        self,
        title: str,
        texts: dict[str, str],
        drafts: dict[str, str],
        stale: tuple[str, ...] = (),
    ) -> None:
        """Show another item's texts, as a new review would: read-only, at the top, the
        focus on 確定 (the screen is composed once and kept for the next item)."""
        self.review_title = title
        self.texts = texts
        self.drafts = drafts
        self.editing = False
        # Keys typed while read-only (a reply typed out of habit): handed back to the chat.
        self.typed = ""
        self.stale = stale  # fields confirmed before the answers changed
        if not self.is_mounted:
            return  # composed from these when first shown
        self.query_one("#review-title", Label).update(safe_text(title))
        self.query_one("#review-help", JapaneseStatic).update(READ_ONLY_HELP)
        line = self.query_one("#review-stale", JapaneseStatic)
        line.update(_stale_text(stale))
        line.display = bool(stale)
        for field in TEXT_FIELDS:
            area = self.query_one(f"#review-{field}", TextArea)
            area.read_only = True
            area.text = printable(texts.get(field, ""))
        self.query_one("#review-edit", Button).disabled = False
        self.query_one("#review-fields", VerticalScroll).scroll_home(animate=False)
        self.set_focus(self.query_one("#review-ok", Button))
        self.refresh_bindings()

    def action_edit(self) -> None:
        if self.editing:
            return
        self.editing = True
        for area in self.query(".review-text").results(TextArea):
            area.read_only = False
        self.query_one("#review-help", JapaneseStatic).update(EDIT_HELP)
        self.query_one("#review-edit", Button).disabled = True
        first = self.query_one(f"#review-{TEXT_FIELDS[0]}", TextArea)
        first.focus()
        first.move_cursor(first.document.end)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While editing, 'e' is a letter typed into a draft; after other typing, a reply.
        return not (action == "edit" and (self.editing or self.typed))

    def on_key(self, event: events.Key) -> None:
        """Typing while read-only: keep the keys for the reply field, and say so.

        Once something was typed, Enter and space no longer press a button: they were
        meant for the reply.
        """
        if self.editing:
            return
        if event.key == "e" and not self.typed:
            return
        if event.key in ("enter", "backspace") and self.typed:
            if event.key == "backspace":
                self.typed = self.typed[:-1]
        elif event.is_printable and event.character:
            self.typed += event.character
        else:
            return
        event.stop()
        event.prevent_default()
        shown = printable(self.typed)
        self.query_one("#review-help", JapaneseStatic).update(
            TYPED_HELP.format(typed=shown) if shown else READ_ONLY_HELP
        )

    def action_confirm(self) -> None:
        texts = {f: self.query_one(f"#review-{f}", TextArea).text for f in TEXT_FIELDS}
        edited = frozenset(f for f in TEXT_FIELDS if texts[f] != self.drafts.get(f, ""))
        self.dismiss(ReviewResult(texts, edited))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        match event.button.id:
            case "review-ok":
                self.action_confirm()
            case "review-edit":
                self.action_edit()
            case _:
                self.action_cancel()
