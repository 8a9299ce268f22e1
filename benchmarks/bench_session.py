"""Session store budgets: a save after an answer (≤ 10 ms median, fsyncs included) on a
complete 38-item session, and listing 1,000 session files (≤ 1 s): with the listing cache
warm (the usual case), with 10 files changed since, and with nothing cached."""

from __future__ import annotations

import os
import random
import resource
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
    past = time.time() - 60  # settled files, as after any earlier day's work
    for path in directory.glob("*.toml"):
        os.utime(path, (past, past))
    start = time.perf_counter()
    summaries, problems = store.list_summaries(plain_checklist().progress_ids)
    list_ms = (time.perf_counter() - start) * 1000
    assert len(summaries) == 1000 and not problems, problems
    paths = sorted(directory.glob("*.toml"))[:50]
    start = time.perf_counter()
    for path in paths:
        tomllib.loads(path.read_text(encoding="utf-8"))
    full_ms = (time.perf_counter() - start) * 1000 * len(summaries) / len(paths)
    startup, startup_cpu = _cli(directory, "--version")
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache:
        # Cold: nothing remembered (a first listing, or INTERVIEW_CACHE_DIR=off).
        cold, cold_cpu = _cli(directory, "sessions", cache="off")
        # Warm: the files are as the last listing saw them (the usual case).
        _cli(directory, "sessions", cache=cache, repeat=1)
        warm, warm_cpu = _cli(directory, "sessions", cache=cache)
        # 10 sessions saved since the last listing: those are read again.
        changed = []
        for round_ in range(3):
            for n in range(10):
                path = directory / f"list-{100 * round_ + n:04d}.toml"
                path.write_bytes(path.read_bytes())
                os.utime(path, (past, past + round_ + 1))
            changed.append(_cli(directory, "sessions", cache=cache, repeat=1))
    changed_wall = statistics.median(c[0] for c in changed)
    changed_cpu = statistics.median(c[1] for c in changed)
    version = "interview --version (process)"
    version_cpu = "  (its CPU time)"
    budget = "budget ≤ 1000 ms"
    return [
        Figure("interview sessions, 1,000 files, cache warm", warm, "ms", version, startup, budget),
        Figure("  CPU time of that", warm_cpu, "ms", version_cpu, startup_cpu),
        Figure("  … 10 of them changed since", changed_wall, "ms", version, startup, budget),
        Figure("  CPU time of that", changed_cpu, "ms", version_cpu, startup_cpu),
        Figure("  … nothing cached (first listing)", cold, "ms", version, startup, budget),
        Figure("  CPU time of that", cold_cpu, "ms", version_cpu, startup_cpu),
        Figure(
            "  list_summaries over 1,000 complete files",
            list_ms,
            "ms",
            "full tomllib parse of each (extrap.)",
            full_ms,
        ),
    ]


def _cli_ms(directory: Path, *argv: str, cache: str = "off", repeat: int = 3) -> float:
    """Median wall time of the ``interview`` command, a fresh process each time."""
    return _cli(directory, *argv, cache=cache, repeat=repeat)[0]


def _cli(directory: Path, *argv: str, cache: str = "off", repeat: int = 3) -> tuple[float, float]:
    """Median (wall, CPU) ms of the ``interview`` command, a fresh process each time.

    The CPU time (user + system of the child) is what the command costs whatever else
    runs on the machine; on a shared machine the wall time is the one to read beside it.
    """
    command = [sys.executable, "-m", "interview", "--sessions-dir", str(directory), *argv]
    if argv == ("--version",):
        command = [sys.executable, "-m", "interview", "--version"]
    env = {**os.environ, "INTERVIEW_CACHE_DIR": cache}
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        cpus.append(cpu * 1000)
    return statistics.median(walls), statistics.median(cpus)


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
