from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_DISABLE_KITTY_KEY", "1")

REPO = Path(__file__).resolve().parent.parent

# Pilot tests allocate millions of short-lived objects (styles, strips, segments, messages).
# At Python's default thresholds (700, 10, 10) the cyclic collector ran ~2,400 times per
# Pilot test file, ~20 of them full collections over the heap of everything the suite has
# imported: a quarter of a Pilot test's CPU time. Young objects are still collected (every
# 20,000 allocations); full collections become rare. This is the test process only: the app
# processes that tests start (tmux, serve, the browser) keep Python's defaults.
gc.set_threshold(20_000, 10, 100)


def pytest_configure(config: pytest.Config) -> None:
    """At the end of the session pytest collects garbage five times over to report
    exceptions raised in finalizers; over a worker's heap of some 290 MB that is ~2 s of
    CPU per worker. One pass still reports them (the others only catch garbage that the
    finalizers of the first pass leave behind)."""
    try:
        from _pytest.unraisableexception import gc_collect_iterations_key
    except ImportError:  # a later pytest: keep its default
        return
    config.stash.setdefault(gc_collect_iterations_key, 1)


# Property tests: 50 examples each in the suite (its 90 s budget); HYPOTHESIS_PROFILE=thorough
# runs 300 each (add --hypothesis-seed for a fixed run). Tests don't set max_examples
# themselves, so the profile decides.
from hypothesis import settings  # noqa: E402

settings.register_profile("suite", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture(scope="session")
def catalog():
    from interview.catalog import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def search_vocabulary(catalog) -> str:
    """Every text the searches index, folded and joined by |: items, 注記, questions,
    glossary (the search tables' tests check that their targets exist in it)."""
    from interview.questions.bank import load_questions
    from interview.search.checklist import _item_texts
    from interview.search.normalize import normalize

    questions = load_questions(catalog)
    texts = []
    for item in catalog.items:
        own = questions.for_item(item.no)
        texts.extend(t for _f, _r, t, _w in _item_texts(item, own, questions.intro(item.no)))
    for term in catalog.glossary:
        texts.extend([term.term, term.yomi, term.description, *term.aliases])
    return "|".join(normalize(t) for t in texts)


# Snapshots and exported dates must not depend on the machine's time zone.
os.environ["TZ"] = "UTC"
time.tzset()


def _freeze_cursor_blink() -> None:
    """A blinking cursor makes snapshots depend on timing: keep it steady in tests."""
    from textual.widgets import Input, TextArea

    for widget in (Input, TextArea):
        widget.__dict__["cursor_blink"]._default = False


_freeze_cursor_blink()


def _parse_each_stylesheet_once() -> None:
    """Share parsed CSS between the apps of this test process.

    Every app a test starts parses the same stylesheets again (the app's files and each
    widget's DEFAULT_CSS): ~7 % of starting an app. Textual caches the parse per
    stylesheet, keyed by the CSS text, its origin, scope and tie-breaker, and clears it
    when the variables (the theme) change; this cache is the same, kept across apps, with
    the variables in its key. What a stylesheet holds is what it would have parsed."""
    from textual.css.stylesheet import Stylesheet

    parse = getattr(Stylesheet, "_parse_rules", None)
    if parse is None:  # another Textual: parse as it does
        return
    parsed: dict[tuple, list] = {}

    def parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope, *self._variables.items())
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = parse_rules


_parse_each_stylesheet_once()


def _search_cache_in_a_temporary_folder() -> None:
    """The search index cache goes to a folder of this run, not the user's ~/.cache."""
    import tempfile

    os.environ.setdefault("INTERVIEW_CACHE_DIR", tempfile.mkdtemp(prefix="interview-cache-"))


_search_cache_in_a_temporary_folder()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker per CPU, but at least three.

    Much of a Pilot test is spent waiting for the app to go idle, so on a two-CPU machine a
    third worker still shortens the run; on a larger CI machine every CPU is used.
    """
    return max(3, min(os.cpu_count() or 1, 8))


# Tests that mostly wait on another process (a real terminal, a browser, a server, killed
# savers, a fresh venv): started first, their waiting overlaps the other workers' work.
_WAITING_MODULES = frozenset(
    {"test_tui_tmux", "test_serve_browser", "test_serve", "test_session_crash", "test_packaging"}
)


def _drives_an_app(module: object) -> bool:
    """A module that imports a Textual app class runs Pilot tests (each one is heavy)."""
    from textual.app import App

    return any(isinstance(v, type) and issubclass(v, App) for v in vars(module).values())


def _spread(apps: list[pytest.Item], others: list[pytest.Item]) -> list[pytest.Item]:
    """*apps* spread evenly among *others*, both in their own order."""
    total = len(apps) + len(others)
    slots = {k * total // len(apps) for k in range(len(apps))} if apps else set()
    app_items, other_items = iter(apps), iter(others)
    return [next(app_items) if k in slots else next(other_items) for k in range(total)]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Process-waiting tests first, then Pilot and snapshot tests spread evenly among the
    rest (in file order), dealt round-robin into one run of tests per xdist worker.

    A Pilot test spends most of its time waiting for the app to go idle (~40 % of its
    wall time on a CPU): when every worker ran Pilot tests at once, two CPUs were
    under-used while three workers waited, and the CPU-bound tests (search sets, reply
    tables) then ran three to two CPUs. Spread out, each worker's waits overlap the
    others' computing.
    Work stealing gives each worker a contiguous share of this list and lets idle workers
    take from the end of another's queue, so the run still ends evenly.
    Every worker sorts the same collection the same way (the sort is stable)."""
    pilot: dict[object, bool] = {}

    def rank(item: pytest.Item) -> int:
        module = getattr(item, "module", None)
        if module is None:
            return 3
        if module.__name__.rsplit(".", 1)[-1] in _WAITING_MODULES:
            return 0
        if module not in pilot:
            pilot[module] = _drives_an_app(module)
        return 1 if pilot[module] or "snap_compare" in getattr(item, "fixturenames", ()) else 2

    ordered = sorted(items, key=rank)
    waiting = [item for item in ordered if rank(item) == 0]
    rest = [item for item in ordered if rank(item) > 0]
    ordered = waiting + _spread(
        [item for item in rest if rank(item) == 1], [item for item in rest if rank(item) > 1]
    )
    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    items[:] = [item for k in range(workers) for item in ordered[k::workers]]


# --- the bank's review (test_review_*.py; steps in review_helpers.py) --------------------


@pytest.fixture(scope="session")
def review_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Connector workbooks, exported once: r1, r2 (item 3 changed), beta (another org)."""
    from review_helpers import connector_books

    return connector_books(tmp_path_factory.mktemp("review-books"))


@pytest.fixture
def reviewer(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """The bank's reviewer at the command line, on the sessions folder ``tmp_path/s``."""
    from review_helpers import Reviewer

    return Reviewer(tmp_path, capsys)
