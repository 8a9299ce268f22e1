"""Home: start a new session, resume one from the table, open the demo, or quit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, Static

from interview.errors import UserError, describe_os_error

if TYPE_CHECKING:
    from rich.text import Text
    from textual.widgets import DataTable
from interview.textsafety import printable, safe_text
from interview.tui.typed import interview_app


@dataclass
class HomeChoice(Message):
    action: str  # new | resume | yearly | demo | quit
    session_id: str = ""


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new", "新規", id="home.new"),
        Binding("d", "demo", "デモ", id="home.demo"),
        Binding("r", "reload", "再読込", id="home.reload"),
        Binding("y", "yearly", "年次確認", id="home.yearly"),
        Binding("ctrl+q", "app.quit", "終了", id="home.quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(
                "FISC「API接続チェックリスト」の回答を、一問ずつ一緒に作成します。",
                id="home-lead",
            )
            with Horizontal(id="home-buttons"):
                yield Button("新しく始める (n)", id="home-new", variant="primary", compact=True)
                yield Button("デモを見る (d)", id="home-demo", compact=True)
                yield Button("終了 (ctrl+q)", id="home-quit", compact=True)
            yield Label(
                "続きから再開（↑↓で選んで Enter、y でそのセッションから年次確認）",
                id="home-resume-label",
            )
            # the table (a heavier widget) is mounted right after the first paint
            yield Static("", id="home-empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#home-empty", Static).update("セッションを読み込んでいます…")
        self.query_one("#home-new", Button).focus()
        # The table and the list come after the first paint; the list is read off the UI thread.
        self.call_after_refresh(self._mount_table)

    def _mount_table(self) -> None:
        from textual.widgets import DataTable

        table: DataTable[str | Text] = DataTable(
            id="home-sessions", cursor_type="row", zebra_stripes=True
        )
        self.query_one("#home").mount(table, before=self.query_one("#home-empty"))
        table.add_columns("組織", "対象者", "進捗", "更新日時", "要確認", "ID")
        self.action_reload()

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
        self.app.call_from_thread(self._show, summaries, problems)

    _listed = False

    def _show(self, summaries: list, problems: list[str]) -> None:
        self._listed = True
        table = self.table
        table.clear()
        for s in summaries:
            table.add_row(
                safe_text(s.organisation),
                s.party_label,
                f"{s.progress:.0f}%",
                s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                str(s.follow_ups) if s.follow_ups else "",
                safe_text(s.id),
                key=s.id,
            )
        empty = self.query_one("#home-empty", Static)
        notes = []
        if not summaries:
            notes.append("保存されたセッションはまだありません。「新しく始める」から始めましょう。")
        notes += [f"読み込めないファイル: {printable(p)}" for p in problems]
        empty.update("\n".join(notes))
        if summaries:
            table.focus()
        else:
            self.query_one("#home-new", Button).focus()

    @property
    def table(self) -> DataTable[str | Text]:
        from textual.widgets import DataTable

        return self.query_one("#home-sessions", DataTable)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.post_message(HomeChoice("resume", str(event.row_key.value)))

    def action_yearly(self) -> None:
        """Start this year's check from the highlighted (earlier) session."""
        from textual.widgets import DataTable

        found = self.query("#home-sessions").results(DataTable)
        table = next(found, None)
        if table is None or not table.row_count:
            self.notify(
                "年次確認の元にするセッションを一覧から選んでください。", severity="warning"
            )
            return
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        self.post_message(HomeChoice("yearly", str(row_key.value)))

    @on(Button.Pressed, "#home-new")
    def action_new(self) -> None:
        self.post_message(HomeChoice("new"))

    @on(Button.Pressed, "#home-demo")
    def action_demo(self) -> None:
        self.post_message(HomeChoice("demo"))

    @on(Button.Pressed, "#home-quit")
    def _quit(self) -> None:
        self.app.exit()
