"""Textual settings chosen before textual is imported, never over the user's own."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = (
    "import os, interview.tui, textual.constants as c; "
    "print(os.environ['TEXTUAL_DISABLE_KITTY_KEY'], os.environ['TEXTUAL_FPS'], c.MAX_FPS)"
)


def run(env: dict[str, str]) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL_")}
    out = subprocess.run(
        [sys.executable, "-c", CODE],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split()


def test_defaults_are_set_before_textual_loads():
    assert run({}) == ["1", "120", "120"]


def test_the_users_choice_wins():
    assert run({"TEXTUAL_DISABLE_KITTY_KEY": "0", "TEXTUAL_FPS": "30"}) == ["0", "30", "30"]
