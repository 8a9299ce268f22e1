"""Session store budgets: a save after an answer (≤ 10 ms median, fsyncs included) on a
complete 38-item session, and listing 1,000 session files (≤ 1 s)."""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w

from benchmarks.common import Figure, median_time
from interview.catalog import Catalog, Party, load_catalog
from interview.engine.answers import Answer, Status, now
from interview.services.checklist import plain_checklist
from interview.session.models import ItemText, ItemTexts, Position, Respondent, Session
from interview.session.store import SessionStore
from interview.session.toml_format import dumps, session_dict

CLOSING = ("other", "issues", "plan", "remarks")
DETAIL = "外部の専門業者による脆弱性診断を年1回実施し、結果を情報セキュリティ委員会に報告している。"
LINE = "・脆弱性診断：実施済み（年1回、外部の専門業者が実施し委員会へ報告）"


def complete_session(catalog: Catalog, session_id: str, seed: int = 0) -> Session:
    """Every question of a 38-item API接続先 session answered, every text confirmed."""
    rng = random.Random(seed)
    answers: dict[str, Answer] = {}
    texts: dict[str, ItemTexts] = {}
    for item in catalog.items_for(Party.API_CONNECTOR):
        for example in item.examples:
            answers[example.id] = Answer(
                status=rng.choice(list(Status)), detail=DETAIL[: rng.randint(10, len(DETAIL))]
            )
        for suffix in CLOSING:
            answers[f"{item.no}.{suffix}"] = Answer(detail="特になし。" * rng.randint(1, 6))
        draft = "\n".join([LINE] * len(item.examples))
        text = ItemText(draft=draft, text=draft, state="confirmed")
        short = ItemText(draft=LINE, text=LINE, state="confirmed")
        texts[str(item.no)] = ItemTexts(status=text, issues=short, plan=short, remarks=short)
    return Session(
        id=session_id,
        catalog_edition=catalog.edition.id,
        respondent=Respondent(organisation="株式会社サンプルペイ", party=Party.API_CONNECTOR),
        answers=answers,
        texts=texts,
        follow_ups={"3.1.1": "規程を確認"},
        position=Position(item=38, question="38.remarks"),
    )


def _save_figures(catalog: Catalog, directory: Path) -> list[Figure]:
    store = SessionStore(directory)
    session = complete_session(catalog, "bench")
    store.save(session)
    handle = store.open("bench")
    ids = list(session.answers)
    counter = 0

    def answer_and_save() -> None:
        nonlocal counter
        counter += 1
        qid = ids[counter % len(ids)]
        handle.session.answers[qid] = Answer(status=Status.DONE, detail=f"回答{counter}")
        handle.session.updated_at = now()
        handle.save()

    save_ms = median_time(answer_and_save, repeat=200)
    handle.close()
    text = dumps(session)
    size_kb = len(text.encode()) / 1024
    # Baselines: the naive save this replaces (tomli_w + a full tomllib re-parse), no I/O.
    naive = median_time(lambda: tomllib.loads(tomli_w.dumps(session_dict(session))), repeat=30)
    parse = median_time(lambda: tomllib.loads(text), repeat=30)
    return [
        Figure(
            f"save after an answer ({size_kb:.0f} KB session)",
            save_ms,
            "ms",
            "tomli_w dump + tomllib re-parse",
            naive,
            "budget ≤ 10 ms",
        ),
        Figure("  full tomllib parse of that session", parse, "ms", "(same)", naive),
    ]


def _list_figures(catalog: Catalog, directory: Path) -> list[Figure]:
    store = SessionStore(directory)
    session = complete_session(catalog, "list-0000")
    store.save(session)
    template = (directory / "list-0000.toml").read_text(encoding="utf-8")
    for n in range(1, 1000):
        sid = f"list-{n:04d}"
        (directory / f"{sid}.toml").write_text(template.replace("list-0000", sid), "utf-8")
    start = time.perf_counter()
    summaries, problems = store.list_summaries(plain_checklist().progress_ids)
    list_ms = (time.perf_counter() - start) * 1000
    assert len(summaries) == 1000 and not problems, problems
    paths = sorted(directory.glob("*.toml"))[:50]
    start = time.perf_counter()
    for path in paths:
        tomllib.loads(path.read_text(encoding="utf-8"))
    full_ms = (time.perf_counter() - start) * 1000 * len(summaries) / len(paths)
    cli_ms = _cli_ms(directory, "sessions")
    startup_ms = _cli_ms(directory, "--version")
    return [
        Figure(
            "interview sessions CLI, 1,000 files (process)",
            cli_ms,
            "ms",
            "interview --version (process)",
            startup_ms,
            "budget ≤ 1000 ms",
        ),
        Figure(
            "  list_summaries over 1,000 complete files",
            list_ms,
            "ms",
            "full tomllib parse of each (extrap.)",
            full_ms,
        ),
    ]


def _cli_ms(directory: Path, *argv: str, repeat: int = 3) -> float:
    """Median wall time of the ``interview`` command, a fresh process each time."""
    command = [sys.executable, "-m", "interview", "--sessions-dir", str(directory), *argv]
    if argv == ("--version",):
        command = [sys.executable, "-m", "interview", "--version"]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run() -> list[Figure]:
    catalog = load_catalog()
    figures = []
    for make in (_save_figures, _list_figures):
        directory = Path(tempfile.mkdtemp(prefix="bench-session-", dir=Path.cwd()))
        try:
            figures += make(catalog, directory)
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    return figures
