"""Reading TOML data files with messages that name the file, line and field."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from interview.errors import Message, UserError

M = TypeVar("M", bound=BaseModel)


class DataFileError(UserError):
    """A data file could not be read or does not match its schema."""

    def __init__(
        self, path: Path, message: str | Message, line: int | None = None, field: str = ""
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.detail = message
        super().__init__(Message("data_file", path=path, line=line, field=field, reason=message))


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse *path*; return the data and the raw text (for locating fields later)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(path, Message("file_not_found")) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(path, Message("data_not_utf8", offset=exc.start)) from None
    except OSError as exc:
        raise DataFileError(path, Message("data_unreadable", reason=exc.strerror)) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        match = _TOML_POS.search(msg)
        line = (
            int(match.group(1))
            if match
            else (text.count("\n") + 1 if "end of document" in msg else None)
        )
        column = int(match.group(2)) if match else None
        reason = _TOML_POS.sub("", msg).strip()
        raise DataFileError(
            path, Message("data_toml_syntax", column=column, parser=reason), line
        ) from None


def field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def locate(text: str, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line number of the field at *loc* in TOML *text*."""
    keys = [str(p) for p in loc if isinstance(p, str)]
    if not keys:
        return None
    lines = text.splitlines()
    start = 0
    found: int | None = None
    for key in keys:
        pattern = re.compile(rf"^\s*(\[\[?)?[\w.\"-]*\b{re.escape(key)}\b")
        for idx in range(start, len(lines)):
            if pattern.match(lines[idx]):
                found = idx + 1
                start = idx
                break
    return found


def validate(model: type[M], data: Any, path: Path, text: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise DataFileError(
            path,
            Message("data_schema", reason=first["msg"], value=repr(first.get("input"))),
            locate(text, loc),
            field_path(loc),
        ) from None


def load_model(model: type[M], path: Path) -> M:
    data, text = read_toml(path)
    return validate(model, data, path, text)
