"""Glossary queries mixing Japanese and English, jargon, and two-word no-answer queries."""

from __future__ import annotations

import pytest

from interview.search import search_glossary


def _top(query: str) -> list[str]:
    return [hit.term.term for hit in search_glossary(query, limit=3)]


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("DBMSのアクセス権限", "DBMS"),  # a Latin name inside a sentence names its term
        ("tokenの有効期限", "トークン"),  # an English alias too
        ("MTPでデータを抜く", "MTP"),
        ("ISMSのクラウド版", "ISMSクラウドセキュリティ認証"),  # a narrower term holds ISMS
        ("ITSMSの日本規格", "JIS Q20000-1"),
        ("電子決済等代行業者のこと", "API接続先"),  # an everyday phrase, whole
        ("リバプロ", "リバースプロキシ"),
        ("アプリを使う一般のお客さま", "利用者"),
    ],
)
def test_mixed_and_jargon_queries_find_their_term(query: str, term: str) -> None:
    assert _top(query)[:1] == [term]


@pytest.mark.parametrize("query", ["端末の紛失", "エンドポイント保護", "稟議書", "WAFって何"])
def test_a_known_word_beside_an_unknown_one_is_no_answer(query: str) -> None:
    assert _top(query) == []


def test_an_unknown_english_word_may_still_be_a_typo() -> None:
    assert _top("mlti-factor")[:1] == ["多要素認証"]
