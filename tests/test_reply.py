"""Typed replies and slash commands."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview.engine.answers import Status
from interview.engine.reply import Command, parse_command, parse_status_reply

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("はい、CISOを任命しています", Status.DONE),
        ("対応済みです", Status.DONE),
        ("実施しています", Status.DONE),
        ("できていない", Status.NOT_DONE),
        ("CSIRTを設置済みで、手順書もあります", Status.DONE),
        ("そういう仕組みはまだ無いです", Status.NOT_DONE),
        ("テスト環境以外は対応済み", Status.PARTIAL),
        ("自社アプリがないので関係なし", Status.NOT_APPLICABLE),
        ("ちょっと分からないので開発に聞きます", Status.UNKNOWN),
        ("手順書はありますが、訓練はしていません", Status.PARTIAL),
        ("訓練はしていないけど、手順書はある", Status.PARTIAL),
        ("本番は実施、ただし開発環境は未実施", Status.PARTIAL),
        ("実施していないわけではない", Status.DONE),
        ("パスワードは平文では保存していません", Status.DONE),
        ("管理者のみアクセスできるようにしています", Status.DONE),
        ("来期に対応予定です", Status.NOT_DONE),
        ("たぶんやっていると思うが確認が必要", Status.UNKNOWN),
        ("ＹＥＳ", Status.DONE),
        ("ヤッテマス", Status.DONE),
        ("じっしずみ", Status.DONE),
        ("やってません💦", Status.NOT_DONE),
        ("お世話になっております。対応済みです。よろしくお願いいたします", Status.DONE),
        ("申し訳ありませんが、把握しておりません", Status.UNKNOWN),
    ],
)
def test_status(text, status):
    reply = parse_status_reply(text, today=TODAY)
    assert reply.status is status
    assert reply.detail == text  # the whole reply, status words included


@pytest.mark.parametrize(("text", "status"), [("１", Status.DONE), ("3", Status.NOT_DONE)])
def test_a_lone_key_is_a_status_without_words(text, status):
    reply = parse_status_reply(text)
    assert reply.status is status
    assert reply.detail == ""


@pytest.mark.parametrize(
    "text",
    ["12月に導入", "", "   ", "なんとも", "OAuth", "たぶんやっていると思います"],
)
def test_unclear_replies_have_no_status(text):
    reply = parse_status_reply(text, today=TODAY)
    assert reply.status is None
    assert reply.detail == text.strip()


ALTERNATIVE = getattr(Status, "ALTERNATIVE", None)


@pytest.mark.parametrize(
    "text",
    [
        "代替策で対応",
        "別の手段で対応しています",
        "暗号化はしていないが、代替策としてアクセス制限をかけている",
        "専用端末の代わりに、VDIで制御しています",
        "ツールは導入していないが、手作業のチェックで補っています",
        "同等以上の対策を別途講じています",
        "ハードウェアトークンではなく、アプリ認証で代替",
    ],
)
def test_another_measure(text):
    reply = parse_status_reply(text)
    if ALTERNATIVE is not None:  # the sixth status exists: read it
        assert reply.status is ALTERNATIVE
    else:  # five statuses: never claim 実施済み or 一部実施 for it, ask
        assert reply.status is None and reply.guess is Status.DONE


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("はい、いや、まだでした", Status.NOT_DONE),
        ("未対応です、あ、違いました、対応済みです", Status.DONE),
        ("対応済み、じゃなくて未対応でした", Status.NOT_DONE),
        ("はい…と言いたいところですが、できていません", Status.NOT_DONE),
        ("いいえ、訂正します、一部は実施しています", Status.PARTIAL),
        ("対応済みです。あ、でも支店はまだです", Status.PARTIAL),  # an addition
    ],
)
def test_self_correction_reads_the_words_after_it(text, status):
    reply = parse_status_reply(text, today=TODAY)
    assert reply.status is status
    assert reply.detail == text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("利用者のパスワードは保持しない設計です", Status.DONE),
        ("本番環境には承認なしでアクセスできません", Status.DONE),
        ("管理者権限を一般社員に付与することはありません", Status.DONE),
        ("全くやっていないということはなく、定期的に実施しています", Status.DONE),
        ("3拠点中2拠点で実施", Status.PARTIAL),
        ("社員のみ対象で、委託先社員は対象外です", Status.PARTIAL),
        ("本番〇、開発×", Status.PARTIAL),
        ("前はやってたけど今はやってない", Status.NOT_DONE),
        ("検討はしましたが、導入は見送りました", Status.NOT_DONE),
        ("やろうとは思っている", Status.NOT_DONE),
        ("課題だと思っています", Status.NOT_DONE),
        ("そもそもその機能がないです", Status.NOT_APPLICABLE),
        ("やっているとは聞いていますが、確認できていません", Status.UNKNOWN),
        ("今確認しています", Status.UNKNOWN),
        ("予算がついたら導入します", Status.NOT_DONE),
        ("異常を検知したら、自動で取引を止めます", Status.DONE),
    ],
)
def test_harder_forms(text, status):
    assert parse_status_reply(text, today=TODAY).status is status


def test_a_routine_check_is_read_as_done_by_the_rules_and_never_misread():
    """「毎月確認します」 is a routine (実施済み) to the rules; 確認します alone usually means "I'll
    check", so the gate (θ 0.95) may ask instead, with a guess, but never give another status."""
    from interview.engine.reply_normalize import fold
    from interview.engine.reply_rules import read

    assert read(fold("毎月確認します")).status is Status.DONE
    reply = parse_status_reply("毎月確認します", today=TODAY)
    assert reply.status in (Status.DONE, None)
    assert reply.status is Status.DONE or reply.guess is not None


def test_a_routine_that_starts_later_is_a_plan_to_the_rules_and_never_misread():
    """「今後は毎月確認します」: a plan (未実施) to the rules; the gate retrained on tuning44 reads
    確認します as "I'll check" (θ 0.95) and may ask instead, but never gives another status."""
    from interview.engine.reply_normalize import fold
    from interview.engine.reply_rules import read

    assert read(fold("今後は毎月確認します")).status is Status.NOT_DONE
    reply = parse_status_reply("今後は毎月確認します", today=TODAY)
    assert reply.status in (Status.NOT_DONE, None)
    assert reply.status is Status.NOT_DONE or reply.guess is not None


@pytest.mark.parametrize("text", ["ちょっと席を外します", "すみません、質問を読み直します"])
def test_an_aside_is_not_a_plan(text):
    assert parse_status_reply(text, today=TODAY).status is None


def test_another_measure_only_planned_is_not_done():
    assert parse_status_reply("代替策を検討中です").status is Status.NOT_DONE


def test_hedged_reply_keeps_a_guess():
    reply = parse_status_reply("やってると思う", today=TODAY)
    assert reply.status is None
    assert reply.guess is Status.DONE


@pytest.mark.parametrize("text", ["どういう意味？", "トークンって何ですか", "?"])
def test_question_back(text):
    reply = parse_status_reply(text, today=TODAY)
    assert reply.status is None
    assert reply.is_question


@pytest.mark.parametrize(
    "text",
    ["2026年4月に規程を改定し、周知しました", "1年ごとに見直しをしています", "3か月ごとに実施"],
)
def test_leading_digits_are_text(text):
    reply = parse_status_reply(text, today=TODAY)
    assert reply.status is Status.DONE
    assert reply.detail == text


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("来年3月までに導入予定", "2027-03"),
        ("2027年6月までに実施予定です", "2027-06"),
        ("令和9年3月までに対応します", "2027-03"),
        ("来月から実施します", "2026-12"),
        ("半年以内に導入予定です", "2027-05"),
        ("来年度中に整備する計画です", "2028-03"),
        ("今年度中に対応予定", "2027-03"),
        ("2月に導入予定", "2027-02"),
        ("28年4月に導入予定", "2028-04"),
        ("令和10年度中に対応", "2029-03"),
        ("2027年度上期に実施予定です", "2027-09"),  # fiscal halves: 上期 Apr–Sep
        ("来年度上期には導入したい", "2027-09"),
        ("下期に着手予定", "2027-03"),  # 下期 Oct–Mar, the current one
        ("上期中に整備予定です", "2027-09"),  # the next 上期 that has not ended
        ("2027年上期までに対応予定です", "2027-06"),  # a calendar year's half
        ("来年の下期に対応予定", "2027-12"),
        ("年明けに着手します", "2027-01"),
        ("2026年4月に導入予定だったが遅れている", None),  # a date already past is not a due
        ("検討中です", None),
    ],
)
def test_plan(text, due):
    reply = parse_status_reply(text, today=TODAY)
    assert reply.status is Status.NOT_DONE
    assert reply.plan is not None
    assert reply.plan.due == due


def test_plan_text_is_the_sentence_naming_it():
    reply = parse_status_reply("本社は対応済み。支店は来年3月までに対応予定です", today=TODAY)
    assert reply.status is Status.PARTIAL
    assert reply.plan is not None
    assert reply.plan.text == "支店は来年3月までに対応予定です"
    assert reply.plan.due == "2027-03"


@pytest.mark.parametrize(
    "text", ["実施済みです", "2024年4月に導入済みです", "わかりません", "不明、担当者に確認予定"]
)
def test_no_plan_without_one(text):
    assert parse_status_reply(text, today=TODAY).plan is None


def test_today_defaults_to_the_real_date():
    reply = parse_status_reply("来月から実施します")
    assert reply.plan is not None and reply.plan.due is not None


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("/用語 OAuth", Command("glossary", "OAuth")),
        ("／用語　とーくん", Command("glossary", "とーくん")),
        ("/戻る", Command("back")),
        ("/スキップ", Command("skip")),
        ("/移動 23", Command("jump", "23")),
        ("/要確認", Command("follow")),
        ("/検索 ログ", Command("search", "ログ")),
        ("/出力", Command("export")),
        ("/なにか", Command("unknown", "なにか")),
    ],
)
def test_commands(text, command):
    assert parse_command(text) == command


def test_plain_text_is_not_a_command():
    assert parse_command("はい /戻る") is None


@given(st.text())
def test_never_raises(text):
    reply = parse_status_reply(text)
    assert isinstance(reply.detail, str)
    parse_command(text)


def test_the_rules_and_the_gate_load_on_the_first_reply_not_at_import():
    """One fresh interpreter checks both the rules and the statistical gate's model (no
    reply_* module, reply_gate among them, is imported with the reader or the chat screen)."""
    import subprocess
    import sys

    code = (
        "import sys, interview.engine.reply as r, interview.tui.screens.interview;"
        "assert not [m for m in sys.modules if m.startswith('interview.engine.reply_')];"
        "assert 'interview.engine.reply_gate' not in sys.modules;"
        "r.parse_status_reply('実施済み');"
        "assert 'interview.engine.reply_rules' in sys.modules;"
        "r.parse_status_reply('実施済みです');"
        "from interview.engine.reply_gate import load_model;"
        "assert load_model.cache_info().currsize == 1"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
