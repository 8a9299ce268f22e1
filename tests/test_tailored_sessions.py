"""Sessions on a tailored checklist (new --profile): interview, workbook and TUI."""

from __future__ import annotations

import asyncio
from pathlib import Path

from python_calamine import CalamineWorkbook
from textual.widgets import Input

from interview.cli.main import main
from interview.session.store import SessionStore
from interview.session.tailoring import session_checklist
from interview.tui.app import InterviewApp
from interview.tui.screens.interview import InterviewScreen

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "docs" / "examples" / "profile-sample.toml"


def new_tailored(sessions: Path) -> int:
    """``interview new`` for session ``t`` on the sample profile."""
    return main(
        [
            "--sessions-dir",
            str(sessions),
            "new",
            "--org",
            "調整株式会社",
            "--party",
            "api_connector",
            "--profile",
            str(SAMPLE),
            "--id",
            "t",
        ]
    )


def test_new_with_profile_keeps_the_profile_in_the_session(tmp_path, capsys):
    code = new_tailored(tmp_path)
    assert code == 0
    session = SessionStore(tmp_path).load("t")
    assert session.profile_name == "さくら銀行 API接続先向け 2027年版"
    assert session.profile_text == SAMPLE.read_text(encoding="utf-8")
    catalog, questions = session_checklist(session)
    numbers = [i.no for i in catalog.items]
    assert 17 not in numbers and 8 not in numbers
    assert [i.display_no for i in catalog.items][-2:] == ["追加1", "追加2"]
    assert questions.for_item(1001)[0].text == "APIの利用状況を月次で金融機関に報告していますか？"


def test_bad_profile_is_refused_before_anything_is_created(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n[[exclude]]\nitem = 99\nreason = "なし"\n', encoding="utf-8")
    code = main(
        [
            "--sessions-dir",
            str(tmp_path / "s"),
            "new",
            "--org",
            "A",
            "--party",
            "api_connector",
            "--profile",
            str(bad),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "bad.toml" in err and "99" in err
    assert not list(tmp_path.glob("s/*.toml"))


def test_tailored_export_shows_only_items_in_effect(tmp_path, capsys):
    assert new_tailored(tmp_path) == 0
    out = tmp_path / "t.xlsx"
    assert main(["--sessions-dir", str(tmp_path), "export", "t", "-o", str(out)]) == 0
    book = CalamineWorkbook.from_path(str(out))
    rows = book.get_sheet_by_name("フォーマット").to_python()[1:]
    numbers = [str(r[0]).removesuffix(".0") for r in rows]
    assert "17" not in numbers and "8" not in numbers
    assert numbers[-2:] == ["追加1", "追加2"]
    assert len(rows) == 44
    cover = " ".join(str(c) for row in book.get_sheet_by_name("表紙").to_python() for c in row)
    assert "さくら銀行 API接続先向け 2027年版" in cover and "除外 通番17" in cover


async def _walk_added_item(tmp_path: Path) -> None:
    app = InterviewApp(sessions_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#new-org", Input).value = "調整株式会社"
        app.screen.query_one("#new-profile", Input).value = str(SAMPLE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.live.session.profile_name
        screen.live.jump(1001)
        screen._show_current(introduce=True)
        await pilot.pause()
        assert screen.live.interview.current().id == "1001.1.1"
        await pilot.press("1")
        screen.query_one("#reply").text = "毎月5営業日以内にメールで報告"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.live.session.answers["1001.1.1"].detail == "毎月5営業日以内にメールで報告"
        with_17 = [i.no for i in screen.live.interview.items]
        assert 17 not in with_17 and 1001 in with_17


def test_tui_wizard_with_profile_and_added_item(tmp_path):
    asyncio.run(_walk_added_item(tmp_path))


async def _search_in_tailored_session(sessions: Path) -> None:
    from textual.widgets import OptionList

    from interview.tui.screens.search import ItemSearchScreen

    app = InterviewApp(sessions_dir=sessions, resume="t")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ItemSearchScreen)
        query = app.screen.query_one("#search-query", Input)
        results = app.screen.query_one("#search-results", OptionList)
        # item 8 (連鎖接続) is excluded by the profile: it is not offered
        query.value = "連鎖接続"
        await pilot.pause()
        offered = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert "8" not in offered
        # the added item is found by its number and by its words
        query.value = "利用状況"
        await pilot.pause()
        assert results.get_option_at_index(0).id == "1001"
        query.value = "追加1"
        await pilot.pause()
        assert results.get_option_at_index(0).id == "1001"
        assert str(results.get_option_at_index(0).prompt).startswith("追加1 ")  # its label
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.live.interview.current().item == 1001


def test_search_in_a_tailored_session_offers_only_its_items(tmp_path, capsys):
    assert new_tailored(tmp_path) == 0
    asyncio.run(_search_in_tailored_session(tmp_path))
