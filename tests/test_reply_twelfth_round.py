"""Issue #14, twelfth round: hard indirect replies from a new writer. Confident wrong
readings become questions where the words cannot settle the status; 代替策 is read from a
time, a limit, a boundary or a tool that is itself the means; unknowns held by others.
The examples are our own wording, not replies of the tables."""

from __future__ import annotations

import pytest
from helpers import rules_reading

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply

_rules = rules_reading


@pytest.mark.parametrize(
    "text",
    [
        # (a limit, two reviewers and 「VPN必須なので外からは入れない」 are read as 代替策 since the
        # fourteenth round: tests/test_reply_fourteenth_round.py)
        # a time, a limit or a boundary that is itself the means
        "夜間の監視はしていませんが、夜間はAPIを止めています",
        "鍵のローテーションはしてないが、鍵はHSMの中から出ない",
        "書き出しの制限はしてない。データは仮想デスクトップの中だけで、端末にはそもそも落ちない",
        # (a product named as the means, a control in force after the negated measure: read as
        # 代替策 since the fourteenth round (b): tests/test_reply_same_risk.py)
        "削除のルールはないが、SSOを止めれば全部入れなくなる",
        # evidence from another party, checked by the department in charge
        "個別の監査は実施しておりませんが、各社から年次でチェックシートの提出を受け、所管部署が確認しております",
        "手順書は作ってないけど、構築は全部Terraformで自動化してて手作業がない",
        "ログの分析はしていませんが、管理画面は社内IPからしか開けません",
        # another party, four eyes, reports that arrive
        "外部の診断は受けていません。社内のセキュリティチームがリリースごとに診断しています",
        # the 〜ていないが、…で対応 form asks (the tables read it both ways)
        "契約書には入れていないが、覚書で対応しています",
    ],
)
def test_another_means_without_a_reason_asks_with_alternative_guessed(text):
    assert _rules(text) == (None, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    "text",
    [
        "MFAなし、IP制限で対応",
        "BCPは作ってないです。冗長構成なので片方落ちても動きます",
        "有効期限は強制してないw MFAと漏洩チェックで十分かなと",
        "ロックアウトはしてないけど、ログイン試行はレート制限で総当たりは止めてる",
        "パスワードの定期変更はやめた。そのぶん生体認証を必須にしてる",
        "保険には入っていません。事故に備えて準備金を積み立てています",
        "WAFはいれてないです。ゲートウェイのIP制限でふせいでます",
        "wafはないけどcdnのルールでまもってる",
        "専任の担当者がいません。そのため、監視は外部のSOCサービスに委託しています",
        "We don't have a formal incident plan, but the on-call runbook covers the steps.",
    ],
)
def test_another_means_said_to_cover_the_risk_is_alternative(text):
    assert _rules(text) == (Status.ALTERNATIVE, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # genuine contrasts of the same control stay 一部実施 (a five-status reading)
        ("夜間は監視していないが、日中は監視している", Status.PARTIAL),
        ("ログは保存してない、でもアラートは設定してる", Status.PARTIAL),
        ("研修はしていないが、規程は整備している", Status.PARTIAL),
        ("夜間は監視していません", Status.PARTIAL),
        # 運用ルール is not another control: the tables read it as a part
        ("システム的な制御はなく、運用ルールで対応しています", None),
        # kept only where it is safe: no longer a confident part (asks)
        ("鍵は人が見られない場所にしか置いてない", None),
        # a service stopped on its own is a practice in force
        ("夜間はAPIを止めています", Status.DONE),
        # 「しか入れない」 is a control
        ("本番DBには踏み台からしか入れないし、踏み台のログは全部保管してる", Status.DONE),
    ],
)
def test_contrasts_and_controls_keep_their_reading(text, status):
    assert _rules(text)[0] is status, text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("外注は一切していないので、外注先の管理はありません", Status.NOT_APPLICABLE),
        ("外注先はいません。全部内製です", Status.NOT_APPLICABLE),
        ("委託先はゼロで、対象になるものがない", Status.NOT_APPLICABLE),
        ("当社では、本件に該当する連携先はございません", Status.NOT_APPLICABLE),
        ("Jiraにチケットは切ってあるけど、誰も着手してない", Status.NOT_DONE),
        (
            "当社は保守を請け負うベンダーの立場ですが、その仕組みはまだ作っていません",
            Status.NOT_DONE,
        ),
        ("稟議は通ったけど、購入はまだ", Status.NOT_DONE),
        ("公開APIは診断済みで、社内システムは予算の都合でまだ対象外です", Status.PARTIAL),
        ("前期までは外部に頼んでたけど、契約が切れてからは何も", Status.NOT_DONE),
        ("やってないわけがない、毎週回してます", Status.DONE),
        ("インフラは親会社が見ていて、こちらからは中身が見えません", Status.UNKNOWN),
        ("前任者が作ったきりで、今どうなってるかは見れてない", Status.UNKNOWN),
        ("それ誰の担当だっけ、ちょっと聞いてきます", Status.UNKNOWN),
        ("前任が作ったっぽいけど、資料がなくて謎", Status.UNKNOWN),
        ("保守会社さんにお任せしてて、詳しくはちょっと…", Status.UNKNOWN),
        ("外部委託先の管理は本社がやっていて、うちの部署には情報が来ません", Status.UNKNOWN),
        ("所管が違うため、情報システム部に照会のうえ回答します", Status.UNKNOWN),
    ],
)
def test_statuses_of_this_round(text, status):
    assert _rules(text)[0] is status, text


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        # out of the answerer's hands, and not known: 不明 or 該当なし? Ask.
        (
            "ベンダーとして回答します。弊社の範囲外でお客様の管轄のため、状況は存じ上げません",
            Status.UNKNOWN,
        ),
        # left to another party, its state not said
        ("共通基盤を使っていて、設定は親会社任せです", Status.UNKNOWN),
        # a negated measure, then a clause the rules cannot read that names a means
        # nothing there to protect: 該当なし, or a gap? Ask
        (
            "入館記録は取っていないが、サーバは全部クラウドなので事務所に守るものがない",
            Status.NOT_APPLICABLE,
        ),
        # the plan falls through every year; logs nobody reads
        ("その案は毎年出るけど、毎年流れてる", Status.NOT_DONE),
        ("ログは出てるけど、見る人がいない", Status.NOT_DONE),
        # talk, then nothing: a gap, or is the talk a part? Ask, 未実施 guessed
        ("議事録には残っているが、実際には何もしていない", Status.NOT_DONE),
    ],
)
def test_mixed_signals_ask(text, guess):
    assert _rules(text) == (None, guess), text


def test_a_past_belief_alone_is_never_done():
    assert _rules("そういうのは大企業がやることだと思ってました")[0] is None


def test_but_still_uses_is_the_part_left():
    text = "We rotate keys for the public API but the batch jobs still use long-lived keys."
    assert _rules(text)[0] is Status.PARTIAL


def test_a_question_about_what_a_word_covers_is_a_question_back():
    reply = parse_status_reply("「委託先」ってどこまでを含むんでしょう")
    assert reply.status is None and reply.is_question
