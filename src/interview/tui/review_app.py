"""The bank's review walk: connectors with counts → one connector's items, one by one.

Keys on an item: 1 確認済み, 2 要追加説明, 3 要改善, 4 対象外を確認 (each saved at once and
moves on), c コメント (multi-line; ctrl+s to keep), n / → next, p / ← previous, escape back
to the list. Opening a connector resumes at the last item given a verdict.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Label, Static, TextArea

from interview.errors import UserError
from interview.services.review.verdicts import CHANGED_LABEL, UNREVIEWED_LABEL, Verdict
from interview.services.review.walk import OpenReview, open_review
from interview.textsafety import clean_input, printable, safe_text
from interview.tui.widgets.footer import KeyFooter

VERDICT_KEYS = {
    "1": Verdict.CONFIRMED,
    "2": Verdict.NEEDS_EXPLANATION,
    "3": Verdict.NEEDS_IMPROVEMENT,
    "4": Verdict.NOT_APPLICABLE_CONFIRMED,
}
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

    def compose(self) -> ComposeResult:
        yield Header()
        review = self.open.review
        yield Label(
            safe_text(
                f"{review.bank} のレビュー（{review.id}）: 接続先 {len(review.connectors)}件"
                "　↑↓で選んで Enter"
            ),
            id="review-lead",
        )
        yield DataTable(id="review-connectors", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    @property
    def open(self) -> OpenReview:
        return self._open

    def action_close(self) -> None:
        self._open.close()
        self.dismiss(None)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            "接続先", "回", "未確認", "確認済み", "要追加説明", "要改善", "対象外", "変更"
        )
        self.refresh_rows()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def refresh_rows(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for index, s in enumerate(self.open.statuses()):
            table.add_row(
                safe_text(s.organisation),
                str(s.round),
                str(s.unreviewed),
                str(s.confirmed),
                str(s.needs_explanation),
                str(s.needs_improvement),
                str(s.not_applicable_confirmed),
                str(s.changed) if s.changed else "",
                key=str(index),
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(ItemScreen(self._open, int(str(event.row_key.value))))


class CommentScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("ctrl+s", "keep", "保存"),
        Binding("escape", "cancel", "取消"),
    ]
    DEFAULT_CSS = """
    CommentScreen { align: center middle; }
    #comment-box { width: 80%; height: auto; max-height: 80%; border: round $accent;
                   background: $surface; padding: 0 1; }
    #comment-text { height: 8; }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="comment-box"):
            yield Label("金融機関コメント（ctrl+s で保存、escape で取消）")
            yield TextArea(self.text, id="comment-text", soft_wrap=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_keep(self) -> None:
        self.dismiss(clean_input(self.query_one(TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ItemScreen(Screen[None]):
    BINDINGS = [
        Binding("1", "verdict('1')", "確認済み"),
        Binding("2", "verdict('2')", "要追加説明"),
        Binding("3", "verdict('3')", "要改善"),
        Binding("4", "verdict('4')", "対象外を確認"),
        Binding("c", "comment", "コメント"),
        Binding("n,right", "move(1)", "次"),
        Binding("p,left", "move(-1)", "前"),
        Binding("f11", "diff", "前回との差分"),
        Binding("escape", "back", "一覧"),
    ]
    DEFAULT_CSS = """
    #item-head { text-style: bold; padding: 0 1; }
    #item-verdict { padding: 0 1; }
    #item-body { padding: 0 1; }
    """

    def __init__(self, review: OpenReview, connector_index: int) -> None:
        super().__init__()
        self._open = review
        self.connector_index = connector_index
        self.index = 0
        self.show_diff = False

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
        with VerticalScroll(id="item-scroll"):
            yield Static("", id="item-body", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.index = self.open.start_index(self.connector)
        self.show()

    def show(self) -> None:
        connector = self.connector
        view = self.open.view(connector, self.index)
        item = view.item
        total = len(self.open.items)
        self.query_one("#item-head", Static).update(
            safe_text(
                f"{connector.organisation}（第{connector.round}回）  "
                f"通番{item.no} [{self.index + 1}/{total}]  {item.goal}"
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
        comment = f"\nコメント: {entry.comment}" if entry is not None and entry.comment else ""
        self.query_one("#item-verdict", Static).update(safe_text(f"確認結果: {state}{comment}"))
        lines = []
        for name, label in FIELD_LABELS:
            text = getattr(view.texts, name).strip()
            lines += [f"■ {label}", text or "（記入なし）", ""]
            if self.show_diff:
                lines += _diff_lines(view, name)
        if view.details:
            lines.append("── 回答詳細 ──")
            for d in view.details:
                answer = " ".join(x for x in (d.status, d.detail) if x.strip())
                lines.append(f"{d.question_id} {d.question or d.example}")
                lines.append(f"  → {answer or '（未回答）'}")
            lines.append("")
        lines += ["── ガイド ──", f"目標: {item.description}", "", "手法例:"]
        for group in item.method_groups:
            if group.heading:
                lines.append(f"<{group.heading}>")
            lines += [f"・{example.text}" for example in group.examples]
        if item.notes:
            lines.append("")
            for note in item.notes:
                lines.append(f"注{note.no}: {note.intro}")
                lines += [f"  {p.label} {p.text}" for p in note.points]
        self.query_one("#item-body", Static).update(safe_text("\n".join(lines)))
        self.query_one("#item-scroll", VerticalScroll).scroll_home(animate=False)

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
        self.show()

    def action_move(self, step: int) -> None:
        self.index = max(0, min(len(self.open.items) - 1, self.index + step))
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

        self.app.push_screen(CommentScreen(entry.comment if entry else ""), done)

    def action_diff(self) -> None:
        """F11: the previous round's texts under each field (changed ones marked)."""
        self.show_diff = not self.show_diff
        self.show()

    def action_back(self) -> None:
        self.app.pop_screen()


def _diff_lines(view, name: str) -> list[str]:
    if view.previous is None:
        return ["  （前回の提出はありません: 第1回）", ""]
    old = getattr(view.previous, name).strip()
    if old == getattr(view.texts, name).strip():
        return ["  （前回から変更なし）", ""]
    return [
        "  ▼ 前回の提出（変更あり）",
        *(f"  │ {line}" for line in (old or "（記入なし）").splitlines()),
        "",
    ]


class ReviewApp(App[None]):
    TITLE = "API接続チェックリスト 金融機関レビュー"
    BINDINGS = [Binding("ctrl+q", "quit", "終了", priority=True)]

    def __init__(self, sessions_dir: Path, reference: str) -> None:
        super().__init__()
        self.open = open_review(sessions_dir, reference)

    def notify(self, message: str, **kwargs) -> None:
        kwargs["markup"] = False
        super().notify(printable(message), **kwargs)

    def on_mount(self) -> None:
        self.push_screen(ConnectorsScreen(self.open), lambda _: self.exit())

    def on_unmount(self) -> None:
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
