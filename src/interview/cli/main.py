"""Entry point of the ``interview`` command.

Each ``interview.cli.*_cmd`` module contributes one subcommand through
``register(subparsers)``; they are found by name, so adding a command never
means editing this file.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

import interview.cli
from interview import __version__
from interview.errors import UserError


def default_sessions_dir() -> Path:
    return Path(os.environ.get("INTERVIEW_SESSIONS_DIR") or "sessions")


def _command_modules() -> list[str]:
    names = [
        m.name for m in pkgutil.iter_modules(interview.cli.__path__) if m.name.endswith("_cmd")
    ]
    return sorted(names)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interview",
        description="FISC「API接続チェックリスト」の回答を対話形式で作成します。",
    )
    parser.add_argument("--version", action="version", version=f"interview {__version__}")
    parser.add_argument(
        "--sessions-dir",
        type=Path,
        default=None,
        help="セッションの保存先（既定: ./sessions、環境変数 INTERVIEW_SESSIONS_DIR）",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _command_modules():
        importlib.import_module(f"interview.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.sessions_dir is None:
        args.sessions_dir = default_sessions_dir()
    try:
        if args.command is None:
            from interview.tui.launch import run_app

            return run_app(args)
        return int(args.handler(args))
    except UserError as exc:
        print(f"エラー: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
