"""The command line starts quickly: building the parser imports no heavy library."""

from __future__ import annotations

import subprocess
import sys


def test_parser_imports_nothing_heavy():
    code = (
        "import sys; from interview.cli.main import build_parser; build_parser(); "
        "print(' '.join(m for m in ('pydantic', 'openpyxl', 'textual', 'rapidfuzz') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
