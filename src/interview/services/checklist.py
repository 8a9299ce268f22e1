"""The checklist one session is answered on: catalog, question banks and search indexes.

A session with a profile is answered on a *tailored* checklist (items excluded or
added). :func:`checklist_for` builds that once per session; the screens are handed the
:class:`Checklist` and never reach for the shipped catalog or a global search, so a
search in a tailored session offers exactly the items that session has.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from interview.catalog import Catalog, Item, Party
from interview.catalog.models import GlossaryTerm
from interview.questions.bank import QuestionSet
from interview.session.models import Session
from interview.session.summary import question_ids_by_party
from interview.session.tailoring import tailored_checklist

if TYPE_CHECKING:  # the search modules load on first search (rapidfuzz is not light)
    from interview.search.checklist import ChecklistIndex, ItemHit
    from interview.search.glossary import GlossaryHit, GlossaryIndex


@dataclass(eq=False)
class Checklist:
    """Everything a session is answered on, built once and handed to every screen."""

    catalog: Catalog
    questions: QuestionSet
    profile_name: str = ""
    _glossary_from: Checklist | None = field(default=None, repr=False)
    """A checklist whose glossary index this one shares (same terms)."""

    @property
    def edition_id(self) -> str:
        return self.catalog.edition.id

    @property
    def tailored(self) -> bool:
        return bool(self.profile_name)

    def item(self, item_no: int) -> Item:
        return self.catalog.item(item_no)

    def items_for(self, party: Party) -> list[Item]:
        return list(self.catalog.items_for(party))

    def has_item(self, item_no: int) -> bool:
        return any(item.no == item_no for item in self.catalog.items)

    # --- search --------------------------------------------------------------------------

    @cached_property
    def glossary_index(self) -> GlossaryIndex:
        if self._glossary_from is not None:
            return self._glossary_from.glossary_index
        from interview.search.glossary import glossary_index

        return glossary_index(self.catalog)  # the search module's per-catalog cache

    @cached_property
    def item_index(self) -> ChecklistIndex:
        from interview.search.checklist import checklist_index

        return checklist_index(self.catalog, self.questions)  # built once per checklist

    def search(self, query: str, *, party: Party | None = None, limit: int = 15) -> list[ItemHit]:
        """This checklist's items for *query* (only *party*'s items when given).

        A query naming an item by its number (``8``, ``通番8``, ``追加1``) gives that item
        first, when this checklist has it.
        """
        hits = self.item_index.search(query, limit, party)
        named = self.item_named(query, party)
        if named is None:
            return hits
        from interview.search.checklist import ItemHit

        first = ItemHit(named.no, 100.0, "goal", "")
        return [first, *(h for h in hits if h.item != named.no)][:limit]

    def item_named(self, query: str, party: Party | None = None) -> Item | None:
        """The item *query* names by its number, if any (within *party*'s items)."""
        return named_item(self.catalog, query, party)

    def search_glossary(self, query: str, *, limit: int = 12) -> list[GlossaryHit]:
        return self.glossary_index.search(query, limit)

    def term(self, name: str) -> GlossaryTerm | None:
        return next((t for t in self.catalog.glossary if t.term == name), None)

    @cached_property
    def progress_ids(self) -> dict[Party, frozenset[str]]:
        """The question ids progress is counted over, per party."""
        return question_ids_by_party(self.catalog, self.questions)


def shipped_catalog() -> Catalog:
    """The guide's catalog as shipped (reference listings that need no question banks)."""
    from interview.catalog import load_catalog

    return load_catalog()


def search_terms(query: str, limit: int = 10) -> list[GlossaryHit]:
    """The shipped glossary for *query* (``interview glossary``; no session involved)."""
    from interview.search.glossary import search_glossary

    return search_glossary(query, limit)


def named_item(catalog: Catalog, query: str, party: Party | None = None) -> Item | None:
    """The item *query* names by its number (``8``, ``通番8``, ``追加1``), if any."""
    text = unicodedata.normalize("NFKC", query).strip().casefold()
    for prefix in ("通番", "no.", "no", "#"):
        text = text.removeprefix(prefix).strip()
    if not text:
        return None
    items = catalog.items if party is None else catalog.items_for(party)
    return next((i for i in items if text in (str(i.no), i.display_no.casefold())), None)


@lru_cache(maxsize=1)
def plain_checklist() -> Checklist:
    """The shipped checklist (no profile)."""
    catalog, questions = tailored_checklist("")
    return Checklist(catalog, questions)


def checklist_for(session: Session) -> Checklist:
    """The checklist *session* is answered on: tailored when it carries a profile."""
    return _tailored(session.profile_name, session.profile_text)


@lru_cache(maxsize=8)
def _tailored(profile_name: str, profile_text: str) -> Checklist:
    if not profile_text:
        return plain_checklist()
    plain = plain_checklist()
    catalog, questions = tailored_checklist(profile_text)
    shares = plain if catalog.glossary is plain.catalog.glossary else None
    return Checklist(catalog, questions, profile_name, _glossary_from=shares)
