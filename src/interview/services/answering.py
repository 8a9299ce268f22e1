"""Answering one question: read the reply, check it for secrets, record it.

Both the chat screen and scripted use go through :func:`read_reply` and
:func:`secret_findings` before :meth:`LiveSession.answer`, so the same rules hold
whichever front end took the key presses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from interview.disclosure import NetworkFinding, find_network_details, mask_network_details
from interview.engine.answers import Answer
from interview.engine.reply import parse_status_reply
from interview.questions.bank import Question
from interview.questions.models import QuestionKind
from interview.secrets import SecretFinding, find_secrets, mask_secrets
from interview.services.live import LiveSession

SECRET_FIELDS = ("detail", "due", "owner")

Finding = SecretFinding | NetworkFinding  # the same warning, the same choices


@dataclass(frozen=True)
class NeedsStatus:
    """A reply to a 手法例 question that gives no status: ask for it, keep the text."""

    text: str


@dataclass(frozen=True)
class SecretsFound:
    """The answer holds what looks like a secret: the person decides (mask, keep, back)."""

    answer: Answer
    findings: list[Finding]


def check_reply(
    question: Question, answer: Answer, text: str
) -> Answer | NeedsStatus | SecretsFound:
    """The whole check before an answer is recorded: status, then secrets.

    Returns the answer to record, or what must be asked first.
    """
    result = read_reply(question, answer, text)
    if isinstance(result, NeedsStatus):
        return result
    findings = secret_findings(result)
    if findings:
        return SecretsFound(result, findings)
    return result


def read_reply(question: Question, answer: Answer, text: str) -> Answer | NeedsStatus:
    """The answer to record for *question*, from the picked fields and the typed *text*.

    For a 手法例 question a status typed as words (「はい、…」) wins over a picked one;
    with neither, the caller must ask for the status (:class:`NeedsStatus`).
    """
    if question.kind is not QuestionKind.EXAMPLE:
        return answer
    parsed = parse_status_reply(text)
    if answer.status is None and parsed.status is None:
        return NeedsStatus(text)
    if parsed.status is not None:  # typed words are the latest intent
        return answer.model_copy(update={"status": parsed.status, "detail": parsed.detail})
    return answer


def _findings(text: str) -> list[Finding]:
    # Secrets, and network details (IP addresses, host names) the banks need not see:
    # the same warning, the same choices (mask, keep, back).
    return [*find_secrets(text), *find_network_details(text)]


def secret_findings(answer: Answer) -> list[Finding]:
    """Passwords, keys, card numbers, IP addresses, host names… in the fields a person types."""
    return _findings("\n".join(getattr(answer, f) for f in SECRET_FIELDS))


def secret_findings_in(texts: Iterable[str]) -> list[Finding]:
    """Secrets in free texts about to be saved (group answers, closing texts)."""
    return _findings("\n".join(texts))


def mask_text(text: str) -> str:
    return mask_network_details(mask_secrets(text))


def masked(answer: Answer) -> Answer:
    """*answer* with every secret (and network detail) replaced by a placeholder."""
    return answer.model_copy(update={f: mask_text(getattr(answer, f)) for f in SECRET_FIELDS})


def answer_text(
    live: LiveSession,
    question: Question,
    text: str,
    answer: Answer | None = None,
    *,
    secrets: Literal["refuse", "mask", "keep"] = "refuse",
) -> Answer | NeedsStatus | SecretsFound:
    """Record a typed reply to *question* (scripted use of the chat's answer path).

    A reply holding a secret is not recorded unless *secrets* says to mask or keep it.
    """
    result = check_reply(question, answer or Answer(detail=text.strip()), text)
    if isinstance(result, NeedsStatus):
        return result
    if isinstance(result, SecretsFound):
        if secrets == "refuse":
            return result
        result = masked(result.answer) if secrets == "mask" else result.answer
    live.answer(result, question.id)
    return live.session.answers[question.id]
