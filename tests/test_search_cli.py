"""``interview glossary``: JSON contract, human listing, no match, usage errors."""

from __future__ import annotations

import json

import pytest
from helpers import CONTROL_CHARACTERS, run_cli

from interview.cli.glossary_cmd import cell_width, wrap

UNSAFE = CONTROL_CHARACTERS


run = run_cli


def test_json_contract(capsys, catalog):
    code, out, _ = run(capsys, "glossary", "とーくん", "--json")
    assert code == 0
    assert "トークン" in out  # ensure_ascii=False
    rows = json.loads(out)
    assert rows and all(set(r) == {"term", "score", "description", "pages"} for r in rows)
    token = next(t for t in catalog.glossary if t.term == "トークン")
    assert rows[0] == {
        "term": "トークン",
        "score": 100.0,
        "description": token.description,
        "pages": list(token.pages),
    }


def test_json_is_best_first_and_limited(capsys):
    code, out, _ = run(capsys, "glossary", "報告書", "--json", "--limit", "3")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_no_match_is_an_empty_list(capsys):
    code, out, err = run(capsys, "glossary", "ぬぬぬぬぬ", "--json")
    assert code == 0 and json.loads(out) == [] and not err


def test_no_match_says_so_kindly(capsys):
    code, out, _ = run(capsys, "glossary", "ぬぬぬぬぬ")
    assert code == 0
    assert "「ぬぬぬぬぬ」に一致する用語は見つかりませんでした" in out
    assert "別の言い方" in out


def test_no_match_offers_near_names(capsys):
    code, out, _ = run(capsys, "glossary", "すていとふる")
    assert code == 0
    assert "見つかりませんでした" in out
    assert "もしかして: ステートフルインスペクション" in out


def test_unrelated_query_finds_nothing(capsys):
    for query in ("ばなな", "ＳＳＬ", "ふぃっしんぐ"):
        code, out, _ = run(capsys, "glossary", query, "--json")
        assert code == 0 and json.loads(out) == [], query


def test_human_listing(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run(capsys, "glossary", "多要素")
    assert code == 0
    assert out.startswith("「多要素」の検索結果")
    assert "1. 多要素認証（記載頁: 54）" in out
    assert "二要素認証" in out  # the description, wrapped below the term
    assert max(cell_width(line) for line in out.splitlines()) <= 60


def test_listing_says_which_alias_matched(capsys):
    _, out, _ = run(capsys, "glossary", "2FA")
    assert "多要素認証" in out and "別名「2FA」" in out


def test_unquoted_words_are_one_query(capsys):
    code, out, _ = run(capsys, "glossary", "reverse", "proxy", "--json")
    assert code == 0 and json.loads(out)[0]["term"] == "リバースプロキシ"


@pytest.mark.parametrize("limit", ["0", "-1", "abc", "101"])
def test_bad_limit_is_a_usage_error_in_japanese(capsys, limit):
    code, _, err = run(capsys, "glossary", "token", "--limit", limit)
    assert code == 2 and "1〜100の整数を指定してください" in err


def test_blank_query_is_a_user_error(capsys):
    code, out, err = run(capsys, "glossary", "  ")
    assert code == 1 and not out
    assert err.startswith("エラー: 検索する語を指定してください")


def test_hostile_query_is_echoed_safely(capsys):
    code, out, _ = run(capsys, "glossary", "\x1b]0;pwned\x07\x1b[2Jとーくん\x9b")
    assert code == 0
    assert not UNSAFE.search(out.replace("\n", ""))
    assert "トークン" in out


def test_wrap_keeps_words_and_punctuation_rules():
    text = "国際監査・保証基準審議会（IAASB）が公表している国際関連サービス基準（ISRS） 4400、日本公認会計士協会が定める専門業務実務指針4400に基づく報告書。"
    for width in (20, 33, 47, 80):
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(cell_width(line) <= width + 2 for line in lines)
        assert not any(line[0] in "、。）」" for line in lines)
        assert not any(line[-1] in "（「" for line in lines)
        for word in ("IAASB", "ISRS", "4400"):
            assert any(word in line for line in lines)
