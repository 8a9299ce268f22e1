"""English words and kana readings (english.toml, readings.toml): well formed, every
target is a word the guide uses, phrases match as phrases, and they reach the items."""

from __future__ import annotations

import tomllib

import pytest

from interview.search import search_checklist, search_glossary
from interview.search.normalize import normalize
from interview.search.query import parse_query
from interview.search.vocab import ENGLISH_FILE, READINGS_FILE, plurals


@pytest.fixture(scope="module")
def english() -> dict:
    with ENGLISH_FILE.open("rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def readings() -> list[dict]:
    with READINGS_FILE.open("rb") as f:
        return tomllib.load(f)["readings"]


@pytest.fixture(scope="module")
def vocabulary(search_vocabulary) -> str:
    return search_vocabulary


def test_english_table_is_well_formed(english):
    entries = english["english"]
    assert len(entries) >= 150
    for entry in entries:
        assert set(entry) == {"words", "targets"}, entry
        assert entry["words"] and entry["targets"], entry
        assert all(isinstance(w, str) and w.strip() for w in entry["words"] + entry["targets"])
    stop = set(english["stopwords"])
    keys = {w.lower() for entry in entries for w in entry["words"]}
    assert not stop & keys, "a stopword is also a key"


def test_every_english_target_is_in_the_catalog_or_glossary(english, vocabulary):
    missing = sorted(
        {t for e in english["english"] for t in e["targets"] if normalize(t) not in vocabulary}
    )
    assert not missing, f"targets the catalog and glossary never use: {missing}"


def test_readings_are_kana_of_words_the_guide_uses(readings, vocabulary):
    assert len(readings) >= 150
    words = [r["word"] for r in readings]
    assert len(set(words)) == len(words), "a word listed twice"
    for entry in readings:
        assert set(entry) == {"word", "kana"}, entry
        for kana in entry["kana"]:
            assert all("\u3041" <= c <= "\u3096" or c == "ー" for c in kana), kana
    missing = [w for w in words if normalize(w) not in vocabulary]
    assert not missing, f"words the catalog and glossary never use: {missing}"


def test_plurals():
    assert plurals("access log") == ["access log", "access logs"]
    assert plurals("policy") == ["policy", "policies"]
    assert plurals("access") == ["access", "accesses"]
    assert plurals("KMS") == ["KMS"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("access logs", ["access logs"]),
        ("data center", ["data center"]),
        ("Data Centre security", ["data centre", "security"]),
        ("multi-factor authentication", ["multi factor authentication"]),
        ("access logの保存期間はどこ", ["access log"]),
    ],
)
def test_a_phrase_is_matched_as_a_phrase(query, words):
    assert [g.word for g in parse_query(query, readings=True)][: len(words)] == words


def test_a_word_is_not_cut_out_of_a_longer_word():
    """key is a key, keyboard is another word; log is not in catalog or blog."""
    assert [g.word for g in parse_query("keyboard")] == ["keyboard"]
    assert [g.word for g in parse_query("catalog blog")] == ["catalog", "blog"]


@pytest.mark.parametrize(
    ("query", "items"),
    [
        ("penetration test", {27}),
        ("incident response", {9}),
        ("access log", {23, 35}),
        ("encryption at rest", {30}),
        ("vendor management", {10}),
        ("security training", {3}),
        ("data center", {17}),
        ("key management", {30}),
        ("rate limiting", {37}),
        ("pentest", {27}),
        ("BCP", {31}),
        ("HSM", {30}),
        ("RBAC", {21}),
        ("explaining to users what the token does", {43}),
    ],
)
def test_english_queries_reach_the_items(query, items):
    found = [h.item for h in search_checklist(query, limit=3)]
    assert items & set(found), found


@pytest.mark.parametrize(
    ("query", "items"),
    [
        ("ふせいあくせす", {26, 21, 34, 35, 9, 22}),
        ("あんごうか", {30, 36, 41}),
        ("ぜいじゃくせい", {27, 40}),
        ("ばっくあっぷ", {31}),
        ("けんしゅう", {3}),
        ("ふせいあくせすのけんち", {30, 26, 34, 41}),
        ("ぱすわーどの桁数", {22, 32}),
    ],
)
def test_kana_typed_for_kanji_reaches_the_items(query, items):
    found = [h.item for h in search_checklist(query, limit=3)]
    assert found and found[0] in items, found


@pytest.mark.parametrize(
    ("query", "item"),
    [
        ("encrytion", 30),
        ("penetraton test", 27),
        ("ぜいじゃくせ", 27),
        ("bakcup", 31),
        ("バクアップ", 31),
    ],
)
def test_typos_are_mended(query, item):
    assert item in [h.item for h in search_checklist(query, limit=3)]


@pytest.mark.parametrize(
    "query",
    [
        "lunch",
        "ランチメニュー",
        "marketing budget",
        "blockchain consensus",
        "hiring plan",
        "annual report",
        "crypto trading",
        "office relocation",
        "らんちのよやく",
        "きゅうりょう",
    ],
)
def test_unrelated_words_still_find_nothing(query):
    assert search_checklist(query) == []


def test_readings_stay_out_of_the_glossary():
    """The glossary matches its own readings (yomi); a checklist reading does not make
    ぜいじゃくせい a glossary term."""
    assert search_glossary("ぜいじゃくせい") == []


def test_the_cached_table_is_the_table_the_files_give():
    """The table is read back from the disk cache when its files have not changed."""
    from interview.search import query

    assert query.synonym_table() == query._build_table(None)
    assert "when" in query.english_stopwords() or "old" in query.english_stopwords()


def test_a_reading_is_not_cut_out_of_a_longer_kana_run():
    """きてい (規程) is not in 「できていない」; between particles it is a word."""
    assert "規程" not in [g.word for g in parse_query("規程ができていない", readings=True)][1:]
    assert "規程" not in [g.word for g in parse_query("研修ができていない", readings=True)]
    assert [g.word for g in parse_query("ぱすわーどの桁数", readings=True)][:1] == ["パスワード"]


def test_a_kana_typo_never_changes_a_letter():
    """しょうひん (商品) is one letter from しょうにん (承認) but no typo of it."""
    assert search_checklist("しょうひん") == []


def test_a_reading_typed_in_katakana():
    assert [g.word for g in parse_query("フセイアクセスの監視", readings=True)][:1] == [
        "不正アクセス"
    ]
    # a reading of a katakana word does not take the word itself over (スマホ stays スマホ)
    assert [g.word for g in parse_query("スマホの業務利用", readings=True)][:1] == ["スマホ"]
