"""interview: a chat-style assistant for the FISC API接続チェックリスト.

The package reads as a flow:
catalog → questions → engine → session → compile → workbook,
with search (glossary / checklist) beside it and the TUI (``tui``) on top.
"""

__version__ = "0.1.0"

# The core raises and reports messages as codes; their Japanese sentences live at the edge
# (``interview.messages``). Installing them here means every entry point words them alike.
from interview import messages as _messages  # noqa: F401
