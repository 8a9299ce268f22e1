"""The core words nothing: its errors and messages are codes, the sentences live at the edge.

The core (the foundation modules and catalog … compile, workbook) raises with
``Message(code, **data)``; ``interview.messages`` holds the Japanese sentences. These
tests walk the core's source so that a Japanese sentence written into a ``raise``, an
error's constructor or a ``Message`` fails here, and every code the source uses has words.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import interview
from interview import messages
from interview.errors import Message, UserError, install_wording, worded

SRC = Path(interview.__file__).resolve().parent
# Below the application layer (see tests/test_layers.py and docs/architecture.md).
CORE = (
    "errors",
    "textsafety",
    "textsafe",
    "datapaths",
    "atomicfile",
    "tomlio",
    "secrets",
    "disclosure",
    "workbook",
    "catalog",
    "questions",
    "search",
    "profile",
    "engine",
    "session",
    "compile",
)
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")


def core_files(root: Path = SRC) -> list[Path]:
    files = []
    for name in CORE:
        package = root / name
        files += sorted(package.rglob("*.py")) if package.is_dir() else [root / f"{name}.py"]
    return [f for f in files if f.exists()]


def _japanese(node: ast.AST) -> list[str]:
    return [
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and JAPANESE.search(n.value)
    ]


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def worded_in_core(root: Path = SRC) -> Iterator[str]:
    """Places where the core writes a Japanese sentence into an error or a message."""
    for path in core_files(root):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        where = path.relative_to(root)
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and node.exc is not None:
                found = _japanese(node.exc)
            elif isinstance(node, ast.Call) and re.search(
                r"(Error|Blocked|^Message)$", _name(node.func)
            ):
                found = _japanese(node)
            elif isinstance(node, ast.ClassDef) and any(
                re.search(r"(Error|Exception|Blocked)$", _name(b)) for b in node.bases
            ):
                found = [
                    n.value
                    for n in ast.walk(node)
                    if isinstance(n, ast.Constant)
                    and isinstance(n.value, str)
                    and id(n) not in docs
                    and JAPANESE.search(n.value)
                ]
            else:
                continue
            for text in found:
                yield f"{where}:{getattr(node, 'lineno', 0)}: {text[:40]!r}"


def message_calls(root: Path = SRC) -> Iterator[tuple[str, set[str], str]]:
    """(code, keyword names, place) of every ``Message("code", …)`` in the package."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node.func) in ("Message", "AnswerError", "NotInInterviewError")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                if any(k.arg is None for k in node.keywords):
                    continue  # **data: the names are not in the source
                keys = {k.arg for k in node.keywords if k.arg}
                yield node.args[0].value, keys, f"{path.relative_to(root)}:{node.lineno}"


def test_no_core_module_writes_a_japanese_sentence_into_an_error():
    wrong = list(worded_in_core())
    assert not wrong, "move these sentences to interview.messages:\n" + "\n".join(wrong)


def test_the_guard_sees_a_worded_raise(tmp_path):
    """The check itself can fail: a raise, a constructor and an error class are caught."""
    fake = tmp_path / "interview"
    (fake / "session").mkdir(parents=True)
    (fake / "session" / "x.py").write_text(
        "class LockError(Exception):\n"
        "    def __init__(self):\n"
        "        super().__init__('使用中です')\n"
        "def f(x):\n"
        "    if x:\n"
        "        raise ValueError(f'値が正しくありません: {x}')\n"
        "    return SessionError('閉じられています')\n"
        "def g(name):\n"
        "    raise ValueError(Message('fine', name=name))  # 日本語のコメントは構わない\n",
        encoding="utf-8",
    )
    found = list(worded_in_core(fake))
    assert sorted({int(line.split(":")[1]) for line in found}) == [1, 6, 7]


def test_every_code_the_package_uses_has_words():
    missing = [
        f"{place}: {code}" for code, _, place in message_calls() if code not in messages._WORDS
    ]
    assert not missing, "\n".join(missing)


def test_every_template_gets_the_data_it_names():
    wrong = []
    for code, keys, place in message_calls():
        words = messages._WORDS.get(code)
        if not isinstance(words, str):
            continue
        named = {f for _, f, _, _ in string.Formatter().parse(words) if f}
        if named - keys:
            wrong.append(f"{place}: {code} names {sorted(named - keys)}")
    assert not wrong, "\n".join(wrong)


def test_a_message_is_worded_by_the_installed_table_and_readable_without_one():
    message = Message("session_closed", session="acme")
    assert str(message) == "セッション「acme」は閉じられています。"
    error = UserError(message)
    assert str(error) == "セッション「acme」は閉じられています。"
    assert (error.code, dict(error.data)) == ("session_closed", {"session": "acme"})
    install_wording(lambda code, data: None)
    try:
        assert str(error) == "session_closed(session='acme')"
    finally:
        install_wording(messages.word)
    assert worded("no_such_code_anywhere", {"a": 1}) == "no_such_code_anywhere(a=1)"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda: ValueError(Message("unknown_status", text="たぶん")),
            "回答の状態が不明です: 'たぶん'",
        ),
        (
            lambda: UserError(Message("no_free_id", base="acme", hint_id=True)),
            "セッションIDを決められませんでした（acme）。--id で指定してください。",
        ),
    ],
)
def test_errors_from_the_core_read_as_before(make, expected):
    assert str(make()) == expected
