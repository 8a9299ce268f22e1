"""Reply reader accuracy per status: ``python -m benchmarks.reply_accuracy [TABLE ...]``.

Scores tests/data/replies*.toml (or the given tables): for each expected status, the
share read correctly, read as another status (confidently wrong) and left unsure.
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

from interview.engine.answers import Status
from interview.engine.reply import parse_status_reply

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TODAY = date(2026, 11, 29)


def score(path: Path) -> dict[str, Counter[str]]:
    """{expected status label: Counter(correct=…, wrong=…, unsure=…)}."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    result: dict[str, Counter[str]] = {}
    for key, groups in table.items():
        expected = None if key == "none" else Status(key)
        label = "（判定しない）" if expected is None else expected.label
        counts = result.setdefault(label, Counter())
        for texts in groups.values():
            for text in texts:
                counts[outcome(parse_status_reply(text, today=TODAY).status, expected)] += 1
    return result


def outcome(got: Status | None, expected: Status | None) -> str:
    """correct, unsure (no status given) or wrong (confidently another status)."""
    if got is expected:
        return "correct"
    return "unsure" if got is None else "wrong"


def _line(name: str, counts: Counter[str]) -> str:
    n = sum(counts.values()) or 1
    return (
        f"{name:<24} n={n:>4}  correct {counts['correct'] / n:6.1%}  "
        f"wrong {counts['wrong'] / n:6.1%}  unsure {counts['unsure'] / n:6.1%}"
    )


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(DATA.glob("replies*.toml"))
    overall: Counter[str] = Counter()
    for path in paths:
        print(f"== {path.name}")
        table_total: Counter[str] = Counter()
        for label, counts in score(path).items():
            print("  " + _line(label, counts))
            table_total.update(counts)
        print("  " + _line("all", table_total))
        overall.update(table_total)
    print(_line("overall", overall))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
