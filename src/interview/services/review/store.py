"""Review workspaces on disk: ``<sessions-dir>/reviews/<id>.review.toml``.

Saved with the session machinery: a sidecar lock (``<file>.lock``) held for the whole
read-modify-write, an atomic replace with a ``.bak`` of the previous version, mode 0600.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import tomli_w

from interview.engine.answers import now
from interview.errors import UserError
from interview.services.review.models import Review
from interview.session.atomic import atomic_write, ensure_dir
from interview.session.ids import validate_id
from interview.session.lock import LockBusyError, SessionLock, UnsafeLockError
from interview.tomlio import load_model

REVIEWS_DIR = "reviews"
SUFFIX = ".review.toml"


class ReviewError(UserError):
    """A review workspace problem, in plain Japanese."""


def _drop_none(value: Any) -> Any:
    """tomli-w cannot write None: leave such keys out."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def dumps(review: Review) -> str:
    data = _drop_none(review.model_dump(mode="python"))
    return tomli_w.dumps(data, multiline_strings=True)


class ReviewStore:
    def __init__(self, sessions_dir: Path | str) -> None:
        self.directory = Path(sessions_dir) / REVIEWS_DIR

    def path_for(self, review_id: str) -> Path:
        return self.directory / f"{review_id}{SUFFIX}"

    def resolve(self, reference: str) -> Path:
        """An id, or a path to a ``.review.toml`` file."""
        if reference.endswith(SUFFIX) or "/" in reference:
            if Path(reference).is_dir():
                raise ReviewError(
                    f"{reference} はフォルダです。レビューIDか、レビューのファイル"
                    f"（…{SUFFIX}）を指定してください。"
                )
            return Path(reference)
        try:
            validate_id(reference)
        except UserError:
            raise ReviewError(f"レビューIDが正しくありません: {reference!r}") from None
        return self.path_for(reference)

    def archive_dir(self, review: Review) -> Path:
        """Private copies of the workbooks added (``<id>.files/<sha256>.xlsx``)."""
        return self.directory / f"{review.id}.files"

    def exists(self, review_id: str) -> bool:
        return self.path_for(review_id).exists()

    def ids(self) -> list[str]:
        if not self.directory.is_dir():
            return []
        return sorted(p.name[: -len(SUFFIX)] for p in self.directory.glob(f"*{SUFFIX}"))

    def load(self, reference: str) -> Review:
        path = self.resolve(reference)
        if not path.exists():
            known = self.ids()
            hint = f"（あるレビュー: {'、'.join(known)}）" if known else ""
            raise ReviewError(
                f"レビュー「{reference}」が見つかりません{hint}。"
                "interview review new --bank 金融機関名 で作成してください。"
            )
        return load_model(Review, path)

    def create(self, review: Review) -> Path:
        path = self.path_for(review.id)
        ensure_dir(self.directory)
        with self._locked(path):
            if path.exists():
                raise ReviewError(
                    f"レビュー「{review.id}」は既にあります。別のIDを --id で指定してください。"
                )
            self._write(review, path)
        return path

    @contextlib.contextmanager
    def edit(self, reference: str) -> Iterator[Review]:
        """Load under the lock, let the caller change it, save atomically if no error."""
        path = self.resolve(reference)
        with self._locked(path):
            review = self.load(reference)
            yield review
            review.updated_at = now()
            self._write(review, path)

    def save(self, review: Review, path: Path) -> None:
        """Save *review* (the caller holds the lock, e.g. the TUI)."""
        review.updated_at = now()
        self._write(review, path)

    @contextlib.contextmanager
    def _locked(self, path: Path) -> Iterator[SessionLock]:
        if path.parent != self.directory or not path.parent.is_dir():
            ensure_dir(path.parent)
        lock = SessionLock(path)
        try:
            lock.acquire()
        except LockBusyError as exc:
            raise ReviewError(
                f"レビュー {path.name} は別のアプリで使用中です（{exc}）。"
                "そちらを閉じてから、もう一度実行してください。"
            ) from None
        except UnsafeLockError as exc:
            raise ReviewError(
                f"レビューのロックファイル（{exc.path}）が通常のファイルではないため、"
                "使いません。取り除いてから、もう一度実行してください。"
            ) from None
        try:
            yield lock
        finally:
            lock.release()

    @staticmethod
    def _write(review: Review, path: Path) -> None:
        text = dumps(review)

        def check(raw: bytes) -> None:
            Review.model_validate(tomllib.loads(raw.decode("utf-8")))

        atomic_write(path, text.encode("utf-8"), check=check)
