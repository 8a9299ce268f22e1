"""Reply reader budget: ≤ 2 ms per reply after warm-up (median and slowest over every reply
in tests/data/replies*.toml), beside NFKC folding of the same replies; a repetitive
1,000-character reply; the long and mid-length replies people wrote, each read cold five times (its median);
varied replies of about 150, 200, 300 and 1,000 characters (table
replies joined, seeded; from 300 characters a reply of three sentences or more is read
sentence by sentence), each read once (no cache has seen it), five per slot; the first reply
(which compiles the rules) beside a warm one; and the import of ``interview.engine.reply``
(rules load lazily, so the app's start-up does not pay for them)."""

from __future__ import annotations

import functools
import random
import re
import statistics
import subprocess
import sys
import time
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.common import Figure

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


@functools.cache
def _replies(sealed: bool = True) -> tuple[str, ...]:
    """Every table reply (read once per run); without the sealed sets when *sealed* is
    False."""
    texts: list[str] = []
    for path in sorted(DATA.glob("replies*.toml")):
        if not sealed and _sealed(path):
            continue
        for groups in tomllib.loads(path.read_text(encoding="utf-8")).values():
            for items in groups.values():
                texts.extend(items)
    return tuple(texts)


@functools.cache
def _written_long() -> tuple[str, ...]:
    """The long and mid-length replies people wrote (``*_replies_tuning*.toml``: 140–1,200
    characters, memos, paragraphs, English), not joined table replies."""
    texts: list[str] = []
    for path in sorted(DATA.glob("*_replies_tuning*.toml")):
        for groups in tomllib.loads(path.read_text(encoding="utf-8")).values():
            for items in groups.values():
                texts.extend(items)
    return tuple(texts)


def _cold_ms(fn: Callable[[str], object], texts: Sequence[str], rounds: int = 5) -> list[float]:
    """Per text, the median of *rounds* cold reads: each round reads every text once, in
    order, so that between two reads of a text every other text is read (the reader's memo
    caches keep the last 16–64 texts or clauses: none still holds it). The median keeps a
    scheduler hiccup on one read from being taken for the text's cost."""
    per_text: list[list[float]] = [[] for _ in texts]
    for _ in range(rounds):
        for i, text in enumerate(texts):
            start = time.perf_counter()
            fn(text)
            per_text[i].append((time.perf_counter() - start) * 1000)
    return [statistics.median(s) for s in per_text]


def _sealed(path: Path) -> bool:
    """The sealed held-out sets (``replies_wide_heldout9`` and later): scored, never read."""
    found = re.fullmatch(r"replies_(?:wide_)?heldout(\d+)\.toml", path.name)
    return bool(found and int(found.group(1)) >= 9)


def varied_pieces(count: int = 60, size: int = 1000, seed: int = 14) -> list[list[str]]:
    """*count* lists of table replies (not the sealed ones), each with its joiner (、 。 or a
    line break), long enough to join into about *size* characters. Fixed by *seed*, so the
    figure is comparable from run to run."""
    texts = _replies(sealed=False)
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        pieces: list[str] = []
        while sum(map(len, pieces)) < size:
            pieces.append(rng.choice(texts) + rng.choice(["、", "。", "\n"]))
        out.append(pieces)
    return out


def varied_replies(count: int = 60, size: int = 1000, seed: int = 14) -> list[str]:
    """*count* replies of about *size* characters, each table replies joined: varied text,
    unlike one sentence repeated."""
    return ["".join(pieces) for pieces in varied_pieces(count, size, seed)]


SIZES = (150, 200, 300, 1000)  # several sentences from 300 characters: read sentence by sentence


def _fresh_ms(fn: Callable[[str], object], size: int, variants: int = 5) -> list[float]:
    """Per slot of 60, the median time of reading *variants* different varied replies of
    about *size* characters (each from its own seed): every text is read once and shares no
    piece with the others of its slot, so no cache of the reader (a text's characters, its
    folded predicates, an alternation's choice for a set of characters) has seen it."""
    slots: list[list[float]] = [[] for _ in range(60)]
    for k in range(variants):
        for i, text in enumerate(varied_replies(count=60, size=size, seed=1000 + 97 * k + size)):
            start = time.perf_counter()
            fn(text)
            slots[i].append((time.perf_counter() - start) * 1000)
    return [statistics.median(s) for s in slots]


def _samples_ms(fn: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    """Per reply, the median of *rounds* timings after one untimed read of each (so one
    scheduler hiccup is not "slowest")."""
    for text in texts:
        fn(text)
    return _cold_ms(fn, texts, rounds)


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
    from interview.engine.reply import parse_status_reply, prepare_reader

    texts = _replies()

    def fold(text: str) -> object:
        return unicodedata.normalize("NFKC", text).casefold()

    reader = _samples_ms(parse_status_reply, texts, rounds=5)
    baseline = _samples_ms(fold, texts, rounds=5)
    warm = statistics.median(reader)
    long_reply = "手順書はありますが、訓練はしていません。" * 50  # ~1,000 characters
    long_ms = statistics.median(_samples_ms(parse_status_reply, [long_reply], rounds=5))
    prepare_reader()  # what the app's warm-up thread does
    for text in varied_replies(count=20, seed=1):  # and other texts
        parse_status_reply(text)
    written = _cold_ms(parse_status_reply, _written_long())
    written_fold = _cold_ms(fold, _written_long())
    fresh = {size: _fresh_ms(parse_status_reply, size) for size in SIZES}
    fresh_fold = {size: _fresh_ms(fold, size) for size in SIZES}
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
            f"  {len(written)} long replies as written (140–1,200 chars), cold: median",
            statistics.median(written),
            "ms",
            "NFKC + casefold of them",
            statistics.median(written_fold),
            "budget ≤ 2 ms",
        ),
        Figure(
            "  … their 90th percentile",
            statistics.quantiles(written, n=10)[-1],
            "ms",
            "(same, 90th percentile)",
            statistics.quantiles(written_fold, n=10)[-1],
            "budget ≤ 2 ms",
        ),
        Figure(
            "  … the slowest",
            max(written),
            "ms",
            "(same, slowest)",
            max(written_fold),
            "budget ≤ 2 ms",
        ),
        *(
            figure
            for size in SIZES
            for figure in (
                Figure(
                    f"  varied {size:,}-char replies, fresh: median",
                    statistics.median(fresh[size]),
                    "ms",
                    "NFKC + casefold of them",
                    statistics.median(fresh_fold[size]),
                    "budget ≤ 2 ms",
                ),
                Figure(
                    f"  varied {size:,}-char replies, fresh: slowest",
                    max(fresh[size]),
                    "ms",
                    "(same, slowest)",
                    max(fresh_fold[size]),
                    "budget ≤ 2 ms",
                ),
            )
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
