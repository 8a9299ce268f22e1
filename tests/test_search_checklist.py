"""Checklist search: goal first, whole words, party filter, glossary synonyms, snippets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview.catalog import Party
from interview.questions.bank import load_questions
from interview.search import ItemHit, normalize, search_checklist
from interview.search.checklist import FIELD_LABELS, checklist_index
from interview.search.query import parse_query
from interview.search.snippet import snippet


def _numbers(hits: list[ItemHit]) -> list[int]:
    return [h.item for h in hits]


def test_log_items_come_first(catalog):
    hits = search_checklist("ログ", limit=20)
    goals = [i.no for i in catalog.items if "ログ" in i.goal]
    assert goals and _numbers(hits)[: len(goals)] == goals
    assert hits[0].field == "goal" and hits[0].field_label == "セキュリティ対応目標"
    assert "ログ" in hits[0].snippet


def test_goal_beats_description_beats_example(catalog):
    """Among items holding the word as typed, a goal outranks lesser fields."""
    hits = search_checklist("ウイルス", limit=44)
    assert hits[0].item == 20 and hits[0].field == "goal"
    typed = [h for h in hits if "ウイルス" in h.snippet]
    ranks = {"goal": 0, "description": 1, "heading": 2, "example": 2}
    fields = [ranks.get(h.field, 3) for h in typed]
    assert fields[:2] == sorted(fields[:2])


def test_whole_word_beats_part_of_a_longer_word(catalog):
    """ログ inside ログイン or プログラム counts, but below ログ on its own."""
    numbers = _numbers(search_checklist("ログ", limit=44))
    assert numbers.index(28) < numbers.index(22)  # 「ログで記録」 vs only 「ログイン」
    assert numbers.index(28) < numbers.index(30)  # … vs only 「プログラム」


def test_hiragana_and_width_variants_find_the_same_items():
    expected = [(h.item, h.score) for h in search_checklist("トークン", limit=44)]
    assert expected
    for variant in ("とーくん", "ﾄｰｸﾝ", " トー クン "):
        assert [(h.item, h.score) for h in search_checklist(variant, limit=44)] == expected


def test_snippets_show_the_match(catalog):
    """The snippet shows the word as typed, or the guide's word it stands for."""
    for query in ("ログ", "委託", "暗号化", "パスワード", "ワンタイム"):
        shown = {normalize(query)}
        for group in parse_query(query):
            for alternative in group.alternatives:
                shown.update(t.split(":", 1)[-1] for t in alternative.tokens if len(t) > 1)
        for hit in search_checklist(query, limit=44):
            assert any(word in normalize(hit.snippet) for word in shown), (query, hit)
            assert "\n" not in hit.snippet and len(hit.snippet) <= 52
        top = search_checklist(query, limit=3)
        assert all(normalize(query) in normalize(h.snippet) for h in top), query


def test_refs_point_into_the_item(catalog):
    questions = load_questions(catalog)
    for hit in search_checklist("管理", limit=44):
        item = catalog.item(hit.item)
        if hit.field == "example":
            example = catalog.example(hit.ref)
            assert example in item.examples
            assert normalize("管理") in normalize(example.text)
        elif hit.field == "note":
            assert re.fullmatch(r"注\d+", hit.ref)
            assert item.note(int(hit.ref[1:]))
        elif hit.field in ("question", "hint") and hit.ref:
            assert questions.question(hit.ref).item == item.no
        else:
            assert hit.ref == ""
        assert hit.field in FIELD_LABELS


@pytest.mark.parametrize("party", [Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION, Party.COMMON])
def test_party_filter(catalog, party):
    allowed = {i.no for i in catalog.items_for(party)}
    everything = set(_numbers(search_checklist("利用者", limit=44)))
    mine = set(_numbers(search_checklist("利用者", limit=44, party=party)))
    assert mine == everything & allowed
    assert mine


def test_glossary_synonyms_find_items_without_the_word(catalog):
    """2FA is nowhere in the checklist; it finds the items that say 多要素認証/二要素認証."""
    assert not any("2FA" in blob for blob in _texts(catalog))
    hits = search_checklist("2FA")
    assert hits
    names = ("多要素認証", "二要素認証", "2段階認証")
    assert all(any(w in h.snippet for w in names) for h in hits)
    direct = search_checklist("多要素認証")
    assert direct[0].item == hits[0].item and direct[0].score > hits[0].score


def test_typos_in_long_words_are_tolerated():
    # A letter changed: found only by the fuzzy match, which scores low.
    hits = search_checklist("バックアッブ")
    assert hits and all("バックアップ" in h.snippet for h in hits)
    assert hits[0].item == 31
    assert all(h.score < 50 for h in hits)
    # A letter left out of a word the tables know: read as that word (as ばくあっぷ is).
    for typo in ("バックアプ", "バクアップ"):
        mended = search_checklist(typo)
        assert mended[0].item == 31 and mended[0].score >= 50


def _texts(catalog):
    for item in catalog.items:
        yield item.goal + item.description + "".join(e.text for e in item.examples)


def test_scores_sorted_in_range_and_limited():
    hits = search_checklist("API", limit=7)
    assert len(hits) == 7
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(0 < h.score <= 100 for h in hits)
    assert search_checklist("API", limit=0) == []


@pytest.mark.parametrize("query", ["", " ", "\u3000\n", "🙂", "\x00\x1b[", "・・・"])
def test_empty_queries_return_nothing(query):
    assert search_checklist(query) == []


def test_index_is_built_once(catalog):
    assert checklist_index() is checklist_index(catalog)


@pytest.mark.parametrize(
    "query",
    ["ロ" * 1_000_000, "\x1b[31mログ\x1b[0m", "\ud800ログ", "🔥ログ🔥", "ａ" * 5000, "‮ログ"],
)
def test_hostile_queries_do_not_raise(query):
    hits = search_checklist(query, party=Party.API_CONNECTOR)
    assert all(isinstance(h, ItemHit) for h in hits)


def test_hostile_query_with_a_word_still_finds_it():
    assert search_checklist("\x1bロ\x00グ\u200b🙂")[0].item == 23


@settings(deadline=None)
@given(st.text(max_size=60), st.sampled_from([None, *Party]))
def test_any_text(query, party):
    hits = search_checklist(query, limit=10, party=party)
    assert len(hits) <= 10
    assert len({h.item for h in hits}) == len(hits)


def test_snippet_cuts_and_marks():
    text = "あ" * 30 + "ログ" + "い" * 60
    cut = snippet(text, normalize("ログ"))
    assert cut.startswith("…") and cut.endswith("…") and "ログ" in cut
    assert snippet("短い文。", "") == "短い文。"


@pytest.mark.parametrize("query", ["ログの保管", "ログ 保管", "保管　ログ"])
def test_several_words_find_the_item_holding_them_all(catalog, query):
    hits = search_checklist(query)
    assert hits[0].item == 23
    item = catalog.item(23)
    assert all(normalize(w) in normalize(item.goal) for w in ("ログ", "保管"))


@pytest.mark.parametrize(
    ("query", "item"),
    [
        ("脆弱性診断について記載する箇所", 27),
        ("AWSを使っている場合の確認事項", 11),
        ("勝手に口座がつながれないように", 38),
        ("金融ISACに入っていますかって聞かれるのはどこ？", 26),
    ],
)
def test_sentence_words_are_not_the_topic(query, item):
    """What the sentence asks for (記載, 確認事項, a verb's ending) is no topic; the
    named subject of a sentence counts as typed."""
    assert search_checklist(query, limit=3)[0].item == item
