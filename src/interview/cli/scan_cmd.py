"""``interview scan SESSION [--mask] [--json]``: look for secrets before the workbook leaves.

Every free text of the session is scanned with :func:`interview.secrets.find_secrets`:
answers (回答・担当・期限), suggested answers, follow-up notes and the item texts (本文 and
下書き). ``--mask`` replaces what was found with 「［マスク済み: …］」 and saves the session.

A session given as a ``.toml`` path is saved through a store on its folder (locked, with a
``.bak`` backup, written atomically), so the file name must be a valid session id.

Exit status: 0 when nothing is found (or everything was masked), 3 when secrets remain.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from interview.errors import UserError
from interview.textsafety import json_safe

if TYPE_CHECKING:
    from interview.cli.scan_json import FieldName, FindingOut
    from interview.session.models import Session
    from interview.session.store import SessionHandle

FOUND_EXIT = 3


_ANSWER_FIELDS: dict[FieldName, str] = {"detail": "回答", "owner": "担当", "due": "期限"}
_TEXT_NAMES = {
    "status": "現在の対応状況",
    "issues": "課題認識",
    "plan": "課題への対応計画",
    "remarks": "備考",
}
_TEXT_VERSIONS: dict[FieldName, str] = {"text": "本文", "draft": "下書き"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "scan",
        help="回答にパスワード・APIキー・カード番号などが含まれていないか調べます",
        description=(
            "回答と項目の文章から、パスワード・APIキー・トークン・秘密鍵・カード番号らしき"
            "記述を探します。見つからなければ終了コード0、見つかれば3（--mask で伏せ字に"
            "した場合は0）です。"
        ),
    )
    parser.add_argument(
        "session", metavar="SESSION", help="セッションID、またはセッションファイル（.toml）"
    )
    parser.add_argument(
        "--mask",
        action="store_true",
        help="見つかった箇所を「［マスク済み: …］」に置き換えて保存します",
    )
    parser.add_argument("--json", action="store_true", help="JSONで出力します")
    parser.set_defaults(handler=run)


# --- scanning ------------------------------------------------------------------------------


def _places(session: Session) -> Iterator[tuple[str, str, str, FieldName, str, str]]:
    """(section, key, part, field, where, text) for every free text in *session*."""
    from interview.session.toml_format import question_key

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


def scan_session(session: Session) -> list[FindingOut]:
    from interview.cli.scan_json import FindingOut
    from interview.secrets import find_secrets

    found: list[FindingOut] = []
    for section, key, part, field, where, text in _places(session):
        for f in find_secrets(text) if text else ():
            found.append(
                FindingOut(
                    section=section,  # type: ignore[arg-type]
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
    from interview.secrets import mask_secrets

    def masked_answers(answers: dict) -> dict:  # type: ignore[type-arg]
        out = {}
        for qid, answer in answers.items():
            update = {f: mask_secrets(getattr(answer, f)) for f in _ANSWER_FIELDS}
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


# --- the command ---------------------------------------------------------------------------


def _open_for_masking(sessions_dir: Path, reference: str) -> SessionHandle:
    from interview.session.ids import is_valid_id
    from interview.session.store import SessionStore

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
    from interview.session.ids import validate_id

    return SessionStore(sessions_dir).open(validate_id(reference))


def _print_text(session_id: str, findings: list[FindingOut], masked: bool) -> None:
    from interview.textsafe import printable

    name = printable(session_id)
    if not findings:
        print(f"セッション「{name}」に秘密情報らしき記述は見つかりませんでした。")
        return
    print(f"セッション「{name}」で秘密情報らしき記述が {len(findings)}件 見つかりました。")
    for f in findings:
        print(f"  {printable(f.where)}: {f.label}  {printable(f.preview)}")
    if masked:
        print("見つかった箇所を「［マスク済み: …］」に置き換えて保存しました。")
    else:
        print(
            "ブックを相手先に渡す前に、該当箇所を修正するか、"
            f"interview scan {name} --mask で伏せ字にしてください。"
        )


def run(args: argparse.Namespace) -> int:
    from interview.cli.scan_json import ScanReport
    from interview.cli.workbook_cmd import load_session
    from interview.session.store import SessionStore

    backup_note = ""
    if args.mask:
        handle = _open_for_masking(Path(args.sessions_dir), args.session)
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
    else:
        session = load_session(SessionStore(args.sessions_dir), args.session)
        findings = scan_session(session)

    masked = bool(args.mask and findings)
    # The status is decided before printing: a closed pipe (``| head -1``) must not hide it.
    args.exit_status = FOUND_EXIT if findings and not args.mask else 0
    if args.json:
        report = ScanReport(session=session.id, masked=masked, findings=findings)
        text = json.dumps(report.model_dump(), ensure_ascii=False, indent=2)
        print(json_safe(text))
    else:
        _print_text(session.id, findings, masked)
        if backup_note:
            print(backup_note)
    return int(args.exit_status)


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
