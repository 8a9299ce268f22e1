"""The glossary (F4) and item search (F5) modals when nothing is found, and with a
tailored checklist: driven in a small host app (no session needed)."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.widgets import Input, OptionList, Static

from interview.catalog import Party, load_catalog
from interview.tui.screens.glossary import GlossaryScreen
from interview.tui.screens.search import ItemSearchScreen


class Host(App[None]):
    def __init__(self, screen) -> None:
        super().__init__()
        self.modal = screen
        self.result: object = "unset"

    def on_mount(self) -> None:
        self.push_screen(self.modal, self._done)

    def _done(self, value: object) -> None:
        self.result = value


def _detail(app: App) -> str:
    return str(app.screen.query_one("#glossary-detail", Static).render())


def test_glossary_no_hit_clears_the_definition():
    async def scenario() -> None:
        app = Host(GlossaryScreen("とーくん"))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "API提供元" in _detail(app)  # トークン's definition
            for query in ("ふぃっしんぐ", "ＳＳＬ", "ぜいじゃくせい"):
                app.screen.query_one("#glossary-query", Input).value = query
                await pilot.pause()
                detail = _detail(app)
                assert "一致する用語は見つかりませんでした" in detail, query
                assert "API提供元" not in detail and "記載頁" not in detail, query
                results = app.screen.query_one("#glossary-results", OptionList)
                assert results.highlighted is None
            # a typo far off: the definition pane names candidates, shown on request
            app.screen.query_one("#glossary-query", Input).value = "すていとふる"
            await pilot.pause()
            results = app.screen.query_one("#glossary-results", OptionList)
            assert results.highlighted is None
            assert results.get_option_at_index(0).id == "ステートフルインスペクション"
            detail = _detail(app)
            assert "見つかりませんでした" in detail and "もしかして" in detail
            assert "通信を許可" not in detail  # named, not shown until chosen
            await pilot.press("down")
            await pilot.pause()
            assert "通信を許可" in _detail(app)
            # a description finds the term
            app.screen.query_one("#glossary-query", Input).value = "古いリモートログインのコマンド"
            await pilot.pause()
            assert results.get_option_at_index(0).id == "rlogin"
            assert "遠隔のサーバにログイン" in _detail(app)

    asyncio.run(scenario())


def test_item_search_no_hit_says_so_and_enter_does_nothing():
    async def scenario() -> None:
        app = Host(ItemSearchScreen("ばなな", Party.API_CONNECTOR))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            results = app.screen.query_one("#search-results", OptionList)
            first = results.get_option_at_index(0)
            assert first.disabled and "見つかりませんでした" in str(first.prompt)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ItemSearchScreen) and app.result == "unset"
            app.screen.query_one("#search-query", Input).value = "スタッフへの研修"
            await pilot.pause()
            assert results.get_option_at_index(0).id == "3"
            await pilot.press("enter")
            await pilot.pause()
            assert app.result == 3

    asyncio.run(scenario())


def test_item_search_uses_the_checklist_it_is_given():
    """A tailored session hands its own catalog: its items are the ones found."""
    catalog = load_catalog()
    item = catalog.item(31)
    renamed = item.model_copy(update={"goal": "受発注データの控えを遠隔地に保つ。"})
    items = tuple(renamed if i.no == 31 else i for i in catalog.items)
    tailored = catalog.model_copy(update={"items": items})

    async def scenario() -> None:
        app = Host(ItemSearchScreen("受発注データ", Party.API_CONNECTOR, catalog=tailored))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            results = app.screen.query_one("#search-results", OptionList)
            assert results.get_option_at_index(0).id == "31"

    asyncio.run(scenario())


def test_typing_fast_never_leaves_a_stale_definition():
    """ふ finds 不祥事案 (フショウジアン); the highlight it posts must not outlive the
    list once ふぃっしんぐ finds nothing (the bug the issue reports)."""

    async def scenario() -> None:
        app = Host(GlossaryScreen(""))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            query = app.screen.query_one("#glossary-query", Input)
            results = app.screen.query_one("#glossary-results", OptionList)
            query.value = "ふ"
            await pilot.pause()
            stale = results.get_option_at_index(0)
            assert stale.id == "不祥事案"
            query.value = "ふぃっしんぐ"
            await pilot.pause()
            # the highlight event of the earlier list, delivered late
            results.post_message(OptionList.OptionHighlighted(results, stale, 0))
            await pilot.pause()
            detail = _detail(app)
            assert "一致する用語は見つかりませんでした" in detail
            assert "社会的な信頼" not in detail

    asyncio.run(scenario())
