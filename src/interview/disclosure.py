"""Find network details in answer text: IP addresses and ranges, host names.

The workbook goes to several banks. Whether a control exists and how it is governed is
what they need; the addresses and host names behind it are not, and each copy sent out
is one more place they can leak from. Like a secret, such an answer gets a warning before
it is saved (mask, keep, or go back and rewrite).

Not flagged: version numbers (v1.2.3, TLS1.2), dates and times (2026.4.1, 10:30:00),
section numbers (3.3.1), and e-mail addresses' domains.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Literal

NetworkKind = Literal["ip_address", "host_name"]

LABELS: dict[NetworkKind, str] = {"ip_address": "IPアドレス", "host_name": "ホスト名"}

_IPV4 = re.compile(
    r"(?<![A-Za-z0-9_.])((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})"
    r"(/(?:3[0-2]|[12]?\d))?(?![A-Za-z0-9_]|\.\d)"
)
_IPV6 = re.compile(
    r"(?<![A-Za-z0-9_:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(/\d{1,3})?(?![A-Za-z0-9_:])"
)
_TLDS = "com|net|org|jp|io|local|internal|intra|corp|lan|cloud|dev|biz|info|aws|localdomain|example"
_HOST = re.compile(
    r"(?<![A-Za-z0-9_@.\-])((?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+(?:"
    + _TLDS
    + r"))(?![A-Za-z0-9_\-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NetworkFinding:
    kind: NetworkKind
    label: str
    start: int
    end: int
    preview: str


def placeholder(kind: NetworkKind) -> str:
    return f"［マスク済み: {LABELS[kind]}］"


def _ipv6(text: str) -> bool:
    """A valid IPv6 address (so not a clock time such as 10:30:00)."""
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def find_network_details(text: str) -> list[NetworkFinding]:
    found: list[NetworkFinding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: NetworkKind, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(NetworkFinding(kind, LABELS[kind], start, end, text[start:end]))

    for match in _IPV4.finditer(text):
        add("ip_address", match.start(), match.end())
    for match in _IPV6.finditer(text):
        if _ipv6(match.group(1)):
            add("ip_address", match.start(), match.end())
    for match in _HOST.finditer(text):
        host = match.group(1)
        if host.count(".") < 1 or host.replace(".", "").isdigit():
            continue
        add("host_name", match.start(1), match.end(1))
    return sorted(found, key=lambda f: f.start)


def mask_network_details(text: str) -> str:
    out, last = [], 0
    for finding in find_network_details(text):
        out.append(text[last : finding.start])
        out.append(placeholder(finding.kind))
        last = finding.end
    out.append(text[last:])
    return "".join(out)
