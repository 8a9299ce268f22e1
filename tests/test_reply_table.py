"""The reply reader against the reply tables (tests/data/replies*.toml).

Goal from the issue: ≥ 90 % correct and ≤ 3 % confidently wrong, on the held-out sets the
reader never learned (set 8 and the sealed sets), scored together;
`python -m benchmarks.reply_accuracy` prints the figures per status and per table.
"""

from __future__ import annotations

import functools
import tomllib
from datetime import date
from pathlib import Path

import pytest

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply

DATA = Path(__file__).parent / "data"
TABLES = sorted(DATA.glob("replies*.toml"))


def _is_held_out(path: Path) -> bool:
    return "wide_heldout" in path.name


@functools.cache
def _rows(path: Path) -> list[tuple[Status | None, str, str]]:
    """A table's rows (status, group, text), read once per test process."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        (None if status == "none" else Status(status), group, text)
        for status, groups in table.items()
        for group, texts in groups.items()
        for text in texts
    ]


def test_the_tuning_table_is_wide_enough():
    rows = _rows(DATA / "replies.toml")
    assert len(rows) >= 250
    assert len({text for _, _, text in rows}) == len(rows), "duplicate replies"
    assert sum(g in ("contrast", "double_negative") for _, g, _ in rows) >= 40
    assert sum(g in ("casual", "typo") for _, g, _ in rows) >= 30
    for status in [*Status, None]:
        assert sum(s is status for s, _, _ in rows) >= 10, status


def test_the_wide_heldout_set_is_wide_enough():
    """Written from the respondent's side before the second session's rules, never tuned on."""
    rows = _rows(DATA / "replies_wide_heldout.toml")
    texts = [text for _, _, text in rows]
    assert len(rows) >= 400
    assert len(set(texts)) == len(texts), "duplicate replies"
    assert sum(g in ("contrast", "double_negative", "self_correction") for _, g, _ in rows) >= 40
    assert sum(g in ("casual", "typo", "terse") for _, g, _ in rows) >= 60
    assert sum(g == "question" for _, g, _ in rows) >= 20
    for status in [*Status, None]:
        assert sum(s is status for s, _, _ in rows) >= 15, status
    tuning = {text for path in DATA.glob("replies_wide_tuning*.toml") for _, _, text in _rows(path)}
    overlap = tuning & set(texts)
    assert not overlap, f"held-out replies also in a tuning batch: {sorted(overlap)}"


TODAY = date(2026, 11, 29)


@functools.cache
def _status(text: str) -> Status | None:
    """A reply's reading, once per test process: the goal test and the padding tests share it
    (a reply repeated in several tables is read once; *today* only resolves due dates)."""
    return parse_status_reply(text, today=TODAY).status


def _never_learned(path: Path) -> bool:
    """The sets neither the rules nor the gate learned: wide held-out 8 (the development set)
    and the sealed 9 and later. The tuning tables and held-out 1–7 train the gate, so their
    figures are in-sample (``python -m benchmarks.reply_accuracy`` prints them)."""
    name = path.name.removeprefix("replies_wide_heldout").removesuffix(".toml")
    return _is_held_out(path) and name.isdigit() and int(name) >= 8


def test_goal_correct_and_confidently_wrong():
    """The issue's goal, on every reply the reader never learned (about 5,000)."""
    rows = [row for path in TABLES if _never_learned(path) for row in _rows(path)]
    assert len(rows) >= 4000
    correct = wrong = 0
    for expected, _, text in rows:
        got = _status(text)
        if got is expected:
            correct += 1
        elif got is not None:
            wrong += 1
    # scored in aggregate only: no held-out reply is listed
    assert correct / len(rows) >= 0.90, f"{correct / len(rows):.1%} correct"
    assert wrong / len(rows) <= 0.03, f"{wrong / len(rows):.1%} wrong"


# The wide held-out set is scored in aggregate only (test_goal_… above and
# benchmarks/reply_accuracy.py), so that no test lists its replies one by one.
TUNING_TABLES = [p for p in TABLES if "wide_heldout" not in p.name]


@pytest.mark.parametrize("path", TUNING_TABLES, ids=lambda p: p.name)
def test_questions_back_are_flagged(path):
    for _, group, text in _rows(path):
        if group == "question":
            reply = parse_status_reply(text)
            assert reply.status is None and reply.is_question, text


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


PADDINGS = {
    "filler": lambda t: "えーと、" + t,
    "emoji": lambda t: t + "🙏",
    "closing": lambda t: t + "。よろしくお願いいたします。",
    "greeting": lambda t: "お世話になっております。" + t,
    "full width": _fullwidth,
    "blanks for commas": lambda t: t.replace("、", "　"),
    "exclamation": lambda t: t + "!!",
    "lead-in": lambda t: "この項目ですが、" + t,
    "sign-off": lambda t: t + "。以上です。",
    "line breaks": lambda t: t.replace("、", "\n").replace("。", "\n"),
}


PADDED = 500  # replies each padding is tried on (about half a second a padding)


@functools.cache
def _readings() -> dict[str, tuple[Status | None, bool]]:
    """Table replies' readings, once (every n-th reply, about 500 however the tables grow, so
    the padding tests stay fast; shared with the goal test where it ran first in this
    process), with whether each comes from a held-out set (those are never listed one by
    one)."""
    rows = [(text, _is_held_out(path)) for path in TABLES for _, _, text in _rows(path)]
    step = max(1, len(rows) // PADDED)
    return {text: (_status(text), held) for text, held in rows[::step]}


@pytest.mark.parametrize("name", PADDINGS)
def test_padding_does_not_change_the_reading(name):
    pad = PADDINGS[name]
    changed = [
        "(a held-out reply)" if held else text
        for text, (status, held) in _readings().items()
        if _status(pad(text)) is not status
    ]
    assert changed == []
