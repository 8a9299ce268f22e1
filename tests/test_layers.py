"""Imports run one way: catalog → questions → engine → session → compile → workbook.

Every ``import interview.…`` in ``src/interview`` (at module level, inside functions and
under TYPE_CHECKING alike) must point to a lower layer or stay in its own package, so no
package imports back up and no two packages import each other.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import interview

SRC = Path(interview.__file__).resolve().parent

# Lower numbers are lower layers. The workbook writer takes plain data, so it sits below
# the domain packages: compile (and the application layer) hand it WorkbookData.
LAYERS: dict[str, int] = {
    "errors": 0,
    "textsafety": 1,
    "textsafe": 2,
    "datapaths": 1,
    "atomicfile": 1,
    "usercache": 1,
    "tomlio": 2,
    "secrets": 2,
    "disclosure": 2,
    "workbook": 3,
    "catalog": 4,
    "questions": 5,
    "search": 6,
    "profile": 6,
    "engine": 7,
    "session": 8,
    "compile": 9,
    "services": 10,
    "messages": 11,  # the sentences for the core's message codes (installed by __init__)
    "wording": 12,
    "diff_text": 12,  # the diff as a Japanese report (cli and tui)
    "tui": 13,
    "web": 13,  # interview serve (textual-serve): a UI adapter beside tui, loaded by cli
    "cli": 14,  # the command line is the entry point; `interview` with no command runs the TUI
    "__main__": 15,
    "__init__": 15,
}


def unit(module: str) -> str:
    """The layer unit of a dotted module name inside the package (its first part)."""
    return module.split(".")[0]


def imports() -> list[tuple[str, str, str, int]]:
    """(source unit, target module, file, line) for every interview import."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).with_suffix("")
        source = unit(".".join(rel.parts))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name == "interview" or name.startswith("interview."):
                    target = name.removeprefix("interview").lstrip(".")
                    if target:
                        found.append((source, target, str(rel), node.lineno))
    return found


def test_every_unit_has_a_layer():
    units = {unit(".".join(p.relative_to(SRC).with_suffix("").parts)) for p in SRC.rglob("*.py")}
    assert units <= set(LAYERS), sorted(units - set(LAYERS))


def test_no_import_runs_back_up():
    wrong = [
        f"{file}:{line} ({source}) imports interview.{target}"
        for source, target, file, line in imports()
        if unit(target) != source and LAYERS[unit(target)] >= LAYERS[source]
    ]
    assert not wrong, "\n".join(wrong)


def test_no_cycle_between_packages():
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target, _, _ in imports():
        if unit(target) != source:
            graph[source].add(unit(target))

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph[start]:
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = [name for name in list(graph) if reaches(name, name, {name})]
    assert not cycles


def test_the_front_ends_do_not_reach_for_a_global_checklist():
    """Screens get the session's Checklist: no catalog loading or global search in tui/."""
    banned = {"load_catalog", "search_checklist", "search_glossary", "load_questions"}
    wrong = []
    for path in sorted((SRC / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and any(a.name in banned for a in node.names):
                wrong.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not wrong


def test_the_walker_sees_a_back_import(tmp_path, monkeypatch):
    """The check itself can fail: a session module importing compile is caught."""
    fake = tmp_path / "interview"
    (fake / "session").mkdir(parents=True)
    (fake / "session" / "x.py").write_text("def f():\n    from interview.compile import y\n")
    monkeypatch.setattr(__import__(__name__), "SRC", fake)
    found = imports()
    assert found == [("session", "compile", "session/x", 2)]
    assert LAYERS["compile"] >= LAYERS["session"]


def test_the_front_ends_call_use_cases_only_through_the_application_layer():
    """tui/ and cli/ may use core types to render, but no core use case directly."""
    use_cases = {
        "load_catalog",
        "load_questions",
        "search_checklist",
        "search_glossary",
        "session_checklist",
        "tailored_checklist",
        "export_session",
        "write_workbook",
        "read_workbook",
        "session_from_workbook",
        "diff_sessions",
        "write_diff_workbook",
        "start_from_previous",
        "reuse_answers",
        "check_reusable",
        "attach_profile",
        "load_profile",
        "find_secrets",
        "mask_secrets",
    }
    wrong = []
    for front in ("tui", "cli"):
        for path in sorted((SRC / front).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "interview."
                ):
                    if node.module and node.module.startswith("interview.services"):
                        continue
                    for alias in node.names:
                        if alias.name in use_cases:
                            wrong.append(f"{path.relative_to(SRC)}:{node.lineno} {alias.name}")
    assert not wrong, "\n".join(wrong)
