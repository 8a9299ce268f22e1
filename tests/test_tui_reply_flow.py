"""The chat's reply rules without a terminal: what a sent reply becomes, and wording."""

from __future__ import annotations

import pytest

from interview.catalog import load_catalog
from interview.catalog.party import Party
from interview.engine.answers import Answer, Status
from interview.engine.reply import parse_status_reply
from interview.questions.bank import load_questions
from interview.tui import render
from interview.tui.reply_flow import (
    AskedBack,
    GroupSave,
    ItemConfirmation,
    Pending,
    PickedBy,
    Requested,
    Save,
    confirm_item_reply,
    continues_number,
    decide,
    decide_group,
    with_status,
)


@pytest.fixture(scope="module")
def questions():
    return load_questions(load_catalog())


def test_the_detail_is_the_whole_reply_as_typed(questions):
    question = questions.question("1.1.1")
    text = "  はい、規程第4条でCISOを定めています  "
    blank = Answer()  # one timestamp: the first reply loads the rules, which can cross a second
    outcome = decide(question, blank, text)
    read = parse_status_reply(text.strip())
    if read.status is not None:
        expected = blank.model_copy(update={"status": read.status, "detail": text.strip()})
        assert outcome == Save(expected, read=read.status)
    else:
        assert isinstance(outcome, Pending) and outcome.text == text.strip()


def test_a_status_picked_by_the_respondent_wins_over_the_words(questions):
    question = questions.question("1.1.1")
    outcome = decide(question, Answer(status=Status.PARTIAL), "いいえ", PickedBy.RESPONDENT)
    assert outcome == Save(Answer(status=Status.PARTIAL, detail="いいえ"))


def test_an_unchanged_prefill_keeps_its_status(questions):
    question = questions.question("1.1.1")
    previous = Answer(status=Status.NOT_DONE, detail="検討中")
    outcome = decide(question, previous, "検討中", PickedBy.PREFILL, prefilled="検討中")
    assert outcome == Save(previous)


def test_unreadable_words_become_pending_and_keep_the_text(questions):
    question = questions.question("1.1.1")
    outcome = decide(question, Answer(), "テスト")
    assert outcome == Pending("テスト", parse_status_reply("テスト").guess)
    assert with_status(outcome, Status.DONE, Answer(checks=("①",))) == Answer(
        status=Status.DONE, detail="テスト", checks=("①",)
    )


def test_an_empty_reply_without_status_asks(questions):
    assert decide(questions.question("1.1.1"), Answer(), "   ") == Pending("", None)


def test_free_text_questions_save_as_typed(questions):
    question = questions.question("1.issues")
    blank = Answer()
    assert decide(question, blank, "1年ごとに見直しています") == Save(
        blank.model_copy(update={"detail": "1年ごとに見直しています"})
    )


def test_a_question_back_is_not_an_answer(questions, monkeypatch):
    from interview.engine import reply
    from interview.tui import reply_flow

    monkeypatch.setattr(
        reply_flow,
        "parse_status_reply",
        lambda text: reply.StatusReply(None, text, is_question=True),
    )
    assert decide(questions.question("1.1.1"), Answer(), "どういう意味？") == AskedBack(
        "どういう意味？"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("この項目は後回しにして次へ", "skip"),
        ("前の質問に戻ってください", "back"),
        ("用語集見せて", "glossary"),
        ("ヒントをください", "hint"),
        ("ちょっと待って、資料探してる", "wait"),
        ("今日はここまでにします", "quit"),
    ],
)
def test_a_request_is_answered_not_recorded(questions, text, name):
    question = questions.question("1.1.1")
    assert decide(question, Answer(), f" {text} ") == Requested(text, name)
    assert decide_group(text, None, None, (), 3) == Requested(text, name)


def test_a_request_is_not_taken_for_a_status_and_the_answer_wins(questions):
    question = questions.question("1.1.1")
    # 「この項目は後回しにして次へ」 was read as 未実施 before requests were told apart
    assert not isinstance(decide(question, Answer(), "後回しにしてください"), Save)
    # a key pressed is an answer: the words are its detail, as typed
    outcome = decide(question, Answer(status=Status.NOT_DONE), "次へ", PickedBy.RESPONDENT)
    assert outcome == Save(Answer(status=Status.NOT_DONE, detail="次へ"))
    assert decide_group("次へ", DONE, PickedBy.RESPONDENT, (), 3) == GroupSave(DONE, "次へ")
    # a statement about the work keeps its reading
    for text in ("対応を後回しにしています", "未実施です。次へ"):
        blank = Answer()  # one timestamp: reading can cross a second
        expected = blank.model_copy(update={"status": Status.NOT_DONE, "detail": text})
        assert decide(question, blank, text) == Save(expected, read=Status.NOT_DONE)


def test_a_changed_prefill_that_is_a_request_is_not_saved(questions):
    question = questions.question("1.1.1")
    previous = Answer(status=Status.DONE, detail="規程あり")
    outcome = decide(question, previous, "スキップで", PickedBy.PREFILL, prefilled="規程あり")
    assert outcome == Requested("スキップで", "skip")


def test_a_request_at_a_free_text_question_is_not_saved_as_its_text(questions):
    question = questions.question("1.issues")
    assert decide(question, Answer(), "ちょっと待ってください") == Requested(
        "ちょっと待ってください", "wait"
    )
    blank = Answer()
    assert decide(question, blank, "次年度に後回し") == Save(
        blank.model_copy(update={"detail": "次年度に後回し"})
    )


# --- a group screen: the same rules --------------------------------------------------------

DONE, NOT_DONE, NA = Status.DONE, Status.NOT_DONE, Status.NOT_APPLICABLE


def test_group_unread_words_are_pending_whole():
    assert parse_status_reply("テスト").status is None
    assert decide_group("  テスト ", None, None, (), 3) == Pending("テスト", None)
    assert decide_group("", None, None, (), 3) == Pending("", None)


def test_group_words_read_keep_the_whole_reply_and_say_what_was_read():
    text = "はい、規程で定めています"
    read = parse_status_reply(text).status
    assert read is not None
    assert decide_group(text, None, None, (), 2) == GroupSave(read, text, read=read)


def test_group_keys_win_over_the_words():
    assert decide_group("いいえ", DONE, PickedBy.RESPONDENT, (DONE,), 3) == GroupSave(
        DONE, "いいえ"
    )
    per = decide_group("規程あり", NA, PickedBy.RESPONDENT, (DONE, NOT_DONE, NA), 3)
    assert per == GroupSave((DONE, NOT_DONE, NA), "規程あり")
    assert decide_group("x", NA, PickedBy.RESPONDENT, (NA, NA), 2) == GroupSave(NA, "x")


def test_group_incomplete_keys_are_pending_never_guessed():
    assert decide_group("規程あり", NOT_DONE, PickedBy.RESPONDENT, (DONE, NOT_DONE), 3) == (
        Pending("規程あり")
    )


def test_group_prefill_confirmed_or_rewritten():
    assert decide_group("規程", DONE, PickedBy.PREFILL, (), 2, prefilled="規程") == GroupSave(
        DONE, "規程"
    )
    assert decide_group("テスト", NA, PickedBy.PREFILL, (), 2, prefilled="規程") == GroupSave(
        NA, "テスト"
    )


def test_group_question_back(monkeypatch):
    from interview.engine import reply
    from interview.tui import reply_flow

    monkeypatch.setattr(
        reply_flow,
        "parse_status_reply",
        lambda text: reply.StatusReply(None, text, is_question=True),
    )
    assert decide_group("どういう意味？", None, None, (), 2) == AskedBack("どういう意味？")


@pytest.mark.parametrize(
    ("text", "picked", "expected"),
    [
        ("", None, ItemConfirmation(False)),
        ("", Status.DONE, ItemConfirmation(False)),  # the key 1
        ("変わりありません。", None, ItemConfirmation(False)),
        ("前回から特に変わっていません", None, ItemConfirmation(False)),
        ("去年と同じです", None, ItemConfirmation(False)),
        ("前回どおりでお願いします", None, ItemConfirmation(False)),
        ("変更はしていません。", None, ItemConfirmation(False)),
        # a change named beside 「同じ」 is kept, and goes one by one
        ("前回と同じだが③は変えた", None, ItemConfirmation(True, "前回と同じだが③は変えた")),
        (
            "変わっていないと思うが確認中",
            None,
            ItemConfirmation(True, "変わっていないと思うが確認中"),
        ),
        ("ＯＫ", None, ItemConfirmation(False)),
        ("", Status.PARTIAL, ItemConfirmation(True)),  # the key 2
        ("変更あり", None, ItemConfirmation(True)),
        ("委託先を1社追加した", None, ItemConfirmation(True, "委託先を1社追加した")),
        (" 規程を改定 ", Status.PARTIAL, ItemConfirmation(True, "規程を改定")),
    ],
)
def test_the_yearly_confirmation_never_drops_words(text, picked, expected):
    assert confirm_item_reply(text, picked) == expected


@pytest.mark.parametrize("character", [*"0123456789", *"年月日回社件名人％%.", "２", "要"])
def test_digits_followed_by_these_were_numbers(character):
    assert continues_number(character)


@pytest.mark.parametrize("character", [*"テはい規C", " ", "、", ""])
def test_digits_followed_by_these_were_status_keys(character):
    assert not continues_number(character)


def test_banks_are_addressed_as_banks():
    assert render.addressee("さくら銀行", Party.FINANCIAL_INSTITUTION) == "貴行"
    assert render.addressee("みどり信用金庫", Party.FINANCIAL_INSTITUTION) == "貴庫"
    assert render.addressee("あおば信用組合", Party.FINANCIAL_INSTITUTION) == "貴組合"
    assert render.addressee("株式会社ペイ", Party.API_CONNECTOR) == "貴社"
    assert render.address("貴社のサービス", "貴行") == "貴行のサービス"


def test_no_internal_ids_for_closing_questions(questions):
    labels = [render.question_label(q) for q in questions.for_item(24)]
    assert "24.1.1" in labels
    assert "通番24 その他の対策" in labels
    assert not any(label.endswith((".other", ".cert", ".plan", ".issues")) for label in labels)


def test_export_dialog_names_unknown_answers_and_follow_ups_apart(tmp_path):
    from interview.services.demo import DEMO_ID, write_demo
    from interview.services.live import LiveSession
    from interview.session.store import SessionStore
    from interview.tui.screens.export import unanswered_summary

    write_demo(tmp_path / f"{DEMO_ID}.toml")
    session = SessionStore(tmp_path).load(DEMO_ID)
    unknown = sum(1 for a in session.answers.values() if a.status is Status.UNKNOWN)
    text = unanswered_summary(LiveSession(session, lambda _s: None))
    assert f"不明 {unknown}問" in text
    assert f"フォロー {len(session.follow_ups)}件" in text
    assert "未解決の項目: 通番" in text
    assert "ただし上の未解決が残っています" in text  # not a bare 「すべて回答済み」


def test_the_suggestion_source_names_the_session_once():
    from interview.tui.render import _source_note

    assert (
        _source_note("前回（さくら銀行-2026-11-29、2026-11-29）")
        == "（前回: さくら銀行-2026-11-29）"
    )
    assert (
        _source_note("流用（demo-sample-pay、2026-04-06）")
        == "（流用: demo-sample-pay、2026-04-06）"
    )


@pytest.mark.parametrize(
    ("name", "action", "said"),
    [
        ("skip", "skip", "後回しにするには F8"),
        ("back", "back", "前の質問に戻るには F7"),
        ("glossary", "glossary", "用語集は F4"),
        ("hint", "original", "原文（手法例と注記）は F3"),
        ("quit", None, "終了するには ctrl+q"),
        ("wait", None, "どうぞごゆっくり。回答は保存済みです。"),
    ],
)
def test_the_answer_to_a_request_names_the_key_the_app_binds(questions, name, action, said):
    from interview.tui.app import InterviewApp
    from interview.tui.keys import QUIT_KEY, interview_bindings, key_for

    question = questions.question("1.1.1")
    text = str(render.requested(name, question, load_catalog()))
    assert said in text
    if action is not None:  # the key named is the one bound to that action
        bound = {b.action: b.key for b in interview_bindings()}  # type: ignore[union-attr]
        assert bound[action].upper() == key_for(action) and key_for(action) in text
    if name == "quit":
        assert any(b.key == QUIT_KEY and b.action == "quit" for b in InterviewApp.BINDINGS)  # type: ignore[union-attr]
    assert ("記録していません" in text) is (name != "wait")
