"""Compensating controls and their look-alikes from a new writer (issue #14, fourteenth round,
tuning46). Each case is our own wording for a class of replies, not a table reply.
Readings are the rules' own (the gate is trained separately)."""

from __future__ import annotations

import pytest
from helpers import rules_reading

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply


@pytest.mark.parametrize(
    "text",
    [
        # the asked measure absent, then a means in force that closes the same risk
        "改ざん検知のツールはありません。口座の残高は毎日二人で突合しています",
        "監視カメラは置いてないけど、サーバ室は暗証番号と鍵の二重で、二人でしか入れない",
        "SOC2の報告書はもらっていません。契約で監査権を確保していて、毎年監査に行っています",
        "アカウントロックはしていないです。ログインAPIは1分10回を上限にしています",
        "USBの書き込み制御はしていません。端末はシンクライアントで、手元にはデータが残りません",
        "ワンタイムパスワードはなしで、ログインはクライアント証明書必須にしてます",
        # asked until the thirteenth round (tests/test_reply_twelfth_round.py, …thirteenth…)
        "不正利用の検知はしていないが、1日の送金上限を5万円に設定している",
        "取引のモニタリングはしてないけど、1日の送金件数を100件に絞ってる",
        "自動テストはないですが、変更は全件2名がレビューして記録を残しています",
        "うーん、ないですね。でもVPN必須なので外からは入れないです",
        "棚卸しツールはないです。毎月、人事の名簿とアカウントを手で突き合わせています",
        "サーバー室のカメラは無し。入口を生体認証にして、入れる人を3名に限定",
        "We don't use hardware tokens; login is via client certificates and an IP allowlist.",
        "ログの改ざん検知は入れていません。ログは追記専用のバケットに送っています",
        "入室管理のシステムはないですが、鍵は総務が持っていて貸出簿に記入してもらってます",
        "当行では当該機能を有しておりませんが、端末の利用は行内LANに限定しております",
        "棚卸しは特にしていません。退職日に人事システム連携で自動で失効します",
        # bank keigo: 〜により補完 / 〜で担保 / 〜にて代替
        "当行では暗号化は行っておりませんが、接続は専用線による閉域網に限定しております。",
        "当行では改ざん検知ツールは保有しておりませんが、日次の二名による突合で担保しております。",
        "SOC2報告書は取得しておりませんが、契約上の監査権にて代替しております。",
        # English: 「No X. Y instead / Y covers it」
        "No tamper detection. Two people reconcile the ledger every morning.",
        "No MFA. SSO with hardware keys covers it.",
        "No account lockout. Login attempts are rate-limited per IP.",
    ],
)
def test_an_absent_measure_then_a_covering_means_is_alternative(text):
    assert rules_reading(text) == (Status.ALTERNATIVE, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    "text",
    [
        # the thing named is weaker, or nobody acts on it, or the door is left open
        "多要素認証はまだ。パスワードは長めにしてるけど、それだけ",
        "SIEMはない。ログは溜まってるけど誰も見てない",
        "侵入検知はなし。ファイアウォールはあるけど、入られても気付ける仕組みはない",
        "委託先の点検はしていない。秘密保持契約は結んでいるけど、それ以上は何も",
        "IP制限はしてない。ログイン画面は誰でも外から叩ける状態",
        "WAFは入れてない。ファイアウォールはあるけど、アプリへの攻撃は防げない",
        "侵入検知はないです。ログは取ってるけど形だけ",
        "当行では当該ログの分析は行っておらず、補完的な措置も特にございません。",
        "当行では二要素認証は導入しておりませんが、パスワードは10桁以上としております。",
    ],
)
def test_a_weaker_look_alike_is_not_done(text):
    assert rules_reading(text) == (Status.NOT_DONE, Status.NOT_DONE), text


@pytest.mark.parametrize(
    "text",
    [
        # a part of the same control, not another means
        "開発環境はMFAなし、本番はMFA必須",
        "MFAはまだ。管理者だけは入れてるけど、それだけ",
        "全件の承認はしていない、高額送金のみ二人承認",
    ],
)
def test_a_part_of_the_same_control_is_never_read_as_alternative(text):
    status, _ = rules_reading(text)
    assert status is not Status.ALTERNATIVE, text
    assert parse_status_reply(text).status is not Status.ALTERNATIVE, text


def test_a_lock_where_a_system_is_asked_is_a_part_to_the_rules():
    # the writers differ (tuning61 and later label 「Xなし・Yのみ」 代替策): the rules read a
    # part, and the classifier, near-certain of 代替策, may read that instead; never 実施済み
    text = "入退室管理システムはない。サーバ室は施錠のみ"
    assert rules_reading(text)[0] is Status.PARTIAL
    assert parse_status_reply(text).status in (Status.PARTIAL, Status.ALTERNATIVE, None)


@pytest.mark.parametrize(
    "text",
    [
        # weaker means named for what they build on: asked, never 代替策 by the rules
        "MFAはまだですが、パスワードは必須にしています",
        "研修はしていない、入社時に誓約書を必須にしている",
        "アカウントロックはない。回数制限はかけてるけど、1分500回なので実質無制限",
        # the means named, then said not to cover the risk (English)
        "No rate limiting. There is a CAPTCHA on signup, but the login endpoint is open.",
    ],
)
def test_a_weaker_means_is_not_read_as_alternative(text):
    status, _ = rules_reading(text)
    assert status is not Status.ALTERNATIVE, text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("外注はしておらず、すべて内製です", Status.NOT_APPLICABLE),
        ("他社へのAPI再提供はしていないので、連鎖接続先はありません", Status.NOT_APPLICABLE),
        ("前任者の引き継ぎ資料を漁ってみます", Status.UNKNOWN),
        ("すみません、わかならいです", Status.UNKNOWN),
        ("委託元に確認中です。担当の方が今週は出張で", Status.UNKNOWN),
        ("退職者のアカウントは人事システム連携で自動で無効になります", Status.DONE),
        ("前回の監査で指摘されて、まだそのまま", Status.NOT_DONE),
        ("退職者アカウントの棚卸しはしていません", Status.NOT_DONE),
        ("委託先の報告を待っているところです", Status.UNKNOWN),
        ("ちょっと何とも言えないです、インフラ担当に聞かないと", Status.UNKNOWN),
    ],
)
def test_fourteenth_round_replies_are_read(text, status):
    assert rules_reading(text) == (status, status), text


def test_a_small_firm_without_such_a_room_asks_with_not_applicable():
    assert rules_reading("社員3人なので、会議室とかないですw") == (None, Status.NOT_APPLICABLE)


def test_a_question_about_the_session_is_a_question_back():
    reply = parse_status_reply("この質問、前にも似たのなかった？")
    assert reply.status is None and reply.is_question


def test_line_breaks_for_commas_keep_the_alternative_reading():
    text = "防犯カメラはないです、サーバ室は窓なしで二人一組でしか入れない決まり"
    assert rules_reading(text)[0] is Status.ALTERNATIVE
    assert rules_reading(text.replace("、", "\n"))[0] is Status.ALTERNATIVE


def test_a_scoped_no_then_the_other_scope_is_not_read_as_alternative_by_the_rules():
    # the same control in another place: a part, even when the place is covered strongly
    text = "入室記録は事務室は取っていない。機械室は生体認証で記録している"
    assert rules_reading(text)[0] is not Status.ALTERNATIVE


@pytest.mark.parametrize(
    "text",
    [
        # the means first, given as the reason the measure is not taken: asked, 代替策 guessed
        "閉域網の専用線でつないでいるため、回線の暗号化は実施しておりません",
    ],
)
def test_a_means_given_as_the_reason_asks_with_alternative(text):
    assert rules_reading(text) == (None, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    "text",
    [
        # no such thing here (a room, an app, a shop): 該当なし or a gap? Asked, 該当なし guessed
        "全部クラウドなのでサーバールームはないです",
        "スマホアプリはリリースしてないです",
        "委託先、ないです",
    ],
)
def test_no_such_thing_here_asks_with_not_applicable(text):
    assert rules_reading(text) == (None, Status.NOT_APPLICABLE), text
