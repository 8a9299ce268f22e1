"""``interview search``: JSON contract, human listing, no hit, party, usage errors."""

from __future__ import annotations

import json
import re

import pytest
from helpers import CONTROL_CHARACTERS, run_cli

from interview.catalog import Party

UNSAFE = CONTROL_CHARACTERS


run = run_cli


def test_json_contract(capsys, catalog):
    code, out, err = run(capsys, "search", "パッチ適用", "--json")
    assert code == 0 and not err
    rows = json.loads(out)
    assert rows and all(set(r) == {"item", "score", "field", "ref", "snippet"} for r in rows)
    assert rows[0]["item"] == 27
    assert all(isinstance(r["item"], int) and isinstance(r["score"], float) for r in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    for row in rows:
        assert row["field"] in {
            "goal",
            "description",
            "heading",
            "example",
            "note",
            "question",
            "hint",
        }
        assert re.fullmatch(r"(\d+\.\d+\.\d+|\d+\.\w+|注\d+|)", row["ref"]), row
        assert "\n" not in row["snippet"]


def test_json_ref_names_the_example(capsys, catalog):
    rows = []
    for query in ("暗号化", "委託先", "入退室", "ログの保管"):
        rows += json.loads(run(capsys, "search", query, "--json", "--limit", "44")[1])
    examples = [r for r in rows if r["field"] == "example"]
    assert examples
    for row in examples:
        assert catalog.example(row["ref"]) in catalog.item(row["item"]).examples


def test_no_hit_is_an_empty_list_and_exit_0(capsys):
    code, out, err = run(capsys, "search", "ばなな", "--json")
    assert code == 0 and json.loads(out) == [] and not err


def test_no_hit_says_so(capsys):
    code, out, _ = run(capsys, "search", "ばなな")
    assert code == 0
    assert "「ばなな」に一致する確認項目は見つかりませんでした。" in out


def test_no_hit_suggests_what_holds_some_of_the_words(capsys):
    _, out, _ = run(capsys, "search", "社員旅行")
    assert "見つかりませんでした" in out and "もしかして" in out
    assert "役職員" in out


def test_human_listing(capsys):
    code, out, _ = run(capsys, "search", "スタッフへの研修", "--limit", "3")
    assert code == 0
    assert out.startswith("「スタッフへの研修」の検索結果（3件、近い順）")
    assert "1. 通番3 [API接続先]" in out
    assert len(re.findall(r"^\d\. 通番", out, re.M)) == 3


def test_sentence_query(capsys):
    rows = json.loads(run(capsys, "search", "どこでバックアップのことを聞かれるの", "--json")[1])
    assert rows[0]["item"] == 31


@pytest.mark.parametrize("party", ["financial_institution", "金融機関"])
def test_party_filter(capsys, catalog, party):
    rows = json.loads(run(capsys, "search", "トークン", "--party", party, "--json")[1])
    mine = {i.no for i in catalog.items_for(Party.FINANCIAL_INSTITUTION)}
    assert rows and {r["item"] for r in rows} <= mine
    assert rows[0]["item"] == 41


def test_limit(capsys):
    rows = json.loads(run(capsys, "search", "認証", "--json", "--limit", "2")[1])
    assert len(rows) == 2


@pytest.mark.parametrize("limit", ["0", "-1", "abc", "45"])
def test_bad_limit_is_a_usage_error_in_japanese(capsys, limit):
    code, _, err = run(capsys, "search", "ログ", "--limit", limit)
    assert code == 2 and "1〜44の整数を指定してください" in err


def test_bad_party_is_a_usage_error_in_japanese(capsys):
    code, _, err = run(capsys, "search", "ログ", "--party", "bank")
    assert code == 2 and "api_connector（API接続先）" in err


def test_blank_query_is_a_user_error(capsys):
    code, out, err = run(capsys, "search", "  ")
    assert code == 1 and not out
    assert err.startswith("エラー: 検索する語を指定してください")


def test_hostile_query_is_echoed_safely(capsys):
    code, out, _ = run(capsys, "search", "\x1b]0;pwned\x07\x1b[2Jばっくあっぷ\x9b")
    assert code == 0
    assert not UNSAFE.search(out.replace("\n", ""))
    assert "通番31" in out
