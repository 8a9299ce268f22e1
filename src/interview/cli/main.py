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
from interview.errors import UserError, describe_os_error
from interview.session.folder import tighten_sessions_dir
from interview.textsafety import SafeStream, printable


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
    # Every line printed passes the text-safety policy (untrusted ids, names, file keys;
    # argparse repeats a mistyped argument in its message too).
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        args = parser.parse_args(argv)
    finally:
        sys.stdout, sys.stderr = out, err
    if args.sessions_dir is None:
        args.sessions_dir = default_sessions_dir()
    if args.command is None:
        from interview.tui.launch import run_app

        return run_app(args)
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        notice = tighten_sessions_dir(Path(args.sessions_dir))
        if notice:
            print(notice, file=sys.stderr)
        args.exit_status = int(args.handler(args))
        sys.stdout.flush()  # a closed pipe shows here, not after the status is lost
        return int(args.exit_status)
    except UserError as exc:
        print(f"エラー: {printable(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop writing, keep the command's exit status.
        _silence_stdout()
        return int(getattr(args, "exit_status", 0))
    except RecursionError:
        print("エラー: 入れ子が深すぎるデータは読めません。", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"エラー: {printable(describe_os_error(exc))}", file=sys.stderr)
        return 1
    finally:
        sys.stdout, sys.stderr = out, err


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass
