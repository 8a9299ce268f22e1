"""The checklist catalog: the FISC guide's 区分, 確認項目, 注記, 関連規定 and glossary.

Names are resolved lazily (PEP 562), so ``from interview.catalog import Party`` does not
pull in pydantic and the data loader: the command line starts quickly.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interview.catalog.loader import CatalogError, load_catalog
    from interview.catalog.models import (
        Catalog,
        Category,
        Edition,
        Example,
        GlossaryTerm,
        Item,
        MethodGroup,
        Note,
        NotePoint,
        References,
    )
    from interview.catalog.party import Party

_WHERE = {
    "CatalogError": "loader",
    "load_catalog": "loader",
    "Party": "party",
    **dict.fromkeys(
        [
            "Catalog",
            "Category",
            "Edition",
            "Example",
            "GlossaryTerm",
            "Item",
            "MethodGroup",
            "Note",
            "NotePoint",
            "References",
        ],
        "models",
    ),
}

__all__ = [
    "Catalog",
    "CatalogError",
    "Category",
    "Edition",
    "Example",
    "GlossaryTerm",
    "Item",
    "MethodGroup",
    "Note",
    "NotePoint",
    "Party",
    "References",
    "load_catalog",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'interview.catalog' has no attribute {name!r}")
    value = getattr(import_module(f"interview.catalog.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
