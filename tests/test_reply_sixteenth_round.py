"""Sixteenth round (issue #14, tuning52/53): 代替策 in everyday words and short forms, and the
look-alikes that now ask. Each case is our own wording for a class of replies, not a table
reply. Readings are the rules' own (the gate is trained apart)."""

from __future__ import annotations

import pytest

from interview.engine.answers import Status
from tests.helpers import rules_reading


@pytest.mark.parametrize(
    "text",
    [
        # a run-on 「…ないが…」 ends the first clause; a same-risk pair after it
        "SIEMは入れてないがDatadogでログを監視してアラートを出してる",
        # a camera and an entry log watch the same door
        "防犯カメラは設置していませんが、入室の記録はすべて残しております",
        "入退室の記録はないけど、カメラで常時録画してる",
        # a second person's sign-off is the gate itself
        "リリース管理のツールはない。本番反映は課長が差分を見て承認してからでないと出さない",
        # English: something else does that job, or the only way in
        "No SIEM. Datadog does that job for us.",
        "No VPN, but the admin console is only reachable from the office IP.",
        "No IP allowlist, but every request needs a client certificate.",
        # 「…ものの、」 ends the first clause too; a rebuilt container is the antivirus's means
        "権限の定期レビューはしていないものの、付与は申請制で30日で自動失効します",
        "ウイルス対策ソフトはなし。サーバは毎晩イメージから作り直してます",
    ],
)
def test_an_absent_measure_then_a_covering_means_is_alternative(text):
    assert rules_reading(text) == (Status.ALTERNATIVE, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    "text",
    [
        # the means first, then a last sentence that only negates the measure
        "本番サーバに入れるのは私だけで、踏み台経由でしか繋がりません。操作の録画はしていません",
        "送金は登録した口座にしか送れない作りです。不正検知のツールは入れていません",
        # rather than the measure, another practice
        "定期的に見直すというより、人が動くたびにその日のうちに権限を付け替えてます",
        # nothing can be kept where the risk would be
        "遠隔消去の仕組みはないです。端末にはデータを保存できない設定です",
    ],
)
def test_a_means_the_words_do_not_settle_asks_with_alternative(text):
    assert rules_reading(text) == (None, Status.ALTERNATIVE), text


@pytest.mark.parametrize(
    "text",
    [
        # in place but broken, or on paper only
        "入館ゲートはあるんですが、半年前から故障してて誰でも通れます",
        "月次で点検するって決めてあるけど、一度もやったことないです",
    ],
)
def test_a_control_that_does_not_work_asks_with_not_done(text):
    assert rules_reading(text) == (None, Status.NOT_DONE), text


@pytest.mark.parametrize(
    "text",
    [
        # only people taking care is a weaker thing, not a means
        "ソースコードの診断はしてないけど、各自が注意してます",
        "セキュアコーディングの規約はないけど、みんな気をつけてる",
    ],
)
def test_people_taking_care_is_not_done(text):
    assert rules_reading(text) == (Status.NOT_DONE, Status.NOT_DONE), text


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes that stay what they were
        "カメラは6台中2台が壊れてて、残りは録画できてます",  # a share: a part
        "We have MFA for admins, but login is only possible from the office for them.",
        "ログは取ってます。分析はしてないです",  # a plain part, no means named
    ],
)
def test_look_alikes_are_not_alternative(text):
    status, _ = rules_reading(text)
    assert status is not Status.ALTERNATIVE, text
    assert status is not None, text


def test_a_yes_after_a_bare_no_is_not_another_means():
    status, guess = rules_reading("No, we have MFA; every user needs it.")
    assert Status.ALTERNATIVE not in (status, guess)
