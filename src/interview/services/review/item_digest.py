"""What the review walk shows of one archived workbook, kept beside it as JSON.

Reading a connector's .xlsx again (about 40 ms) was most of the time it took to open a
connector in the review TUI. ``review add`` already reads the workbook, so it also writes
``<sha256>.view.json`` next to the private copy: the connector's texts per item and the
回答詳細 rows. The walk reads that digest; a missing, stale (other sha256 or format) or
broken digest is ignored and the workbook is read as before. The workbook stays the
source: the digest holds nothing that is not in it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from pathlib import Path

from interview.services.review.models import SubmittedRow
from interview.session.atomic import atomic_write
from interview.workbook.model import DetailRow

DIGEST_VERSION = 1
_DETAIL_FIELDS = tuple(f.name for f in dataclasses.fields(DetailRow))


def digest_path(archive: Path) -> Path:
    return archive.with_name(archive.stem + ".view.json")


def write_digest(
    archive: Path, sha256: str, rows: dict[str, SubmittedRow], details: list[DetailRow]
) -> None:
    """Write the digest of *archive* (atomic; a failure only costs speed later)."""
    payload = {
        "version": DIGEST_VERSION,
        "sha256": sha256,
        "rows": {no: row.model_dump() for no, row in rows.items()},
        "details": [[getattr(d, f) for f in _DETAIL_FIELDS] for d in details],
    }
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):
        atomic_write(digest_path(archive), data, keep_backup=False)


def read_digest(
    archive: Path, sha256: str
) -> tuple[dict[str, SubmittedRow], list[DetailRow]] | None:
    """The digest of *archive* if it is there and made from this very file, else None."""
    try:
        payload = json.loads(digest_path(archive).read_bytes())
        if payload.get("version") != DIGEST_VERSION or payload.get("sha256") != sha256:
            return None
        rows = {str(no): SubmittedRow(**row) for no, row in payload["rows"].items()}
        details = [DetailRow(*(str(v) for v in values)) for values in payload["details"]]
        if any(len(values) != len(_DETAIL_FIELDS) for values in payload["details"]):
            return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return rows, details
