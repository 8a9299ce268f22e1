"""代替策 by its shape (issue #14, eleventh round): a negated measure first, then another
means in force. Words that say it is enough settle it; otherwise the reader asks with 代替策
pre-selected, and contrasts of the same control keep their reading."""

from __future__ import annotations

import pytest
from helpers import rules_reading

from interview.engine.answers import Status

_rules = rules_reading


@pytest.mark.parametrize(
    "text",
    [
        # the other means, said to be enough (ので, から十分, 防げる)
        "VPNは使っていないけど、全通信をmTLSにしてるので盗聴は防げる",
        "生体認証は入れてないけど、ICカードと暗証番号で入室する仕組みにしてるから十分",
        # one scope word on both sides is one scope, not two parts
        "本番の承認フローはないが、本番への反映はCI経由でしかできない仕組みなので問題ない",
    ],
)
def test_a_negated_measure_then_a_means_said_to_be_enough_is_alternative(text):
    assert _rules(text) == (Status.ALTERNATIVE, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    "text",
    [
        "IDSは無し、WAFで全リクエストを記録",
        "専用の鍵管理サーバーはないが、鍵はクラウドのKMSで管理しています",
        # priced out, then other means: the measure itself, or another? Ask.
        "専用の監視ツールは高額なので、OSの標準ログとスクリプトで見張っています",
    ],
)
def test_the_shape_without_a_reason_asks_with_alternative_guessed(text):
    assert _rules(text) == (None, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a part of the same control: scope or part words, or the positive part first
        ("本番は対応済みだが、開発はしていない", Status.PARTIAL),
        ("委託先への教育はしていないが、社員には年1回実施している", Status.PARTIAL),
        ("ログ監視はしていませんが、本番だけはアラートで通知しています", Status.PARTIAL),
        ("手順書は未整備、ただ連絡網は作ってあります", Status.PARTIAL),
        ("部署によっては実施していない", Status.PARTIAL),
        # ad hoc practice is not another measure
        ("規程はないけど、実務ではやっている", Status.PARTIAL),
        # a plan is a gap
        ("WAFは入れていないが、来期にクラウドWAFで対応予定", Status.NOT_DONE),
        # how things stand without the control
        ("窓口は設けておらず、フォームで一律に受け付けています。", Status.NOT_DONE),
    ],
)
def test_contrasts_plans_and_gaps_keep_their_reading(text, status):
    assert _rules(text)[0] is status, text


@pytest.mark.parametrize(
    ("text", "status", "guess"),
    [
        ("当社には適用されません", Status.NOT_APPLICABLE, Status.NOT_APPLICABLE),
        ("害当しません", Status.NOT_APPLICABLE, Status.NOT_APPLICABLE),
        # the party does not exist here: n/a, or a gap? Ask.
        ("外部接続先はありません", None, Status.NOT_APPLICABLE),
        ("委託先の中のことは、こっちからは見えません", Status.UNKNOWN, Status.UNKNOWN),
        ("担当者が休みのため後日確認します", Status.UNKNOWN, Status.UNKNOWN),
    ],
)
def test_not_applicable_and_unknown_forms(text, status, guess):
    assert _rules(text) == (status, guess), text
