"""Load ahead what the first answers of a session need (imports, compiled rules).

The reply reader compiles its rules on the first reply, and the first finished item
measures its text against the workbook's column widths (openpyxl's layout). Each costs a
pause of tens of milliseconds on the key that first needs it; the interview screen runs
:func:`warm_up` in a thread right after it is shown, so no answer waits for them.
"""

from __future__ import annotations


def warm_up() -> None:
    """Import and compile what answering needs later (safe to run in a thread, any number
    of times)."""
    from interview.compile.item_text import STATUS_BUDGET_PT  # noqa: F401
    from interview.engine.reply import prepare_reader
    from interview.workbook.fit import row_height  # noqa: F401
    from interview.workbook.layout import FORMAT_COLUMNS  # noqa: F401

    prepare_reader()
