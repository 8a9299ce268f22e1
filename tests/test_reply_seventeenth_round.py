"""Seventeenth round (issue #14, tuning56/57/58): 代替策 by what the means does, in either order,
and the look-alikes that now ask. Each case is our own wording for a class of replies, not a
table reply. Readings are the rules' own (the gate is trained apart)."""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from tests.helpers import rules_reading


@pytest.mark.parametrize(
    "text",
    [
        # the means first, given as the reason the measure is not taken, closing the risk by
        # its function (a block, a limit, a contract, two people): read outright
        "閉域網で繋いでいるので、通信の暗号化まではしていません",
        "回数制限をかけてるので、アカウントロックは入れてない",
        "毎朝二人で残高を突合してるから、改ざん検知の仕組みは作ってない",
        "出金先は登録済みの口座にしか送れない作りなので、出金時の追加認証はしていません",
        "APIの呼び出し元は提携先の固定IPだけに絞っているので、クライアント証明書は発行していません",
        "委託先とは契約で年1回の報告書提出を義務付けているので、立入監査は行っていません",
        # the measure absent first, then the only way in or a second person
        "外部監査はしていません。契約で毎年の報告書提出を義務付けています",
        "ワンタイムパスワードは配ってないけど、管理画面はVPNを張らないと見えないようにしてる",
        "自動テストはほぼ無いです。リリース前に別の人がダブルチェックしてます",
        "職務分離できるほど人がいないので、本番反映は必ずもう一人が立ち会っています",
        "専用端末なし、VDI経由のみ",
        "MFAはまだだけど、管理画面はIP allowlistでofficeのみにしてる",
        # English: the only way in, in either order
        "No WAF, only the partner bank's IP range can reach us.",
        "The admin console is only reachable from the office VPN, so we don't use MFA there.",
    ],
)
def test_a_means_that_closes_the_risk_is_alternative_in_either_order(text):
    assert rules_reading(text)[0] is Status.ALTERNATIVE, text


@pytest.mark.parametrize(
    "text",
    [
        # not this, but that: another means — or how much is done? Ask
        "トークンじゃなくてKMSで鍵管理",
        # the measure absent, then a means with a restriction inside it
        "鍵の定期更新はしていません。署名鍵は端末ごとに発行して、紛失時にはその鍵だけを即時失効させています",
        # a block in a continuative clause, then the measure negated — also as hearsay
        "（先方回答）外部メディアへの書き込みは全端末で無効化していて、持出しの記録はつけていないとのことです",
        # a block said as a negative after a measure of another risk (the rules' design)
        "ログの分析はしていませんが、管理画面は社内IPからしか開けません",
    ],
)
def test_another_means_the_words_do_not_settle_asks_with_alternative(text):
    assert rules_reading(text) == (None, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    "text",
    [
        # a rule in form only, not run in practice
        "規程はあるけど形だけで、実際は運用されていない",
        "ルールは作ったけど形骸化してて、実態としては誰も守ってない",
        # in place, nobody looks (also when the rules ask)
        "アラートは飛ぶ設定だけど、通知先のチャンネルを誰も見てない",
        # the measure absent, then only the weaker thing it builds on
        "WAFはないけど、ファイアウォールはある",
    ],
)
def test_a_look_alike_of_a_part_asks_with_not_done(text):
    assert rules_reading(text) == (None, Status.NOT_DONE), text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the paper missing, the practice done: a part
        ("規程はまだないけど、運用では実施しています", Status.PARTIAL),
        ("入退室管理システムはない。サーバ室は施錠のみ", Status.PARTIAL),
        # how much, not another means
        ("全件じゃなくて、サンプルで月10件だけ確認してます", Status.PARTIAL),
        # a prohibition is the control itself
        ("再委託は原則認めておらず、例外は事前承認制です", None),
    ],
)
def test_look_alikes_keep_their_reading(text, status):
    assert rules_reading(text)[0] is status, text


def test_nothing_to_act_on_is_no_means():
    # what does not arise is no measure left out: not guessed 代替策
    assert rules_reading("サーバもテープも持っていないので、媒体の廃棄は発生しない")[1] is not (
        Status.ALTERNATIVE
    )
    # the risk itself gone, said as a thing absent: not read 代替策 outright
    text = "Vaultから動的にクレデンシャルを払い出してるので、コードにパスワードは一切ない"
    assert rules_reading(text)[0] is not Status.ALTERNATIVE
