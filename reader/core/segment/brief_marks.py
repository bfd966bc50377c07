"""Briefs marked with a triangle under a briefs label: ``简讯`` over ``▲旗气象台预报，本周末…。`` (qaseg32's
class 7; file 08, min m07).

A triangle marks a photo's caption (``▲图为…``), so each such line read as a caption; under a section
label a caption waits for an article, and with none coming the whole briefs box went to the leftovers.
Under a briefs label (``简讯``, ``社区简讯``), a run of triangle-marked lines that are whole sentences (a
stop at their end, no photo's ``图为``/``摄``) are the briefs themselves: paragraphs of the box.
"""

from __future__ import annotations

import re

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.rules import ends_sentence, is_briefs_section

_MARKS = frozenset("▲△◆◇●■□")
_PHOTO = re.compile(r"图为|上图|下图|左图|右图|图：|图:|摄")
BRIEFS_MIN_LINES = 2


def _brief(line: TaggedLine) -> bool:
    text = line.text.strip()
    return (
        line.kind is LineKind.CAPTION
        and text[:1] in _MARKS
        and ends_sentence(text)
        and _PHOTO.search(text) is None
    )


def mark_marked_briefs(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the triangle-marked briefs under a briefs label as paragraphs (in place; see the module)."""
    for k, line in enumerate(tagged):
        if line.kind is not LineKind.SECTION or not is_briefs_section(line.text):
            continue
        end = k + 1
        while end < len(tagged) and _brief(tagged[end]):
            end += 1
        if end - k - 1 >= BRIEFS_MIN_LINES:
            for i in range(k + 1, end):
                tagged[i] = tagged[i].with_kind(LineKind.PARAGRAPH)
    return tagged
