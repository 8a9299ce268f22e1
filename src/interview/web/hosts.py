"""Which addresses ``interview serve`` may bind to without ``--allow-remote``."""

from __future__ import annotations

import ipaddress
import socket


def is_loopback(host: str) -> bool:
    """True when *host* can only be reached from this machine.

    An IP literal must be a loopback address; ``localhost`` is loopback; any other name
    counts as loopback only if every address it resolves to is (an unresolvable name is
    not: binding would fail anyway). ``""``, ``0.0.0.0`` and ``::`` mean every interface.
    """
    text = host.strip().strip("[]")
    if not text:
        return False
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        pass
    if text.lower().rstrip(".") == "localhost":
        return True
    try:
        infos = socket.getaddrinfo(text, None)
    except (OSError, UnicodeError):
        return False
    addresses = {info[4][0] for info in infos}
    return bool(addresses) and all(
        ipaddress.ip_address(str(a).split("%")[0]).is_loopback for a in addresses
    )


def url_host(host: str) -> str:
    """*host* as it is written in a URL (IPv6 literals in brackets)."""
    text = host.strip().strip("[]")
    try:
        if ipaddress.ip_address(text).version == 6:
            return f"[{text}]"
    except ValueError:
        pass
    return text
