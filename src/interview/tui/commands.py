"""The command palette (ctrl+p), in Japanese: the app's own commands first, no English built-ins.

A screen lists its commands with ``palette_commands()``; screens without one offer their
key bindings. 「移動 23」 jumps straight to 通番23.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

# (name, help, callback)
PaletteCommand = tuple[str, str, Callable[[], object]]

_NUMBER = re.compile(r"[0-9０-９]+")


def _binding_commands(screen: object) -> Iterator[PaletteCommand]:
    run_action = getattr(screen, "run_action", None)
    for binding in getattr(screen, "BINDINGS", ()):
        if not isinstance(binding, Binding) or not binding.description or run_action is None:
            continue
        key = binding.key.upper() if binding.key.startswith("f") else binding.key
        yield binding.description, key, partial(run_action, binding.action)


class AppCommands(Provider):
    """The current screen's commands, named in Japanese."""

    def _commands(self) -> list[PaletteCommand]:
        screen = self.screen  # the screen the palette was opened on
        listed = getattr(screen, "palette_commands", None)
        commands = list(listed() if callable(listed) else _binding_commands(screen))
        commands.append(("テーマの切り替え", "画面の配色を変える", self.app.action_change_theme))
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        jump = getattr(self.screen, "jump", None)
        number = _NUMBER.search(query)
        if number is not None and callable(jump):
            item_no = int(
                number.group(0).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            )
            yield Hit(1.0, f"通番{item_no}へ移動", partial(jump, item_no), help="移動")
            return  # a number means 移動: nothing else competes for Enter
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
