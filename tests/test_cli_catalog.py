from __future__ import annotations

import json

import pytest
from helpers import run_cli

from interview import __version__

run = run_cli


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


@pytest.mark.parametrize("argv", [["bogus"], ["catalog", "--party", "bank"], ["catalog", "--nope"]])
def test_usage_errors_exit_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err


def test_catalog_json_contract(capsys):
    code, out, _ = run(capsys, "catalog", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["edition"]["edition"] == "2018年10月版"
    assert [c["no"] for c in data["categories"]] == list(range(1, 10))
    assert set(data["categories"][0]) >= {"no", "name", "purpose", "items"}
    item = data["items"][2]
    assert set(item) >= {
        "no",
        "category",
        "party",
        "goal",
        "description",
        "method_groups",
        "notes",
        "references",
    }
    assert item["no"] == 3 and item["party"] == "api_connector"
    group = item["method_groups"][1]
    assert group["heading"] == "教育・研修の実施"
    assert group["examples"][0] == {
        "id": "3.2.1",
        "text": "役職員への安全管理措置の周知徹底、教育及び訓練を行っている。（注1）",
        "notes": [1],
    }
    assert item["references"]["zenginkyo"] == ["3.3.1 d", "3.3.3 e"]
    assert item["references"]["fisc"] == ["統13", "統14", "監1"]
    assert "FISC「安全対策基準」" in item["references"]["text"]
    assert set(data["glossary"][0]) >= {"term", "pages", "description", "yomi", "aliases"}
    assert len(data["glossary"]) == 64


@pytest.mark.parametrize(("party", "count"), [("api_connector", 38), ("financial_institution", 14)])
def test_catalog_party_filter(capsys, party, count):
    code, out, _ = run(capsys, "catalog", "--party", party, "--json")
    assert code == 0
    items = json.loads(out)["items"]
    assert len(items) == count
    assert {i["party"] for i in items} == {party, "common"}


def test_catalog_human_listing(capsys):
    code, out, _ = run(capsys, "catalog")
    assert code == 0
    assert "■ 区分1 情報・セキュリティ管理態勢" in out
    assert "44. [金融機関] 利用者のAPI接続に関する誤認・誤解を防ぐ。" in out
    assert "計 44 項目" in out
