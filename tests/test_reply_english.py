"""English replies, memo forms and half-width kana read like their Japanese equivalents."""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply
from interview.engine.reply_english import fold_english, is_english


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MFA is enforced for all users via Okta.", Status.DONE),
        ("Not done. Planned for Q3.", Status.NOT_DONE),
        ("Implemented for employees but not for contractors.", Status.PARTIAL),
        ("Doesn't apply, we only use read-only APIs.", Status.NOT_APPLICABLE),
        ("TBC - checking with the vendor.", Status.UNKNOWN),
        ("We use IP allowlisting instead.", Status.ALTERNATIVE),
        ("WAFはenabledです", Status.DONE),
        ("vendor側の対応状況はunknownです", Status.UNKNOWN),
        ("【対応】済\n【根拠】情報セキュリティ規程第12条", Status.DONE),
        ("・該当：なし\n・理由：スマホアプリ未提供", Status.NOT_APPLICABLE),
        ("■対応：未\n■予定：来期", Status.NOT_DONE),
        ("ﾀﾞｲﾀｲｻｸｱﾘ", Status.ALTERNATIVE),
        ("ﾎﾝﾊﾞﾝﾀﾞｹﾔｯﾃﾏｽ", Status.PARTIAL),
    ],
)
def test_reads_like_japanese(text: str, expected: Status) -> None:
    assert parse_status_reply(text).status is expected


def test_questions_in_english_stay_questions() -> None:
    reply = parse_status_reply("Can you explain what 'chain connection' means here?")
    assert reply.status is None


def test_only_verdict_words_change() -> None:
    assert is_english("we don't have that") and not is_english("WAFはenabledです")
    assert fold_english("logs are kept") == "logs 実施しています"
    assert fold_english("サーバーはlinuxです") == "サーバーはlinuxです"
    assert fold_english("正直ノータッチ") == "正直ノータッチ"


def test_a_negation_no_rule_read_is_never_confidently_done() -> None:
    from interview.engine.reply_normalize import fold
    from interview.engine.reply_rules import read

    # the rules only guess; the classifier (retrained through tuning67, 0.99 sure) agrees, so
    # the reply is read 実施済み as it claims, shown with the reply and one key to correct it
    reading = read(fold("We are compliant without a formal policy."))
    assert reading.status is None and reading.guess is Status.DONE
