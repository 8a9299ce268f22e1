"""The guided path (engine, no UI): group screening, merged and conditional closing
questions, certification reuse, yearly item confirmation, progress on the path."""

from __future__ import annotations

import pytest

from interview.catalog import Party
from interview.compile.item_text import compile_item
from interview.compile.workbook_data import build_workbook_data
from interview.engine.answers import Answer, Status
from interview.engine.groups import GroupAnswerError, shares_detail
from interview.engine.path import NOTHING, GuidedInterview, StepKind, on_path_ids
from interview.engine.replay import replay
from interview.questions.bank import load_questions
from interview.services.demo import build_demo_session
from interview.session.models import Respondent, Session


@pytest.fixture(scope="module")
def questions(catalog):
    return load_questions(catalog)


@pytest.fixture(scope="module")
def demo(catalog, questions):
    return build_demo_session(catalog, questions)


def guided(catalog, questions, answers=None, suggestions=None, party=Party.API_CONNECTOR):
    return GuidedInterview(
        catalog, questions, party, answers if answers is not None else {}, {}, suggestions
    )


def test_first_step_is_the_group_of_three(catalog, questions):
    g = guided(catalog, questions)
    step = g.current_step()
    assert step.kind is StepKind.GROUP
    assert [q.id for q in step.questions] == ["1.1.1", "1.1.2", "1.1.3"]
    assert g.is_first_of_item()


@pytest.mark.parametrize("status", [Status.DONE, Status.NOT_APPLICABLE])
def test_all_done_or_all_na_settles_the_group_with_one_shared_detail(catalog, questions, status):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    result = g.answer_group(status, "情報セキュリティ基本規程 第5条")
    assert result.settled
    for qid in ("1.1.1", "1.1.2", "1.1.3"):
        assert answers[qid].status is status
        assert answers[qid].detail == "情報セキュリティ基本規程 第5条"
        assert answers[qid].shared
    assert g.current_step().kind is StepKind.GROUP
    assert g.current_step().id == "1.2.1"


def test_mixed_group_goes_one_by_one(catalog, questions):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    result = g.answer_group(Status.PARTIAL)
    assert not result.answers and list(result.drill) == ["1.1.1", "1.1.2", "1.1.3"]
    seen = []
    for status in (Status.DONE, Status.PARTIAL, Status.NOT_DONE):
        step = g.current_step()
        assert step.kind is StepKind.EXAMPLE
        seen.append(step.id)
        g.answer(Answer(status=status, detail=f"{status.label}の理由"))
    assert seen == ["1.1.1", "1.1.2", "1.1.3"]
    assert not any(answers[q].shared for q in seen)
    # resumed later, the group is still asked one by one (answered individually)
    again = guided(catalog, questions, answers)
    again.goto("1.1.1")
    assert again.current_step().kind is StepKind.EXAMPLE


def test_one_key_per_example_asks_only_the_gaps(catalog, questions):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    with pytest.raises(GroupAnswerError):
        g.answer_group([Status.DONE, Status.DONE])  # three examples
    g.answer_group([Status.DONE, Status.PARTIAL, Status.DONE], "規程あり")
    assert answers["1.1.1"].shared and answers["1.1.3"].shared
    assert "1.1.2" not in answers and g.pending == {"1.1.2": Status.PARTIAL}
    step = g.current_step()
    assert step.kind is StepKind.EXAMPLE and step.id == "1.1.2"
    g.answer(Answer(status=Status.PARTIAL, detail="兼任"))
    assert g.pending == {}
    assert g.current_step().kind is StepKind.GROUP and g.current_step().id == "1.2.1"


def test_one_detail_is_not_both_basis_and_reason(catalog, questions):
    # 実施済み beside 該当なし: the detail is the 実施済み examples' basis; the 該当なし
    # example is asked for its own reason (status pre-selected)
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    g.answer_group([Status.DONE, Status.PARTIAL, Status.NOT_APPLICABLE], "規程あり")
    assert answers["1.1.1"].shared and answers["1.1.1"].detail == "規程あり"
    assert g.pending == {"1.1.2": Status.PARTIAL, "1.1.3": Status.NOT_APPLICABLE}
    assert [g.current_step().id] == ["1.1.2"]
    g.answer(Answer(status=Status.PARTIAL, detail="兼任"))
    assert g.current_step().id == "1.1.3"
    g.answer(Answer(status=Status.NOT_APPLICABLE, detail="委託先がないため"))
    assert answers["1.1.3"].detail == "委託先がないため" and not answers["1.1.3"].shared
    # a group of 該当なし and gaps only: the one detail is the 該当なし examples' reason
    answers = {}
    g = guided(catalog, questions, answers)
    g.answer_group([Status.NOT_APPLICABLE, Status.NOT_DONE, Status.NOT_APPLICABLE], "なし")
    assert answers["1.1.1"].shared and answers["1.1.3"].shared
    assert g.pending == {"1.1.2": Status.NOT_DONE}


def test_statuses_named_for_each_example_are_kept_for_the_drill_down(catalog, questions):
    g = guided(catalog, questions, {})
    g.answer_group([Status.NOT_DONE, Status.UNKNOWN, Status.NOT_DONE])
    assert dict(g.pending) == {
        "1.1.1": Status.NOT_DONE,
        "1.1.2": Status.UNKNOWN,
        "1.1.3": Status.NOT_DONE,
    }
    g = guided(catalog, questions, {})
    g.answer_group(Status.PARTIAL)  # 2 一部: some are, some are not — nothing to pre-select
    assert dict(g.pending) == {} and g.current_step().id == "1.1.1"


def test_change_one_example_of_a_screened_group_and_come_back(catalog, questions):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    g.answer_group(Status.DONE, "共通")
    g.answer_group(Status.DONE, "共通2")
    here = g.current_step()
    assert here.kind is StepKind.NOTES
    assert [gr.no for gr in g.screened_groups(1)] == [1, 2]
    g.change_example("1.1.2")
    step = g.current_step()
    assert step.kind is StepKind.EXAMPLE and step.id == "1.1.2"
    g.answer(Answer(status=Status.NOT_DONE, detail="後任を選定中"))
    assert answers["1.1.2"].status is Status.NOT_DONE and not answers["1.1.2"].shared
    assert answers["1.1.1"].shared and answers["1.1.1"].detail == "共通"
    assert g.current_step().id == here.id  # back where we were


def test_closing_questions_only_when_they_matter(catalog, questions):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    g.answer_group(Status.DONE)
    g.answer_group(Status.DONE)
    step = g.current_step()
    assert step.kind is StepKind.NOTES
    assert [q.id for q in step.questions] == ["1.other", "1.remarks"]
    g.answer_step({"1.other": Answer(detail=NOTHING), "1.remarks": Answer(detail=NOTHING)})
    # no gap in item 1: no 課題認識 / 対応計画, straight to item 2
    assert g.current_step().item == 2
    assert g.item_complete(1)
    assert "1.issues" not in answers and "1.plan" not in answers
    # item 2 with a gap: 課題＋計画 come after その他＋備考
    g.answer_group([Status.DONE, Status.NOT_DONE], "方針あり")
    g.answer(Answer(status=Status.NOT_DONE, detail="見直し未実施"))
    g.answer(Answer(status=Status.DONE))  # 2.2.1
    assert g.current_step().kind is StepKind.NOTES
    g.answer_step({"2.other": Answer(detail="なし"), "2.remarks": Answer(detail="規程集")})
    step = g.current_step()
    assert step.kind is StepKind.ISSUES
    assert [q.id for q in step.questions] == ["2.issues", "2.plan"]


def test_certification_is_offered_again_from_the_first_item(catalog, questions):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    assert g.previous_certification(3) is None
    answers["3.cert"] = Answer(checks=("2",), detail="ISMS 2024-04")
    previous = g.previous_certification(9)
    assert previous is not None and previous[0] == 3 and previous[1].checks == ("2",)


def test_yearly_item_confirmation_takes_the_whole_item(catalog, questions, demo):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers, suggestions=demo.answers)
    step = g.current_step()
    assert step.kind is StepKind.CONFIRM_ITEM and step.item == 1
    g.confirm_item()
    item1 = [q.id for q in questions.for_item(1)]
    assert all(answers[q].detail == demo.answers[q].detail for q in item1)
    assert all(answers[q].status == demo.answers[q].status for q in item1)
    assert g.current_step().kind is StepKind.CONFIRM_ITEM and g.current_step().item == 2
    # 「変更あり」: the item step by step; last year's mixed group is asked one by one
    g.review_item()
    step = g.current_step()
    assert step.kind is StepKind.EXAMPLE and step.id == "2.1.1"
    progress = g.step_progress()
    assert progress.answered >= 1 and progress.total < 126


def test_progress_counts_the_path(catalog, questions, demo):
    g = guided(catalog, questions)
    start = g.step_progress()
    assert start.answered == 0 and start.total == 126  # 79 groups + 38 その他 + 9 認証
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    replay(g, demo.answers, "uniform")
    assert g.finished
    assert g.overall_progress().complete and g.step_progress().complete
    assert g.open_questions() == ()
    ids = on_path_ids(g.order, answers)
    assert "5.issues" not in ids and "1.issues" in ids


def test_replayed_demo_needs_far_fewer_questions(catalog, questions, demo):
    counts, kinds = {}, {}
    for mode in ("per_example", "uniform", "named", "status_keys"):
        g = guided(catalog, questions, {})
        result = replay(g, demo.answers, mode)
        counts[mode], kinds[mode] = result.asked, result.by_kind
        assert g.finished and g.step_progress().complete
    # the literal count: one per screen answered; a mixed group is one reply naming the
    # examples that differ, then one question per example that needs its own answer
    assert counts["named"] <= 200 < 330
    assert counts["named"] == counts["status_keys"]  # keys or words: the same path
    assert counts["named"] < counts["uniform"] < counts["per_example"] < 330
    need_own = sum(
        1
        for item in catalog.items_for(Party.API_CONNECTOR)
        for group in item.method_groups
        for example, shares in zip(
            group.examples,
            shares_detail([demo.answers[e.id].status for e in group.examples]),
            strict=True,
        )
        if len(group.examples) == 1
        or (len({demo.answers[e.id].status for e in group.examples}) > 1 and not shares)
        or demo.answers[example.id].status not in (Status.DONE, Status.NOT_APPLICABLE)
    )
    assert kinds["named"]["example"] == need_own
    everything = {
        e.id: Answer(status=Status.DONE, detail="規程に定めて実施")
        for item in catalog.items_for(Party.API_CONNECTOR)
        for e in item.examples
    }
    assert replay(guided(catalog, questions, {}), everything, "uniform").asked <= 130


def _session(catalog, answers) -> Session:
    return Session(
        id="x",
        catalog_edition=catalog.edition.id,
        respondent=Respondent(organisation="比較株式会社", party=Party.API_CONNECTOR),
        answers=answers,
    )


def test_group_level_and_per_example_sessions_compile_the_same(catalog, questions, demo):
    group_level: dict[str, Answer] = {}
    replay(guided(catalog, questions, group_level), demo.answers, "named")
    assert any(a.shared for a in group_level.values())
    # the same answers given one example at a time (no group screen, nothing shared)
    per_example: dict[str, Answer] = {}
    target = {q: a.model_copy(update={"shared": False}) for q, a in group_level.items()}
    asked = replay(guided(catalog, questions, per_example), target, "per_example").asked
    assert asked > len(group_level) // 2
    assert not any(a.shared for a in per_example.values())
    for item in catalog.items_for(Party.API_CONNECTOR):
        a = compile_item(item, questions, group_level)
        b = compile_item(item, questions, per_example)
        assert a == b, item.no
    book_a = build_workbook_data(_session(catalog, group_level), catalog, questions)
    book_b = build_workbook_data(_session(catalog, per_example), catalog, questions)
    assert book_a.rows == book_b.rows and book_a.gaps == book_b.gaps
    strip = [(d.question_id, d.status, d.detail, d.checks) for d in book_a.details]
    assert strip == [(d.question_id, d.status, d.detail, d.checks) for d in book_b.details]
    assert book_a.cover.progress == book_b.cover.progress


def test_other_questions_stay_per_question_for_old_callers(catalog, questions):
    # ``answer`` on a single question still works (scripted use, old tests)
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    g.answer(Answer(status=Status.DONE), "1.1.1")
    assert answers["1.1.1"].status is Status.DONE
    assert g.current_step().kind is StepKind.EXAMPLE  # the group is now one by one


def test_session_format_marks_shared_answers_and_old_files_open_unchanged(
    catalog, questions, demo, tmp_path
):
    from interview.session.toml_format import dumps, loads

    old_text = dumps(demo)  # a session written before group screening: no `shared`
    assert "shared" not in old_text and "[pending]" not in old_text
    again = loads(old_text, tmp_path / "old.toml")
    assert again == demo and dumps(again) == old_text
    answers: dict[str, Answer] = {}
    guided(catalog, questions, answers).answer_group(Status.DONE, "共通の規程")
    session = _session(catalog, answers)
    text = dumps(session)
    block = text[text.index('[answers."1.1.2"]') :].split("\n\n", 1)[0]
    assert 'status = "done"' in block and "shared = true" in block
    assert loads(text, tmp_path / "new.toml").answers["1.1.2"].shared


def test_back_from_a_drill_down_returns_to_the_group_screen(catalog, questions):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    g.answer_group([Status.PARTIAL, Status.DONE, Status.DONE], "規程あり")
    assert g.current_step().id == "1.1.1" and g.current_step().kind is StepKind.EXAMPLE
    g.back()  # 1.1.2 and 1.1.3 were settled for the group: the group screen again
    step = g.current_step()
    assert step.kind is StepKind.GROUP and step.id == "1.1.1"
    assert g.pending == {}
    g.answer_group(Status.DONE, "全部あり")
    assert all(answers[q].detail == "全部あり" for q in ("1.1.1", "1.1.2", "1.1.3"))


def test_bad_group_or_step_answers_write_nothing(catalog, questions):
    from interview.engine.interview import AnswerError

    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    g.answer_group(Status.DONE)
    with pytest.raises(AnswerError):  # 1.2.1's check-list has no ⑳
        g.answer_group(Status.DONE, "x", {"1.2.1": ("⑳",)})
    assert "1.2.1" not in answers and "1.2.2" not in answers
    g.answer_group(Status.DONE)
    with pytest.raises(AnswerError):
        g.answer_step({"1.other": Answer(detail="a"), "2.other": Answer(detail="b")})
    assert "1.other" not in answers
    with pytest.raises(AnswerError):
        g.answer_group(Status.DONE)  # not a group step


def test_a_drill_down_left_half_way_goes_on_with_the_open_examples(catalog, questions):
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    g.answer_group([Status.DONE, Status.PARTIAL, Status.DONE], "規程あり")
    resumed = guided(catalog, questions, answers)  # the app was closed before 1.1.2
    step = resumed.current_step()
    assert step.kind is StepKind.EXAMPLE and step.id == "1.1.2"


def test_a_failed_save_of_a_group_answer_is_undone(catalog, questions):
    from interview.services.live import LiveSession
    from interview.session.errors import SessionError

    saves: list[int] = []

    def save(_session) -> None:
        if not saves:
            saves.append(1)
            raise SessionError("ディスクの空きがありません")

    live = LiveSession(_session(catalog, {}), save, catalog, questions)
    with pytest.raises(SessionError):
        live.answer_group(Status.DONE, "共通の規程")
    # as if never sent: nothing stored, still at the group screen
    assert not live.session.answers
    assert live.current_step().kind is StepKind.GROUP and live.current_step().id == "1.1.1"
    live.answer_group(Status.DONE, "共通の規程")  # the retry
    assert live.session.answers["1.1.3"].shared
    assert live.current_step().id == "1.2.1"


def test_statuses_waiting_in_a_drill_down_are_saved_and_resumed(catalog, questions, tmp_path):
    """The statuses given at a group screen survive a crash: they are in the TOML."""
    from interview.services.live import LiveSession
    from interview.session.errors import SessionError
    from interview.session.toml_format import dumps, loads

    saved: list[str] = []
    fail = [False]

    def save(session) -> None:
        if fail[0]:
            raise SessionError("ディスクの空きがありません")
        saved.append(dumps(session))

    live = LiveSession(_session(catalog, {}), save, catalog, questions)
    live.answer_group([Status.DONE, Status.PARTIAL, Status.NOT_DONE], "規程あり")
    text = saved[-1]
    block = text[text.index("[pending]") :].split("\n\n", 1)[0]
    assert block.splitlines() == ["[pending]", '"1.1.2" = "partial"', '"1.1.3" = "not_done"']
    # the app is killed here: a new process reads the file and goes on in the drill-down
    again = LiveSession(loads(text, tmp_path / "s.toml"), save, catalog, questions)
    step = again.current_step()
    assert step.kind is StepKind.EXAMPLE and step.id == "1.1.2"
    assert again.interview.pending["1.1.2"] is Status.PARTIAL
    # a failed save of the example's answer keeps its waiting status
    fail[0] = True
    with pytest.raises(SessionError):
        again.answer(Answer(status=Status.PARTIAL, detail="兼任"))
    assert again.session.pending == {"1.1.2": Status.PARTIAL, "1.1.3": Status.NOT_DONE}
    fail[0] = False
    again.answer(Answer(status=Status.PARTIAL, detail="兼任"))
    assert '"1.1.2"' not in saved[-1][saved[-1].index("[pending]") :].split("\n\n", 1)[0]
    again.answer(Answer(status=Status.NOT_DONE, detail="未着手"))
    assert "[pending]" not in saved[-1] and again.current_step().id == "1.2.1"


def test_a_group_of_gaps_only_resumes_in_its_drill_down(catalog, questions, tmp_path):
    # nothing settled for the group: without the saved statuses the group screen would
    # come back and the statuses given would be lost
    from interview.services.live import LiveSession
    from interview.session.toml_format import dumps, loads

    saved: list[str] = []
    live = LiveSession(_session(catalog, {}), lambda s: saved.append(dumps(s)), catalog, questions)
    live.answer_group([Status.PARTIAL, Status.NOT_DONE, Status.UNKNOWN])
    again = LiveSession(loads(saved[-1], tmp_path / "s.toml"), lambda s: None, catalog, questions)
    assert again.current_step().kind is StepKind.EXAMPLE
    assert dict(again.interview.pending) == {
        "1.1.1": Status.PARTIAL,
        "1.1.2": Status.NOT_DONE,
        "1.1.3": Status.UNKNOWN,
    }
    # back from the first example: the group screen again, nothing waiting any more
    again.back()
    assert again.current_step().kind is StepKind.GROUP and again.session.pending == {}


def test_an_issue_at_an_item_without_gap_can_still_be_written(catalog, questions):
    """「/課題」: every 手法例 in place, but the respondent has a 課題 to write."""
    answers: dict[str, Answer] = {}
    g = guided(catalog, questions, answers)
    g.answer_group(Status.DONE)
    g.answer_group(Status.DONE)
    assert g.current_step().kind is StepKind.NOTES
    before = g.step_progress().total
    step = g.want_issues(1)
    assert step is not None and step.kind is StepKind.ISSUES
    assert g.step_progress().total == before + 1  # counted on the path from now on
    g.answer_step({"1.other": Answer(detail=NOTHING), "1.remarks": Answer(detail=NOTHING)})
    assert g.current_step().kind is StepKind.ISSUES and g.current_step().item == 1
    g.answer_step(
        {"1.issues": Answer(detail="兼任が多い"), "1.plan": Answer(detail="専任化", due="2027-03")}
    )
    assert g.current_step().item == 2
    # saved and reopened: the answered 課題 stays on the path
    assert "1.issues" in on_path_ids(g.order, answers)


def test_the_replayed_demo_keeps_its_issue_at_an_item_without_gap(catalog, questions, demo):
    answers: dict[str, Answer] = {}
    replay(guided(catalog, questions, answers), demo.answers, "named")
    gapless = [
        item.no
        for item in catalog.items_for(Party.API_CONNECTOR)
        if not any(demo.answers[e.id].status.is_gap for e in item.examples)
        and demo.answers.get(f"{item.no}.issues") is not None
        and demo.answers[f"{item.no}.issues"].detail not in ("", "なし", NOTHING)
    ]
    assert gapless  # the demo has such an item (26: ISAC membership)
    for no in gapless:
        assert answers[f"{no}.issues"].detail == demo.answers[f"{no}.issues"].detail
        assert answers[f"{no}.plan"].detail == demo.answers[f"{no}.plan"].detail
