"""Words outside the checklist's domain (outside.toml): well formed, never a topic of an
item nor a word our other tables send somewhere, and they keep ordinary company life
from being answered through one shared word."""

from __future__ import annotations

import pytest
from helpers import word_groups

from interview.search import search_checklist, search_glossary, suggest_glossary
from interview.search.keywords import item_keywords, term_keywords
from interview.search.normalize import normalize
from interview.search.outside import OUTSIDE_FILE, outside_word, outside_words
from interview.search.query import synonym_table


def _script(char: str) -> str:
    if "\u30a1" <= char <= "\u30fe":
        return "katakana"
    if "\u3400" <= char <= "\u9fff":
        return "kanji"
    return "ascii" if char.isascii() and char.isalnum() else "other"


def _as_whole_word(word: str, text: str) -> bool:
    """*word* stands in *text* with no letter of its own script glued on either side
    (社内報 is not a word of 社内報告)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = at == 0 or _script(text[at - 1]) != _script(word[0])
        after = end == len(text) or _script(text[end]) != _script(word[-1])
        if before and after:
            return True
        at = text.find(word, at + 1)
    return False


def test_file_is_well_formed():
    words = word_groups(OUTSIDE_FILE)
    assert len(outside_words()) == len(words) >= 150
    # Folding drops okurigana only (待ち時間 → 待時間, never the common 時間).
    assert "時間" not in outside_words() and "待時間" in outside_words()


def test_no_item_speaks_of_them_as_a_topic(catalog):
    """Not in any item's goal, description, headings or 手法例 as a whole word."""
    texts = []
    for item in catalog.items:
        texts += [item.goal, item.description, *(g.heading for g in item.method_groups)]
        texts += [e.text for e in item.examples]
    folded = [normalize(t) for t in texts]
    found = sorted(w for w in outside_words() if any(_as_whole_word(w, t) for t in folded))
    assert not found, f"words an item is about: {found}"


def test_no_other_table_sends_them_anywhere(catalog):
    # (a compound of synonyms.toml, 社内報, is taken whole and sent nowhere: no targets)
    keys = {normalize(s.key) for s in synonym_table() if s.targets}
    everyday = {normalize(w) for words in item_keywords().values() for w in words}
    everyday |= {normalize(w) for words in term_keywords().values() for w in words}
    names = {normalize(n) for t in catalog.glossary for n in (t.term, *t.aliases)}
    clashes = sorted(outside_words() & (keys | everyday | names))
    assert not clashes, f"outside words that are also keys, everyday words or terms: {clashes}"


def test_compounds_opening_or_ending_with_one_count():
    assert outside_word("株主総会") and outside_word("経費精算") and outside_word("通勤手当")
    assert not outside_word("社内報告")  # the rest (告) is no word of its own
    assert not outside_word("社内報告ルート") and not outside_word("営業時間外")
    assert not outside_word("採用") and not outside_word("管理")


@pytest.mark.parametrize(
    "query",
    ["社内報の発行", "営業時間の変更", "在庫の管理", "株主総会の招集通知", "経費精算の締め日"],
)
def test_one_shared_word_does_not_answer(query):
    assert search_checklist(query) == []


@pytest.mark.parametrize(
    ("query", "item"),
    [("統合ATMシステム", 9), ("社内報告の体制", 9), ("採用時の教育", 3), ("パスワードの変更", 22)],
)
def test_the_checklist_own_words_still_answer(query, item):
    assert item in [h.item for h in search_checklist(query, limit=3)]


def test_generic_words_alone_name_no_topic():
    assert search_checklist("採用") == []
    assert search_checklist("でんさいの導入") == []


@pytest.mark.parametrize(
    "query", ["社内報の発行", "経費精算のルール", "営業時間の変更", "株主総会の招集"]
)
def test_the_glossary_shows_no_definition_for_company_life(query):
    """「社内報の発行」 once showed トークン's definition (it shares 発行)."""
    assert search_glossary(query, limit=3) == []
    assert suggest_glossary(query) == []  # nor a "did you mean" by shared words


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("トークンの発行", "トークン"),
        ("SOC2の報告書", "SOC2"),
        ("クラウドの安全性を示すロゴ", "CSマーク"),
    ],
)
def test_the_glossary_still_answers_its_own_topics(query, term):
    assert [h.term.term for h in search_glossary(query, limit=3)][:1] == [term]
