"""The bank's review of its connectors' checklists (``interview review``).

A review workspace is one TOML file per bank, ``<sessions-dir>/reviews/<id>.review.toml``
(see docs/review.md), saved like a session: sidecar lock, atomic replace, 0600.
"""
