"""Nineteenth round (issue #14, tuning64–68, branch i19a): confident readings on the 代替策 /
look-alike boundary that now ask. Each case is our own wording for a class of replies, not a
table reply. Readings are the rules' own (the gate is trained apart)."""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from tests.helpers import rules_reading


@pytest.mark.parametrize(
    "text",
    [
        # a terse absence, then one verbless phrase naming what stands in its place
        "暗号化なし、専用線のみ",
        "暗号化なし・閉域網のみ",
        "入館カード無し、守衛常駐",
        "防犯ドアはないです、ビルの夜間シャッターと機械警備で",
        # a notification that fires, after the measure said absent
        "取引モニタリングの製品はないです。高額の出金があると担当者にメールが飛びます",
        # a grant made for each use, then the measure said absent last
        "権限はJIT方式で都度付与して、1時間で自動失効します。申請書のフローはないです",
        # the scope after the absence is the measure's own topic (管理者 / 特権): no part
        "管理者アカウントの承認フローはないけど、特権は必要な時に30分だけ付与される方式で自動で記録してる",
        # the hours open are the block; the night left out, said last, is closed by them
        "振込は平日8時〜20時だけ受け付けていて、その間は担当が常に見ています。深夜の監視はしていません",
        # another team or party does it, after the measure said absent
        "脆弱性診断は外部に頼んでいない。四半期ごとに社内のセキュリティチームが診断してる",
        # a block made by design, said as a negative
        "休日の監視はしていませんが、休日は管理画面にログインできない設定にしています",
        "私物の持込み禁止ルールはないけど、社内LANは証明書がないと繋がらないようにしてる",
        "データ消去の証明書はもらっていない、鍵を捨てて読めなくしてる",
        # the accounts removed by themselves, said first; the review said absent last
        "異動のたびに人事システムと連動して権限が自動で付与・削除されます。定期的な棚卸しはしていません",
        # English: the measure negated, then the only way in
        "MFA is not enforced, but staff can only log in from the bastion host.",
        # English: the measure said not run, then a sentence naming a means in force
        "We don't run a WAF. Cloudflare blocks bot traffic in front of the API.",
    ],
)
def test_a_terse_or_reversed_alternative_asks_with_alternative(text):
    assert rules_reading(text) == (None, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    "text",
    [
        # equipped, not used
        "キャビネットに鍵はついてますが、施錠はしていません",
        "不正検知のアラートはメールで届くけど、対応はしてないです",
        # not even someone to look; it reaches nobody
        "監査ログは残ってる、ただ確認する人も仕組みもない",
        "通知は設定してありますが、誰にも届いていません",
        # the weaker thing only, said bare
        "二要素認証なし、パスワードのみ",
    ],
)
def test_a_look_alike_asks_with_not_done(text):
    assert rules_reading(text) == (None, Status.NOT_DONE), text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a topic named before the bare 「のみ」: the weaker part that is done
        ("入退室管理システムはない。サーバ室は施錠のみ", Status.PARTIAL),
        # a log kept, nobody to look: the older tables' part (「も」 not said)
        ("ログは取っていますが、見る人がいません", Status.PARTIAL),
        # a plain no, or a plan, after the absence: no phrase naming a means
        ("ないですね、今のところ", Status.NOT_DONE),
        ("MFAはまだ入れてないです。ユーザーから要望が出たら考える感じ", Status.NOT_DONE),
    ],
)
def test_look_alikes_keep_their_reading(text, status):
    assert rules_reading(text)[0] is status, text


def test_a_limit_said_not_set_is_the_absent_measure_not_a_part():
    # 「絞っていない」 negates a limit: the measure absent, then the only way in — 代替策
    text = "送信元IPは絞っていない。クライアント証明書を入れた端末からしか接続できないようにしてる"
    assert rules_reading(text)[0] is Status.ALTERNATIVE, text


def test_endpoints_reset_every_day_cover_a_missing_antivirus():
    # the malware family: endpoints wiped every day (初期化) are the means, as 作り直し
    text = "ウイルス対策ソフトは入れていないが、端末はすべてVDIで毎日初期化される運用です"
    assert rules_reading(text)[0] is Status.ALTERNATIVE, text


def test_recorded_and_checked_said_as_nouns_asks():
    # every operation recorded, someone checks it (said as a noun): no longer a confident 未実施
    text = "承認ワークフローはないけど、作業は全部録画して翌朝リーダーが確認"
    assert rules_reading(text)[0] is None, text


def test_english_not_run_then_a_plan_stays_not_done():
    assert rules_reading("We don't have a WAF yet. We plan to add one next quarter.")[0] is (
        Status.NOT_DONE
    )
