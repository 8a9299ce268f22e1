"""Certifications recorded once and offered at the items where the guide allows them."""

from __future__ import annotations

from helpers import new_session

from interview.cli.main import main
from interview.services.live import LiveSession
from interview.session.store import SessionStore


def test_recorded_with_scope_and_date_then_offered_everywhere_allowed(tmp_path, catalog):
    code = main(
        [
            "--sessions-dir",
            str(tmp_path),
            "new",
            "--org",
            "認証社",
            "--party",
            "api_connector",
            "--id",
            "c",
            "--certification",
            "SOC2|API基盤|2025-03",
            "--certification",
            "ISMS（JIS Q 27001等）",
        ]
    )
    assert code == 0
    store = SessionStore(tmp_path)
    session = store.load("c")
    assert [(c.name, c.scope, c.date) for c in session.certifications] == [
        ("SOC2", "API基盤", "2025-03"),
        ("ISMS（JIS Q 27001等）", "", ""),
    ]
    live = LiveSession(session, lambda s: None)
    offered = {}
    for item in live.interview.items:
        for question in live.questions.for_item(item.no):
            suggestion = live.certification_suggestion(question)
            if suggestion is not None:
                offered[item.no] = suggestion
    assert sorted(offered) == sorted(catalog.usage.certification_items)
    assert offered[3].checks == ("2", "4")
    assert offered[3].detail == "SOC2（範囲: API基盤、取得: 2025-03）、ISMS（JIS Q 27001等）"


def test_no_certifications_no_offer(tmp_path):
    session = new_session(SessionStore(tmp_path), "無認証社", "api_connector", session_id="n")
    live = LiveSession(session, lambda s: None)
    assert all(
        live.certification_suggestion(q) is None
        for i in live.interview.items
        for q in live.questions.for_item(i.no)
    )
