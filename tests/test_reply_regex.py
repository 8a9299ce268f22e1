"""Large alternations read long replies one alternative at a time, with the same answers."""

from __future__ import annotations

import re

from interview.engine import reply_regex
from interview.engine.reply_regex import Alternation, _top_level


def test_top_level_alternatives_respect_groups_and_classes():
    source = r"a(b|c)|[|x]d|e\|f|(?<!g)h"
    assert _top_level(source) == ["a(b|c)", "[|x]d", r"e\|f", "(?<!g)h"]


def test_short_and_long_text_give_the_same_answers(monkeypatch):
    pattern = re.compile(r"(?<!未)実施(済|中)|ていない|^はい|だけ(?!で)")
    rules = Alternation(pattern)
    texts = ["はい、本番だけ実施済み", "まだ実施していない", "未実施済", "それだけでなく"]
    short = [(bool(rules.search(t)), rules.sub("X", t)) for t in texts]
    monkeypatch.setattr(reply_regex, "_LONG", 0)  # every text counts as long
    assert [(bool(rules.search(t)), rules.sub("X", t)) for t in texts] == short


def test_a_long_reply_reads_like_its_short_self():
    from interview.engine.reply import parse_status_reply

    short = "手順書はありますが、訓練はしていません。"
    assert parse_status_reply(short * 20).status is parse_status_reply(short).status


def test_the_guard_looks_ahead_for_the_first_characters():
    from interview.engine.reply_regex import guarded

    assert guarded(re.compile(r"(?<!未)(実施|対応)済|\d割")).pattern.startswith("(?=[")
    assert guarded(re.compile(r"(は|)い")).pattern == "(?=[いは])(?:(は|)い)"
    # patterns that may match empty or start with any character stay as they are
    for source in [r"a?", r".x", r"[^a]b", r"(は|)"]:
        assert guarded(re.compile(source)).pattern == source
    # re already skips ahead on a literal or on alternatives that each start with one
    assert guarded(re.compile(r"(検討|予定)中")).pattern == r"(検討|予定)中"


def test_guarded_rules_find_the_same_spans():
    """Every guarded rule pattern matches exactly where its plain self does."""
    import tomllib
    from pathlib import Path

    from interview.engine import reply_normalize, reply_rules
    from interview.engine.reply_regex import guarded

    data = Path(__file__).parent / "data" / "replies.toml"
    texts = [
        reply_normalize.fold(text)
        for groups in tomllib.loads(data.read_text(encoding="utf-8")).values()
        for items in groups.values()
        for text in items
    ][::3]
    checked = 0
    for module in (reply_rules, reply_normalize):
        for value in vars(module).values():
            pattern = value.pattern if isinstance(value, Alternation) else value
            if not isinstance(pattern, re.Pattern) or not pattern.pattern.startswith("(?=["):
                continue
            plain = re.compile(pattern.pattern.split("])(?:", 1)[1][:-1])
            assert guarded(plain).pattern == pattern.pattern
            for text in texts:
                assert [m.span() for m in pattern.finditer(text)] == [
                    m.span() for m in plain.finditer(text)
                ]
            checked += 1
    assert checked >= 20
