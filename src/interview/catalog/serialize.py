"""The catalog as plain data: the public JSON contract of ``interview catalog --json``."""

from __future__ import annotations

from typing import Any

from interview.catalog.models import Catalog, Item, Note, Party


def note_to_dict(note: Note) -> dict[str, Any]:
    return {
        "no": note.no,
        "label": note.label,
        "intro": note.intro,
        "points": [
            {
                "label": p.label,
                "text": p.text,
                "subpoints": [
                    {"label": s.label, "text": s.text, "bullets": list(s.bullets)}
                    for s in p.subpoints
                ],
            }
            for p in note.points
        ],
        "outro": list(note.outro),
    }


def item_to_dict(item: Item) -> dict[str, Any]:
    return {
        "no": item.no,
        "category": item.category,
        "party": item.party.value,
        "party_label": item.party.label,
        "goal": item.goal,
        "description": item.description,
        "method_groups": [
            {
                "heading": g.heading,
                "examples": [
                    {"id": e.id, "text": e.text, "notes": list(e.notes)} for e in g.examples
                ],
            }
            for g in item.method_groups
        ],
        "notes": [note_to_dict(n) for n in item.notes],
        "references": {
            "zenginkyo": list(item.references.zenginkyo),
            "fisc": list(item.references.fisc),
            "text": item.references.text,
        },
    }


def catalog_to_dict(catalog: Catalog, party: Party | None = None) -> dict[str, Any]:
    items = catalog.items_for(party)
    return {
        "edition": catalog.edition.model_dump(),
        "categories": [
            {
                "no": c.no,
                "name": c.name,
                "purpose": c.purpose,
                "items": [i.no for i in items if i.category == c.no],
            }
            for c in catalog.categories
        ],
        "items": [item_to_dict(i) for i in items],
        "glossary": [
            {
                "term": t.term,
                "pages": list(t.pages),
                "description": t.description,
                "yomi": t.yomi,
                "aliases": list(t.aliases),
            }
            for t in catalog.glossary
        ],
    }
