"""The headings of a notice page: ``讣　告``, ``谢　启``, ``周年纪念``, ``追　思`` (qaseg35's class 2).

A paper's 讣告/谢启 page prints many short notices, each under a one-word heading that names its kind,
often letter-spaced (``訃　告``).  Read alone, a spaced heading reads as a name (``谢　启``: 谢 is a
surname), so it became a byline, and the notice above's signature lines (``孝男　黄国强``,
``孝媳、孙、曾孙等　同泣告``) the next notice's kicker and title: every cut fell one line early.

A line whose words, the spaces taken out, are one of these notice kinds, standing over text, is an
item title: the sign-off above it ends the notice above (:mod:`.closing_lines`; one glued to the last
sentence, ``…恕报不周。孝子　李志明　暨全家　敬告``, finishes that paragraph), and it opens its own.
"""

from __future__ import annotations

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.sign_offs import ends_with_formula, is_notice_head


def mark_notice_heads(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag as item titles the notice headings set over a paragraph (see the module); a new list."""
    marked = list(tagged)
    for i, line in enumerate(tagged[:-1]):
        if tagged[i + 1].kind is LineKind.PARAGRAPH and is_notice_head(line.text):
            marked[i] = line.with_kind(LineKind.ITEM_TITLE)
            above = tagged[i - 1] if i else None
            if (
                above is not None
                and above.kind is LineKind.PARAGRAPH
                and above.source is None
                and not above.complete
                and ends_with_formula(above.text)  # …孝子　李志明　敬告: finished
            ):
                marked[i - 1] = above.with_kind(LineKind.PARAGRAPH)
    return marked
