"""Arguments several commands share, defined once."""

from __future__ import annotations

import argparse


def add_limit(parser: argparse.ArgumentParser, most: int, default: int = 10) -> None:
    """``--limit N``: how many results to show, a whole number from 1 to *most*."""

    def limit(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if not 1 <= value <= most:
            raise argparse.ArgumentTypeError(f"1〜{most}の整数を指定してください")
        return value

    parser.add_argument(
        "--limit",
        type=limit,
        default=default,
        metavar="N",
        help=f"表示する件数の上限（1〜{most}、既定: {default}）",
    )
