"""Requests to the chat in words (「後回しにして」「ちょっと待って」), and their look-alikes.

The table tests/data/replies_requests.toml was written before the reader ran on it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply
from interview.engine.reply_normalize import fold
from interview.engine.reply_request import REQUESTS, read_request, request_in

TABLE = tomllib.loads(
    (Path(__file__).parent / "data" / "replies_requests.toml").read_text(encoding="utf-8")
)
REQUEST_ROWS = [(name, text) for name, texts in TABLE["none"].items() for text in texts]
LOOK_ALIKES = [
    (Status(status), group, text)
    for status, groups in TABLE.items()
    if status != "none"
    for group, texts in groups.items()
    for text in texts
]


def test_the_table_is_wide_enough():
    assert len(REQUEST_ROWS) >= 60 and len(LOOK_ALIKES) >= 40
    texts = [text for _, text in REQUEST_ROWS] + [text for _, _, text in LOOK_ALIKES]
    assert len(set(texts)) == len(texts), "duplicate replies"
    assert {name for name, _ in REQUEST_ROWS} == set(REQUESTS)
    for name in REQUESTS:
        assert sum(n == name for n, _ in REQUEST_ROWS) >= 8, name
    assert sum(text.isascii() for _, text in REQUEST_ROWS) >= 15  # English forms


@pytest.mark.parametrize(("name", "text"), REQUEST_ROWS)
def test_a_request_is_named_and_gives_no_status(name, text):
    assert read_request(fold(text)) == name
    reply = parse_status_reply(text)
    assert (reply.request, reply.status, reply.guess) == (name, None, None)
    assert reply.detail == text.strip()  # kept as typed


@pytest.mark.parametrize(("status", "group", "text"), LOOK_ALIKES)
def test_a_look_alike_statement_is_not_a_request(status, group, text):
    assert request_in(text) is None
    reply = parse_status_reply(text)
    assert reply.request is None
    if group == "answer_and_request":  # the answer wins: its status, or at least the guess
        assert (reply.status or reply.guess) is status


@pytest.mark.parametrize(
    "text",
    [
        "OAuthってどういう意味？",  # a question back: the glossary and hint are offered
        "意味を教えて",
        "次の質問は何ですか",
    ],
)
def test_questions_back_keep_their_path(text):
    reply = parse_status_reply(text)
    assert reply.request is None and reply.is_question and reply.status is None


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("前の質問に戻れますか？", True),
        ("この項目は飛ばしてもいいですか", True),
        ("用語集見せて", True),  # help asked for, like a question back
        ("ヒント見せて", True),
        ("スキップで", False),
        ("ちょっと待って", False),
    ],
)
def test_a_request_put_as_a_question_still_counts_as_asking_back(text, asks):
    reply = parse_status_reply(text)
    assert reply.request is not None and reply.is_question is asks


@pytest.mark.parametrize(
    "text",
    [
        "ちょっと待って、やっぱり次へ",  # the last request wins
        "えーと、スキップでお願いします🙏",
        "ＳＫＩＰ",
        "すみません、この項目は一旦パスでお願いします。",
    ],
)
def test_padding_and_width_do_not_hide_a_request(text):
    assert request_in(text) == "skip"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "スキップしている",
        "後回しです",
        "終了です",  # could be 完了: not a request
        "保存",
        "承認待ち",
        "次の監査で確認",
        "wait for approval",
        "x" * 61 + "スキップ",
        "ちょっと待ってください。未実施です",  # answers too: the answer wins
    ],
)
def test_not_a_request(text):
    assert request_in(text) is None
