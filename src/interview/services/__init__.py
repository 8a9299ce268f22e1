"""The application layer: every use case, called by both front ends (``tui/`` and ``cli/``).

The front ends parse keys or arguments, call one function here and render what it
returns; the use cases combine the core packages (catalog → questions → engine →
session → compile → workbook) and never print or draw. See docs/architecture.md.
"""
