"""F10 in the browser (``interview serve``): the workbook as a download, no server path.

In the terminal F10 keeps the export screen with its file name (screens/export.py).
"""

from __future__ import annotations

from io import BytesIO

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from interview.compile.workbook_payload import XLSX_MIME, download_name, workbook_payload
from interview.errors import UserError
from interview.services.live import LiveSession
from interview.textsafety import printable
from interview.tui import styles


class DownloadScreen(ModalScreen[None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [Binding("escape", "close", "閉じる", id="download.close")]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.delivery_key: str | None = None

    def compose(self) -> ComposeResult:
        from interview.tui.screens.export import unanswered_summary

        with Vertical(id="export-box"):
            yield Label("Excel ブックをダウンロード", id="export-title")
            yield Static(unanswered_summary(self.live), markup=False, id="export-summary")
            yield Static(
                f"ファイル名: {download_name(self.live.session)}（ブラウザの保存先に保存されます）",
                markup=False,
                id="download-name",
            )
            with Horizontal(id="export-buttons"):
                yield Button(
                    "ダウンロード (Enter)", id="download-ok", variant="primary", compact=True
                )
                yield Button("閉じる (esc)", id="download-close", compact=True)
            yield Static("", markup=False, id="export-result")

    def on_mount(self) -> None:
        self.query_one("#download-ok", Button).focus()

    @on(Button.Pressed, "#download-ok")
    def _download(self) -> None:
        self.query_one("#export-result", Static).update("ブックを作成しています…")
        self.build_and_deliver()

    @work(thread=True, exclusive=True)
    def build_and_deliver(self) -> None:
        live = self.live
        try:
            payload = workbook_payload(live.session, live.catalog, live.questions)
        except UserError as exc:
            self.app.call_from_thread(self._show, f"作成できませんでした: {exc}")
            return
        self.app.call_from_thread(self._deliver, payload)

    def _deliver(self, payload: bytes) -> None:
        name = download_name(self.live.session)
        self.delivery_key = self.app.deliver_binary(
            BytesIO(payload), save_filename=name, mime_type=XLSX_MIME, name="workbook"
        )
        self._show(f"ダウンロードを始めました: {name}（{len(payload):,} バイト）")

    def _show(self, text: str) -> None:
        self.query_one("#export-result", Static).update(printable(text))

    @on(Button.Pressed, "#download-close")
    def action_close(self) -> None:
        self.dismiss(None)
