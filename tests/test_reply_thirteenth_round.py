"""The 一部実施 / 代替策 / 未実施 boundary from a new writer (issue #14, thirteenth round,
tuning44). Each case is our own wording for a class of replies, not a table reply.
Readings are the rules' own (the gate is trained separately)."""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply
from interview.engine.reply_normalize import fold
from interview.engine.reply_rules import read


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # described not done: talk only, a quote with no order, the minimum and what is missing
        ("WAFを入れようかと相談してるだけで、まだ何も", Status.NOT_DONE),
        ("定例で一度話題になっただけで、そのまま止まっています", Status.NOT_DONE),
        ("相見積りは取りましたが、まだ発注していません", Status.NOT_DONE),
        ("見積もりは3社から取りましたが、契約には至っていません", Status.NOT_DONE),
        ("前回から変わらず、まだ未対応のままです", Status.NOT_DONE),
        ("リプレースのタイミングで対応する方針ですが、現時点では未着手です", Status.NOT_DONE),
        ("運用アカウントのパスワードは部内で共有しています", Status.NOT_DONE),
        ("退職者のIDは誰も消していないし、消す手順もない", Status.NOT_DONE),
        ("We discussed it but decided not to buy it this year.", Status.NOT_DONE),
        # a weakness stated as a fact in force
        ("社員全員が管理者権限を持っています", Status.NOT_DONE),
        ("みんな本番環境に直接ログインできます", Status.NOT_DONE),
        ("接続用のトークンは設定ファイルにベタ書きしてます", Status.NOT_DONE),
        ("バックアップは同じディスクに取ってます", Status.NOT_DONE),
        ("本番と検証で同じ鍵を使っています", Status.NOT_DONE),
        ("障害対応の手順は担当者の頭の中にあるだけ", Status.NOT_DONE),
        # described done: what the system does by itself, a condition that gates access
        ("画面は10分操作がないと自動でログアウトします", Status.DONE),
        ("パスワードを3回間違えるとロックします", Status.DONE),
        ("本番DBは二人承認じゃないと触れないようにしています", Status.DONE),
        ("鍵の利用権限は運用担当の2名だけに絞っています", Status.DONE),
        ("退職者のアカウントは即日無効化、残っているものはありません", Status.DONE),
        # a part left: 以外は…管理ができていない, memo fields, a key left as it was made
        ("大阪拠点以外は入退室管理ができていない", Status.PARTIAL),
        ("済：本番の暗号化、未：検証環境の暗号化", Status.PARTIAL),
        ("通信の暗号化はやっていて、保存データの鍵は作ったときのまま", Status.PARTIAL),
        # 代替策 said with its own label
        ("■手法例：未対応\n■補完策：管理画面は社内IPのみ許可", Status.ALTERNATIVE),
        ("■状況：WAF未導入\n■リスク低減：API Gatewayでレート制限", Status.ALTERNATIVE),
        # unknown
        ("わかrません", Status.UNKNOWN),
        ("ただいま現状を調査しております", Status.UNKNOWN),
    ],
)
def test_thirteenth_round_replies_are_read(text, status):
    reading = read(fold(text))
    assert (reading.status, reading.guess) == (status, status), text


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        # a negated measure, then a block, a rule or a limit in force: 代替策, a part or a gap?
        # (reconciling by hand, biometric entry for named people and client certificates are
        # read as 代替策 since the fourteenth round: tests/test_reply_fourteenth_round.py)
        (
            "IDSは入れていません。閉域網の専用線でしか繋いでいないので外からは届きません",
            Status.ALTERNATIVE,
        ),
        ("休日の監視要員はいません。土日はAPIの更新系を止めています", Status.ALTERNATIVE),
        (
            "ステージングのアクセス制御はしていない。そもそも平日の日中しか起動してないし",
            Status.ALTERNATIVE,
        ),
        (
            "監視製品はないですが、管理画面は社内IPからしか繋がらないようにしています",
            Status.ALTERNATIVE,
        ),
        ("SIEMは持ってなくて、クラウドの標準の脅威検知で拾っています", Status.ALTERNATIVE),
        ("No pen test yet, but we run a bug bounty.", Status.ALTERNATIVE),
        # described not done, asked
        ("本当は二人でやりたいんですが、人が足りなくて一人で回しています", Status.NOT_DONE),
        ("担当者が手元で設定しているだけで、ルールも管理台帳もありません", Status.NOT_DONE),
        ("口頭の申し合わせだけで、規程はないです", Status.NOT_DONE),
        ("PoCの段階で、本番ではまだです", Status.NOT_DONE),
    ],
)
def test_shapes_the_words_do_not_settle_are_asked(text, guess):
    reading = read(fold(text))
    assert (reading.status, reading.guess) == (None, guess), text


@pytest.mark.parametrize(
    "text",
    [
        # genuine contrasts of the same control stay 一部実施
        "夜間の監視はしていません。日中は2名で監視しています",
        "ログは保存してない、でもアラートは設定してる",
        "手順書はないけど、連絡網は作ってある",
    ],
)
def test_contrasts_of_the_same_control_stay_partial(text):
    assert read(fold(text)).status is Status.PARTIAL, text


def test_verb_ending_in_ga_is_not_iranai():
    # 「繋がらない」 was folded to 不要 (要らない), reading 該当なし
    assert read(fold("外部からは繋がらない構成です")).status is not Status.NOT_APPLICABLE


def test_deferring_the_answer_is_a_skip_request():
    reply = parse_status_reply("これはあとで答えます")
    assert reply.status is None and reply.request == "skip"
