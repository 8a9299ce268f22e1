"""Export from within the app, with a summary of what is still unanswered."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from interview.errors import UserError, describe_os_error
from interview.services.live import LiveSession
from interview.services.workbooks import default_export_path
from interview.services.workbooks import export as export_workbook
from interview.textsafety import printable
from interview.tui import styles
from interview.workbook.export_target import TargetExistsError


def unanswered_summary(live: LiveSession) -> str:
    interview = live.interview
    open_items = [
        (item.no, interview.item_progress(item.no))
        for item in interview.items
        if not interview.item_complete(item.no)
    ]
    overall = interview.overall_progress()
    lines = [f"回答済み {overall.answered}/{overall.total}問（{overall.percent:.0f}%）"]
    if live.session.imported_form:
        lines.insert(
            0,
            f"取り込んだフォーマット（{live.session.imported_form}）の回答です。"
            "項目の文章はそのまま出力し、回答詳細には回答した設問だけを載せます。",
        )
    if open_items and not live.session.imported_form:
        lines.append(
            "未回答が残っている項目: "
            + "、".join(f"通番{no}（残り{p.total - p.answered}問）" for no, p in open_items[:12])
            + (" …" if len(open_items) > 12 else "")
        )
        lines.append("未回答のまま出力すると、その部分は空欄になります。")
    elif not open_items:
        lines.append("すべての質問に回答済みです。")
    if live.session.follow_ups:
        lines.append(f"要確認の印: {len(live.session.follow_ups)}件")
    return "\n".join(lines)


class ExportScreen(ModalScreen[Path | None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [Binding("escape", "close", "閉じる", id="export.close")]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self._confirmed = ""  # the path the person agreed to overwrite

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Excel ブックに出力", id="export-title")
            yield Static(unanswered_summary(self.live), markup=False, id="export-summary")
            yield Label("出力先のファイル名")
            yield Input(str(default_export_path(self.live.session)), id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button("出力 (Enter)", id="export-ok", variant="primary", compact=True)
                yield Button("閉じる (esc)", id="export-close", compact=True)
            yield Static("", markup=False, id="export-result")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _export(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        overwrite = bool(raw) and raw == self._confirmed
        self._confirmed = ""
        self.run_export(raw, overwrite)

    def _ask_overwrite(self, raw: str, path: Path) -> None:
        self._confirmed = raw
        self.query_one("#export-result", Static).update(
            f"{path} は既にあります。上書きしてよければ、もう一度 Enter（出力）を押してください。"
            "やめるときはファイル名を変えるか、esc で閉じてください。"
        )

    @work(thread=True, exclusive=True)
    def run_export(self, raw: str, overwrite: bool = False) -> None:
        # A worker thread touches no widget: results are shown from the app's thread.
        try:
            written = export_workbook(self.live.session, raw, overwrite=overwrite).resolve()
        except TargetExistsError as exc:
            self.app.call_from_thread(self._ask_overwrite, raw, exc.path)
            return
        except UserError as exc:
            self.app.call_from_thread(
                self._show_result, f"出力できませんでした: {printable(str(exc))}"
            )
            return
        except OSError as exc:
            self.app.call_from_thread(
                self._show_result, printable(f"書き込めませんでした: {describe_os_error(exc)}")
            )
            return
        self.app.call_from_thread(self._show_result, printable(f"出力しました: {written}"))
        self.app.call_from_thread(self.notify, f"出力しました: {written}", markup=False)

    def _show_result(self, text: str) -> None:
        self.query_one("#export-result", Static).update(text)

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.dismiss(None)
