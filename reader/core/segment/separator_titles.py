"""Separator lines between articles: ``◆◆◆``, ``★ ★ ★``, ``※※※`` (qaseg35's class 7).

A county paper sets no blank lines and no rules, only a line of three glyphs between its articles.  Read
alone, ``◆◆◆`` is a heading marked with ◆, and it became every article's title (the real title its
subtitle), or the title under it a subheading of the article above.  When two lines or more of a text are
such separators, each is layout, and a heading right under one, over text, opens the next article.
"""

from __future__ import annotations

import re

from reader.core.model import LeftoverKind
from reader.core.segment.classify import LineKind, TaggedLine

# One glyph three times or more, blanks between them or not.
_SEPARATOR = re.compile(r"([◆◇★☆♦●○■□▲△※＊*])(?:[ \t\u3000]*\1){2,}")
# A text sets its articles apart with such lines when it holds at least this many.
SEPARATORS_MIN = 2
_TITLE_KINDS = (
    LineKind.HEADING,
    LineKind.SUBHEADING,
    LineKind.CAPTION,
    LineKind.ITEM_TITLE,
    LineKind.SUBTITLE,
)
_TEXT_KINDS = (LineKind.PARAGRAPH, LineKind.BYLINE)


def is_separator(text: str) -> bool:
    """True for ``◆◆◆``, ``★　★　★``: one glyph repeated, a line between two articles."""
    return _SEPARATOR.fullmatch(text.strip()) is not None


def mark_separator_titles(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the separators as layout and the headings under them as item titles (see the module)."""
    found = [i for i, line in enumerate(tagged) if is_separator(line.text)]
    if len(found) < SEPARATORS_MIN:
        return tagged
    marked = list(tagged)
    for i in found:
        marked[i] = tagged[i].with_kind(LineKind.FURNITURE, LeftoverKind.LAYOUT)
        if (
            i + 2 < len(tagged)
            and tagged[i + 1].kind in _TITLE_KINDS
            and tagged[i + 2].kind in _TEXT_KINDS
            and not is_separator(tagged[i + 1].text)
        ):
            marked[i + 1] = tagged[i + 1].with_kind(LineKind.ITEM_TITLE)
    return marked
