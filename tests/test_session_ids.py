"""Session ids: readable slugs of the organisation plus a date; unsafe ids refused."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview.session.errors import InvalidSessionIdError
from interview.session.ids import (
    MAX_ID_LENGTH,
    default_id,
    is_valid_id,
    slugify,
    unique_id,
    validate_id,
)

DAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        ("株式会社サンプルペイ", "株式会社サンプルペイ-2026-11-25"),
        ("Sample Pay, Inc.", "sample-pay-inc-2026-11-25"),
        ("ＡＢＣ銀行　本店", "abc銀行-本店-2026-11-25"),  # full-width folded, space → -
        ("フィンテック・ラボ（東京）", "フィンテック-ラボ-東京-2026-11-25"),
        ("カード・ローン", "カード-ローン-2026-11-25"),  # ー (prolonged sound mark) is kept
        ("../../etc/passwd", "etc-passwd-2026-11-25"),
        ("...", "session-2026-11-25"),
        ("😀😀", "session-2026-11-25"),
        ("CON", "con-session-2026-11-25"),
        ("a\x00b\x1b[31mc", "a-b-31mc-2026-11-25"),
        ("\u202eevil\u202c", "evil-2026-11-25"),
    ],
)
def test_default_id_is_a_readable_slug_plus_date(organisation: str, expected: str) -> None:
    assert default_id(organisation, DAY) == expected
    assert is_valid_id(expected)


@given(st.text())
def test_any_organisation_gives_a_valid_id(organisation: str) -> None:
    session_id = default_id(organisation, DAY)
    assert validate_id(session_id) == session_id
    assert session_id.endswith("-2026-11-25")
    assert len(slugify(organisation)) <= 40


def test_unique_id_appends_a_counter() -> None:
    taken = {"a-2026-11-25", "a-2026-11-25-2"}
    assert unique_id("a-2026-11-25", taken.__contains__) == "a-2026-11-25-3"
    assert unique_id("b-2026-11-25", taken.__contains__) == "b-2026-11-25"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "..",
        "../x",
        "x/../../y",
        "a/b",
        "/etc/passwd",
        "a\\b",
        "..\\..\\windows",
        "C:\\x",
        ".hidden",
        "a\x00b",
        "a\nb",
        "a\x1b[31m",
        "x" * (MAX_ID_LENGTH + 1),
        " leading",
        "trailing ",
        "nul",
        "COM1.txt",
        "a:b",
        "a*b",
    ],
)
def test_unsafe_ids_are_refused_with_a_japanese_message(bad: str) -> None:
    with pytest.raises(InvalidSessionIdError) as err:
        validate_id(bad)
    assert "セッションIDが正しくありません" in str(err.value)
    assert not is_valid_id(bad)


@pytest.mark.parametrize(
    "good", ["株式会社サンプル-2026-11-25", "client_a.v2", "x" * MAX_ID_LENGTH]
)
def test_safe_ids_are_accepted(good: str) -> None:
    assert validate_id(good) == good
