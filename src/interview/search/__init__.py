"""Japanese-aware fuzzy search over the glossary and the checklist.

Public API (used by the TUI on every keystroke and by ``interview glossary``):

* :func:`search_glossary` → list of :class:`GlossaryHit` (the ``GlossaryTerm``, a
  0–100 score, which field matched);
* :func:`search_checklist` → list of :class:`ItemHit` (通番, score, field, snippet);
* :func:`suggest_glossary` / :func:`suggest_checklist` → what a query that found
  nothing may have meant ("did you mean");
* :class:`ChecklistIndex` / :class:`GlossaryIndex` → the indexes themselves, for a
  caller that holds its own (a tailored session's checklist);
* :func:`normalize` → the folding both sides go through.

Search ranks by meaning (see ``docs/search.md``): a query is reduced to its content
words, paraphrased with ``synonyms.toml`` and ranked with BM25; below a threshold
nothing is returned rather than something unrelated.

Importing this package is cheap: the catalog and rapidfuzz are loaded, and the
indexes built, on the first search.
"""

from interview.search.checklist import (
    ChecklistIndex,
    ItemHit,
    checklist_index,
    search_checklist,
    suggest_checklist,
)
from interview.search.glossary import (
    GlossaryHit,
    GlossaryIndex,
    glossary_index,
    search_glossary,
    suggest_glossary,
)
from interview.search.normalize import normalize

__all__ = [
    "ChecklistIndex",
    "GlossaryHit",
    "GlossaryIndex",
    "ItemHit",
    "checklist_index",
    "glossary_index",
    "normalize",
    "search_checklist",
    "search_glossary",
    "suggest_checklist",
    "suggest_glossary",
]
