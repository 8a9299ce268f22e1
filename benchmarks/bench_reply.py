"""Reply reader budget: ≤ 2 ms per reply after warm-up (median and slowest over every reply
in tests/data/replies*.toml), beside NFKC folding of the same replies; a repetitive and 60
varied 1,000-character replies (table replies joined, seeded); the first reply
(which compiles the rules) beside a warm one; and the import of ``interview.engine.reply``
(rules load lazily, so the app's start-up does not pay for them)."""

from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import time
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Figure

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _replies() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("replies*.toml")):
        for groups in tomllib.loads(path.read_text(encoding="utf-8")).values():
            for items in groups.values():
                texts.extend(items)
    return texts


def _sealed(path: Path) -> bool:
    """The sealed held-out sets (``replies_wide_heldout9`` and later): scored, never read."""
    found = re.fullmatch(r"replies_(?:wide_)?heldout(\d+)\.toml", path.name)
    return bool(found and int(found.group(1)) >= 9)


def varied_replies(count: int = 60, size: int = 1000, seed: int = 14) -> list[str]:
    """*count* replies of about *size* characters, each table replies (not the sealed ones)
    joined by 、 。 or a line break until it reaches *size*: varied text, unlike one sentence
    repeated. Fixed by *seed*, so the figure is comparable from run to run."""
    texts = []
    for path in sorted(DATA.glob("replies*.toml")):
        if _sealed(path):
            continue
        for groups in tomllib.loads(path.read_text(encoding="utf-8")).values():
            for items in groups.values():
                texts.extend(items)
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        reply = ""
        while len(reply) < size:
            reply += rng.choice(texts) + rng.choice(["、", "。", "\n"])
        out.append(reply)
    return out


def _samples_ms(fn: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    """Per reply, the median of *rounds* timings (so one scheduler hiccup is not "slowest")."""
    for text in texts:
        fn(text)
    per_text: list[list[float]] = [[] for _ in texts]
    for _ in range(rounds):
        for i, text in enumerate(texts):
            start = time.perf_counter()
            fn(text)
            per_text[i].append((time.perf_counter() - start) * 1000)
    return [statistics.median(s) for s in per_text]


def _subprocess_ms(code: str, repeat: int = 7) -> float:
    command = [sys.executable, "-c", code]
    subprocess.run(command, check=True)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _first_reply_ms() -> float:
    code = (
        "import time;from interview.engine.reply import parse_status_reply as p;"
        "s=time.perf_counter();p('手順書はありますが訓練はしていません');"
        "print((time.perf_counter()-s)*1000)"
    )
    out = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(5)
    ]
    return statistics.median(out)


def run() -> list[Figure]:
    from interview.engine.reply import parse_status_reply

    texts = _replies()

    def fold(text: str) -> object:
        return unicodedata.normalize("NFKC", text).casefold()

    reader = _samples_ms(parse_status_reply, texts, rounds=5)
    baseline = _samples_ms(fold, texts, rounds=5)
    warm = statistics.median(reader)
    long_reply = "手順書はありますが、訓練はしていません。" * 50  # ~1,000 characters
    long_ms = statistics.median(_samples_ms(parse_status_reply, [long_reply], rounds=5))
    varied = varied_replies()
    varied_ms = _samples_ms(parse_status_reply, varied, rounds=5)
    varied_fold = _samples_ms(fold, varied, rounds=5)
    return [
        Figure(
            f"parse_status_reply, median of {len(texts)} replies",
            warm,
            "ms",
            "NFKC + casefold of the same replies",
            statistics.median(baseline),
            "budget ≤ 2 ms",
        ),
        Figure(
            "  slowest reply (its median of 5 runs)",
            max(reader),
            "ms",
            "(same, slowest)",
            max(baseline),
            "budget ≤ 2 ms",
        ),
        Figure(
            "  a 1,000-character reply",
            long_ms,
            "ms",
            "NFKC + casefold of it",
            statistics.median(_samples_ms(fold, [long_reply], rounds=5)),
        ),
        Figure(
            f"  varied 1,000-char replies, median of {len(varied)}",
            statistics.median(varied_ms),
            "ms",
            "NFKC + casefold of them",
            statistics.median(varied_fold),
            "budget ≤ 2 ms",
        ),
        Figure(
            "  slowest varied 1,000-char reply",
            max(varied_ms),
            "ms",
            "(same, slowest)",
            max(varied_fold),
            "budget ≤ 2 ms",
        ),
        Figure(
            "first reply in a fresh process (compiles rules)",
            _first_reply_ms(),
            "ms",
            "a warm reply",
            warm,
        ),
        Figure(
            "python -c 'import interview.engine.reply'",
            _subprocess_ms("import interview.engine.reply"),
            "ms",
            "python -c 'import interview.engine.answers'",
            _subprocess_ms("import interview.engine.answers"),
        ),
    ]
