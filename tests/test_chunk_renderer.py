"""Chunks kept between saves (session.toml_format.ChunkRenderer) are always the chunks a
fresh render gives: after answers added, replaced, changed in place or removed, texts
confirmed, and a time written in another offset."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

from interview.catalog import Party
from interview.engine.answers import Answer, Status
from interview.session.models import ItemText, ItemTexts, Respondent, Session
from interview.session.toml_format import ChunkRenderer, render_chunks

START = datetime(2026, 4, 6, 10, 0, tzinfo=UTC)


def _session() -> Session:
    return Session(
        id="s",
        catalog_edition="2019-09",
        respondent=Respondent(organisation="株式会社サンプル", party=Party.API_CONNECTOR),
    )


def _same(session: Session, kept: ChunkRenderer) -> None:
    assert render_chunks(session, kept) == render_chunks(session)


def test_kept_chunks_equal_fresh_chunks() -> None:
    rng = random.Random(5)
    session = _session()
    kept = ChunkRenderer()
    ids = [f"{item}.{n}.{k}" for item in range(1, 8) for n in (1, 2) for k in (1, 2)]
    ids += [f"{item}.{s}" for item in range(1, 8) for s in ("other", "issues", "remarks")]
    for step in range(300):
        qid = rng.choice(ids)
        roll = rng.random()
        answer = session.answers.get(qid)
        if roll < 0.4 or answer is None:
            session.answers[qid] = Answer(
                status=rng.choice(list(Status)),
                detail=rng.choice(["", "規程あり", 'a"b\\c\n改行']),
                updated_at=START + timedelta(minutes=step),
            )
        elif roll < 0.55:
            answer.detail += "追記"  # changed in place
        elif roll < 0.65:
            answer.checks = (*answer.checks, "ISMS")
        elif roll < 0.7:
            # the same instant written in another offset is another text
            answer.updated_at = answer.updated_at.astimezone(timezone(timedelta(hours=9)))
        elif roll < 0.8:
            session.answers.pop(qid)
        elif roll < 0.9:
            item = qid.split(".", 1)[0]
            text = ItemText(draft="下書き", text=f"確定{step}", state="confirmed")
            session.texts[item] = ItemTexts(status=text)
        else:
            item = qid.split(".", 1)[0]
            texts = session.texts.get(item)
            if texts is not None:
                texts.status.text += "編集"  # edited in place
            else:
                session.answers[qid] = answer.model_copy(update={"skipped": True})
        _same(session, kept)


def test_an_unchanged_item_is_not_rendered_again() -> None:
    session = _session()
    for qid in ("1.1.1", "2.1.1"):
        session.answers[qid] = Answer(status=Status.DONE, detail="あり", updated_at=START)
    kept = ChunkRenderer()
    first = render_chunks(session, kept)
    session.answers["2.1.1"] = Answer(status=Status.PARTIAL, detail="一部", updated_at=START)
    second = render_chunks(session, kept)
    assert second[1] is first[1]  # item 1: the kept chunk itself
    assert second[2] != first[2] and "partial" in second[2]
