"""The paraphrase table: well formed, and every target is a word the guide uses."""

from __future__ import annotations

import tomllib

import pytest

from interview.search.normalize import normalize
from interview.search.query import SYNONYMS_FILE, parse_query, synonym_table


@pytest.fixture(scope="module")
def raw() -> list[dict[str, list[str]]]:
    with SYNONYMS_FILE.open("rb") as f:
        data = tomllib.load(f)
    return [*data["synonyms"], *data.get("checklist", [])]


@pytest.fixture(scope="module")
def vocabulary(search_vocabulary) -> str:
    return search_vocabulary


def test_table_is_well_formed(raw):
    assert len(raw) >= 100
    for entry in raw:
        assert set(entry) == {"words", "targets"}, entry
        assert entry["words"] and entry["targets"], entry
        assert all(isinstance(w, str) and w.strip() for w in entry["words"] + entry["targets"])


def test_every_target_is_in_the_catalog_or_glossary(raw, vocabulary):
    missing = sorted(
        {t for entry in raw for t in entry["targets"] if normalize(t) not in vocabulary}
    )
    assert not missing, f"targets the catalog and glossary never use: {missing}"


def test_the_issue_paraphrases_are_there():
    table = {s.key: s.targets for s in synonym_table()}
    for word, target in [
        ("スタッフ", "役職員"),
        ("顧客", "利用者"),
        ("パッチ適用", "脆弱性対策"),
        ("解約", "自社サービス解約時"),
        ("退会", "自社サービス解約時"),
        ("入館", "入室"),
        ("マルウエア", "ウイルス"),
    ]:
        assert target in table[word], word


def test_a_short_key_is_not_cut_out_of_a_longer_katakana_word():
    """ログ is a key, but ログイン is another word: it stays whole."""
    assert [g.word for g in parse_query("ログイン")] == ["ログイン"]
    assert [g.word for g in parse_query("waferの検査")][:1] == ["wafer"]


def test_every_keyword_entry_names_a_glossary_term(catalog):
    """keywords.toml: everyday words per glossary term; each entry names a real term."""
    from interview.search.keywords import KEYWORDS_FILE, term_keywords

    with KEYWORDS_FILE.open("rb") as f:
        entries = tomllib.load(f)["terms"]
    terms = {t.term for t in catalog.glossary}
    assert entries and all(set(e) == {"term", "words"} and e["words"] for e in entries)
    assert {e["term"] for e in entries} <= terms
    assert set(term_keywords()) == {e["term"] for e in entries}


def test_keywords_find_a_term_described_in_everyday_words():
    from interview.search import search_glossary

    assert search_glossary("公開サーバを置くネットワーク")[0].term.term == "DMZ"
    assert search_glossary("家計簿アプリの会社")[0].term.term == "API接続先"


def test_every_item_keyword_entry_names_an_item(catalog):
    from interview.search.keywords import KEYWORDS_FILE, item_keywords

    with KEYWORDS_FILE.open("rb") as f:
        entries = tomllib.load(f)["items"]
    assert {e["item"] for e in entries} == {i.no for i in catalog.items}
    assert all(set(e) == {"item", "words"} and e["words"] for e in entries)
    assert set(item_keywords()) == {i.no for i in catalog.items}
