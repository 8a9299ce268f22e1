"""Load and validate the catalog from ``catalog/`` once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from interview.catalog.models import Catalog, Category, Edition, GlossaryTerm, Item, UsageNotes
from interview.datapaths import catalog_dir
from interview.errors import Message
from interview.tomlio import DataFileError, load_model

M = TypeVar("M", bound=BaseModel)


class CatalogError(DataFileError):
    """The catalog data is missing or invalid."""


class _Categories(BaseModel):
    categories: tuple[Category, ...]


class _Glossary(BaseModel):
    terms: tuple[GlossaryTerm, ...]


def _load(model: type[M], path: Path) -> M:
    try:
        return load_model(model, path)
    except DataFileError as exc:
        raise CatalogError(exc.path, exc.detail, exc.line, exc.field) from None


def load_catalog(directory: Path | None = None) -> Catalog:
    """Return the catalog in *directory* (default: the shipped one), cached."""
    return _load_catalog(directory.resolve() if directory else _shipped_dir())


@lru_cache(maxsize=1)
def _shipped_dir() -> Path:
    """The shipped catalog's folder, resolved once (every search asks for the catalog)."""
    return catalog_dir().resolve()


@lru_cache(maxsize=4)
def _load_catalog(directory: Path) -> Catalog:
    if not directory.is_dir():
        raise CatalogError(directory, Message("catalog_folder_missing"))
    edition = _load(Edition, directory / "edition.toml")
    categories = _load(_Categories, directory / "categories.toml").categories
    item_files = sorted((directory / "items").glob("*.toml"))
    items = tuple(_load(Item, path) for path in item_files)
    glossary = _load(_Glossary, directory / "glossary.toml").terms
    usage = _load(UsageNotes, directory / "usage.toml")
    catalog = Catalog(
        edition=edition, categories=categories, items=items, glossary=glossary, usage=usage
    )
    _check_consistency(catalog, directory, item_files)
    return catalog


def _check_consistency(catalog: Catalog, directory: Path, item_files: list[Path]) -> None:
    for path, item in zip(item_files, catalog.items, strict=True):
        if path.stem != f"{item.no:02d}":
            raise CatalogError(path, Message("catalog_file_name", item=item.no), field="no")
        category_nos = {c.no for c in catalog.categories}
        if item.category not in category_nos:
            raise CatalogError(
                path, Message("catalog_no_category", category=item.category), field="category"
            )
        note_nos = {n.no for n in item.notes}
        for group in item.method_groups:
            for example in group.examples:
                expected = f"{item.no}.{group.no}.{example.no}"
                if example.id != expected:
                    raise CatalogError(
                        path, Message("catalog_example_id", expected=expected), field="id"
                    )
                missing = set(example.notes) - note_nos
                if missing:
                    raise CatalogError(
                        path,
                        Message("catalog_missing_notes", example=example.id, notes=sorted(missing)),
                    )
    numbers = [i.no for i in catalog.items]
    if numbers != sorted(numbers) or len(set(numbers)) != len(numbers):
        raise CatalogError(directory / "items", Message("catalog_item_order"))
