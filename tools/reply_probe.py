"""An honest probe inside a tuning table: every third reply of each label is set aside.

    python tools/reply_probe.py probe [TABLE]   # the probe third: totals only, never per reply
    python tools/reply_probe.py tune [TABLE]    # the other two thirds: every miss, with the
                                                # rules' own reading beside the final one
    python tools/reply_probe.py gate [TABLE]    # train a gate model without the probe third
                                                # (written to a temporary file, printed path)

The split is fixed by file order: within each label (top-level table), replies are counted
across their kinds in order, and the 3rd, 6th, 9th … are the probe. Tune the rules on the
other two thirds only; score the probe as totals, at the start and the end of a round.
``REPLY_GATE_MODEL=path`` makes ``probe`` and ``tune`` use another gate model (e.g. one
trained without the probe third, so that the probe stays unseen by the gate too).
"""

from __future__ import annotations

import json
import os
import sys
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.reply_accuracy import outcome  # noqa: E402
from interview.engine import reply_gate  # noqa: E402
from interview.engine.answers import Status  # noqa: E402
from interview.engine.reply import parse_status_reply  # noqa: E402
from interview.engine.reply_normalize import fold  # noqa: E402
from interview.engine.reply_rules import read  # noqa: E402

DATA = ROOT / "tests" / "data"
DEFAULT = DATA / "replies_wide_tuning42.toml"
TODAY = date(2026, 11, 29)


def split(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(tune rows, probe rows) as (label, text), in file order."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    tune: list[tuple[str, str]] = []
    probe: list[tuple[str, str]] = []
    for label, groups in table.items():
        i = 0
        for texts in groups.values():
            for text in texts:
                i += 1
                (probe if i % 3 == 0 else tune).append((label, text))
    return tune, probe


def _use_model_from_env() -> None:
    path = os.environ.get("REPLY_GATE_MODEL")
    if path:
        reply_gate.MODEL_PATH = Path(path)
        reply_gate.load_model.cache_clear()


def _outcome(label: str, got: Status | None) -> str:
    return outcome(got, None if label == "none" else Status(label))


def _line(name: str, counts: Counter[str]) -> str:
    n = sum(counts.values()) or 1
    return (
        f"{name:<16} n={n:>4}  {counts['correct'] / n:6.1%} / "
        f"{counts['wrong'] / n:5.1%} / {counts['unsure'] / n:5.1%}"
    )


def command_probe(path: Path) -> int:
    _, probe = split(path)
    per: dict[str, Counter[str]] = {}
    total: Counter[str] = Counter()
    for label, text in probe:
        result = _outcome(label, parse_status_reply(text, today=TODAY).status)
        per.setdefault(label, Counter())[result] += 1
        total[result] += 1
    print(f"probe third of {path.name} (correct / wrong / unsure):")
    for label, counts in per.items():
        print("  " + _line(label, counts))
    print("  " + _line("all", total))
    return 0


def command_tune(path: Path) -> int:
    tune, _ = split(path)
    per: dict[str, Counter[str]] = {}
    total: Counter[str] = Counter()
    for label, text in tune:
        reply = parse_status_reply(text, today=TODAY)
        result = _outcome(label, reply.status)
        per.setdefault(label, Counter())[result] += 1
        total[result] += 1
        if result != "correct":
            rules = read(fold(text.strip()))
            r_status = rules.status.value if rules.status else "-"
            r_guess = rules.guess.value if rules.guess else "-"
            final = reply.status.value if reply.status else "-"
            guess = reply.guess.value if reply.guess else "-"
            print(
                f"{result:<7} want {label:<14} rules {r_status}/{r_guess} "
                f"final {final}/{guess}  {text}"
            )
    print(f"tuning two thirds of {path.name} (correct / wrong / unsure):")
    for label, counts in per.items():
        print("  " + _line(label, counts))
    print("  " + _line("all", total))
    return 0


def command_gate(path: Path) -> int:
    from tools.train_reply_gate import dump, to_json, train, training_rows, training_tables

    _, probe = split(path)
    held = set(probe)
    data = [row for row in training_rows() if row not in held]
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"reply_gate_without_probe_{path.stem}.json"
    payload = to_json(train(data), training_tables(), len(data))
    out.write_text(dump(payload), encoding="utf-8")
    json.loads(out.read_text(encoding="utf-8"))
    print(out)
    return 0


def main(argv: list[str]) -> int:
    commands = {"probe": command_probe, "tune": command_tune, "gate": command_gate}
    if not argv or argv[0] not in commands or len(argv) > 2:
        print(__doc__)
        return 2
    _use_model_from_env()
    return commands[argv[0]](Path(argv[1]) if len(argv) > 1 else DEFAULT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
