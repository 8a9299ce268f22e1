"""Serving the app to a browser (``interview serve``), on textual-serve.

Nothing here is imported by the terminal app: the CLI loads it only for ``serve``.
"""
