"""The reader asks (status None, with a guess) where the evidence is weak or mixed, and
reads confidently the contrasts it can see (issue #14, third session)."""

from __future__ import annotations

from datetime import date

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply
from interview.engine.reply_normalize import fold
from interview.engine.reply_rules import read

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        # a done part beside an unknown one
        ("本番は対応済みですが、委託先の状況はわかりません", Status.PARTIAL),
        # a done part beside nothing started at all
        ("backlogには積んでありますが手は付けてません", Status.NOT_DONE),
        # a negated measure, then what is done by other means
        ("物理的に分離はしていませんが、論理的に分けることで対応しています", Status.ALTERNATIVE),
        # two parts named, only one negated, the other in words the rules do not read
        ("社員向けはeラーニング、委託先向けは特にしていません", Status.PARTIAL),
        # a weak extent
        ("担当者が気を付けている程度です", Status.PARTIAL),
        # a first step, the real thing still to come: 未実施 guessed (fifteenth round (b))
        ("要件は固まったが実装はこれから", Status.NOT_DONE),
        # a leading yes or no against the rest
        ("はい、まだです", Status.NOT_DONE),
        ("いいえ、問題ありません", Status.DONE),
        # a bare reason with no verdict
        ("API連携はしていないので", Status.NOT_APPLICABLE),
    ],
)
def test_mixed_or_weak_evidence_asks(text, guess):
    """The rules ask, with their best guess. The statistical gate may take that guess as
    the status when it agrees near-certainly; another status only where listed in TAKEN."""
    reading = read(fold(text))
    assert reading.status is None, text
    assert reading.guess is guess, text
    reply = parse_status_reply(text, today=TODAY)
    other = TAKEN.get(text)
    if other is None:
        assert reply.status in (None, guess), text
    else:
        assert reply.status is other, text
    assert reply.guess is (other or guess), text
    assert reply.detail == text


# Where the classifier is near-certain (reply_gate.TAKE_FLOOR) of another status, it is read
# instead of the rules' guess (seventeenth session; before, only pre-selected).
# 「担当者が気を付けている程度です」: the rules guess 一部実施; the newer writers count a practice
# left to people as 未実施, and so does the classifier trained on them (0.93 through tuning67,
# under the floor, 0.997 through tuning69).
TAKEN: dict[str, Status] = {"担当者が気を付けている程度です": Status.NOT_DONE}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # two contrasted parts typed with no punctuation between them
        ("社員教育は実施委託先への教育は未実施", Status.PARTIAL),
        ("東京は済大阪は未", Status.PARTIAL),
        ("ログは取得分析はしていない", Status.PARTIAL),
        ("・アクセス制御：済\n・ログ監視：未\n・脆弱性診断：済", Status.PARTIAL),
        ("認証OK、認可OK、ログNG", Status.PARTIAL),
        ("規程もない手順もない", Status.NOT_DONE),
        ("設定は済ませたがテストはこれから", Status.PARTIAL),
        # no trouble counts as done only alone
        ("監査での指摘事項はありません", Status.DONE),
        ("やってないけど問題は起きてない", Status.NOT_DONE),
        # controls and scope phrased with negative words
        ("申請しないと使えません", Status.DONE),
        ("承認を得た先とのみ契約しております", Status.DONE),
        ("該当する業務はありますが、対応はしていません", Status.NOT_DONE),
        ("対応していませんが、リスクは受容しています", Status.NOT_DONE),
        # English inside a reply, counts
        ("not applicable、うちはアプリなしです", Status.NOT_APPLICABLE),
        ("全部で30項目あって、25項目まではクリアしています", Status.PARTIAL),
        ("導入率0%", Status.NOT_DONE),
        ("ちょっと即答できないです", Status.UNKNOWN),
    ],
)
def test_readable_contrasts_stay_confident(text, status):
    assert parse_status_reply(text, today=TODAY).status is status, text
