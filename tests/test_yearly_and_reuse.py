"""Yearly monitoring (new --from) and answer reuse (new --reuse): suggestions to confirm."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from helpers import new_session
from textual.widgets import TextArea

from interview.cli.main import main
from interview.engine.answers import Status
from interview.services.demo import DEMO_ID, write_demo
from interview.services.sessions import list_sessions
from interview.session.derive import pending_suggestions
from interview.session.store import SessionStore
from interview.tui.app import InterviewApp
from interview.tui.screens.interview import InterviewScreen


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    write_demo(tmp_path / f"{DEMO_ID}.toml")
    return tmp_path


def test_new_from_previous_marks_everything_for_recheck(store_dir, capsys):
    assert main(["--sessions-dir", str(store_dir), "new", "--from", DEMO_ID, "--id", "y2027"]) == 0
    assert "要再確認" in capsys.readouterr().out
    store = SessionStore(store_dir)
    previous, session = store.load(DEMO_ID), store.load("y2027")
    assert session.answers == {}
    assert session.suggestions.keys() == previous.answers.keys()
    assert session.suggestions["1.1.1"].detail == previous.answers["1.1.1"].detail
    assert session.respondent == previous.respondent
    assert session.certifications == previous.certifications
    assert session.suggestion_source.startswith("前回（demo-sample-pay")
    assert len(pending_suggestions(session)) == 330


def test_new_from_an_empty_session_is_refused(store_dir, capsys):
    assert (
        main(
            [
                "--sessions-dir",
                str(store_dir),
                "new",
                "--org",
                "空社",
                "--party",
                "api_connector",
                "--id",
                "empty",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--sessions-dir", str(store_dir), "new", "--from", "empty"]) == 1
    assert "回答がありません" in capsys.readouterr().err


def test_reuse_needs_the_same_organisation_and_party(store_dir, capsys):
    org = SessionStore(store_dir).load(DEMO_ID).respondent.organisation
    code = main(
        [
            "--sessions-dir",
            str(store_dir),
            "new",
            "--org",
            "別会社",
            "--party",
            "api_connector",
            "--reuse",
            DEMO_ID,
            "--id",
            "x",
        ]
    )
    assert code == 1 and "別の組織" in capsys.readouterr().err
    assert not (store_dir / "x.toml").exists()  # nothing created on refusal
    code = main(
        [
            "--sessions-dir",
            str(store_dir),
            "new",
            "--org",
            org,
            "--party",
            "financial_institution",
            "--reuse",
            DEMO_ID,
            "--id",
            "x",
        ]
    )
    assert code == 1 and "API接続先" in capsys.readouterr().err
    code = main(
        [
            "--sessions-dir",
            str(store_dir),
            "new",
            "--org",
            org,
            "--party",
            "api_connector",
            "--reuse",
            DEMO_ID,
            "--id",
            "r",
        ]
    )
    assert code == 0
    session = SessionStore(store_dir).load("r")
    assert session.answers == {} and len(session.suggestions) == 330
    assert session.suggestion_source.startswith("流用（demo-sample-pay")


async def _confirm_and_change(store_dir: Path) -> None:
    app = InterviewApp(sessions_dir=store_dir, resume="y2027")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        live = screen.live
        assert live.interview.current().id == "1.1.1"
        assert live.interview.needs_recheck(1)
        texts = [str(b.render()) for b in screen.query(".suggestion")]
        assert texts and "前回どおり" in texts[-1]
        await pilot.press("2")  # something changed: go through the item
        await pilot.pause()
        texts = [str(b.render()) for b in screen.query(".suggestion")]
        assert texts and "変わりありませんか" in texts[-1]
        # one key confirms last year's answer
        await pilot.press("enter")
        await pilot.pause()
        previous = SessionStore(store_dir).load(DEMO_ID).answers
        assert live.session.answers["1.1.1"].status is previous["1.1.1"].status
        assert live.session.answers["1.1.1"].detail == previous["1.1.1"].detail
        # a change leads to the normal question: pick 未実施 and say why
        assert live.interview.current().id == "1.1.2"
        await pilot.press("3")
        screen.query_one("#reply", TextArea).text = "責任者が退職し、後任を選定中"
        await pilot.press("enter")
        await pilot.pause()
        changed = live.session.answers["1.1.2"]
        assert (
            changed.status is Status.NOT_DONE and changed.detail == "責任者が退職し、後任を選定中"
        )


def test_tui_confirms_with_one_key_and_changes_normally(store_dir):
    assert main(["--sessions-dir", str(store_dir), "new", "--from", DEMO_ID, "--id", "y2027"]) == 0
    asyncio.run(_confirm_and_change(store_dir))
    saved = SessionStore(store_dir).load("y2027")
    assert set(saved.answers) == {"1.1.1", "1.1.2"}
    assert len(pending_suggestions(saved)) == 328


async def _yearly_from_home(store_dir: Path) -> str:
    app = InterviewApp(sessions_dir=store_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(200):
            if app.screen.listed:
                break
            await pilot.pause(0.01)
        from interview.tui.screens.confirm import ConfirmScreen

        await pilot.press("y")  # asks first, naming the session (date and party)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert DEMO_ID in app.screen.text and "更新" in app.screen.text
        await pilot.press("escape")  # no: nothing is created
        await pilot.pause()
        assert len(list_sessions(SessionStore(store_dir))[0]) == 1
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("y")  # yes
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.live.session.suggestion_source.startswith("前回（demo-sample-pay")
        assert screen.live.interview.needs_recheck(1)
        return screen.live.session.id


def test_tui_yearly_check_from_the_home_screen(store_dir):
    new_id = asyncio.run(_yearly_from_home(store_dir))
    assert new_id != DEMO_ID
    assert len(SessionStore(store_dir).load(new_id).suggestions) == 330


async def _reuse_in_wizard(store_dir: Path, org: str) -> InterviewScreen:
    from textual.widgets import Input

    app = InterviewApp(sessions_dir=store_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#new-org", Input).value = org
        app.screen.query_one("#new-reuse", Input).value = DEMO_ID
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert len(screen.live.session.suggestions) == 330
        assert screen.live.session.answers == {}
        return screen


def test_tui_reuse_from_the_wizard(store_dir):
    org = SessionStore(store_dir).load(DEMO_ID).respondent.organisation
    screen = asyncio.run(_reuse_in_wizard(store_dir, org))
    assert screen.live.session.suggestion_source.startswith("流用（demo-sample-pay")


async def _certifications_offered(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session = new_session(
        store,
        "認証株式会社",
        "api_connector",
        certifications=["SOC2", "ISMS（JIS Q 27001等）"],
        session_id="c",
    )
    app = InterviewApp(sessions_dir=tmp_path, resume="c")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        question = screen.live.interview.goto("3.cert")
        screen._show_current()
        await pilot.pause()
        assert question.id == "3.cert"
        bar = screen.query_one("#answer-bar")
        assert bar.checks() == ("2", "4")  # ISMS and SOC2, in the list's order
        await pilot.press("enter")
        await pilot.pause()
        answer = screen.live.session.answers["3.cert"]
        assert answer.checks == ("2", "4")
        status = screen.live.drafts(3).status
        assert status.startswith("第三者認証等：ISMS") and "SOC2" in status
    del session


def test_recorded_certifications_are_offered_at_certification_items(tmp_path):
    asyncio.run(_certifications_offered(tmp_path))


async def _compare_in_app(store_dir: Path) -> str:
    from interview.tui.screens.text_view import TextScreen

    app = InterviewApp(sessions_dir=store_dir, resume="y2027")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("2")  # not 「前回どおり」: one question at a time
        await pilot.pause()
        await pilot.press("3")
        screen.query_one("#reply", TextArea).text = "CISOが退任し、後任未定"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f11")
        await pilot.pause()
        assert isinstance(app.screen, TextScreen)
        return str(app.screen.query_one("#text-body").render())


def test_tui_compares_with_last_year(store_dir):
    assert main(["--sessions-dir", str(store_dir), "new", "--from", DEMO_ID, "--id", "y2027"]) == 0
    report = asyncio.run(_compare_in_app(store_dir))
    assert "通番1" in report and "CISOが退任し、後任未定" in report
    assert "後退" in report  # 実施済み → 未実施
    # what the yearly check has not reached yet is 未確認, not 「実施済み → 未回答」
    assert "→ 未回答" not in report and "［未回答］" not in report
    assert "通番2［未確認］" in report and "前回の回答をまだ確認していません" in report
    assert "未確認 37件" in report  # items 2–38 in the summary line


def test_diff_counts_what_a_yearly_check_has_not_reached_as_unreviewed(store_dir):
    from interview.compile.diff import ItemChangeKind, diff_sessions
    from interview.compile.diff_rows import diff_rows
    from interview.engine.answers import Answer
    from interview.services.checklist import plain_checklist

    assert main(["--sessions-dir", str(store_dir), "new", "--from", DEMO_ID, "--id", "y2027"]) == 0
    store = SessionStore(store_dir)
    previous, now = store.load(DEMO_ID), store.load("y2027")
    now.answers["1.1.1"] = previous.answers["1.1.1"]  # confirmed as it was
    now.answers["2.1.1"] = Answer(status=Status.NOT_DONE, detail="見直し中")  # changed
    checklist = plain_checklist()
    diff = diff_sessions(previous, now, checklist.catalog, checklist.questions)
    kinds = {i.no: i for i in diff.items}
    assert kinds[1].kind is ItemChangeKind.UNREVIEWED and "1.1.1" not in dict(kinds[1].unreviewed)
    assert kinds[2].kind is ItemChangeKind.CHANGED and [
        q.question_id for q in kinds[2].questions
    ] == ["2.1.1"]
    assert "2.1.2" in dict(kinds[2].unreviewed) and not kinds[2].texts
    assert kinds[3].kind is ItemChangeKind.UNREVIEWED and not kinds[3].questions
    assert diff.summary().unreviewed == 37 and diff.summary().unanswered == 0
    rows = diff_rows(diff)
    assert any(r.kind == "未確認" and "3.1.1" in r.question_id for r in rows)
    from interview.diff_text import report_text

    text = report_text(diff)
    assert "2.1.2 規程の定期的な評価・改訂" in text
    assert "その他の対策" in text and ".other" not in text  # no internal ids
