"""代替策 said without 代わり, and the shapes the reader cannot tell apart (round ten).

A negated measure, then another means named as covering the same risk, is 代替策; a negated
measure, then another means with no such claim, asks (代替策 pre-selected) — the same shape
is 一部実施 in other replies. A risk claim with no means named, or resting on habit, is not
a measure.
"""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply
from interview.engine.reply_normalize import fold
from interview.engine.reply_rules import read


@pytest.mark.parametrize(
    "text",
    [
        "WAFは未導入ですが、CDN側のルールで攻撃を遮断することでリスクを低減しています",
        "専用ソフトは入れてないけど、OS標準の機能で検知できてて、それで十分",
        "ハードウェアトークンは配ってないけど、認証アプリを使わせてるから問題ない",
        "鍵の更新はしていませんが、有効期限を短くしているので、漏れても影響は限定的です",
        "定例の監査という形ではやってないけど、毎月の定例で設定を見直してる",
        "パスワード変更はやめて、そのかわりMFAを必須にしました",
        "同じ確認を別ツールでやっています",
    ],
)
def test_another_means_said_to_cover_the_risk_is_alternative(text: str) -> None:
    assert parse_status_reply(text).status is Status.ALTERNATIVE


@pytest.mark.parametrize(
    "text",
    [
        "専用窓口は設けておらず、親会社のサポートデスクで受けてもらっています",
        # (a means of the same risk family is read as 代替策 since the fourteenth round (b):
        # tests/test_reply_same_risk.py)
    ],
)
def test_another_means_without_a_claim_asks_with_alternative_guessed(text: str) -> None:
    reading = read(fold(text))  # the rules ask; the gate may promote the guess when it agrees
    assert reading.status is None
    assert reading.guess is Status.ALTERNATIVE
    assert parse_status_reply(text).status in (None, Status.ALTERNATIVE)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("手順書はないけど、それで困ったことはないので問題ない", Status.ALTERNATIVE),
        ("手順書はないけど、経験でやってるから問題ない", Status.ALTERNATIVE),
        ("監視はしてないけど、小規模なので影響は小さい", Status.ALTERNATIVE),
    ],
)
def test_a_risk_claim_without_a_means_is_not_alternative(text: str, wrong: Status) -> None:
    assert parse_status_reply(text).status is not wrong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("親会社が構築したものなので、中身は把握してないです", Status.UNKNOWN),
        ("外注先に任せっきりで、どうなってるか聞いたこともない", Status.UNKNOWN),
        ("前任者が作ったので、今どうなってるか見てみないと", Status.UNKNOWN),
        ("ネットワークの人に見てもらいます", Status.UNKNOWN),
        ("システムは全部内製なので、委託はありません", Status.NOT_APPLICABLE),
        ("新規契約分から適用していますが、既存契約は未対応です", Status.PARTIAL),
        ("入室時に台帳へ書くのが決まりです", Status.DONE),
        ("やってないってことはないです、毎週やってます", Status.DONE),
        ("たぶんやってなかったと思う、というか、やってないです", Status.NOT_DONE),
    ],
)
def test_everyday_and_indirect_forms(text: str, expected: Status) -> None:
    assert parse_status_reply(text).status is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("導入しtます", Status.DONE),
        ("対応してまsえん", Status.NOT_DONE),
        ("やってなかtt", Status.NOT_DONE),
        ("外套なし", Status.NOT_APPLICABLE),
        ("Nope", Status.NOT_DONE),
        ("本番以外まだ", Status.PARTIAL),
        ("halfway there、devはまだ", Status.PARTIAL),
    ],
)
def test_slips_and_one_words(text: str, expected: Status) -> None:
    assert parse_status_reply(text).status is expected


def test_asking_what_a_word_covers_is_a_question() -> None:
    reply = parse_status_reply("恐れ入りますが、「接続先」の定義を確認させてください")
    assert reply.status is None and reply.is_question
