"""Help (F1): every key and slash command."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from interview.tui import styles
from interview.tui.keys import KEYS, SLASH_COMMANDS


def help_text() -> str:
    lines = ["操作キー", ""]
    lines += [f"  {key:<10} {label}" for key, label in KEYS]
    lines += ["", "入力欄でのコマンド（先頭に / ）", ""]
    lines += [f"  {command:<14} {label}" for command, label in SLASH_COMMANDS]
    lines += [
        "",
        "回答のしかた",
        "",
        "  入力欄が空のときに 1〜5 を押すと状態を選べます（マウスでも可）。",
        "  「はい、…」「いいえ」「一部…」「該当なし…」「わからない」で始めると、",
        "  状態が設定され、続きの文が詳細になります。Enter で送信、ctrl+j で改行。",
        "  チェックリストは Tab で移動し、スペースで選択します。",
        "",
        "  手法例が2件以上のグループは、まずまとめて伺います。",
        "  1 すべて実施済み／4 すべて該当なし：",
        "    共通の内容（理由）を1つ書いて Enter。",
        "  2／3／5：1件ずつ確認します。",
        "  数字を手法例の数だけ続けて押すと手法例ごとの状態になり、",
        "    実施済み・該当なし以外だけを1件ずつ伺います。",
        "  まとめて答えた手法例を1件だけ変える：F12（/個別）。",
        "  その他の対策・備考は1問。空のまま Enter で「特になし」。",
        "  課題認識・対応計画は、実施済み・該当なし以外の",
        "    手法例があるときだけ伺います。",
        "  年次確認：項目ごとに Enter（1）で「前回どおり」、",
        "    2 で一問ずつ確認します。",
        "",
        "esc または F1 で閉じます。",
    ]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [
        Binding("escape", "dismiss", "閉じる", id="help.close"),
        Binding("f1", "dismiss", "閉じる", show=False, id="help.close2"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(help_text(), markup=False, id="help-text")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
