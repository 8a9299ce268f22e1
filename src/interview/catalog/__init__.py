"""The checklist catalog: the FISC guide's 区分, 確認項目, 注記, 関連規定 and glossary."""

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
    Party,
    References,
)

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
