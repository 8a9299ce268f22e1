"""Home: start a new session, resume one from the table, open the demo, or quit."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from interview.errors import UserError, describe_os_error
from interview.textsafety import printable
from interview.tui.typed import interview_app
from interview.tui.widgets.footer import KeyFooter

# Session list columns and their widths in terminal cells (the last one takes the rest).
# 要確認 is named apart: 不明 (answers 不明・要確認) and フォロー (F6 marks).
COLUMNS = ("組織", "対象者", "進捗", "更新", "不明", "フォロー", "ID")
WIDTHS = (18, 10, 5, 12, 5, 9)


def _line(*cells: str, total: int = 200, widths: tuple[int, ...] = WIDTHS) -> Text:
    """A row that never wraps: a long ID keeps its end (「…11-29-2」), which tells it apart."""
    return Text(_row(*cells, total=total, widths=widths), no_wrap=True, overflow="ellipsis")


def _widths(organisations: list[str], ids: list[str], total: int) -> tuple[int, ...]:
    """The organisation column grows to the longest name when the screen has room."""
    others = sum(WIDTHS[1:])
    id_room = min(max((cell_len(i) for i in ids), default=10), 30)
    longest = max((cell_len(o) for o in organisations), default=0) + 2
    organisation = max(WIDTHS[0], min(longest, total - others - id_room - 1))
    return (organisation, *WIDTHS[1:])


def _row(*cells: str, total: int = 200, widths: tuple[int, ...] = WIDTHS) -> str:
    """One line of the session list, padded (or cut with …) by cell width."""
    parts = []
    for text, width in zip(cells, widths, strict=False):
        fitted = text if cell_len(text) < width else set_cell_size(text, width - 2) + "…"
        parts.append(set_cell_size(fitted, width))
    last = cells[-1]
    room = total - sum(widths) - 1
    while cell_len(last) > room > 2:
        last = "…" + last[2:]  # drop from the front: the suffix tells sessions apart
    return "".join(parts) + last


@dataclass
class HomeChoice(Message):
    action: str  # new | resume | yearly | demo | review | quit
    session_id: str = ""


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new", "新規", id="home.new"),
        Binding("d", "demo", "デモ", id="home.demo"),
        Binding("r", "reload", "再読込", id="home.reload"),
        Binding("y", "yearly", "年次確認", id="home.yearly"),
        Binding("v", "review", "レビュー（金融機関）", id="home.review", show=False),
        Binding("ctrl+q", "app.quit", "終了", id="home.quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(
                "FISC「API接続チェックリスト」の回答を、手法例はまとめて伺って作成します。",
                id="home-lead",
            )
            with Horizontal(id="home-buttons"):
                yield Button("新しく始める (n)", id="home-new", variant="primary", compact=True)
                yield Button("デモを見る (d)", id="home-demo", compact=True)
                yield Button("終了 (ctrl+q)", id="home-quit", compact=True)
            reviews = Static("", id="home-reviews", markup=False)  # shown when there are any
            reviews.display = False
            yield reviews
            yield Label(
                "続きから再開（↑↓で選んで Enter、y でそのセッションから年次確認）",
                id="home-resume-label",
            )
            # the table (a heavier widget) is mounted right after the first paint
            yield Static("", id="home-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#home-empty", Static).update("セッションを読み込んでいます…")
        self.query_one("#home-new", Button).focus()
        # The table and the list come after the first paint; the list is read off the UI thread.
        self.call_after_refresh(self._mount_table)

    _table_due = False  # covered before the table was built: built when shown again

    def _mount_table(self) -> None:
        # An OptionList, not a DataTable: Textual has already imported it (the command
        # palette uses it), so the home screen costs no extra import at start-up.
        home = self.query_one("#home")
        if not home.is_attached:
            return  # the app is closing already
        if self.app.screen is not self:  # a session opened at start covers it: nobody sees it
            self._table_due = True
            return
        table = OptionList(id="home-sessions")
        home.mount(Static("", id="home-columns", markup=False), before="#home-empty")
        home.mount(table, before="#home-empty")
        self.action_reload()

    def on_screen_resume(self) -> None:
        if self._table_due:
            self._table_due = False
            self.call_after_refresh(self._mount_table)

    @property
    def listed(self) -> bool:
        """True once the session list has been read and shown (tests wait for it)."""
        return self._listed

    def action_reload(self) -> None:
        self.run_worker(self._load, thread=True, exclusive=True, group="home-load")

    def _load(self) -> None:
        try:
            from interview.services.sessions import list_sessions

            summaries, problems = list_sessions(interview_app(self).store)
        except UserError as exc:
            summaries, problems = [], [str(exc)]
        except OSError as exc:
            summaries, problems = [], [f"セッションの保存先を読めません: {describe_os_error(exc)}"]
        try:
            from interview.services.review.store import ReviewStore

            reviews = ReviewStore(interview_app(self).sessions_dir).ids()
        except (OSError, UserError):
            reviews = []
        self.app.call_from_thread(self._show, summaries, problems, reviews)

    _listed = False

    def _show(self, summaries: list, problems: list[str], reviews: list[str] = []) -> None:  # noqa: B006
        self._listed = True
        line = self.query_one("#home-reviews", Static)
        line.display = bool(reviews)
        if reviews:
            text = (
                f"金融機関のレビュー「{printable(reviews[0])}」: v で開く（接続先の確認）"
                if len(reviews) == 1
                else f"金融機関のレビュー {len(reviews)}件: v で選んで開く（接続先の確認）"
            )
            line.update(Text(text, no_wrap=True, overflow="ellipsis"))
        self._summaries = {s.id: s for s in summaries}
        table = self.table
        total = (table.size.width or self.app.size.width - 4) - 1
        widths = _widths(
            [printable(s.organisation) for s in summaries],
            [printable(s.id) for s in summaries],
            total,
        )
        table.clear_options()
        table.add_options(
            Option(
                _line(
                    printable(s.organisation),
                    s.party_label,
                    f"{s.progress:.0f}%",
                    s.updated_at.astimezone().strftime("%m/%d %H:%M"),  # ID has the year
                    str(s.unknown) if s.unknown else "",
                    str(s.follow_ups) if s.follow_ups else "",
                    printable(s.id),
                    total=total,
                    widths=widths,
                ),
                id=s.id,
            )
            for s in summaries
        )
        columns = self.query_one("#home-columns", Static)
        columns.update(_line(*COLUMNS, widths=widths) if summaries else "")
        columns.display = bool(summaries)
        empty = self.query_one("#home-empty", Static)
        notes = []
        if not summaries:
            notes.append("保存されたセッションはまだありません。「新しく始める」から始めましょう。")
        notes += [f"読み込めないファイル: {printable(p)}" for p in problems]
        empty.update("\n".join(notes))
        if summaries:
            table.highlighted = 0
            table.focus()
        else:
            self.query_one("#home-new", Button).focus()

    @property
    def table(self) -> OptionList:
        return self.query_one("#home-sessions", OptionList)

    @on(OptionList.OptionSelected, "#home-sessions")
    def _row_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(HomeChoice("resume", str(event.option.id)))

    def action_yearly(self) -> None:
        """Start this year's check from the highlighted (earlier) session."""
        found = self.query("#home-sessions")
        table = found.first(OptionList) if found else None
        if table is None or not table.option_count or table.highlighted is None:
            self.notify(
                "年次確認の元にするセッションを一覧から選んでください。", severity="warning"
            )
            return
        session_id = str(table.get_option_at_index(table.highlighted).id)
        summary = getattr(self, "_summaries", {}).get(session_id)
        from interview.tui.screens.confirm import ConfirmScreen

        named = (
            f"{printable(summary.organisation)}（{summary.party_label}、"
            f"{summary.updated_at.astimezone():%Y-%m-%d} 更新、ID: {printable(session_id)}）"
            if summary is not None
            else f"ID: {printable(session_id)}"
        )
        text = (
            f"{named} の回答をもとに、年次確認の新しいセッションを作ります。"
            "前回の回答を項目ごとにお見せするので、変わりなければ Enter で項目ごと確定、"
            "変わっていれば 2 を押して書き換えてください。前回のセッションは変更しません。"
            "別のセッションから始めるときは、やめて一覧で選び直してください。"
        )

        def decided(yes: bool | None) -> None:
            if yes:
                self.post_message(HomeChoice("yearly", session_id))

        self.app.push_screen(ConfirmScreen("年次確認を始めますか？", text, "始める (y)"), decided)

    def action_review(self) -> None:
        """The bank's review of its connectors' checklists (``interview review``)."""
        self.post_message(HomeChoice("review"))

    @on(Button.Pressed, "#home-new")
    def action_new(self) -> None:
        self.post_message(HomeChoice("new"))

    @on(Button.Pressed, "#home-demo")
    def action_demo(self) -> None:
        self.post_message(HomeChoice("demo"))

    @on(Button.Pressed, "#home-quit")
    def _quit(self) -> None:
        self.app.exit()
