"""interview: a chat-style assistant for the FISC API接続チェックリスト.

The package reads as a flow:
catalog → questions → engine → session → compile → workbook,
with search (glossary / checklist) beside it and the TUI (``tui``) on top.
"""

from collections.abc import Mapping as _Mapping
from typing import Any as _Any

__version__ = "0.1.0"

# The core raises and reports messages as codes; their Japanese sentences live at the edge
# (``interview.messages``). Installed here, they word every entry point alike; the table
# is loaded when the first message is read, not with the package.
from interview.errors import install_wording as _install_wording


def _word(code: str, data: _Mapping[str, _Any]) -> str | None:
    from interview.messages import word

    return word(code, data)


_install_wording(_word)
