"""A short label closed by a colon on a line of its own, and the line it introduces (qaseg32's class 3;
file 07, min m05).

A recipe sets ``主料：`` over ``羊排500克、白萝卜1根``, ``辅料：`` over ``生姜1块、葱2根、盐适量``; a notice
``时间：`` over ``10月18日上午9时``.  The value line has no closing punctuation and reads on its own as a
heading, so each ingredient line became the title of a new article.  A label ending in a colon says the
line under it is what it introduces: that line is body text (a finished paragraph), never a heading.
"""

from __future__ import annotations

import re

from reader.core.segment.classify import LineKind, TaggedLine

# 主料：, 辅料：, 调料：, 做法：, 时间：: a word or two and a colon, alone on the line.
_LABEL = re.compile(r"[\u3400-\u9fff]{1,6}\s*[:\uff1a]")
_VALUE_KINDS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBTITLE)


def is_colon_label(text: str) -> bool:
    """True for a line that is only a short label and its colon (``主料：``)."""
    return _LABEL.fullmatch(text.strip()) is not None


def mark_label_values(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag each heading-like line set right under a colon label as a finished paragraph (in place)."""
    for k in range(1, len(tagged)):
        line = tagged[k]
        if (
            line.kind in _VALUE_KINDS
            and not line.line.gap_before
            and tagged[k - 1].kind is not LineKind.FURNITURE
            and is_colon_label(tagged[k - 1].text)
        ):
            tagged[k] = line.with_kind(LineKind.PARAGRAPH)
    return tagged
