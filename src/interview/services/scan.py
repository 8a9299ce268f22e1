"""Scanning a session for secrets before the workbook leaves (``interview scan``).

Every free text of the session is scanned with :func:`interview.secrets.find_secrets`:
answers (回答・担当・期限), suggested answers, follow-up notes and the item texts (本文 and
下書き). With ``mask`` what was found becomes 「［マスク済み: …］」 and the session is
saved (locked, with a ``.bak`` backup, written atomically); a session given as a
``.toml`` path is saved through a store on its folder, so its name must be a valid id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from interview.engine.answers import Answer
from interview.errors import UserError
from interview.secrets import find_secrets, mask_secrets
from interview.services.sessions import load_reference
from interview.session.ids import is_valid_id, validate_id
from interview.session.models import Session
from interview.session.store import SessionHandle, SessionStore
from interview.session.toml_format import question_key

FieldName = Literal["detail", "owner", "due", "follow_up", "text", "draft"]
Section = Literal["answers", "suggestions", "follow_ups", "texts"]


@dataclass(frozen=True)
class Finding:
    """One secret-looking string and where it is (the secret itself is not kept)."""

    section: Section
    key: str  # question id, or item number for texts
    part: str  # texts only: status / issues / plan / remarks
    field: FieldName
    where: str  # the same place in Japanese
    kind: str
    label: str
    preview: str
    start: int
    end: int


@dataclass(frozen=True)
class ScanResult:
    session: Session
    findings: list[Finding]
    masked: bool  # the findings were masked and the session saved
    backup_note: str = ""  # what happened to the backup and copies set aside (Japanese)


_ANSWER_FIELDS: dict[FieldName, str] = {"detail": "回答", "owner": "担当", "due": "期限"}
_TEXT_NAMES = {
    "status": "現在の対応状況",
    "issues": "課題認識",
    "plan": "課題への対応計画",
    "remarks": "備考",
}
_TEXT_VERSIONS: dict[FieldName, str] = {"text": "本文", "draft": "下書き"}


def _places(session: Session) -> Iterator[tuple[Section, str, str, FieldName, str, str]]:
    """(section, key, part, field, where, text) for every free text in *session*."""
    for qid in sorted(session.answers, key=question_key):
        answer = session.answers[qid]
        for field, name in _ANSWER_FIELDS.items():
            yield "answers", qid, "", field, f"{qid} {name}", getattr(answer, field)
    for qid in sorted(session.suggestions, key=question_key):
        answer = session.suggestions[qid]
        for field, name in _ANSWER_FIELDS.items():
            yield "suggestions", qid, "", field, f"{qid} 前回・流用の{name}", getattr(answer, field)
    for qid in sorted(session.follow_ups, key=question_key):
        yield "follow_ups", qid, "", "follow_up", f"{qid} 要確認メモ", session.follow_ups[qid]
    for item in sorted(session.texts, key=question_key):
        texts = session.texts[item]
        for part, part_name in _TEXT_NAMES.items():
            item_text = getattr(texts, part)
            for field, version in _TEXT_VERSIONS.items():
                where = f"通番{item} {part_name}（{version}）"
                yield "texts", item, part, field, where, getattr(item_text, field)


def scan_session(session: Session) -> list[Finding]:
    """Every secret-looking string in *session*'s free texts, in file order."""
    found: list[Finding] = []
    for section, key, part, field, where, text in _places(session):
        for f in find_secrets(text) if text else ():
            found.append(
                Finding(
                    section=section,
                    key=key,
                    part=part,
                    field=field,
                    where=where,
                    kind=f.kind,
                    label=f.label,
                    preview=f.preview,
                    start=f.start,
                    end=f.end,
                )
            )
    return found


def mask_session(session: Session) -> Session:
    """A copy of *session* with every secret in its free texts masked."""

    def masked_answers(answers: dict[str, Answer]) -> dict[str, Answer]:
        out = {}
        for qid, answer in answers.items():
            update: dict[str, str] = {f: mask_secrets(getattr(answer, f)) for f in _ANSWER_FIELDS}
            out[qid] = answer.model_copy(update=update)
        return out

    texts = {}
    for item, item_texts in session.texts.items():
        parts = {}
        for part in _TEXT_NAMES:
            t = getattr(item_texts, part)
            parts[part] = t.model_copy(
                update={"text": mask_secrets(t.text), "draft": mask_secrets(t.draft)}
            )
        texts[item] = item_texts.model_copy(update=parts)
    return session.model_copy(
        update={
            "answers": masked_answers(session.answers),
            "suggestions": masked_answers(session.suggestions),
            "follow_ups": {q: mask_secrets(v) for q, v in session.follow_ups.items()},
            "texts": texts,
        }
    )


def _open_for_masking(sessions_dir: Path, reference: str) -> SessionHandle:
    path = Path(reference)
    if path.suffix == ".toml" or path.is_file():
        if not path.is_file():
            raise UserError(f"セッションファイルが見つかりません: {path}")
        if path.suffix != ".toml" or not is_valid_id(path.stem):
            raise UserError(
                f"このファイルは --mask で書き換えられません（{path.name}）。"
                "ファイル名（.toml を除いた部分）がセッションIDとして使える名前にしてください。"
            )
        return SessionStore(path.parent).open(path.stem)
    return SessionStore(sessions_dir).open(validate_id(reference))


def scan(sessions_dir: Path, reference: str, *, mask: bool = False) -> ScanResult:
    """Scan a session (id or ``.toml`` path); with *mask*, mask and save what was found."""
    if mask:
        handle = _open_for_masking(sessions_dir, reference)
        backup_note = ""
        try:
            session = handle.session
            findings = scan_session(session)
            if findings:
                handle.save(mask_session(session))
                backup_note = mask_backup(handle.path)
                for kept in handle.set_aside:  # changed by hand while scanning
                    backup_note += (
                        f"\n読み込んだ後にファイルが書き換えられていたため、その版を {kept.name} に"
                        "残しました（伏せ字にしていません。確認して不要なら削除してください）。"
                    )
        finally:
            handle.close()
        return ScanResult(session, findings, bool(findings), backup_note)
    session = load_reference(SessionStore(sessions_dir), reference)
    return ScanResult(session, scan_session(session), False)


def mask_backup(path: Path) -> str:
    """Mask the secrets in ``<path>.bak`` too (it holds the version before masking).

    An unreadable backup is removed rather than left with secrets in it. Copies set aside
    earlier (``.edited-…``, ``.broken-…``, ``.replaced-…``) are named for the user to check.
    """
    from interview.session.atomic import atomic_write, backup_path
    from interview.session.toml_format import dump_bytes, load_bytes

    bak = backup_path(path)
    note = ""
    if bak.exists() and not bak.is_symlink():
        try:
            masked = mask_session(load_bytes(bak.read_bytes(), bak))
            atomic_write(bak, dump_bytes(masked), keep_backup=False)
            note = f"バックアップ（{bak.name}）も伏せ字にしました。"
        except (UserError, OSError):
            bak.unlink(missing_ok=True)
            note = (
                f"読めないバックアップ（{bak.name}）は秘密情報が残るおそれがあるため削除しました。"
            )
    prefix = f"{path.name}."
    others = sorted(
        p.name
        for p in path.parent.iterdir()
        if p.name.startswith(prefix)
        and p.name[len(prefix) :].split("-")[0] in ("edited", "broken", "replaced")
    )
    if others:
        note += (
            "\n次の控えのファイルには伏せ字にする前の内容が残っている可能性があります。"
            f"不要なら削除してください: {'、'.join(others)}"
        )
    return note
