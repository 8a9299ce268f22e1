"""The chat log and the answer bar bring their own look: they need no app stylesheet."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from interview.tui.widgets.answer_bar import AnswerBar
from interview.tui.widgets.chat import ChatLog


class _Bare(App[None]):
    """An app with no CSS of its own."""

    def compose(self) -> ComposeResult:
        yield ChatLog()
        yield AnswerBar()


def test_widgets_are_styled_in_a_bare_app():
    asyncio.run(_styled())


async def _styled() -> None:
    app = _Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        log = app.query_one(ChatLog)
        bar = app.query_one(AnswerBar)
        user = log.say("はい", "user")
        question = log.say("質問です", "assistant")
        await pilot.pause()
        assert bar.styles.border_top[0] == "hkey"
        assert bar.query_one("#reply").styles.height.value == 3
        assert bar.query_one("#extra").styles.border_top[0] in ("", "none")
        assert user.styles.margin.left == 6 and question.styles.margin.right == 4
        assert question.styles.border_left[0] == "tall"
        assert log.styles.scrollbar_size_vertical == 1
