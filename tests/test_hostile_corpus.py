"""Hostile corpus (issue 11.2, 11.3): every untrusted string source through every surface.

Sources: answer detail, TOML keys, organisation, id, respondent fields, certifications,
catalog edition, profile text, imported workbook cells. Surfaces: CLI stdout and stderr
(every command that shows a session), the TUI screens and modals (the rendered strips,
through one Pilot run), toasts, the home table, and the exported workbook.

Each surface must write no ESC, C1, bidi, zero-width or other unsafe character, and show
markup from data literally (``[@click=app.quit]組織[/]`` stays those characters; clicking
it does nothing).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import openpyxl
import pytest
from helpers import new_session
from python_calamine import CalamineWorkbook

from interview.cli.main import main
from interview.engine.answers import Answer, Status
from interview.session.models import Certification
from interview.session.store import SessionStore
from interview.textsafety import UNSAFE

# Characters that act on a terminal or hide/reorder text.
CONTROLS = (
    "\x1b]52;c;cHduZWQ=\x07"  # OSC 52: set the clipboard
    "\x1b[31m赤\x1b[0m"  # SGR colour
    "\x1b]0;title\x1b\\"  # OSC 0: window title
    "\x9b2J\x9d0;t\x9c"  # 8-bit CSI / OSC
    "\x07\x08\r\x7f"  # BEL, BS, CR, DEL
    "\u202eevil\u202c\u2066iso\u2069\u061c\u200f\u200b\u2028\ufeff"  # bidi, invisible
)
# Console markup that must be shown, not interpreted.
MARKUP = {
    "org": "[@click=app.quit]組織[/]",
    "name": "[b]太字[/b]",
    "role": "[link=https://evil.example]L[/link]",
    "counterpart": "[reverse]相手[/]",
    "interviewer": "[blink]面談[/blink]",
    "cert": "[i]認証[/i]",
    "detail": "[bold]回答[/bold]",
    "edition": "[reverse]版[/]",
    "key": "[u]鍵[/u]",
}
SESSION_ID = "[reverse red]x"  # ids may hold brackets: they must not become markup
BAD_KEY = "\x1b]0;pwn\x07"


def h(name: str) -> str:
    return MARKUP[name] + CONTROLS


def assert_inert(text: str, where: str = "") -> None:
    """No byte a terminal acts on (tab and newline are fine)."""
    found = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text)})
    assert not found, f"{where}: unsafe characters written: {found}"


def make_sessions(directory: Path) -> SessionStore:
    store = SessionStore(directory)
    session = new_session(
        store,
        h("org"),
        "api_connector",
        name=h("name"),
        role=h("role"),
        counterparts=[h("counterpart")],
        interviewer=h("interviewer"),
        session_id=SESSION_ID,
    )
    session.certifications = [Certification(name=h("cert"), scope=CONTROLS, date=CONTROLS)]
    session.catalog_edition = h("edition")
    session.answers["1.1.1"] = Answer(
        status=Status.DONE, detail=h("detail") + " password: Xk9#mP2qL" + CONTROLS
    )
    session.answers[BAD_KEY] = Answer(status=Status.DONE, detail=CONTROLS)
    session.follow_ups = {"1.1.1": h("key"), BAD_KEY: CONTROLS}
    store.save(session)
    # A file whose format_version (and a key of its respondent) carry escape sequences.
    text = (directory / f"{SESSION_ID}.toml").read_text(encoding="utf-8")
    text = text.replace("format_version = 1", 'format_version = "\\u001b]0;pwn\\u0007"', 1)
    (directory / "bad.toml").write_text(text, encoding="utf-8")
    text = text.replace('format_version = "\\u001b]0;pwn\\u0007"', "format_version = 1")
    text = text.replace("[respondent]\n", '[respondent]\n"\\u001b]0;pwn\\u0007" = 1\n', 1)
    (directory / "badkey.toml").write_text(text, encoding="utf-8")
    # A session whose stored profile (a copy another party may have edited) is hostile.
    tailored = new_session(store, "プロファイル", "api_connector", session_id="tailored")
    tailored.profile_name = h("org")
    tailored.profile_text = (
        f'name = "{MARKUP["org"]}"\n[[add]]\nid = "追加1\u001b]52;c;eA==\u0007"\n'
    )
    store.save(tailored)
    return store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("hostile") / "sessions"
    make_sessions(directory)
    return directory


def cli(capsys: pytest.CaptureFixture[str], directory: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--sessions-dir", str(directory), *argv])
    out, err = capsys.readouterr()
    assert_inert(out, f"stdout of {argv}")
    assert_inert(err, f"stderr of {argv}")
    return code, out, err


# --- CLI -----------------------------------------------------------------------------------


def test_cli_shows_every_source_literally(corpus: Path, capsys) -> None:
    code, out, err = cli(capsys, corpus, "sessions")
    assert code == 0 and MARKUP["org"] in out and SESSION_ID in out
    assert "bad.toml" in err and "\\x1b]0;pwn\\x07" in err  # the key, shown literally
    code, out, _ = cli(capsys, corpus, "sessions", "--json")
    assert code == 0 and "\\u001b" in out
    code, out, _ = cli(capsys, corpus, "show", SESSION_ID)
    assert code == 0
    for name in ("org", "name", "role", "counterpart", "interviewer", "cert", "edition", "key"):
        assert MARKUP[name] in out, name
    code, out, _ = cli(capsys, corpus, "scan", SESSION_ID)
    assert code == 3 and "パスワード" in out
    code, out, _ = cli(capsys, corpus, "scan", SESSION_ID, "--json")
    assert code == 3
    code, out, _ = cli(capsys, corpus, "diff", SESSION_ID, SESSION_ID, "--all")
    assert code == 0
    code, out, _ = cli(capsys, corpus, "diff", SESSION_ID, SESSION_ID, "--json")
    assert code == 0


def test_cli_errors_from_untrusted_input_are_inert(corpus: Path, capsys, tmp_path: Path) -> None:
    code, _, err = cli(capsys, corpus, "show", "bad")
    assert code == 1 and "\\x1b]0;pwn\\x07" in err
    code, _, err = cli(capsys, corpus, "show", "badkey")
    assert code == 1 and "respondent.\\x1b]0;pwn\\x07" in err
    code, _, err = cli(capsys, corpus, "show", "x" + CONTROLS)
    assert code == 1 and "エラー" in err
    code, _, err = cli(
        capsys, corpus, "new", "--org", "A", "--party", "api_connector", "--id", CONTROLS
    )
    assert code == 1 and "U+202E" in err
    profile = tmp_path / "p.toml"
    profile.write_text(f'name = "{MARKUP["org"]}\\u001b[31m"\nexclude = []\n', encoding="utf-8")
    code, _, err = cli(
        capsys, corpus, "new", "--org", "A", "--party", "api_connector", "--profile", str(profile)
    )
    assert code == 1 and "制御文字" in err


def test_exported_workbook_and_imported_cells(corpus: Path, capsys, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    code, text, _ = cli(capsys, corpus, "export", SESSION_ID, "-o", str(out))
    assert code == 0
    book = CalamineWorkbook.from_path(str(out))
    cells = [
        str(v)
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for v in row
    ]
    for cell in cells:
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", cell), cell
    assert any(MARKUP["detail"] in c for c in cells)
    # A crafted workbook: markup, C1 and bidi characters in its cells (openpyxl refuses C0).
    wb = openpyxl.load_workbook(out)
    sheet = wb["フォーマット"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == 1:
            row[4].value = MARKUP["org"] + "\x9b2J\u202e\u200b"
            break
    crafted = tmp_path / "crafted.xlsx"
    wb.save(crafted)
    code, text, _ = cli(capsys, corpus, "import", str(crafted), "-o", "imported")
    assert code == 0
    code, text, _ = cli(capsys, corpus, "show", "imported")
    assert code == 0 and MARKUP["org"] in text  # the cover's organisation, literally
    texts = SessionStore(corpus).load("imported").texts["1"]
    assert MARKUP["org"] in texts.status.text  # the crafted cell is stored as written


# --- TUI: one Pilot run over every screen and modal ------------------------------------------


def rendered(app) -> str:
    """The text of every rendered strip of the current screen (what reaches the terminal)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def until(pilot, predicate, tries: int = 200) -> None:
    """Wait (up to ~10 s on a loaded machine) until *predicate* holds."""
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(0.05)
    assert predicate()


def test_tui_screens_modals_toasts_and_table(corpus: Path, tmp_path: Path) -> None:
    from textual import events
    from textual.widgets import Input, TextArea

    from interview.session.errors import SessionError
    from interview.tui.app import InterviewApp
    from interview.tui.screens.export import ExportScreen
    from interview.tui.screens.interview import InterviewScreen
    from interview.tui.screens.notice import NoticeScreen
    from interview.tui.screens.review import ReviewScreen
    from interview.tui.screens.secret_warning import SecretWarningScreen
    from interview.tui.screens.text_view import TextScreen

    async def run() -> None:
        app = InterviewApp(sessions_dir=corpus)
        async with app.run_test(size=(200, 60), notifications=True) as pilot:
            await until(pilot, lambda: getattr(app.screen, "listed", False))
            await pilot.pause()
            home = rendered(app)
            assert_inert(home, "home")
            assert MARKUP["org"] in home  # the table, literally
            assert "読み込めないファイル" in home and "\\x1b]0;pwn\\x07" in home
            table = app.screen.query_one("#home-sessions")
            table.scroll_x = table.max_scroll_x  # the ID column, past the long names
            await pilot.pause()
            home = rendered(app)
            assert_inert(home, "home, scrolled")
            assert SESSION_ID in home
            table.scroll_x = 0
            # Clicking the organisation cell does not run the [@click] action.
            await pilot.click(table, offset=(5, 1))
            await pilot.pause()
            assert app.is_running

            # A hostile profile copy: a clear message, the app keeps running.
            app.open_session("tailored")
            await until(
                pilot,
                lambda: any("保存されたプロファイル" in n.message for n in app._notifications),
            )
            await pilot.pause()
            assert_inert(rendered(app), "profile error toast")
            assert app.is_running and app.handle is None

            app.open_session(SESSION_ID)
            await until(pilot, lambda: "別の版" in rendered(app))  # the toast is up
            screen = app.screen
            assert isinstance(screen, InterviewScreen)
            text = rendered(app)
            assert_inert(text, "interview")
            assert MARKUP["org"] in text  # title and welcome
            assert "別の版" in text and MARKUP["edition"] in text  # the toast, not styled
            assert MARKUP["detail"] in text  # the last exchange replayed

            # Back to the answered question: the reply is prefilled with the stored detail.
            screen.action_back()
            await pilot.pause()
            reply = screen.query_one("#reply", TextArea)
            assert_inert(reply.text, "prefill")
            assert MARKUP["detail"] in reply.text
            assert_inert(rendered(app), "prefill render")

            # Pasted text with ANSI colour codes is stored without them.
            reply.text = ""
            reply.focus()
            await pilot.pause()
            app.post_message(events.Paste("はい \x1b[1;31m赤い\x1b[0m文字\u202e"))
            await pilot.pause()
            assert reply.text == "はい 赤い文字"

            # F9 review: the stored texts in the TextAreas are inert.
            screen.action_review()
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
            assert isinstance(app.screen, ReviewScreen)
            for area in app.screen.query(TextArea):
                assert_inert(area.text, "review")
            assert_inert(rendered(app), "review render")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)

            # The secret warning lists the hostile preview literally.
            # (Typed text cannot hold controls: keys never produce them and pastes are
            # cleaned; markup is what a person can type.)
            reply.text = "はい " + MARKUP["detail"] + " password: Zq81abcd!"
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, SecretWarningScreen))
            assert isinstance(app.screen, SecretWarningScreen)
            assert_inert(rendered(app), "secret warning")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)

            # A save error with a hostile message: a modal, the reply kept.
            handle = app.handle
            real_save = handle.save

            def failing(session=None):
                raise SessionError("保存できません: " + MARKUP["key"] + CONTROLS)

            handle.save = failing
            reply.text = "はい 保存できないはずの回答"
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, NoticeScreen))
            assert isinstance(app.screen, NoticeScreen)
            text = rendered(app)
            assert_inert(text, "save error")
            assert MARKUP["key"] in text
            handle.save = real_save
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)
            assert reply.text == "はい 保存できないはずの回答"

            # F10 export from the app: the default file name (the id) and the result line.
            screen.action_export()
            await until(
                pilot,
                lambda: isinstance(app.screen, ExportScreen) and app.screen.query("#export-path"),
            )
            path_input = app.screen.query_one("#export-path", Input)
            assert path_input.value == f"{SESSION_ID}.xlsx"
            path_input.value = str(tmp_path / "from-app.xlsx")
            await pilot.press("enter")
            await until(pilot, lambda: (tmp_path / "from-app.xlsx").exists())
            await until(pilot, lambda: "出力しました" in rendered(app))
            assert_inert(rendered(app), "export screen")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)

            # A hand edit under the open app: announced in a modal naming the file.
            path = corpus / f"{SESSION_ID}.toml"
            path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            screen.action_skip()
            await until(pilot, lambda: isinstance(app.screen, NoticeScreen))
            assert isinstance(app.screen, NoticeScreen)
            text = rendered(app)
            assert_inert(text, "hand edit")
            assert "[reverse" in text and "x.toml.edited-" in text  # named, literally
            await pilot.press("c")  # compare: the diff report
            await until(pilot, lambda: isinstance(app.screen, TextScreen))
            assert_inert(rendered(app), "compare")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)
            assert app.is_running

            # Another hand edit, this time loaded into the app (l).
            text = path.read_text(encoding="utf-8")
            path.write_text(
                text.replace("[follow_ups]\n", '[follow_ups]\n"1.2.1" = "手で追加"\n', 1),
                encoding="utf-8",
            )
            app.screen.action_skip()
            await until(pilot, lambda: isinstance(app.screen, NoticeScreen))
            assert isinstance(app.screen, NoticeScreen)
            await pilot.press("l")
            await until(
                pilot,
                lambda: isinstance(app.screen, InterviewScreen) and app.screen is not screen,
            )
            assert isinstance(app.screen, InterviewScreen)
            assert app.live.session.follow_ups["1.2.1"] == "手で追加"
            assert_inert(rendered(app), "reloaded")

    asyncio.run(run())
