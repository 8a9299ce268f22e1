"""The Textual UI: a thin layer of screens and widgets over the core.

Textual ≥ 8.2.7 enables the kitty keyboard protocol, which loses Japanese
input-method text in some terminals, so it is switched off before textual is
imported unless the user chose otherwise.
"""

import os

os.environ.setdefault("TEXTUAL_DISABLE_KITTY_KEY", "1")
