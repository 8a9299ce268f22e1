"""One index per catalog, built on first use (identity check: cheap on every keystroke)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from interview.catalog import Catalog

T = TypeVar("T")


class PerCatalog(Generic[T]):
    def __init__(self, build: Callable[[Catalog], T]) -> None:
        self._build = build
        self._cached: tuple[Catalog, T] | None = None

    def get(self, catalog: Catalog | None = None) -> T:
        if catalog is None:
            from interview.catalog import load_catalog

            catalog = load_catalog()
        cached = self._cached
        if cached is not None and cached[0] is catalog:
            return cached[1]
        value = self._build(catalog)
        self._cached = (catalog, value)
        return value
