"""Scope words, slipped schedules and asides (issue #14, fourth session)."""

from __future__ import annotations

from datetime import date

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply
from interview.engine.reply_normalize import fold
from interview.engine.reply_rules import read

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a stated exception limits a done state; "no exception" does not
        ("例外ありで実施しています", Status.PARTIAL),
        ("例外なく全件実施しています", Status.DONE),
        # one group in scope, another left out: a part, not 該当なし
        ("正社員は対象、アルバイトは対象外です", Status.PARTIAL),
        ("個人向けサービスがないため対象外です", Status.NOT_APPLICABLE),
        # evidence of completeness
        ("研修の受講率は100%です", Status.DONE),
    ],
)
def test_scope_words(text, status):
    assert parse_status_reply(text, today=TODAY).status is status, text


def test_a_slipped_schedule_asks_with_partial_guessed():
    text = "月1回の予定ですが、先月はできませんでした"
    reading = read(fold(text))
    assert reading.status is None and reading.guess is Status.PARTIAL  # the rules ask
    # the gate, agreeing near-certainly, may read the guess; never another status
    reply = parse_status_reply(text, today=TODAY)
    assert reply.status in (None, Status.PARTIAL) and reply.guess is Status.PARTIAL


def test_a_lead_in_naming_a_plan_is_kept():
    assert "予定" in fold("年2回の予定ですが、今年はまだです")
    assert fold("この項目ですが、対応済み").startswith("対応済み")


def test_a_remark_about_the_talk_is_not_an_answer():
    reply = parse_status_reply("その質問は前にも出ましたね", today=TODAY)
    assert reply.status is None


@pytest.mark.parametrize(
    "text",
    ["うんうん", "一旦休憩します", "次の質問に移りたいです", "その話はさっきもしましたね"],
)
def test_talk_about_the_session_is_not_an_answer(text):
    assert parse_status_reply(text, today=TODAY).status is None, text


@pytest.mark.parametrize(
    "text", ["以前検討しましたが、中止になりました", "検討した結果、見送りとなっています"]
)
def test_considered_then_dropped_is_not_done(text):
    assert parse_status_reply(text, today=TODAY).status is Status.NOT_DONE, text


def test_a_feeling_with_no_confidence_is_unknown():
    assert parse_status_reply("対応済みの気はしますが、自信はないです").status is Status.UNKNOWN


@pytest.mark.parametrize(
    "text", ["承認制で運用、例外があります", "毎年やる決まりですが、漏れている月もあります"]
)
def test_a_rule_with_gaps_is_a_part_or_asked(text):
    """The rules read 一部実施 (an exception, or gaps in some months); the gate (θ 0.95) leans
    to 実施済み on these and may make the reader ask, but never gives a status of its own."""
    assert read(fold(text)).status is Status.PARTIAL
    assert parse_status_reply(text, today=TODAY).status in (Status.PARTIAL, None)


def test_a_baseline_beside_a_left_out_part_is_a_part():
    reply = parse_status_reply("原則実施、ただし一部の拠点は対象外", today=TODAY)
    assert reply.status is Status.PARTIAL


@pytest.mark.parametrize("text", ["さっきの回答を訂正したいです", "すみません、会議に呼ばれました"])
def test_interruptions_are_not_answers(text):
    assert parse_status_reply(text, today=TODAY).status is None, text


def test_a_thin_part_beside_a_done_one_is_a_part():
    reply = parse_status_reply("バックアップは取っていますが、検証は手薄です", today=TODAY)
    assert reply.status is Status.PARTIAL


def test_an_indirect_question_is_not_a_question_back():
    reply = parse_status_reply("昨年どう答えたか確認してから回答します", today=TODAY)
    assert reply.status is Status.UNKNOWN and not reply.is_question


def test_the_same_result_by_other_means_is_an_alternative():
    reply = parse_status_reply("専用製品は使っていませんが、OSの機能で同じことを実現しています")
    assert reply.status is Status.ALTERNATIVE
