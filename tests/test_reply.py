"""Typed replies and slash commands."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview.engine.answers import Status
from interview.engine.reply import Command, parse_command, parse_status_reply


@pytest.mark.parametrize(
    ("text", "status", "detail"),
    [
        ("はい、CISOを任命しています", Status.DONE, "CISOを任命しています"),
        ("はい", Status.DONE, ""),
        ("実施済み。規程あり", Status.DONE, "規程あり"),
        ("いいえ", Status.NOT_DONE, ""),
        ("いいえ、まだ手順書がありません", Status.NOT_DONE, "まだ手順書がありません"),
        ("未実施 来期対応", Status.NOT_DONE, "来期対応"),
        ("一部実施 兼任です", Status.PARTIAL, "兼任です"),
        ("一部、本番環境のみ", Status.PARTIAL, "本番環境のみ"),
        ("部分的に実施", Status.PARTIAL, "実施"),
        ("該当なし：クラウドのみ利用", Status.NOT_APPLICABLE, "クラウドのみ利用"),
        ("対象外です", Status.NOT_APPLICABLE, "です"),
        ("わからない", Status.UNKNOWN, ""),
        ("分かりません。担当に確認します", Status.UNKNOWN, "担当に確認します"),
        ("不明", Status.UNKNOWN, ""),
        ("3 手順なし", Status.NOT_DONE, "手順なし"),
        ("１", Status.DONE, ""),
        ("Yes, we do", Status.DONE, "we do"),
        ("ＹＥＳ", Status.DONE, ""),
    ],
)
def test_status_words(text, status, detail):
    reply = parse_status_reply(text)
    assert reply.status is status
    assert reply.detail == detail


@pytest.mark.parametrize("text", ["CISOがいます", "node", "12月に導入", "", "   ", "なんとも"])
def test_unclear_replies_have_no_status(text):
    reply = parse_status_reply(text)
    assert reply.status is None
    assert reply.detail == text.strip()


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("/用語 OAuth", Command("glossary", "OAuth")),
        ("／用語　とーくん", Command("glossary", "とーくん")),
        ("/戻る", Command("back")),
        ("/スキップ", Command("skip")),
        ("/移動 23", Command("jump", "23")),
        ("/要確認", Command("follow")),
        ("/検索 ログ", Command("search", "ログ")),
        ("/出力", Command("export")),
        ("/なにか", Command("unknown", "なにか")),
    ],
)
def test_commands(text, command):
    assert parse_command(text) == command


def test_plain_text_is_not_a_command():
    assert parse_command("はい /戻る") is None


@given(st.text())
def test_never_raises(text):
    reply = parse_status_reply(text)
    assert isinstance(reply.detail, str)
    parse_command(text)
