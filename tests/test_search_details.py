"""Round tune24/tune25 of the checklist search: a dash typed for the long-vowel mark,
sentence words that hold a key, and the everyday words of the details (time of day of
access, the top of the organisation, team-wide notice, SOC report types, stopping at
once, firewalls in series, disabling devices, who to call, whether rules are kept)."""

from __future__ import annotations

import pytest

from interview.search import search_checklist, search_glossary
from interview.search.query import parse_query
from interview.search.tokens import fold


def _items(query: str, limit: int = 3) -> list[int]:
    return [hit.item for hit in search_checklist(query, limit=limit)]


def test_a_dash_inside_a_katakana_word_is_the_long_vowel_mark():
    assert fold("パスワ―ド") == "パスワード"
    assert fold("パトロ-ル") == "パトロール"
    assert fold("サ-バ-") == "サーバー"
    assert fold("ト－クン") == "トークン"  # full width, folded to - by NFKC
    # between two words, or after Latin letters, it stays a break
    assert fold("サーバ-クライアント") == "サーバ-クライアント"
    assert fold("API-連携") == "api-連携"


def test_a_word_typed_with_a_dash_is_found_by_meaning():
    hits = search_checklist("ワンタイムパスワ―ド", limit=3)
    assert {h.item for h in hits} == {22, 32, 39}
    assert min(h.score for h in hits) > 50  # not only a typo of the literal text
    assert _items("サ-バ-の脆弱性")[0] == 27


def test_no_key_is_cut_out_of_a_sentence_word():
    assert [g.word for g in parse_query("一つ破られても大丈夫", readings=True)] == [
        "一つ破られても"
    ]
    assert "丈夫" in [g.word for g in parse_query("丈夫な扉")]
    assert search_checklist("これで大丈夫ですか") == []
    # a key may still hold such a word whole
    assert "関係ないサイト" in [g.word for g in parse_query("関係ないサイトの閲覧")]


def test_making_impossible_is_not_losing():
    """〜なくする after a verb (見られなくする) is a ban, not なくす (to lose)."""
    words = [g.word for g in parse_query("サイトを見られなくする", readings=True)]
    assert "なくす" not in words
    assert _items("仕事に関係ないサイトを見られなくする")[0] == 19


@pytest.mark.parametrize(
    ("query", "item"),
    [
        ("深夜や土日祝のDBアクセスのログ分析", 21),
        ("セキュリティのトップへの報告", 1),
        ("duties of the security officer", 1),
        ("作業の前にチームメンバーへ知らせる", 24),
        ("FWの二段構え", 26),
        ("USBを使えないようにする設定", 19),
        ("保守用PCでのWeb閲覧禁止", 19),
        ("キルスイッチで接続を止める", 34),
        ("トレンドマイクロ", 20),
        ("誰に連絡すればいい？障害のとき", 9),
        ("ルール違反の抜き打ちチェック", 3),
    ],
)
def test_everyday_words_of_the_details_reach_the_item(query, item):
    assert _items(query)[0] == item


def test_a_soc_report_type_is_a_report():
    assert set(_items("SOC2のタイプ2報告書を受け取る", limit=2)) == {3, 11}


@pytest.mark.parametrize(
    "query", ["週末の予定", "デスクトップの壁紙を変える", "チームの歓迎会", "タイプ別の性格診断"]
)
def test_ordinary_queries_on_the_new_keys_still_find_nothing(query):
    assert search_checklist(query) == []


def test_a_short_key_leaves_longer_katakana_words_alone():
    """ネット and トレンド are keys; インターネットバンキング and トレンドマイクロ are
    words of their own."""
    names = [g.word for g in parse_query("インターネットバンキング")]
    assert names == ["インタネットバンキング"]  # one word (long-vowel marks folded)
    assert search_glossary("インターネットバンキング") == []
    assert _items("インターネットバンキング")[0] == 39


def test_an_unknown_rest_of_a_compound_counts_once():
    """新人|研修: 新人 weighs as an unknown word already; the junction 人研 would count
    it twice. A compound whose rest is known (暗号|資産) or an outside word (昇格試験)
    keeps its junction."""
    assert _items("新人研修でセキュリティ教育")[0] == 3
    for query in ("暗号資産", "量子暗号", "2段階の昇格試験"):
        assert search_checklist(query) == [], query


def test_a_number_is_no_note_reference_and_its_counter_is_its_own():
    """「（注5）」 in an example is no 5 of the text; 3か月 is a quantity, not か月|しかない."""
    # item 19 has a note 5 and nothing of logs kept for years
    assert 19 not in _items("APIのアクセスログを5年保管")
    words = [g.word for g in parse_query("アクセスログを5年保管", readings=True)]
    assert "保管" in words and "年保管" not in words
    assert _items("ログの保存が3か月しかない")[0] == 23
