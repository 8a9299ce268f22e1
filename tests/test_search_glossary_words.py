"""The glossary reads descriptions in words: negations, English inflections and function
words (issue 15, tune8b/tune9). Unit-level and cheap: one shared index."""

from __future__ import annotations

import pytest

from interview.search import search_glossary
from interview.search.glossary import _without_negated, glossary_index
from interview.search.query import inflections_mended
from interview.search.tokens import MAX_TEXT


def _top(query: str) -> str:
    hits = search_glossary(query, limit=3)
    return hits[0].term.term if hits else ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ファイル転送用のプロトコル（SFTPじゃない方）", "FTP"),
        ("暗号化されない遠隔操作のプロトコル", "TELNET"),
    ],
)
def test_a_negated_word_is_not_what_is_asked_for(query, expected):
    assert _top(query) == expected


def test_negation_drops_the_word_before_it_only():
    assert (
        _without_negated("侵入を検知するけど遮断はしない装置") == "侵入を検知するけど はしない装置"
    )
    assert _without_negated("ソースコードの置き場") == "ソースコードの置き場"


def test_a_query_that_is_only_a_negated_word_keeps_it():
    """「遮断はしない」 says what IDS's everyday phrase says (it does not block); 遮断
    alone is what IPS does."""
    assert [h.term.term for h in search_glossary("遮断はしない")][:1] == ["IDS"]
    assert [h.term.term for h in search_glossary("遮断")][:1] == ["IPS"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("止めはしないシステム", "IDS"),
        ("ブロックはしない装置", "IDS"),
        ("侵入を検知しても止めない装置", "IDS"),
        ("止めずに管理者に知らせるシステム", "IDS"),
        ("遮断なしで検知だけする仕組み", "IDS"),
        ("攻撃を防ぐのではなく検知して通知するシステム", "IDS"),
        ("遮断機能はない検知装置", "IDS"),
        ("攻撃を自動で食い止めるシステム", "IPS"),
    ],
)
def test_a_negated_word_meets_the_phrase_that_negates_it(query, expected):
    """「止めはしない」 is a token of its own (否:止) on both sides, in any negative form."""
    assert _top(query) == expected


def test_a_particle_is_no_okurigana():
    """「秘密にしないといけない」 says the opposite of a negation."""
    assert _without_negated("秘密にしないといけない情報") == "秘密にしないといけない情報"


def test_negation_on_hostile_input_is_cut_and_cheap():
    assert len(_without_negated("遮" * 100_000 + "しない")) <= MAX_TEXT


def test_english_inflections_are_taken_to_the_forms_the_index_holds():
    known = glossary_index()._meaning.holds_token
    assert inflections_mended("watches traffic", known) == "watch traffic"
    assert inflections_mended("alerting admins", known) == "alert admins"
    assert inflections_mended("RDBMS", known) is None  # held as typed (plural fold)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("watches network traffic and raises alerts", "IDS"),
        ("uploading files to an old server", "FTP"),
        ("attach a disk so the operating system can use it", "マウント"),
    ],
)
def test_english_descriptions_find_the_term(query, expected):
    assert _top(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("IPSと違って通知するだけのほう", "IDS"),
        ("IDSと違って攻撃を止めるところまでやるやつ", "IPS"),
        ("IDSじゃなくてIPSのほう", "IPS"),
        ("SOC2とは違う、日本の会計士協会の指針に基づく報告書", "IT委員会実務指針7号"),
        ("マウントの逆の操作は何て言う？", "アンマウント"),
        ("アンマウントの逆", "マウント"),
    ],
)
def test_a_name_before_a_contrast_word_is_the_neighbour_not_the_answer(query, expected):
    """「Xと違って」, 「Xじゃなくて」, 「Xとは違う」 set the answer against X; 「Xの逆」 asks
    for the term named after X (or whose name X is part of)."""
    hits = [h.term.term for h in search_glossary(query, limit=5)]
    assert hits[0] == expected


def test_a_contrast_keeps_the_named_term_last_and_alone_names_it():
    hits = [h.term.term for h in search_glossary("IPSと違って通知するだけのほう", limit=5)]
    assert hits[-1] == "IPS"
    assert _top("NFSと違って") == "NFS"  # nothing else asked: the name is the answer
    assert search_glossary("IDSと違ってコーヒーを淹れる機械") == []


def test_contrast_on_hostile_input_is_cheap():
    assert isinstance(search_glossary("IDSと違って" * 20_000), list)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ソフトウエアをアルファベット2文字で略すと？", "SW"),
        ("Pマーク取ってます", "プライバシーマーク"),
        ("Pマーク持ってます", "プライバシーマーク"),
    ],
)
def test_words_about_spelling_or_having_are_no_content_words(query, expected):
    assert _top(query) == expected


def test_an_office_word_in_a_long_description_held_whole_still_answers():
    query = "個人情報をちゃんと守っている会社が名刺やサイトに付けられる認定マーク"
    assert _top(query) == "プライバシーマーク"
    assert search_glossary("名刺の発注はどこから？") == []


def test_a_contrast_lists_scores_best_first():
    scores = [h.score for h in search_glossary("IPSと違って通知するだけのほう", limit=5)]
    assert scores == sorted(scores, reverse=True)
