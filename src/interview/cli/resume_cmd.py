"""``interview resume ID``: open a saved session in the app."""

from __future__ import annotations

import argparse

from interview.tui.launch import run_app


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("resume", help="保存したセッションを再開します")
    parser.add_argument(
        "session_id", metavar="ID", help="セッションID（interview sessions で確認）"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return run_app(args, resume=args.session_id)
