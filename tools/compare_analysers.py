"""Compare Japanese analysers for the reply reader (docs/japanese-text.md).

Run in a scratch venv that has the analysers, never in the project's own:

    python3 -m venv /tmp/anl-venv
    /tmp/anl-venv/bin/pip install sudachipy sudachidict-core fugashi unidic-lite janome
    PYTHONPATH=src /tmp/anl-venv/bin/python tools/compare_analysers.py

For each analyser: size on disk, load time in a fresh process (import + dictionary + first
reply), time per reply, and the accuracy of a token-based reader built on it (polarity
from the analyser's auxiliaries and lemmas, same verdict order as the rule reader),
beside the project's hand-written rule reader on the same tables.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import time
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


class Token(NamedTuple):
    surface: str
    lemma: str
    pos: str  # top-level part of speech, UniDic/IPADIC names (名詞, 動詞, 助動詞 …)


# --- analysers ---------------------------------------------------------------------------

LOADERS = {
    "sudachipy + sudachidict-core": (
        ["sudachipy", "sudachidict_core"],
        "from sudachipy import Dictionary, SplitMode\n"
        "_t = Dictionary(dict='core').create(SplitMode.C)\n"
        "def tokens(text):\n"
        "    return [(m.surface(), m.dictionary_form(), m.part_of_speech()[0])"
        " for m in _t.tokenize(text)]\n",
    ),
    "fugashi + unidic-lite": (
        ["fugashi", "unidic_lite"],
        "import fugashi\n"
        "_t = fugashi.Tagger()\n"
        "def tokens(text):\n"
        "    return [(w.surface, w.feature.lemma or w.surface, w.feature.pos1)"
        " for w in _t(text)]\n",
    ),
    "janome": (
        ["janome"],
        "from janome.tokenizer import Tokenizer\n"
        "_t = Tokenizer()\n"
        "def tokens(text):\n"
        "    return [(t.surface, t.base_form, t.part_of_speech.split(',')[0])"
        " for t in _t.tokenize(text)]\n",
    ),
}


def _size_mb(modules: list[str]) -> float:
    total = 0
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        folder = Path(spec.origin).parent
        total += sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        libs = folder.parent / f"{name}.libs"
        if libs.is_dir():
            total += sum(f.stat().st_size for f in libs.rglob("*") if f.is_file())
    return total / 1e6


def _load_ms(code: str) -> float:
    probe = "import time\n_s=time.perf_counter()\n" + code + "tokens('実施しています')\n"
    probe += "print((time.perf_counter()-_s)*1000)\n"
    samples = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        samples.append(float(out.stdout.strip()))
    return statistics.median(samples)


# --- a token-based reader ------------------------------------------------------------------

NEG_LEMMAS = {"ない", "無い", "ぬ", "ず", "ん"}
NA_WORDS = ("該当", "対象外", "非該当", "関係", "不要", "必要", "当てはまる", "適用外", "無関係")
UNKNOWN_WORDS = ("不明", "要確認", "確認中", "調査中", "問い合わせ", "問い合わせる", "問合せ")
UNKNOWN_NEGATED = ("分かる", "わかる", "判る", "知る", "把握", "自信", "覚える")
PLAN_WORDS = ("予定", "検討", "計画", "来期", "来年度", "次年度", "今後", "つもり", "来月", "準備")
SCOPE_WORDS = ("のみ", "だけ", "一部", "部分", "部分的", "以外", "半分", "一部分")
CONTRAST = ("が", "けど", "けれど", "けれども", "ものの", "ただし", "但し", "しかし", "でも")
POSITIVE_WORDS = (
    "済み",
    "済",
    "済む",
    "中",
    "完了",
    "はい",
    "ある",
    "有る",
    "いる",
    "居る",
    "おる",
)


def _clauses(tokens: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.surface in "、。,.!?！？" or (
            tok.pos in ("助詞", "接続詞") and tok.lemma in CONTRAST
        ):
            out.append([])
        else:
            out[-1].append(tok)
    return [c for c in out if c]


def _negations(clause: list[Token]) -> int:
    count = 0
    for tok in clause:
        if (
            (tok.lemma in NEG_LEMMAS and tok.pos in ("助動詞", "形容詞", "補助記号"))
            or tok.surface.startswith("未")
            or tok.surface in ("なし", "無し")
        ):
            count += 1
    return count


def token_reader(tokens_of: Callable[[str], list[tuple[str, str, str]]]) -> Callable[[str], object]:
    from interview.engine.answers import Status

    def read(text: str) -> Status | None:
        folded = unicodedata.normalize("NFKC", text)
        tokens = [Token(*t) for t in tokens_of(folded)]
        lemmas = [t.lemma for t in tokens]
        if any(t.surface in "?？" for t in tokens):
            return None
        joined = "".join(lemmas)
        clauses = _clauses(tokens)
        negated = [_negations(c) % 2 == 1 for c in clauses]
        words = [{t.lemma for t in c} | {t.surface for t in c} for c in clauses]
        for ws, neg in zip(words, negated, strict=True):
            if any(w in ws for w in ("対象外", "非該当", "無関係", "適用外", "不要")) or (
                neg and any(w in ws for w in NA_WORDS)
            ):
                return Status.NOT_APPLICABLE
        for ws, neg in zip(words, negated, strict=True):
            if any(w in ws for w in UNKNOWN_WORDS) or (
                neg and any(w in ws for w in UNKNOWN_NEGATED)
            ):
                return Status.UNKNOWN
        if "確認" in joined and not negated[-1] and lemmas[-1] in ("ます", "する"):
            return Status.UNKNOWN
        if any(w in lemmas for w in SCOPE_WORDS):
            return Status.PARTIAL
        pos = [
            not neg and (any(w in ws for w in POSITIVE_WORDS) or any(t.pos == "動詞" for t in c))
            for c, ws, neg in zip(clauses, words, negated, strict=True)
        ]
        plan = any(w in lemmas for w in PLAN_WORDS)
        if any(negated) and any(pos) and not plan:
            return Status.PARTIAL
        if any(negated) or plan:
            return Status.NOT_DONE
        if any(pos):
            return Status.DONE
        return None

    return read


# --- scoring -----------------------------------------------------------------------------


def _rows() -> list[tuple[object, str]]:
    from interview.engine.answers import Status

    rows = []
    for path in sorted(DATA.glob("replies*.toml")):
        for key, groups in tomllib.loads(path.read_text(encoding="utf-8")).items():
            expected = None if key == "none" else Status(key)
            rows += [(expected, text) for texts in groups.values() for text in texts]
    return rows


def _score(read: Callable[[str], object], rows: list[tuple[object, str]]) -> tuple[str, float]:
    counts: Counter[str] = Counter()
    samples = []
    for expected, text in rows:
        start = time.perf_counter()
        got = read(text)
        samples.append((time.perf_counter() - start) * 1000)
        counts["correct" if got == expected else "unsure" if got is None else "wrong"] += 1
    n = len(rows)
    summary = (
        f"correct {counts['correct'] / n:.1%}, wrong {counts['wrong'] / n:.1%}, "
        f"unsure {counts['unsure'] / n:.1%}"
    )
    return summary, statistics.median(samples)


def main() -> int:
    from interview.engine.reply import parse_status_reply

    rows = _rows()
    print(f"{len(rows)} replies")
    rules = _score(lambda t: parse_status_reply(t).status, rows)
    print(
        f"{'hand-written rules (no analyser)':<30} size 0 MB | {rules[0]} | {rules[1]:.3f} ms/reply"
    )
    for name, (modules, code) in LOADERS.items():
        namespace: dict[str, object] = {}
        exec(code, namespace)
        tokens_of = namespace["tokens"]
        summary, per_reply = _score(token_reader(tokens_of), rows)  # type: ignore[arg-type]
        print(
            f"{name:<30} size {_size_mb(modules):.0f} MB | load {_load_ms(code):.0f} ms | "
            f"{summary} | {per_reply:.3f} ms/reply"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
