"""One ``--limit`` for the commands that list results (search, glossary)."""

from __future__ import annotations

import argparse

import pytest

from interview.cli.main import build_parser
from interview.cli.options import add_limit


def test_limit_takes_a_whole_number_within_the_bound():
    parser = argparse.ArgumentParser()
    add_limit(parser, most=5, default=3)
    assert parser.parse_args([]).limit == 3
    assert parser.parse_args(["--limit", "5"]).limit == 5
    for bad in ("0", "6", "x"):
        with pytest.raises(SystemExit):
            parser.parse_args(["--limit", bad])


@pytest.mark.parametrize(("command", "most"), [("search", 44), ("glossary", 100)])
def test_each_command_keeps_its_own_bound(command, most, capsys):
    parser = build_parser()
    assert parser.parse_args([command, "x", "--limit", str(most)]).limit == most
    with pytest.raises(SystemExit):
        parser.parse_args([command, "x", "--limit", str(most + 1)])
    assert f"1〜{most}の整数を指定してください" in capsys.readouterr().err
