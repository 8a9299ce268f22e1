"""Command palette entries that exist only in the browser (``interview serve``).

textual-serve cannot upload a file from the person's computer, so importing a workbook is
not offered as a server path: the palette says where to do it instead.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

IMPORT_IN_BROWSER = "ブラウザ版では取り込みは使えません。コマンドで interview import を"
_IMPORT_TITLE = "Excel ブックを取り込む"


class BrowserCommands(Provider):
    def _import_hint(self) -> None:
        self.app.notify(IMPORT_IN_BROWSER, severity="warning", timeout=10)

    async def discover(self) -> Hits:
        if self.app.is_web:
            yield DiscoveryHit(_IMPORT_TITLE, self._import_hint, help=IMPORT_IN_BROWSER)

    async def search(self, query: str) -> Hits:
        if not self.app.is_web:
            return
        matcher = self.matcher(query)
        for text in (_IMPORT_TITLE, "取り込み インポート import"):
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(_IMPORT_TITLE),
                    self._import_hint,
                    help=IMPORT_IN_BROWSER,
                )
                return
