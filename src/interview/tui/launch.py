"""Start the TUI from the command line."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    from interview.tui.app import InterviewApp

    app = InterviewApp(sessions_dir=args.sessions_dir)
    app.run()
    return 0
