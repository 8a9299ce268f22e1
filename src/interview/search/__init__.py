"""Japanese-aware fuzzy search over the glossary and the checklist.

Public API (used by the TUI on every keystroke and by ``interview glossary``):

* :func:`search_glossary` → list of :class:`GlossaryHit` (the ``GlossaryTerm``, a
  0–100 score, which field matched);
* :func:`search_checklist` → list of :class:`ItemHit` (通番, score, field, snippet);
* :func:`normalize` → the folding both sides go through.

Importing this package is cheap: the catalog and rapidfuzz are loaded, and the
indexes built, on the first search.
"""

from interview.search.checklist import ItemHit, search_checklist
from interview.search.glossary import GlossaryHit, search_glossary
from interview.search.normalize import normalize

__all__ = ["GlossaryHit", "ItemHit", "normalize", "search_checklist", "search_glossary"]
