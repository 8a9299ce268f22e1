"""Find and mask secrets in answer text: passwords, API keys, tokens, private keys, card numbers.

The exported workbook goes to another company, so an answer that looks like a credential
gets a warning before it is saved. Detection is pattern based and deliberately cheap
(every pattern is linear in the text; a 100 KB paste takes a few milliseconds):

- well-known key formats (AWS, GitHub, Slack, Stripe, Google, GitLab, OpenAI, npm, JWT …);
- ``-----BEGIN … PRIVATE KEY-----`` blocks, also when cut short;
- a label (パスワード, password, APIキー, client_secret, アクセストークン …) followed by
  ``:`` ``：`` ``=`` or ``は`` and a value that looks like a credential (no spaces, mixed
  characters), so that policy sentences such as 「パスワードは12文字以上」 are left alone;
- card numbers: 13–19 digits, plain or in the usual groups, a card brand's first digits,
  and a passing Luhn check (dates, phone numbers, 郵便番号, versions, IP addresses and
  Luhn-failing numbers are not flagged).

Only the value is covered by a finding, so :func:`mask_secrets` keeps 「パスワード：」 and
the sentence still reads.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

SecretKind = Literal["password", "api_key", "token", "private_key", "card_number"]

LABELS: dict[SecretKind, str] = {
    "password": "パスワード",
    "api_key": "APIキー",
    "token": "トークン",
    "private_key": "秘密鍵",
    "card_number": "カード番号",
}

# When two findings start at the same place, the more specific one wins.
_RANK: dict[str, int] = {"format": 0, "label": 1, "card": 2}


@dataclass(frozen=True)
class SecretFinding:
    kind: SecretKind
    label: str
    start: int
    end: int
    preview: str


def placeholder(kind: SecretKind) -> str:
    """What :func:`mask_secrets` writes in place of a secret of *kind*."""
    return f"［マスク済み: {LABELS[kind]}］"


# --- previews --------------------------------------------------------------------------------


def _preview(kind: SecretKind, secret: str) -> str:
    """A hint at which secret was found that never shows the whole of it."""
    if kind == "card_number":
        digits = [c for c in secret if c.isdigit()]
        return f"末尾{''.join(digits[-4:])}（{len(digits)}桁）"
    if kind == "private_key":
        header = _KEY_HEADER.match(secret)
        name = header.group(0).strip("-").strip() if header else "PRIVATE KEY"
        return f"{name}…（{len(secret)}文字）"
    shown = min(4, len(secret) // 4) if len(secret) >= 8 else 0
    return f"{secret[:shown]}…（{len(secret)}文字）"


# --- value checks ----------------------------------------------------------------------------

_PLACEHOLDER_VALUE = re.compile(
    r"""^(?:
        \$\{?[A-Za-z_][A-Za-z0-9_]*\}?      # $VAR, ${VAR}
      | %[A-Za-z_][A-Za-z0-9_]*%            # %VAR%
      | \{\{.*\}\}                          # {{ template }}
      | <[^>]*>?                            # <your password>
      | (.)\1*                              # ******** or xxxxxxxx
      | (?:none|null|n/?a|tbd|todo|changeme|example|dummy|secret|password)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Algorithm and standard names that follow パスワード in policy sentences.
_TECH_TERM = re.compile(
    r"^(?:sha|aes|rsa|md5|hmac|pbkdf2|bcrypt|scrypt|argon2(?:id)?|tls|ssl|iso|nist|sp800|pci|"
    r"fido2?|totp|hotp|otp|ecdsa|ed25519|des|3des|jis|utf|ldap|saml|oauth|oidc|rfc|"
    # password managers and key stores named in answers ("パスワードは1Passwordで管理")
    r"1password|keepass(?:xc)?|lastpass|bitwarden|dashlane|vault|okta|kms|hsm|aws|azure|gcp)"
    r"[-_/ .]?[0-9a-z.\-]*$",
    re.IGNORECASE,
)
# "10-chars", "8-16", "12chars", "90days": lengths and periods, not passwords.
_POLICY_VALUE = re.compile(r"^\d+(?:[-~]\d+)?[-_]?(?:[a-z]+)?$", re.IGNORECASE)
_TRAILING = ".,;:)]}>"


def _classes(value: str) -> int:
    lower = upper = digit = other = False
    for ch in value:
        if "a" <= ch <= "z":
            lower = True
        elif "A" <= ch <= "Z":
            upper = True
        elif "0" <= ch <= "9":
            digit = True
        else:
            other = True
    return lower + upper + digit + other


def _not_a_value(value: str) -> bool:
    return bool(_PLACEHOLDER_VALUE.match(value)) or "://" in value


def _password_like(value: str, label: str) -> bool:
    if _not_a_value(value) or _TECH_TERM.match(value):
        return False
    if value.isdigit():
        # 暗証番号：1234 — a PIN; other labels want more than a bare number.
        pin_label = label in ("暗証番号", "pin") or label.startswith("pin")
        return pin_label and 4 <= len(value) <= 12
    if len(value) < 6 or _POLICY_VALUE.match(value):
        return False
    # Letters and at least one digit or symbol: "Secrets" (as in "Secrets Manager") is a word.
    has_letter = any(c.isalpha() for c in value)
    return has_letter and not value.isalpha() and _classes(value) >= 2


def _key_like(value: str, label: str = "") -> bool:
    if len(value) < 16 or _not_a_value(value):
        return False
    has_digit = any("0" <= c <= "9" for c in value)
    has_alpha = any(c.isalpha() for c in value)
    if has_digit and has_alpha:
        return not value.replace("-", "").replace(".", "").isdigit()
    return len(value) >= 24 and _classes(value) >= 2 and not value.isalpha()


# --- patterns --------------------------------------------------------------------------------

# Each well-known format: the substrings that must occur for it to be worth a regex pass
# (plain ``in`` tests are much faster than a regex scan), and the pattern. A match must not
# continue a longer word: that is checked on the character before it (a lookbehind at the
# start of a pattern would switch off the regex engine's fast prefix scan).
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_FORMATS: list[tuple[SecretKind, tuple[str, ...], re.Pattern[str]]] = [
    (  # AWS access key id
        "api_key",
        ("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "A3T"),
        re.compile(
            r"(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9_])"
        ),
    ),
    (
        "api_key",
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
        re.compile(r"gh[pousr]_[A-Za-z0-9]{30,255}(?![A-Za-z0-9_])"),
    ),
    ("api_key", ("github_pat_",), re.compile(r"github_pat_[A-Za-z0-9_]{22,255}")),
    ("api_key", ("glpat-",), re.compile(r"glpat-[A-Za-z0-9_\-]{20,64}")),
    ("api_key", ("xox",), re.compile(r"xox[abposre]-[A-Za-z0-9\-]{10,255}")),
    (
        "api_key",
        ("_live_", "_test_"),
        re.compile(r"[skrp]k_(?:live|test)_[A-Za-z0-9]{10,255}"),
    ),
    ("api_key", ("AIza",), re.compile(r"AIza[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_])")),
    ("api_key", ("sk-",), re.compile(r"sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{32,255}")),
    ("api_key", ("npm_",), re.compile(r"npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])")),
    ("api_key", ("SG.",), re.compile(r"SG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{16,64}")),
    (
        "token",
        ("hooks.slack.com",),
        re.compile(r"hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9/_\-]{20,255}"),
    ),
]
_NO_WORD_CHECK = frozenset({"hooks.slack.com"})
# JWT: "eyJ…" "." "eyJ…" "." signature (the signature may be missing: alg "none" or cut short).
_JWT_START = re.compile(r"eyJ")
_JWT_RUN = re.compile(r"[A-Za-z0-9_\-.]*")
_JWT_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

# Searched in the ASCII-lowered text.
_BEARER = re.compile(r"bearer[ \t]+(?P<value>[a-z0-9\-._~+/]{16,4096}=*)")
_URL_PASSWORD = re.compile(r"://[^\s:/@]{1,256}:(?P<value>[^\s:/@]{3,256})@")
_AWS_SECRET = re.compile(r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
# Azure storage / Service Bus connection strings: the key after AccountKey= and the like.
_AZURE_KEY = re.compile(
    r"(?:AccountKey|SharedAccessKey|SharedKey)\s*=\s*(?P<value>[A-Za-z0-9+/]{20,}={0,2})",
    re.IGNORECASE,
)
_ID_BEFORE = re.compile(r"(?:id|user(?:name)?|login|ユーザー?名?|アカウント)[ \t]*[/／・][ \t]*$")
# 「ID/PW: admin / secret」: the second value is the password.
_ID_PW = re.compile(
    r"(?:id|user(?:name)?|login|ユーザー?(?:id|名)?|ログインid|アカウント)[ \t]*[/／・][ \t]*"
    r"(?:pw|pwd|pass(?:word)?|パスワード|パス)[ \t]*(?:[:：=＝]|は)?[ \t]*"
    r"[\x21-\x2e\x30-\x7e]{1,64}?[ \t]*[/／][ \t]*(?P<value>[\x21-\x7e]{4,256})"
)

_KEY_HEADER = re.compile(r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-*")
_KEY_END = re.compile(r"-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----")
# Lines of base64 (or "Proc-Type: 4,ENCRYPTED" headers) after the BEGIN line.
_KEY_BODY = re.compile(
    r"(?:[ \t]+[A-Za-z0-9+/=]{16,})*"  # pasted on one line
    r"(?:[ \t]*\r?\n[ \t]*(?:[A-Za-z0-9+/=]+|[A-Z][A-Za-z\-]{2,30}:[^\n]{0,200})[ \t]*(?=[\r\n]|\Z))*"
)
_PUTTY_KEY = re.compile(r"PuTTY-User-Key-File-\d+:[^\n]{0,200}(?:\n[^\n]{0,200}){0,80}")

# A label, then ":" "：" "=" "は" (or a quote or space) and the value, searched in the
# lowered text. Each regex starts with a literal "core" word of the label (key, token,
# パスワード …) so that the regex engine can skip ahead fast; the words before the core
# (api_, client_, アクセス …) are then matched backwards from the core. English labels must
# not be part of a longer word ("bypass", "passwords"; "db_password" is fine).
_SEPARATOR = (
    r"""(?:["'`]?[ \t]*(?:[:：=＝]{1,2}|=>|\bis\b|は)[ \t\r\n]*["'`「『(（]?"""
    # 「パスワードを「…」に設定」「パスワード（…）」: a particle, then an opening quote
    r"""|[ \t]*(?:を|が|に|も|として)?[ \t]*[「『"'`(（]|[ \t]+)"""
)
_VALUE = r"(?P<value>[\x21\x23-\x26\x28-\x5f\x61-\x7e]{1,256})"
_SEP = r"[_\-. ]?"


@dataclass(frozen=True)
class _LabelRule:
    """One label core: its pattern, the words allowed (or required) before it, its kind."""

    kind: SecretKind
    core: re.Pattern[str]
    before: re.Pattern[str] | None = None
    before_required: bool = False


def _core(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<label>{words})(?![a-z]){_SEPARATOR}{_VALUE}")


def _before(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{words}){_SEP}$")


_LABEL_RULES: tuple[_LabelRule, ...] = (
    _LabelRule("password", _core(r"pass(?:word|wd|phrase|code)?")),
    _LabelRule("password", _core(r"pwd?")),
    _LabelRule("password", _core(r"pin")),
    _LabelRule("password", _core(r"パスワード|暗証番号|パスフレーズ|パスコード")),
    _LabelRule("private_key", _core(r"秘密鍵")),
    _LabelRule("private_key", _core(rf"key(?:{_SEP}id)?"), _before("private"), True),
    _LabelRule(
        "api_key",
        _core(rf"key(?:{_SEP}id)?"),
        _before(rf"api|secret(?:{_SEP}access)?|access|consumer|signing"),
        True,
    ),
    _LabelRule("api_key", _core(r"apikey")),
    _LabelRule("api_key", _core(r"secret"), _before(r"api|client|app|webhook|consumer")),
    _LabelRule(
        "api_key", _core(r"キー(?:id)?"), _before(r"api|シークレット(?:アクセス)?|アクセス"), True
    ),
    _LabelRule("api_key", _core(r"シークレット")),
    _LabelRule(
        "token", _core(r"token"), _before(r"access|refresh|id|auth|session|oauth|api|bearer")
    ),
    _LabelRule("token", _core(r"トークン")),
)

# Card numbers: runs of digits joined by single spaces, hyphens (also 「ー」 typed by an
# IME, and dashes), dots or 「・」.
_CARD_SEPARATOR_CHARS = " \\-－　ーｰ‐‑–—−.・･"
_DIGIT_RUN = re.compile(rf"[0-9０-９]+(?:[{_CARD_SEPARATOR_CHARS}][0-9０-９]+)*")
_JOINERS = ".,/:-－+_"
# A number right after one of these words is an identifier, not a card.
_NOT_CARD_CONTEXT = re.compile(
    r"(?:(?:法人|登録|口座|受付|管理|文書|注文|規程|規則|契約|申請|顧客|伝票|問合せ)番号"
    r"|電話|TEL|FAX|〒|郵便|規程|規則|ISBN|JAN|No\.?|#)[\s:：]*$",
    re.IGNORECASE,
)
_CARD_SEPARATORS = re.compile(rf"[{_CARD_SEPARATOR_CHARS}]")
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")
# Each digit doubled, with the digits of the result added (the Luhn step).
_LUHN_DOUBLE = str.maketrans("0123456789", "0246813579")


# --- detectors ---------------------------------------------------------------------------------

Candidate = tuple[int, int, int, SecretKind]  # start, rank, -end, kind


def _trim(value: str) -> str:
    return value.rstrip(_TRAILING)


def _ascii_lower(text: str) -> str:
    """*text* lowered, character for character (so that indices stay valid)."""
    low = text.lower()
    if len(low) == len(text):  # lower() never drops a character; "İ" becomes two
        return low
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def _word_before(text: str, index: int) -> bool:
    return index > 0 and text[index - 1] in _WORD_CHARS


def _format_candidates(text: str, low: str) -> Iterator[Candidate]:
    for kind, triggers, pattern in _FORMATS:
        if not any(t in text for t in triggers):
            continue
        check_word = triggers[0] not in _NO_WORD_CHECK
        for m in pattern.finditer(text):
            if check_word and _word_before(text, m.start()):
                continue
            yield (m.start(), _RANK["format"], -m.end(), kind)
            if m.group(0)[:4] in ("AKIA", "ASIA"):
                # The secret access key usually sits next to its key id.
                window_end = min(len(text), m.end() + 200)
                secret = _AWS_SECRET.search(text, m.end(), window_end)
                if secret and _key_like(secret.group(0)):
                    yield (secret.start(), _RANK["format"], -secret.end(), "api_key")
    if "eyJ" in text:
        yield from _jwt_candidates(text)
    if "bearer" in low:
        for m in _BEARER.finditer(low):
            value = text[m.start("value") : m.end("value")]
            if "a" <= text[m.start() - 1 : m.start()].lower() <= "z":
                continue
            if _key_like(value):
                yield (m.start("value"), _RANK["format"], -m.end("value"), "token")
    if "key" in low:
        for m in _AZURE_KEY.finditer(text):
            if _key_like(m.group("value")):
                yield (m.start("value"), _RANK["format"], -m.end("value"), "api_key")
    for m in _AWS_SECRET.finditer(text):
        if _bare_secret_key(m.group(0)):
            yield (m.start(), _RANK["format"], -m.end(), "api_key")
    if "/" in text or "／" in text:
        for m in _ID_PW.finditer(low):
            value = _trim(text[m.start("value") : m.end("value")])
            if value and not _not_a_value(value) and not _is_letter_before(low, m.start()):
                end = m.start("value") + len(value)
                yield (m.start("value"), _RANK["format"], -end, "password")
    if "://" in text:
        for m in _URL_PASSWORD.finditer(text):
            if not _not_a_value(m.group("value")):
                yield (m.start("value"), _RANK["format"], -m.end("value"), "password")


def _bare_secret_key(value: str) -> bool:
    """40 characters of base64 in both cases: an AWS secret access key even without its
    key id (hex digests such as SHA-1 are in one case, words have no digits)."""
    if not (any("a" <= c <= "z" for c in value) and any("A" <= c <= "Z" for c in value)):
        return False
    return "/" in value or "+" in value or sum("0" <= c <= "9" for c in value) >= 2


def _jwt_candidates(text: str) -> Iterator[Candidate]:
    done = 0
    for m in _JWT_START.finditer(text):
        start = m.start()
        if start < done or (start > 0 and text[start - 1] in _JWT_CHARS):
            continue
        run = _JWT_RUN.match(text, start)
        done = run.end() if run else start + 3
        parts = text[start:done].split(".")
        pos = start
        k = 0
        while k + 1 < len(parts):
            first, second = parts[k], parts[k + 1]
            if (
                first.startswith("eyJ")
                and second.startswith("eyJ")
                and min(len(first), len(second)) >= 8
            ):
                end = pos + len(first) + 1 + len(second)
                if k + 2 < len(parts):
                    end += 1 + len(parts[k + 2])
                yield (pos, _RANK["format"], -end, "token")
                pos = end + 1
                k += 3
            else:
                pos += len(first) + 1
                k += 1


def _private_key_candidates(text: str) -> Iterator[Candidate]:
    if "PRIVATE KEY" in text:
        end_markers = [(m.start(), m.end()) for m in _KEY_END.finditer(text)]
        starts = [s for s, _ in end_markers]
        pos = 0
        while True:
            m = _KEY_HEADER.search(text, pos)
            if m is None:
                break
            i = bisect.bisect_left(starts, m.end())
            body = _KEY_BODY.match(text, m.end())
            body_end = body.end() if body else m.end()
            # Up to the END line, or (cut short) the base64 that follows the header.
            near_end = i < len(starts) and starts[i] <= body_end + 4
            end = end_markers[i][1] if near_end else body_end
            yield (m.start(), _RANK["format"], -end, "private_key")
            pos = max(end, m.end())
    if "PuTTY-User-Key-File-" in text:
        for m in _PUTTY_KEY.finditer(text):
            yield (m.start(), _RANK["format"], -len(m.group(0).rstrip()) - m.start(), "private_key")


def _labelled_candidates(text: str, low: str) -> Iterator[Candidate]:
    for rule in _LABEL_RULES:
        pos = 0
        while True:
            m = rule.core.search(low, pos)
            if m is None:
                break
            pos = m.start() + 1
            start = m.start()
            if rule.before is not None:
                words = rule.before.search(low, max(0, start - 24), start)
                if words is not None:
                    start = words.start()
                elif rule.before_required:
                    continue
            if low[start].isascii() and _is_letter_before(low, start):
                continue  # "bypass: …" is not a label
            if rule.kind == "password" and _ID_BEFORE.search(low, max(0, start - 16), start):
                continue  # 「ID/PW: user / secret」 is read by the ID/PW pattern
            pos = m.end()
            value_start = m.start("value")
            value = _trim(text[value_start : m.end("value")])
            label = low[start : m.end("label")]
            if value and _looks_secret(rule.kind, value, label):
                yield (value_start, _RANK["label"], -(value_start + len(value)), rule.kind)


def _looks_secret(kind: SecretKind, value: str, label: str) -> bool:
    return _password_like(value, label) if kind == "password" else _key_like(value)


def _is_letter_before(low: str, index: int) -> bool:
    return index > 0 and "a" <= low[index - 1] <= "z"


def _luhn(digits: str) -> bool:
    kept = sum(map(int, digits[-1::-2]))
    doubled = sum(map(int, digits[-2::-2].translate(_LUHN_DOUBLE)))
    return (kept + doubled) % 10 == 0


def _card_brand(digits: str) -> bool:
    """The first digits of a real card brand (Visa, Mastercard, Amex, JCB, Diners, Discover…)."""
    first = digits[0]
    if first in "3456":
        return True
    return first == "2" and 2221 <= int(digits[:4]) <= 2720


def _is_card(digits: str) -> bool:
    return 13 <= len(digits) <= 19 and _card_brand(digits) and _luhn(digits)


def _card_windows(sizes: list[int], i: int) -> Iterator[int]:
    """Last group index of each card-like grouping starting at group *i*, longest first.

    Cards are written as one block of 13–19 digits, as 4-4-4-4 (the last group 1–4 digits,
    a fifth group of 1–3 for 17–19 digits), or as 4-6-5 / 4-6-4 (Amex, Diners).
    """
    n = len(sizes)
    first = sizes[i]
    if 13 <= first <= 19:
        yield i
        return
    if first != 4 or i + 2 >= n:
        return
    if sizes[i + 1] == 6:
        if sizes[i + 2] in (4, 5):
            yield i + 2
        return
    if sizes[i + 1] == 4 and sizes[i + 2] == 4 and i + 3 < n and 1 <= sizes[i + 3] <= 4:
        if sizes[i + 3] == 4 and i + 4 < n and 1 <= sizes[i + 4] <= 3:
            yield i + 4
        yield i + 3


def _joined_to_number(text: str, index: int, step: int) -> bool:
    """Whether the character at *index* glues the digits to more digits or letters."""
    if not 0 <= index < len(text):
        return False
    ch = text[index]
    if (ch.isascii() and (ch.isalnum() or ch == "_")) or "０" <= ch <= "９":
        return True
    if ch in _JOINERS:
        nxt = index + step
        return 0 <= nxt < len(text) and (text[nxt].isdigit() or text[nxt].isalpha())
    return False


def _card_candidates(text: str) -> Iterator[Candidate]:
    for m in _DIGIT_RUN.finditer(text):
        if m.end() - m.start() >= 13:
            yield from _cards_in_run(text, m.start(), m.group(0))


def _cards_in_run(text: str, run_start: int, run: str) -> Iterator[Candidate]:
    """Card numbers in one run of digit groups joined by single spaces or hyphens.

    A card starts at the first group of the run, right after another card, or is a single
    block of 13–19 digits; so a card number is never taken from the middle of a longer
    number, and a long hostile run costs one pass.
    """
    groups = _CARD_SEPARATORS.split(run.translate(_TO_ASCII))
    seps = _CARD_SEPARATORS.findall(run)
    sizes = [len(g) for g in groups]
    offsets = list(accumulate((size + 1 for size in sizes[:-1]), initial=run_start))
    blocks = [k for k, size in enumerate(sizes) if 13 <= size <= 19]
    i: int | None = 0
    while i is not None and i < len(groups):
        found = None
        for j in _card_windows(sizes, i):
            start = offsets[i]
            end = offsets[j] + sizes[j]
            if (
                len(set(seps[i:j])) <= 1
                and not _joined_to_number(text, start - 1, -1)
                and not _joined_to_number(text, end, 1)
                and _is_card("".join(groups[i : j + 1]))
                and not _NOT_CARD_CONTEXT.search(text, max(0, start - 12), start)
            ):
                found = j
                yield (start, _RANK["card"], -end, "card_number")
                break
        if found is not None:
            i = found + 1
        else:
            k = bisect.bisect_right(blocks, i)
            i = blocks[k] if k < len(blocks) else None


# Full-width brackets, quotes and punctuation stay as they are: they end a value.
_FULL_WIDTH = {
    code: code - 0xFEE0
    for code in range(0xFF01, 0xFF5F)
    if chr(code) not in "（）［］｛｝＜＞，．；＂＇｀"
} | {0x3000: 0x20}


# --- public API -------------------------------------------------------------------------------


def find_secrets(text: str) -> list[SecretFinding]:
    """Every secret-looking stretch of *text*, in order, never overlapping."""
    if not isinstance(text, str) or not text:
        return []
    original = text
    # Full-width letters, digits and symbols typed with an IME (「Ｐａｓｓｗ０ｒｄ！」) are
    # read as ASCII; the mapping is one character to one, so positions stay valid.
    text = text.translate(_FULL_WIDTH)
    low = _ascii_lower(text)
    candidates = [
        *_private_key_candidates(text),
        *_format_candidates(text, low),
        *_labelled_candidates(text, low),
        *_card_candidates(original),  # cards read full-width digits themselves
    ]
    text = original
    candidates.sort()
    findings: list[SecretFinding] = []
    last_end = 0
    for start, _rank, neg_end, kind in candidates:
        end = -neg_end
        if start < last_end or end <= start:
            continue
        secret = text[start:end]
        findings.append(SecretFinding(kind, LABELS[kind], start, end, _preview(kind, secret)))
        last_end = end
    return findings


def mask_secrets(text: str) -> str:
    """*text* with every secret replaced by 「［マスク済み: …］」 (labels before it are kept)."""
    for _ in range(5):
        findings = find_secrets(text)
        if not findings:
            break
        pieces: list[str] = []
        pos = 0
        for f in findings:
            pieces.append(text[pos : f.start])
            pieces.append(placeholder(f.kind))
            pos = f.end
        pieces.append(text[pos:])
        text = "".join(pieces)
    return text
