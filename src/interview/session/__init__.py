"""Saved interview sessions: the model, its TOML format, and the crash-safe store.

``models`` (Session …), ``toml_format`` (to/from TOML), ``atomic`` (atomic writes),
``lock`` (one app per session), ``ids`` (safe names), ``store`` (SessionStore).
"""
