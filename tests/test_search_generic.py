"""Generic words (generic.toml): well formed, never a topic our tables send somewhere,
and one of them cannot empty a clear query nor make a no-answer query answer."""

from __future__ import annotations

import tomllib

import pytest

from interview.search import search_checklist
from interview.search.generic import (
    GENERIC_FILE,
    at_generic_edge,
    generic_words,
    strip_generic,
)
from interview.search.keywords import item_keywords, term_keywords
from interview.search.normalize import normalize
from interview.search.outside import outside_words
from interview.search.query import parse_query, synonym_table


def test_file_is_well_formed():
    with GENERIC_FILE.open("rb") as f:
        words = tomllib.load(f)["words"]
    assert all(isinstance(w, str) and w for w in words)
    assert len(words) == len(set(words)), "a word listed twice"
    assert len(generic_words()) == len(words) >= 20


def test_no_other_table_sends_them_anywhere(catalog):
    keys = {normalize(s.key) for s in synonym_table() if s.targets}
    everyday = {normalize(w) for words in item_keywords().values() for w in words}
    everyday |= {normalize(w) for words in term_keywords().values() for w in words}
    names = {normalize(n) for t in catalog.glossary for n in (t.term, *t.aliases)}
    clashes = sorted(generic_words() & (keys | everyday | names | outside_words()))
    assert not clashes, f"generic words that are also keys, terms or outside words: {clashes}"


def test_strip_generic():
    assert strip_generic("比較") is None
    assert strip_generic("連携開始時") == (0, "連携")
    assert strip_generic("全部確認") == (2, "確認")
    assert strip_generic("全部挙", frozenset({"全部"})) is None
    assert strip_generic("全部署") == (0, "全部署")  # the rest (署) is no word of its own
    assert strip_generic("基本方針") == (0, "基本方針")  # 基本 alone is no generic word
    assert at_generic_edge("連携開始時", "携開") and not at_generic_edge("暗号資産", "号資")


def test_parser_drops_them():
    assert [g.word for g in parse_query("連携開始時に同意画面を出す")] == ["連携", "同意画面"]
    assert parse_query("一通り洗い出す") == ()  # no lone verb kanji (出) beside one
    assert [g.word for g in parse_query("偽アプリ対策のコツ")] == ["偽アプリ", "対策"]
    # ポイント is no generic word: loyalty points are a topic (「ポイント還元率」 → nothing)
    assert "ポイント" not in generic_words()
    assert search_checklist("ポイント還元率") == []


@pytest.mark.parametrize(
    ("query", "item"),
    [
        ("連携開始時に同意画面を出す", 44),
        ("接続先の認証と銀行の認証の比較", 42),
        ("ログインに使える方式を全部洗い出す", 32),
        ("連鎖接続の安全性を比較", 8),
    ],
)
def test_a_generic_word_does_not_empty_a_clear_query(query, item):
    assert item in [h.item for h in search_checklist(query, limit=3)]


@pytest.mark.parametrize("query", ["比較", "全部洗い出す", "経費精算の方法を全部洗い出す"])
def test_generic_words_alone_or_beside_company_life_answer_nothing(query):
    assert search_checklist(query) == []
