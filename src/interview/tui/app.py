"""The Textual application (placeholder until the interview screens land)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static


class InterviewApp(App[None]):
    TITLE = "API接続チェックリスト 回答アシスタント"
    BINDINGS = [Binding("ctrl+q", "quit", "終了", id="quit")]

    def __init__(self, sessions_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("画面は準備中です。ctrl+q で終了します。", id="placeholder")
        yield Footer()
