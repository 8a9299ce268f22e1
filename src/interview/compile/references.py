"""The 関連規定 and 関連規定箇所 columns, lined up source by source."""

from __future__ import annotations

from interview.catalog.models import References


def reference_columns(references: References) -> tuple[str, str]:
    """Return (関連規定, 関連規定箇所).

    Each source title is followed by blank lines so that it sits level with the
    first of its locations in the neighbouring cell.
    """
    sources: list[str] = []
    locations: list[str] = []
    for section in references.sections:
        lines = list(section.lines) or [""]
        sources.append(section.title)
        sources.extend([""] * (len(lines) - 1))
        locations.extend(lines)
    return "\n".join(sources).rstrip("\n"), "\n".join(locations)
