"""New session: a short wizard (organisation, party, respondent, counterpart, certifications)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, SelectionList

from interview.catalog.party import Party
from interview.questions.certifications import CERTIFICATION_OPTIONS
from interview.tui import styles
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.marks import MarkedRadioButton, MarkedSelectionList


@dataclass(frozen=True)
class NewSessionForm:
    organisation: str
    party: Party
    respondent: str = ""
    role: str = ""
    counterparts: tuple[str, ...] = ()
    interviewer: str = ""
    certifications: tuple[str, ...] = field(default_factory=tuple)
    reuse: str = ""  # another session's id whose answers are offered as suggestions
    profile: str = ""  # a tailoring profile (TOML) path


class NewSessionScreen(ModalScreen[NewSessionForm | None]):
    CSS_PATH = styles.MODALS
    BINDINGS = [
        Binding("escape", "cancel", "やめる", id="new.cancel"),
        Binding("ctrl+s", "start", "開始", id="new.start"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="new-box"):
            yield Label("新しいセッション", id="new-title")
            yield Label("1. 組織名（必須）")
            yield Input(placeholder="例: 株式会社サンプルペイ", id="new-org")
            yield Label("", id="new-org-error", classes="field-error")
            yield Label("2. 回答する立場")
            with RadioSet(id="new-party"):
                yield MarkedRadioButton("API接続先（FinTech企業など）", value=True, id="party-api")
                yield MarkedRadioButton("金融機関", id="party-fi")
            yield Label("3. 回答者のお名前と役職（任意）")
            with Horizontal(classes="pair"):
                yield Input(placeholder="氏名", id="new-respondent")
                yield Input(placeholder="役職・部署", id="new-role")
            yield Label("4. 相手方の金融機関・API接続先（任意、複数は「、」区切り）")
            yield Input(placeholder="例: さくら銀行、みどり信用金庫", id="new-counterparts")
            yield Label("5. 面談を進める方（コンサルタントなど、任意）")
            yield Input(placeholder="氏名", id="new-interviewer")
            yield Label("6. 取得している第三者認証・報告書（スペースで選択、任意）")
            yield MarkedSelectionList(
                *((name, name) for name in CERTIFICATION_OPTIONS), id="new-certs"
            )
            yield Label("7. 回答を流用するセッションID（同じ組織・立場、任意）")
            yield Input(placeholder="例: sample-2026-04-06", id="new-reuse")
            yield Label("8. 項目を調整するプロファイル（TOMLファイルのパス、任意）")
            yield Input(placeholder="例: profiles/sakura-bank.toml", id="new-profile")
            with Horizontal(id="new-buttons"):
                yield Button("開始 (ctrl+s)", id="new-start", variant="primary", compact=True)
                yield Button("やめる (esc)", id="new-cancel", compact=True)
        yield KeyFooter()  # this form's keys, not the home screen's

    def on_mount(self) -> None:
        self.query_one("#new-org-error", Label).display = False
        self.query_one("#new-org", Input).focus()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    @on(Button.Pressed, "#new-start")
    def action_start(self) -> None:
        organisation = self._value("new-org")
        error = self.query_one("#new-org-error", Label)
        if not organisation:
            # Next to the field, which gets the focus (and is scrolled into view).
            error.update("⚠ 組織名を入力してください（必須です）。")
            error.display = True
            field = self.query_one("#new-org", Input)
            field.focus()
            field.scroll_visible()
            return
        error.display = False
        radio = self.query_one("#new-party", RadioSet)
        pressed = radio.pressed_button
        party = (
            Party.FINANCIAL_INSTITUTION
            if pressed and pressed.id == "party-fi"
            else Party.API_CONNECTOR
        )
        counterparts = tuple(
            c.strip()
            for c in self._value("new-counterparts").replace(",", "、").split("、")
            if c.strip()
        )
        certs = tuple(self.query_one("#new-certs", SelectionList).selected)
        self.dismiss(
            NewSessionForm(
                organisation=organisation,
                party=party,
                respondent=self._value("new-respondent"),
                role=self._value("new-role"),
                counterparts=counterparts,
                interviewer=self._value("new-interviewer"),
                certifications=certs,
                reuse=self._value("new-reuse"),
                profile=self._value("new-profile"),
            )
        )

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#new-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
