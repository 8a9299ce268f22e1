"""interview: a chat-style assistant for the FISC API接続チェックリスト.

The package reads as a flow:
catalog → questions → engine → session → compile → workbook,
with search (glossary / checklist) beside it and the TUI (``tui``) on top.
"""

__version__ = "0.1.0"
