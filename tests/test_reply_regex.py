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


def test_first_characters_of_a_pattern():
    assert reply_regex.first_characters(r"(?<!a)\d割|b(c|d)|[xy]?z") == (
        r"[\d\U00000062\U00000078-\U0000007a]"
    )
    assert reply_regex.first_characters(r"a|[^b]") is None  # anything may start
    assert reply_regex.first_characters(r"a?") is None  # may match empty


def test_fast_patterns_match_as_the_plain_ones():
    source = r"(?<!未)実施(済|中)|(?<=[ぁ-ゖ])(る|う)けど|^はい|\d+割|(ない|ません)(?=が)"
    texts = ["はい、実施済み", "未実施中", "やるけど", "8割です", "していませんが", "いいえ"]
    plain, quick = re.compile(source), reply_regex.fast(source)
    assert quick is not plain
    for text in texts:
        assert quick.sub("X", text) == plain.sub("X", text), text
