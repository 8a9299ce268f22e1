"""Train the reply reader's statistical gate (``src/interview/engine/reply_gate_model.json``).

    python tools/train_reply_gate.py train     # write the model (deterministic)
    python tools/train_reply_gate.py cv        # k-fold accuracy of the classifier alone
    python tools/train_reply_gate.py sweep     # the gate's θ table (correct / wrong / unsure)
    python tools/train_reply_gate.py unseen    # the whole reader on replies neither the rules
                                               # nor the gate learned (probe thirds)
    python tools/train_reply_gate.py tables    # the whole reader on each newer blind table,
                                               # by a gate trained on every table but that one

Honest protocol: the classifier learns the *labels* of the tuning tables — ``replies.toml``,
the first session's ``replies_heldout*.toml`` and ``replies_wide_tuning*.toml`` — and of the
wide held-out sets 1–7 (no longer blind: their figures were seen for sessions). It never
learns held-out set 8 (the development set, for θ and the other switches) and never opens
held-out set 9 or later (sealed). ``sweep`` scores set 8, sets 1–7 and the tuning tables out
of fold (each reply by a model that did not learn it) and the training tables in-sample.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
import tempfile
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.reply_accuracy import outcome  # noqa: E402
from interview.engine import reply_gate  # noqa: E402
from interview.engine.answers import Status  # noqa: E402
from interview.engine.reply_gate import (  # noqa: E402
    FORMAT,
    MODEL_PATH,
    NO_STATUS,
    Model,
    features,
    model_from_json,
    review,
)
from interview.engine.reply_normalize import fold  # noqa: E402
from interview.engine.reply_rules import is_status_key, read  # noqa: E402

DATA = ROOT / "tests" / "data"
CLASSES = (*(s.value for s in Status), NO_STATUS)
SCALE = 100  # weights are stored as integers / SCALE (0.01 steps: same readings, smaller file)
EPOCHS = 20
RATE = 0.2
L2 = 1e-4
MIN_DF = 3  # an n-gram must occur in at least this many training replies
MIN_WEIGHT = 0.12  # rows whose largest |weight| is below this are pruned
CLASS_WEIGHT_POWER = (
    0.5  # a reply of class c counts (n / (k · n_c)) ** this: rarer classes weigh more
)
FOLDS = 5
DEV_SET = "replies_wide_heldout8.toml"
HELDOUT_1_7 = ["replies_wide_heldout.toml"] + [f"replies_wide_heldout{i}.toml" for i in range(2, 8)]


def tuning_tables() -> list[Path]:
    paths = [DATA / "replies.toml"]
    paths += sorted(DATA.glob("replies_heldout*.toml"))
    paths += sorted(DATA.glob("replies_wide_tuning*.toml"))
    assert not any("wide_heldout" in p.name for p in paths)
    return paths


def training_tables() -> list[Path]:
    """The tuning tables and the open held-out sets 1–7; never set 8 (development) or later."""
    paths = tuning_tables() + [DATA / name for name in HELDOUT_1_7]
    assert set(p.name for p in paths if "wide_heldout" in p.name) == set(HELDOUT_1_7)
    return paths


def rows(path: Path) -> list[tuple[str, str]]:
    """(label, text) of a reply table."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        (status, text)
        for status, groups in table.items()
        for texts in groups.values()
        for text in texts
    ]


def training_rows(tables: list[Path] | None = None) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for path in training_tables() if tables is None else tables:
        for row in rows(path):
            if row not in seen:
                seen.add(row)
                out.append(row)
    return out


def _docs(data: list[tuple[str, str]]) -> list[tuple[int, set[str]]]:
    return [(CLASSES.index(label), features(fold(text.strip()))) for label, text in data]


def train(data: list[tuple[str, str]]) -> Model:
    """Multinomial logistic regression by SGD (fixed shuffle seed: deterministic)."""
    docs = _docs(data)
    df: Counter[str] = Counter()
    for _, grams in docs:
        df.update(grams)
    vocab = {g for g, n in df.items() if n >= MIN_DF}
    docs = [(y, sorted(g for g in grams if g in vocab)) for y, grams in docs]
    k = len(CLASSES)
    sizes = Counter(y for y, _ in docs)
    class_weight = [(len(docs) / (k * max(sizes[y], 1))) ** CLASS_WEIGHT_POWER for y in range(k)]
    weights: dict[str, list[float]] = {g: [0.0] * k for g in sorted(vocab)}
    bias = [0.0] * k
    order = list(range(len(docs)))
    rng = random.Random(14)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch * 0.5)
        for i in order:
            y, grams = docs[i]
            scores = list(bias)
            rows_ = [weights[g] for g in grams]
            for row in rows_:
                for j in range(k):
                    scores[j] += row[j]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            grad = [e / total for e in exps]
            grad[y] -= 1.0
            grad = [g * class_weight[y] for g in grad]
            shrink = 1 - rate * L2
            for row in rows_:
                for j in range(k):
                    row[j] = row[j] * shrink - rate * grad[j]
            for j in range(k):
                bias[j] -= rate * grad[j]
    return Model(CLASSES, tuple(bias), weights)


def to_json(model: Model, sources: list[Path], n_rows: int) -> dict[str, object]:
    weights = {
        g: [round(w * SCALE) for w in row]
        for g, row in sorted(model.weights.items())
        if max(abs(w) for w in row) >= MIN_WEIGHT
    }
    payload: dict[str, object] = {
        "format": FORMAT,
        "model": "multinomial logistic regression over reply_gate.features(fold(reply)):"
        " character 1-3-grams, word runs, folded predicates",
        "trained_on": [p.name for p in sources],
        "replies": n_rows,
        "classes": list(model.classes),
        "scale": SCALE,
        "bias": [round(b * SCALE) for b in model.bias],
        "weights": weights,
    }
    payload["sha256"] = payload_digest(payload)
    return payload


def payload_digest(payload: dict[str, object]) -> str:
    body = {k: v for k, v in payload.items() if k != "sha256"}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dump(payload: dict[str, object]) -> str:
    # one n-gram per line: compact, yet a diff shows what changed
    head = {k: v for k, v in payload.items() if k != "weights"}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('"weights": {')
    items = list(payload["weights"].items())  # type: ignore[attr-defined]
    for i, (gram, row) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(
            f"{json.dumps(gram, ensure_ascii=False)}: {json.dumps(row, separators=(',', ':'))}{comma}"
        )
    lines.append("}}")
    return "\n".join(lines) + "\n"


def command_train() -> int:
    data = training_rows()
    payload = to_json(train(data), training_tables(), len(data))
    MODEL_PATH.write_text(dump(payload), encoding="utf-8")
    size = MODEL_PATH.stat().st_size
    n_grams = len(payload["weights"])  # type: ignore[arg-type]
    print(
        f"{MODEL_PATH.relative_to(ROOT)}: {len(data)} replies, {n_grams} n-grams, {size / 1024:.0f} KB"
    )
    return 0


def _folds(data: list[tuple[str, str]]) -> list[int]:
    """Fold of each row, by distinct text (one text never sits in two folds)."""
    texts = sorted({text for _, text in data})
    rng = random.Random(7)
    rng.shuffle(texts)
    fold_of = {text: i % FOLDS for i, text in enumerate(texts)}
    return [fold_of[text] for _, text in data]


def out_of_fold_models(data: list[tuple[str, str]]) -> tuple[list[int], list[Model]]:
    folds = _folds(data)
    models = []
    for f in range(FOLDS):
        train_rows = [row for row, g in zip(data, folds, strict=True) if g != f]
        models.append(model_from_json(to_json(train(train_rows), [], len(train_rows))))
        print(f"  fold {f + 1}/{FOLDS} trained", file=sys.stderr)
    return folds, models


def command_cv() -> int:
    data = training_rows()
    folds, models = out_of_fold_models(data)
    hits = Counter[str]()
    totals = Counter[str]()
    for (label, text), f in zip(data, folds, strict=True):
        probs = models[f].probabilities(fold(text.strip()))
        top = max(probs, key=probs.__getitem__)
        totals[label] += 1
        hits[label] += top == label
    n = sum(totals.values())
    print(
        f"{FOLDS}-fold accuracy of the classifier alone: {sum(hits.values()) / n:.1%} over {n} replies"
    )
    for label in CLASSES:
        print(f"  {label:<15} n={totals[label]:>4}  {hits[label] / max(totals[label], 1):.1%}")
    return 0


THETAS = (None, 0.9995, 0.999, 0.995, 0.99, 0.98, 0.97, 0.95, 0.93, 0.9, 0.8, 0.7, 0.6, 0.5)
FLOORS = (0.999, 0.99, 0.95, 0.9, 0.8, 0.7)  # PROMOTE_FLOOR candidates, at the chosen θ


def _score(
    data: list[tuple[str, str]], theta: float | None, model_for: list[Model]
) -> tuple[Counter[str], Counter[str]]:
    """(correct/wrong/unsure counts, guess outcome among vetoed: kept S right, T right)."""
    counts: Counter[str] = Counter()
    vetoed: Counter[str] = Counter()
    for (label, text), model in zip(data, model_for, strict=True):
        folded = fold(text.strip())
        reading = read(folded)
        status, guess = reading.status, reading.guess
        if theta is not None and not is_status_key(folded) and not reading.is_question:
            status, guess = review(folded, status, guess, theta=theta, model=model)
            if status is None and reading.status is not None:
                probs = model.probabilities(folded)
                top = max(probs, key=probs.__getitem__)
                vetoed["S right"] += reading.status.value == label
                vetoed["T right"] += top == label
                vetoed["vetoed"] += 1
        result = outcome(status, None if label == NO_STATUS else Status(label))
        counts[result] += 1
        if result == "unsure" and label != NO_STATUS:  # asked: is the pre-selection right?
            vetoed["asked"] += 1
            vetoed["guess right"] += guess is not None and guess.value == label
    return counts, vetoed


def _cell(counts: Counter[str]) -> str:
    n = sum(counts.values())
    return f"{counts['correct'] / n:5.1%} {counts['wrong'] / n:4.1%} {counts['unsure'] / n:4.1%}"


def _sweep_sets() -> dict[str, tuple[list[tuple[str, str]], list[Model]]]:
    model = model_from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    dev = rows(DATA / DEV_SET)
    data = training_rows()
    folds, models = out_of_fold_models(data)
    held_rows = set(training_rows([DATA / name for name in HELDOUT_1_7]))
    held = [(row, f) for row, f in zip(data, folds, strict=True) if row in held_rows]
    tuning = [(row, f) for row, f in zip(data, folds, strict=True) if row not in held_rows]
    return {
        f"heldout8 ({len(dev)})": (dev, [model] * len(dev)),
        f"heldout1-7 out-of-fold ({len(held)})": (
            [row for row, _ in held],
            [models[f] for _, f in held],
        ),
        f"tuning out-of-fold ({len(tuning)})": (
            [row for row, _ in tuning],
            [models[f] for _, f in tuning],
        ),
        f"training in-sample ({len(data)})": (data, [model] * len(data)),
    }


def command_sweep() -> int:
    sets = _sweep_sets()
    print(f"PROMOTE_FLOOR = {reply_gate.PROMOTE_FLOOR}")
    print("theta | " + " | ".join(f"{name} correct wrong unsure" for name in sets))
    for theta in THETAS:
        cells = []
        notes = []
        for name, (data, model_for) in sets.items():
            counts, vetoed = _score(data, theta, model_for)
            cells.append(_cell(counts))
            if vetoed["vetoed"]:
                short = name.split(" ")[0] + ("/oof" if "out-of-fold" in name else "")
                notes.append(
                    f"{short} vetoed {vetoed['vetoed']} (S right {vetoed['S right']}, T right {vetoed['T right']})"
                )
        print(
            f"{'off' if theta is None else theta} | "
            + " | ".join(cells)
            + ("  # " + "; ".join(notes) if notes else "")
        )
    print(f"\nθ = {reply_gate.THETA}; PROMOTE_FLOOR (the rules' guess becomes the status):")
    chosen = reply_gate.PROMOTE_FLOOR
    try:
        for floor in FLOORS:
            reply_gate.PROMOTE_FLOOR = floor
            cells = [_cell(_score(d, reply_gate.THETA, m)[0]) for d, m in sets.values()]
            print(f"{floor} | " + " | ".join(cells))
    finally:
        reply_gate.PROMOTE_FLOOR = chosen
    print("\npre-selected guess right / asked (replies with a status label left unsure):")
    take = reply_gate.TAKE
    try:
        for flag in (True, False):
            reply_gate.TAKE = flag
            cells = []
            for data, model_for in sets.values():
                _, asked = _score(data, reply_gate.THETA, model_for)
                cells.append(f"{asked['guess right']}/{asked['asked']}")
            print(f"TAKE {flag} | " + " | ".join(cells))
    finally:
        reply_gate.TAKE = take
    return 0


# Unseen replies for ``unseen``: every third reply of each label of these tables (the probe
# thirds the rules were never tuned on), and the whole of these (new writers' tables, scored
# at first look). The gate is trained without all of them.
UNSEEN_PROBES = tuple(f"replies_wide_tuning{n}.toml" for n in (48, 49, 52, 53, 56, 57))
UNSEEN_WHOLE: tuple[str, ...] = ()


@contextmanager
def _gate_trained_without(held: set[tuple[str, str]]) -> Iterator[int]:
    """The reader's gate, for the block, trained on every training row but *held* (written to
    a temporary file); yields how many rows it learned. The packaged model is restored."""
    data = [row for row in training_rows() if row not in held]
    original = reply_gate.MODEL_PATH
    path = Path(tempfile.mkstemp(suffix=".json")[1])
    try:
        path.write_text(dump(to_json(train(data), [], len(data))), encoding="utf-8")
        reply_gate.MODEL_PATH = path
        reply_gate.load_model.cache_clear()
        yield len(data)
    finally:
        reply_gate.MODEL_PATH = original
        reply_gate.load_model.cache_clear()
        path.unlink()


def _reader_counts(labelled: Iterable[tuple[str, str]]) -> Counter[str]:
    """Correct / wrong / unsure of the whole reader on (label, text) rows."""
    from datetime import date

    from interview.engine.reply import parse_status_reply

    counts: Counter[str] = Counter()
    for label, text in labelled:
        got = parse_status_reply(text, today=date(2026, 11, 29)).status
        counts[outcome(got, None if label == NO_STATUS else Status(label))] += 1
    return counts


def command_unseen() -> int:
    """The whole reader (rules and gate) on replies neither has learned: the gate trained
    without them, the switches as they stand, and θ / TAKE varied."""
    sys.path.insert(0, str(ROOT / "tools"))
    from reply_probe import split  # the probe thirds, split as the tuners split them

    unseen = [row for name in UNSEEN_PROBES for row in split(DATA / name)[1]]
    unseen += [row for name in UNSEEN_WHOLE for row in rows(DATA / name)]
    with _gate_trained_without(set(unseen)) as learned:
        print(f"gate trained on {learned} replies; {len(unseen)} unseen replies")
        take_was, defaults = reply_gate.TAKE, reply_gate.review.__defaults__
        try:
            for theta, take in ((reply_gate.THETA, True), (reply_gate.THETA, False), (0.95, True)):
                reply_gate.TAKE = take
                reply_gate.review.__defaults__ = (theta, None, True)
                print(f"θ {theta} TAKE {take} | {_cell(_reader_counts(unseen))}")
        finally:
            reply_gate.TAKE, reply_gate.review.__defaults__ = take_was, defaults
    return 0


# Blind writers' tables the gate's switches were chosen on (nineteenth session): each is read
# by the rules and a gate trained on every other table (the rules had two rounds on
# tuning56/57 and small mends from tuning60–67).
CV_TABLES = tuple(f"replies_wide_tuning{n}.toml" for n in (56, 57, *range(60, 68)))


def command_tables() -> int:
    """The whole reader, as it stands, on each of ``CV_TABLES``: the replies of one table read
    with a gate that never learned them; then pooled (the figure OVERRIDE was chosen on)."""
    pooled: Counter[str] = Counter()
    for name in CV_TABLES:
        held = set(rows(DATA / name))
        with _gate_trained_without(held):
            counts = _reader_counts(held)
        pooled.update(counts)
        print(f"{name}: {_cell(counts)}", flush=True)
    print(f"pooled ({sum(pooled.values())}): {_cell(pooled)}")
    return 0


def main(argv: list[str]) -> int:
    commands = {
        "train": command_train,
        "cv": command_cv,
        "sweep": command_sweep,
        "unseen": command_unseen,
        "tables": command_tables,
    }
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
