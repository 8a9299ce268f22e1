"""Folding of queries and texts: width, case, kana, spaces, long vowels, hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview.search.normalize import (
    MAX_QUERY_CHARS,
    normalize,
    normalize_query,
    normalize_with_offsets,
    query_words,
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("ｽﾃｰﾄﾌﾙｲﾝｽﾍﾟｸｼｮﾝ", "ステートフルインスペクション"),  # half-width kana
        ("ＯＡｕｔｈ２．０", "OAuth2.0"),  # full-width ASCII
        ("oauth", "OAUTH"),  # case
        ("とーくん", "トークン"),  # hiragana → katakana
        ("API 接続先", "API接続先"),  # half-width space
        ("多要素　認証", "多要素認証"),  # ideographic space
        ("バッファーオーバーフロー", "バッファオーバーフロー"),  # long vowel
        ("ｺﾝﾋﾟｭｰﾀｰ", "コンピュータ"),  # long vowel and half width
        ("OSコマンド・インジェクション", "OSコマンドインジェクション"),
        ("two-factor", "two factor"),
        ("ISO/IEC 27001", "isoiec27001"),
    ],
)
def test_variants_fold_alike(left, right):
    assert normalize(left) == normalize(right)
    assert normalize(left)


def test_distinct_words_stay_distinct():
    assert normalize("多要素認証") != normalize("二要素認証")
    assert normalize("IDS") != normalize("IPS")
    assert normalize("ガ") != normalize("カ")


@pytest.mark.parametrize(
    "text", ["", " \t\n", "🙂🙂", "\x00\x1b\x7f\x9b\u202e", "・、。！？", "ーー"]
)
def test_nothing_searchable_folds_to_empty(text):
    assert normalize(text) == ""


def test_query_is_cut_before_folding():
    assert len(normalize_query("あ" * 100_000)) == MAX_QUERY_CHARS


def test_offsets_point_at_source_characters():
    text = "API 接続先の「トークン」"
    folded, offsets = normalize_with_offsets(text)
    assert folded == normalize(text)
    assert len(offsets) == len(folded)
    assert offsets == sorted(offsets)
    start = folded.index(normalize("トークン"))
    assert text[offsets[start]] == "ト"


def test_query_words_break_at_spaces_punctuation_and_hiragana():
    assert query_words("脆弱性の評価") == ["脆弱性", "評価"]
    assert query_words("vulnerability scoring") == ["vulnerability", "scoring"]
    assert query_words("とーくん") == []


@given(st.text(max_size=300))
def test_folding_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    folded, offsets = normalize_with_offsets(text)
    assert len(folded) == len(offsets)
    assert all(0 <= i < len(text) for i in offsets)
