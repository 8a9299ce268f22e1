"""Start the TUI from the command line."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace, resume: str | None = None) -> int:
    import interview.tui  # noqa: F401  (sets TEXTUAL_DISABLE_KITTY_KEY before textual loads)
    from interview.tui.app import InterviewApp

    InterviewApp(sessions_dir=args.sessions_dir, resume=resume).run()
    return 0
