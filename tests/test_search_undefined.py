"""Security words the glossary does not define (undefined.toml): well formed, never a
name or everyday word of a term, and a query about one shows no definition while the
glossary's own terms typed beside them still answer."""

from __future__ import annotations

import pytest
from helpers import word_groups

from interview.search import search_glossary, suggest_glossary
from interview.search.keywords import term_keywords
from interview.search.normalize import normalize
from interview.search.undefined import UNDEFINED_FILE, about_undefined, undefined_words


def test_file_is_well_formed():
    word_groups(UNDEFINED_FILE)  # its asserts check the shape
    japanese, english = undefined_words()
    assert len(japanese) >= 60 and len(english) >= 60


def test_no_term_is_named_or_described_by_them(catalog):
    japanese, english = undefined_words()
    names = {normalize(n) for t in catalog.glossary for n in (t.term, *t.aliases, t.yomi)}
    everyday = {normalize(w) for words in term_keywords().values() for w in words}
    listed = japanese | {normalize(p) for p in english}
    clashes = sorted(listed & (names | everyday))
    assert not clashes, f"listed words that name or describe a term: {clashes}"


@pytest.mark.parametrize(
    "query",
    [
        "ゼロデイ脆弱性",
        "標的型メール攻撃",
        "XSS対策",
        "what is phishing",
        "らんさむうぇあ",
        "PCI DSS",
    ],
)
def test_queries_about_them_are_recognised(query):
    assert about_undefined(query)


@pytest.mark.parametrize(
    "query", ["トークン", "windows", "nginxでTLS終端", "FISCの資料", "ISO27001", "パスワード"]
)
def test_other_queries_are_not(query):
    assert not about_undefined(query)


@pytest.mark.parametrize(
    "query",
    ["ふぃっしんぐ", "ISO9001", "ISO22301", "ゼロデイ脆弱性", "ブルートフォース攻撃", "FISC"],
)
def test_no_definition_and_no_unrelated_suggestion(query):
    """「ふぃっしんぐ」 once suggested ステートフルインスペクション (letters フィ, ング of
    ダイナミックパケットフィルタリング); ISO9001 showed JIS Q27001 as a typo."""
    assert search_glossary(query, limit=3) == []
    assert suggest_glossary(query) == []


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("ブルートフォース攻撃とリスト型攻撃", "リスト型攻撃"),
        ("nginxでTLS終端", "リバースプロキシ"),
        ("ISO2701", "ISO27017"),
        ("FISCの資料で社員のことを何て書いてる？", "役職員"),
    ],
)
def test_the_glossary_still_answers_its_own_terms(query, term):
    assert term in [h.term.term for h in search_glossary(query, limit=3)]
