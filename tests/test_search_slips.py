"""Round nine of the search (tune20, glossary tune8): IME homophone slips, katakana
-ing forms, prefixes and modifiers before a word, kana of a glossary alias, and an
abbreviation among English words."""

from __future__ import annotations

import pytest

from interview.search import search_checklist, search_glossary
from interview.search.query import WEAK_FACTOR, parse_query
from interview.search.ranking import MeaningIndex
from interview.search.vocab import homophones, mend_kanji


def _items(query: str, limit: int = 3) -> list[int]:
    return [hit.item for hit in search_checklist(query, limit=limit)]


def test_mend_kanji_takes_a_homophone_that_makes_a_known_word():
    known = {"接続", "続先", "連鎖", "鎖接", "台帳"}.__contains__
    table = homophones()
    assert mend_kanji("連鎖設続先", known, table) == "連鎖接続先"
    assert mend_kanji("情報資産の代帳", known, table) == "情報資産の台帳"
    # nothing known to mend to: as typed
    assert mend_kanji("稟議書", known, table) == "稟議書"
    # a bigram the caller keeps (a paraphrase key's) is never mended
    assert mend_kanji("代帳", known, table, keep={"代帳"}.__contains__) == "代帳"


def test_mend_kanji_needs_the_neighbours_known_too():
    """設続 → 接続 only if the kanji on either side still make known bigrams."""
    known = {"接続"}.__contains__
    assert mend_kanji("連鎖設続先", known, homophones()) == "連鎖設続先"


@pytest.mark.parametrize(
    ("query", "item"),
    [("連鎖設続先", 8), ("情報資産の代帳", 4), ("障害時の連落体制", 9), ("入退室の記禄", 17)],
)
def test_ime_slips_reach_the_item(query, item):
    assert item in _items(query)


def test_a_slip_that_is_a_word_is_a_paraphrase():
    assert _items("利用者への保障")[:1] in ([15], [16])


def test_katakana_ing_forms_are_their_word():
    index = MeaningIndex([[("ハードコード禁止", 1.0)], [("ログとマスク", 1.0)]])
    assert index.katakana_base("ハドコディング") == "ハドコド"
    assert index.katakana_base("ロギング") == "ログ"
    assert index.katakana_base("マスキング") == "マスク"
    assert index.katakana_base("ダイビング") is None
    assert _items("パスワードのハードコーディング")[:1] == [22]
    assert _items("カード番号のマスキング")[:1] == [30]


def test_a_modifier_is_split_off_and_weighs_little():
    groups = parse_query("専任担当者の任命", readings=True)
    assert [g.word for g in groups][:2] == ["専任", "担当者"]
    assert groups[0].factor == WEAK_FACTOR
    assert _items("部署ごとに情報管理の担当責任者を置く")[:1] == [1]
    assert _items("現行システムの脆弱性")[:1] in ([27], [40])


def test_a_one_kanji_prefix_is_no_word():
    assert "旧" not in [g.word for g in parse_query("旧端末の廃棄", readings=True)]
    assert _items("各部署の責任者")[:1] == [1]
    assert _items("旧端末の廃棄")[:1] == [6]


@pytest.mark.parametrize(
    "query", ["社員旅行の行き先", "ダイビング", "年末調整の書類", "社会保障の制度"]
)
def test_unrelated_queries_still_find_nothing(query):
    assert search_checklist(query) == []


def test_the_kana_of_a_glossary_alias_names_the_term():
    assert [h.term.term for h in search_glossary("ひぶそうちたい")][:1] == ["DMZ"]
    assert [h.term.term for h in search_glossary("しんにゅうけんちしすてむ")][:1] == ["IDS"]


def test_an_abbreviation_among_english_words_names_its_term():
    assert [h.term.term for h in search_glossary("SMTP relay server")][:1] == ["SMTP"]
    assert [h.term.term for h in search_glossary("CVSS base score")][:1] == ["CVSS"]
    # an everyday word that is an alias (user) does not
    assert search_glossary("user experience design") == []


def test_a_version_after_a_name_is_no_letter_of_it():
    assert [h.term.term for h in search_glossary("CVSS3.1の基本値")][:1] == ["CVSS"]
    assert [h.term.term for h in search_glossary("CVSSv3のスコア")][:1] == ["CVSS"]


def test_english_descriptions_reach_glossary_terms():
    assert [h.term.term for h in search_glossary("command line interpreter")][:1] == ["シェル"]
    assert [h.term.term for h in search_glossary("safely remove a USB stick")][:1] == [
        "アンマウント"
    ]
    assert search_glossary("employee satisfaction survey") == []


def test_glossary_mends_ime_slips():
    assert [h.term.term for h in search_glossary("重要上報の範囲")][:1] == ["重要情報"]


def test_two_kanji_changed_only_into_a_common_word():
    """印紙 is no slip of a pair of kanji one item happens to hold (引指)."""
    known = {"引指", "契約", "約書"}.__contains__
    common = {"契約", "約書"}.__contains__
    assert mend_kanji("契約書の印紙", known, homophones(), common=common) == "契約書の印紙"
    assert search_checklist("契約書の印紙") == []
