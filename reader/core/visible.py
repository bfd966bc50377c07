"""Whether a text shows anything: whitespace and invisible format characters do not count."""

from __future__ import annotations

import re

# not whitespace (line and paragraph separators included) and not one of the invisible format
# characters (zero-width spaces and joiners, bidi marks, the byte-order mark, Hangul fillers)
_VISIBLE = re.compile(
    "[^\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)


def has_visible(text: str) -> bool:
    """True when ``text`` holds a character that shows."""
    return _VISIBLE.search(text) is not None


__all__ = ["has_visible"]
