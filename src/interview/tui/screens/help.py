"""Help (F1): every key and slash command."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from interview.tui import styles
from interview.tui.keys import KEYS, SLASH_COMMANDS


def _pad(text: str, cells: int) -> str:
    """Pad to a width in terminal cells (「1〜5」 and 「/用語」 are wider than they are long)."""
    return text + " " * max(1, cells - cell_len(text))


def help_text() -> str:
    lines = ["操作キー", ""]
    lines += [f"  {_pad(key, 12)}{label}" for key, label in KEYS]
    lines += ["", "入力欄でのコマンド（先頭に / ）", ""]
    lines += [f"  {_pad(command, 16)}{label}" for command, label in SLASH_COMMANDS]
    lines += [
        "",
        "回答のしかた",
        "",
        "  ふだんの言葉で書いて Enter で送信します。書いた文はそのまま詳細として",
        "  保存され、状態（実施済み・一部実施など）は文から読み取って表示します。",
        "  読み取りが違っていれば、入力欄が空のうちに 1〜6 のキー1つで直せます。",
        "  読み取れないときは、回答を保留して状態をたずねます（1〜6 で記録、",
        "  esc で入力欄に戻して書き直し）。",
        "  入力欄が空のときの 1〜6 は状態の選択です（マウスでも可）。",
        "  「2026年…」のように数字で書き始めた場合は、そのまま文字として入ります。",
        "  前回の回答が入っているときは全体が選択されていて、打つと置き換わります。",
        "  ctrl+u で入力欄を空に、ctrl+j で改行します。",
        "  チェックリストは shift+tab で移動し、スペースで選択します。",
        "",
        "  手法例が2件以上のグループは、まずまとめて伺います。",
        "  1 すべて実施済み／4 すべて該当なし：",
        "    共通の内容（理由）を1つ書いて Enter。",
        "  違う手法例があれば「②は一部実施、ほかは実施済み」",
        "    と書くか、数字を①から順に手法例の数だけ押します。",
        "    実施済み・該当なし以外だけを1件ずつ伺います。",
        "  2／3／5 だけなら全件を1件ずつ確認します。",
        "  まとめて答えた手法例を1件だけ変える：F12（/個別）。",
        "  その他の対策・備考は1問。空のまま Enter で「特になし」。",
        "  課題認識・対応計画は、実施済み・該当なし以外の",
        "    手法例があるときだけ伺います（ほかにも課題があれば /課題）。",
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
