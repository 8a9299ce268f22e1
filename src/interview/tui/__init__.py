"""The Textual UI: a thin layer of screens and widgets over the core.

Two Textual settings are chosen here, before textual is imported, unless the user
has set them already:

- ``TEXTUAL_DISABLE_KITTY_KEY=1``: Textual ≥ 8.2.7 enables the kitty keyboard
  protocol, which loses Japanese input-method text in some terminals.
- ``TEXTUAL_FPS=120``: Textual paints on a frame clock (60 by default). At 120 the
  next question appears about 18 ms sooner after an answer; Textual only paints
  when something changed, so an idle screen costs nothing more.
"""

import os

os.environ.setdefault("TEXTUAL_DISABLE_KITTY_KEY", "1")
os.environ.setdefault("TEXTUAL_FPS", "120")
