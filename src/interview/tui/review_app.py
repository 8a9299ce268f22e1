"""The bank's review walk: connectors with counts → one connector's items, one by one.

Keys on an item: 1 確認済み, 2 要追加説明, 3 要改善, 4 対象外を確認 (each saved at once and
moves on), c コメント (multi-line as in the chat: Enter keeps, ctrl+j breaks the line),
n / → next, p / ← previous, u the next unreviewed item, F3 the guide's text in its own
pane, F11 the previous round, escape back to the list. Opening a connector resumes where
the reviewer left it (a new round: at its first unreviewed item).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Label, Static

from interview.errors import UserError
from interview.services.review.verdicts import CHANGED_LABEL, UNREVIEWED_LABEL, Verdict
from interview.services.review.walk import ItemView, OpenReview, open_review
from interview.textsafety import clean_input, printable, safe_text
from interview.tui.widgets.answer_bar import ReplyArea
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.guide_pane import GuidePane
from interview.tui.widgets.jtext import JapaneseStatic

VERDICT_KEYS = {
    "1": Verdict.CONFIRMED,
    "2": Verdict.NEEDS_EXPLANATION,
    "3": Verdict.NEEDS_IMPROVEMENT,
    "4": Verdict.NOT_APPLICABLE_CONFIRMED,
}
# From this width the guide pane sits beside the answers (and is open when a connector
# opens); below it, F3 shows the guide in place of the answers.
SIDE_BY_SIDE_WIDTH = 100
FIELD_LABELS = (
    ("status", "⑤現在の対応状況"),
    ("issues", "⑥課題認識"),
    ("plan", "⑦課題への対応計画"),
    ("remarks", "備考"),
)


class ConnectorsScreen(Screen[None]):
    """The connectors of one open review; escape closes the review (releases its lock)."""

    BINDINGS = [Binding("escape", "close", "閉じる"), Binding("ctrl+q", "app.quit", "終了")]

    def __init__(self, review: OpenReview) -> None:
        super().__init__()
        self._open = review
        self._wide: bool | None = None  # the columns are laid out for this width
        self._items: ItemScreen | None = None  # the item screen, kept between connectors
        self._items_name = f"review-items-{id(self)}"

    def compose(self) -> ComposeResult:
        yield Header()
        review = self.open.review
        yield Label(
            safe_text(
                f"{review.bank} のレビュー（{review.id}）: 接続先 {len(review.connectors)}件"
                "　↑↓で選んで Enter（変更 = 再提出で変更）"
            ),
            id="review-lead",
        )
        yield DataTable(id="review-connectors", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    @property
    def open(self) -> OpenReview:
        return self._open

    def action_close(self) -> None:
        self._close()
        self.dismiss(None)

    def on_unmount(self) -> None:
        self._close()  # the app quit from here or an item (ctrl+q): the place is saved too

    def _close(self) -> None:
        if self._items is not None:
            with contextlib.suppress(Exception):  # not installed any more (app closing)
                self.app.uninstall_screen(self._items_name)
            self._items = None
        try:
            self._open.close()
        except UserError as exc:
            self.app.notify(str(exc), severity="error")

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one(DataTable).focus()
        # Compose the item screen once, after the list is drawn, not on the first Enter:
        # pushed and popped before the next frame, so it is never seen.
        self.call_after_refresh(self._prepare_items)

    def _prepare_items(self) -> None:
        if self._items is not None or not self._open.review.connectors or not self.is_current:
            return
        self._items = ItemScreen(self._open, 0)
        self.app.install_screen(self._items, self._items_name)
        self.app.push_screen(self._items_name)
        self.app.pop_screen()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def on_resize(self) -> None:
        if self._wide is not None and self._wide != self._is_wide():
            self.refresh_rows()

    def _is_wide(self) -> bool:
        return self.app.size.width >= SIDE_BY_SIDE_WIDTH

    def refresh_rows(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        wide = self._is_wide()
        if wide == self._wide:
            table.clear()
        else:
            self._wide = wide
            table.clear(columns=True)
            # At 80 columns every count fits beside an organisation name cut to 20 cells.
            table.add_column("接続先", width=None if wide else 20)
            table.add_columns("回", "変更", "未確認", "確認済み", "要追加説明", "要改善", "対象外")
            if wide:
                table.add_column("最終提出")
        for index, s in enumerate(self.open.statuses()):
            row = [
                safe_text(s.organisation),
                str(s.round),
                str(s.changed) if s.changed else "",
                str(s.unreviewed),
                str(s.confirmed),
                str(s.needs_explanation),
                str(s.needs_improvement),
                str(s.not_applicable_confirmed),
            ]
            table.add_row(*row, *([s.last_submitted] if wide else []), key=str(index))
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Read the highlighted connector's workbook ahead, off the UI thread: Enter then
        only draws it."""
        if event.row_key.value is None:
            return
        index = int(str(event.row_key.value))
        self.run_worker(
            lambda: self._prefetch(index),
            thread=True,
            exclusive=True,
            group="review-prefetch",
            exit_on_error=False,
        )

    def _prefetch(self, index: int) -> None:
        # A broken or missing copy is reported when the connector is opened, not here.
        with contextlib.suppress(Exception):
            self._open.rows(self._open.connector(index))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Open the connector. The item screen is built once and kept (installed): opening
        the next connector only refills it, without composing a screen again."""
        index = int(str(event.row_key.value))
        if self._items is None:
            self._items = ItemScreen(self._open, index)
            self.app.install_screen(self._items, self._items_name)
        else:
            self._items.open_connector(index)
        self.app.push_screen(self._items_name)


class CommentScreen(ModalScreen[str | None]):
    """The bank's comment on one item, typed as a reply in the chat: Enter keeps it,
    ctrl+j breaks the line, ctrl+u clears, escape cancels (ctrl+s keeps it too)."""

    BINDINGS = [
        Binding("ctrl+s", "keep", "保存"),
        Binding("escape", "cancel", "取消"),
    ]
    DEFAULT_CSS = """
    CommentScreen { align: center middle; }
    #comment-box { width: 80%; height: auto; max-height: 80%; border: round $accent;
                   background: $surface; padding: 0 1; }
    #comment-text { height: 8; }
    #comment-keys { color: $text-muted; }
    """

    def __init__(self, text: str, title: str = "") -> None:
        super().__init__()
        self.text = text
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="comment-box"):
            yield Label(safe_text(f"金融機関コメント{self.title_text}"))
            yield Label("Enter で保存　ctrl+j で改行　escape で取消", id="comment-keys")
            yield ReplyArea(self.text, id="comment-text", soft_wrap=True)

    def on_mount(self) -> None:
        area = self.query_one(ReplyArea)
        area.move_cursor(area.document.end)
        area.focus()

    def on_reply_area_send(self, event: ReplyArea.Send) -> None:
        event.stop()
        self.dismiss(clean_input(event.text))

    def action_keep(self) -> None:
        self.dismiss(clean_input(self.query_one(ReplyArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ItemScreen(Screen[None]):
    BINDINGS = [
        Binding("1", "verdict('1')", "確認済み"),
        Binding("2", "verdict('2')", "要追加説明"),
        Binding("3", "verdict('3')", "要改善"),
        Binding("4", "verdict('4')", "対象外を確認"),
        Binding("c", "comment", "コメント"),
        Binding("f3", "guide", "ガイド", key_display="F3"),
        Binding("f11", "diff", "差分", key_display="F11"),
        # Shown in the line above the answers (the footer is full at 80 columns).
        Binding("n,right", "move(1)", "次", show=False),
        Binding("p,left", "move(-1)", "前", show=False),
        Binding("u", "next_unreviewed", "次の未確認", show=False),
        Binding("escape", "back", "一覧", show=False),
    ]
    DEFAULT_CSS = """
    #item-head { text-style: bold; padding: 0 1; }
    #item-verdict { padding: 0 1; }
    #item-main { height: 1fr; }
    #item-scroll { width: 1fr; }
    #item-body { padding: 0 1; }
    #item-guide { width: 1fr; }
    """

    def __init__(self, review: OpenReview, connector_index: int) -> None:
        super().__init__()
        self._open = review
        self.connector_index = connector_index
        self.index = 0
        self.show_diff = False
        self.show_guide: bool | None = None  # None: by the width (open when side by side)

    @property
    def open(self) -> OpenReview:
        return self._open

    @property
    def connector(self):
        return self.open.connector(self.connector_index)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="item-head", markup=False)
        yield Static("", id="item-verdict", markup=False)
        with Horizontal(id="item-main"):
            with VerticalScroll(id="item-scroll"):
                yield JapaneseStatic("", id="item-body")
            yield GuidePane(id="item-guide")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.index = self.open.start_index(self.connector)
        self._lay_out()
        self.show()

    def open_connector(self, connector_index: int) -> None:
        """Show another connector in this (kept) screen, where its reviewer left off."""
        self.connector_index = connector_index
        self.index = self.open.start_index(self.connector)
        self.show_diff = False
        self._lay_out()
        self.show()

    def on_resize(self) -> None:
        self._lay_out()

    @property
    def guide_shown(self) -> bool:
        if self.show_guide is None:
            return self.app.size.width >= SIDE_BY_SIDE_WIDTH
        return self.show_guide

    def _lay_out(self) -> None:
        """Guide beside the answers when wide; in their place when narrow (F3 toggles)."""
        shown = self.guide_shown
        self.query_one("#item-guide", GuidePane).display = shown
        alone = shown and self.app.size.width < SIDE_BY_SIDE_WIDTH
        self.query_one("#item-scroll", VerticalScroll).display = not alone

    def show(self) -> None:
        connector = self.connector
        view = self.open.view(connector, self.index, previous_round=self.show_diff)
        item = view.item
        total = len(self.open.items)
        self.query_one("#item-head", Static).update(
            safe_text(
                f"{connector.organisation}（第{connector.round}回）  "
                f"通番{item.display_no} [{self.index + 1}/{total}]  {item.goal}"
            )
        )
        entry = view.review
        if entry is not None and entry.verdict is not None:
            state = entry.verdict.label
        elif entry is not None and entry.changed:
            state = (
                f"{CHANGED_LABEL}（前回: {entry.previous.label if entry.previous else '未確認'}）"
            )
        else:
            state = UNREVIEWED_LABEL
        verdict = safe_text(f"確認結果: {state}", style="bold")
        verdict.append("　n/→ 次　p/← 前　u 次の未確認　esc 一覧", style="dim")
        if entry is not None and entry.comment:
            verdict.append("\nコメント: " + printable(entry.comment).replace("\n", "\n　　　　  "))
        self.query_one("#item-verdict", Static).update(verdict)
        body = _answers_text(view, connector.round if self.show_diff else 0)
        if not self.guide_shown:
            body.append("\n\n（ガイドの目標・手法例・注記は F3 で表示）", style="dim")
        self.query_one("#item-body", JapaneseStatic).update(body)
        self.query_one("#item-scroll", VerticalScroll).scroll_home(animate=False)
        self.query_one("#item-guide", GuidePane).show_item(item)

    def action_verdict(self, key: str) -> None:
        try:
            self.open.give(self.connector, self.index, VERDICT_KEYS[key])
        except UserError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(f"通番{self.open.items[self.index]}: {VERDICT_KEYS[key].label}（保存しました）")
        if self.index < len(self.open.items) - 1:
            self.index += 1
            self.open.remember(self.connector, self.index)  # resume on the next item
        elif self.open.next_unreviewed(self.connector, self.index) is None:
            self.notify("最後の項目です。すべての項目に確認結果を付けました（escape で一覧へ）。")
        else:
            self.notify("最後の項目です。未確認の項目が残っています（u で移動）。")
        self.show()

    def action_move(self, step: int) -> None:
        self.index = max(0, min(len(self.open.items) - 1, self.index + step))
        self.open.remember(self.connector, self.index)
        self.show()

    def action_next_unreviewed(self) -> None:
        found = self.open.next_unreviewed(self.connector, self.index)
        if found is None:
            self.notify("未確認の項目はありません（すべて確認結果があります）。")
            return
        self.index = found
        self.open.remember(self.connector, self.index)
        self.show()

    def action_comment(self) -> None:
        entry = self.connector.items.get(str(self.open.items[self.index]))

        def done(text: str | None) -> None:
            if text is None:
                return
            try:
                self.open.comment(self.connector, self.index, text)
            except UserError as exc:
                self.notify(str(exc), severity="error")
                return
            self.show()

        title = f"（{self.connector.organisation} 通番{self.open.items[self.index]}）"
        self.app.push_screen(CommentScreen(entry.comment if entry else "", title), done)

    def action_guide(self) -> None:
        """F3: the guide's text in its own pane (beside the answers, or in their place)."""
        self.show_guide = not self.guide_shown
        self._lay_out()
        self.show()

    def action_diff(self) -> None:
        """F11: the previous round's texts under each field (changed ones marked)."""
        if not self.show_diff and self.open.previous_rows(self.connector) is None:
            self.notify("前回の提出はありません（第1回）。差分は再提出の後に表示できます。")
            return
        self.show_diff = not self.show_diff
        self.show()

    def action_back(self) -> None:
        self._save_place()
        self.app.pop_screen()

    def _save_place(self) -> None:
        try:
            self.open.flush()
        except UserError as exc:
            self.notify(str(exc), severity="error")


def _answers_text(view: ItemView, diff_round: int = 0) -> Text:
    """The connector's ⑤⑥⑦ and 備考, then its 回答詳細; with *diff_round* (F11, the
    current round), the previous round's text under each field that changed."""
    text = Text()
    previous = view.previous if diff_round else None
    if previous is not None:
        same = all(
            getattr(previous, name).strip() == getattr(view.texts, name).strip()
            for name, _label in FIELD_LABELS
        )
        text.append(
            f"（F11: 第{diff_round - 1}回の提出と比べています"
            + ("。この項目は変更なし）\n\n" if same else "。変更のある欄の下に前回の文章）\n\n"),
            style="italic",
        )
    for name, label in FIELD_LABELS:
        now = getattr(view.texts, name).strip()
        text.append(f"■ {label}\n", style="bold")
        text.append(printable(now) if now else "（記入なし）")
        text.append("\n\n")
        if previous is not None:
            old = getattr(previous, name).strip()
            if old != now:
                text.append(f"  ▼ 第{diff_round - 1}回の提出（変更あり）\n", style="bold yellow")
                text.append(printable(old) if old else "（記入なし）", style="dim")
                text.append("\n\n")
    if view.details:
        text.append("── 回答詳細 ──\n", style="bold")
        for d in view.details:
            answer = " ".join(x for x in (d.status, d.detail) if x.strip())
            text.append(printable(f"{d.question_id} {d.question or d.example}") + "\n")
            text.append(printable(f"  → {answer or '（未回答）'}") + "\n")
    text.rstrip()
    return text


class ReviewApp(App[None]):
    TITLE = "API接続チェックリスト 金融機関レビュー"
    ENABLE_COMMAND_PALETTE = False  # Textual's built-in commands are English
    BINDINGS = [Binding("ctrl+q", "quit", "終了", priority=True)]

    def __init__(self, sessions_dir: Path, reference: str) -> None:
        super().__init__()
        self.open = open_review(sessions_dir, reference)

    def notify(self, message: str, **kwargs) -> None:
        kwargs["markup"] = False
        super().notify(printable(message), **kwargs)

    def on_mount(self) -> None:
        from interview.tui.terminal_watch import watch_terminal

        watch_terminal(self)
        self.push_screen(ConnectorsScreen(self.open), lambda _: self.exit())

    def on_unmount(self) -> None:
        with contextlib.suppress(UserError):  # the verdicts are saved; only the place is lost
            self.open.close()


class ReviewPicker(ModalScreen[str | None]):
    """Choose one of the reviews in the sessions folder (from the home screen)."""

    BINDINGS = [Binding("escape", "cancel", "取消")]
    DEFAULT_CSS = """
    ReviewPicker { align: center middle; }
    #picker-box { width: 60; height: auto; max-height: 80%; border: round $accent;
                  background: $surface; padding: 0 1; }
    """

    def __init__(self, ids: list[str]) -> None:
        super().__init__()
        self.ids = ids

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList

        with Vertical(id="picker-box"):
            yield Label("開くレビューを選んでください（Enter、escape で取消）")
            yield OptionList(*(safe_text(i) for i in self.ids), id="picker-list")

    def on_mount(self) -> None:
        self.query_one("#picker-list").focus()

    def on_option_list_option_selected(self, event) -> None:
        self.dismiss(self.ids[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_from_home(app: App[None], sessions_dir: Path) -> None:
    """Home → レビュー: pick a review (if several), then its connectors list."""
    from interview.services.review.store import ReviewStore

    ids = ReviewStore(sessions_dir).ids()
    if not ids:
        app.notify(
            "レビューはまだありません。interview review new --bank 金融機関名 で作成し、"
            "interview review add で接続先のブックを追加してください。",
            severity="warning",
            timeout=8,
        )
        return

    def start(review_id: str | None) -> None:
        if review_id is None:
            return
        try:
            review = open_review(sessions_dir, review_id)
        except UserError as exc:
            app.notify(str(exc), severity="error")
            return
        app.push_screen(ConnectorsScreen(review))

    if len(ids) == 1:
        start(ids[0])
    else:
        app.push_screen(ReviewPicker(ids), start)
