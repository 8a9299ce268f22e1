"""Read a tailoring profile and check it against the catalog, with Japanese messages.

Every problem names the file, the line and the field (``add[0].questions[1].text``).
All problems of a file are reported at once, the first one in the exception's headline.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from interview.catalog.models import Catalog
from interview.errors import Message
from interview.profile.locate import line_of
from interview.profile.models import AddedItem, AddedQuestion, Exclusion, Profile
from interview.profile.rules import check_profile
from interview.textsafe import printable
from interview.tomlio import DataFileError, field_path, read_toml


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a profile file."""

    loc: tuple[int | str, ...]
    message: str | Message


class ProfileError(DataFileError):
    """A profile file is missing, unreadable, or breaks the rules of ``docs/profiles.md``."""

    def __init__(
        self,
        path: Path,
        message: str | Message,
        line: int | None = None,
        field: str = "",
        others: tuple[str, ...] = (),
    ) -> None:
        super().__init__(path, message, line, field)
        self.others = others
        if others:
            self.args = (Message("profile_problems", first=self.args[0], others=others),)


def load_profile(path: Path, catalog: Catalog | None = None) -> Profile:
    """The profile in *path*, validated against *catalog* (default: the shipped one)."""
    try:
        data, text = read_toml(path)
    except DataFileError as exc:
        raise ProfileError(exc.path, exc.detail, exc.line, exc.field) from None
    return _validated(data, text, path, catalog)


def parse_profile(text: str, source: Path, catalog: Catalog | None = None) -> Profile:
    """The profile in TOML *text* (e.g. kept inside a session); *source* names it in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        raise ProfileError(source, Message("profile_toml_syntax", parser=str(exc)), line) from None
    return _validated(data, text, source, catalog)


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _validated(data: dict[str, Any], text: str, path: Path, catalog: Catalog | None) -> Profile:
    if catalog is None:
        from interview.catalog import load_catalog

        catalog = load_catalog()
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        problems = [Problem(tuple(e["loc"]), _translate(e)) for e in exc.errors()]
        raise _error(path, text, problems) from None
    problems = [Problem(loc, message) for loc, message in check_profile(profile, catalog)]
    if problems:
        raise _error(path, text, problems)
    return profile


def _error(path: Path, text: str, problems: list[Problem]) -> ProfileError:
    def where(problem: Problem) -> tuple[int | None, str]:
        return line_of(text, problem.loc), field_path(problem.loc)

    first, rest = problems[0], problems[1:]
    line, field = where(first)
    others = []
    for problem in rest:
        other_line, other_field = where(problem)
        others.append(
            str(
                Message(
                    "profile_problem", line=other_line, field=other_field, reason=problem.message
                )
            )
        )
    return ProfileError(path, first.message, line, field, tuple(others))


# --- pydantic's errors, in Japanese -------------------------------------------------------

_MODELS: dict[tuple[str, ...], type[BaseModel]] = {
    (): Profile,
    ("exclude",): Exclusion,
    ("add",): AddedItem,
    ("add", "questions"): AddedQuestion,
}


def _shown(value: Any) -> str:
    text = printable(repr(value))
    return text if len(text) <= 60 else text[:59] + "…"


def _translate(error: Any) -> str:
    kind: str = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    owner = tuple(p for p in loc[:-1] if isinstance(p, str))
    model = _MODELS.get(owner) if kind == "extra_forbidden" else None
    return str(
        Message(
            "profile_schema",
            kind=kind,
            value=_shown(value),
            known=tuple(model.model_fields) if model else (),
            table=".".join(p for p in loc if isinstance(p, str)),
            reason=error["msg"],
        )
    )
