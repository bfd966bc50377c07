"""A plain section label over an article: the page's section, not the article's kicker.

A word or two on a line of its own (``社区新闻``, ``健康``) set further from the
heading under it than that heading is from its text, and no closer to what is
above it, names the page's section (as ``【党政】`` does), while a kicker sits
close to its title.  Where every block is set one blank line apart nothing
tells them apart, and such a line stays a kicker.  A Latin label (``HEALTH``)
is a layout word already (:mod:`.furniture`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.segment.classify import LineKind
from reader.core.segment.repair import Unit

# A section's name: a word or two of Han characters, no punctuation.
SECTION_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}")
_HEADINGS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBTITLE)
_OPENERS = (LineKind.PARAGRAPH, LineKind.BYLINE)


def _gap_above(units: Sequence[Unit], k: int, at_start: bool) -> int | None:
    """Blank lines between the block of unit ``k`` (with the furniture set right on top of it,
    ``COMMUNITY NEWS`` over ``社区新闻``) and what is above it; None at the very start of the issue."""
    while units[k].first.line.gap_before == 0 and k > 0 and units[k - 1].kind is LineKind.FURNITURE:
        k -= 1
    if k == 0 and at_start:
        return None
    return units[k].first.line.gap_before


def _set_apart(units: Sequence[Unit], k: int, at_start: bool) -> bool:
    """True when the heading at ``k`` is a plain label set further from the heading group under it
    than that group is from its text, and no closer to what is above it."""
    label, title = units[k], units[k + 1]
    if title.kind not in _HEADINGS or len(label.parts) != 1 or SECTION_NAME.fullmatch(label.text) is None:
        return False
    gap = title.first.line.gap_before
    above = _gap_above(units, k, at_start)
    if gap == 0 or (above is not None and above < gap):
        return False
    j = k + 2
    while j < len(units) and units[j].kind in _HEADINGS:
        if units[j].first.line.gap_before >= gap:
            return False
        j += 1
    return j < len(units) and units[j].kind in _OPENERS and units[j].first.line.gap_before < gap


def mark_plain_section_labels(units: list[Unit], *, at_start: bool = True) -> list[Unit]:
    """``units`` with every plain section label (see the module) made a section label's unit.

    ``at_start``: the units open the issue (a label on its first line has nothing above it); a
    later stretch of a long issue starts where a blank line is, so its first gap is the real one.
    """
    for k in range(len(units) - 2):
        if units[k].kind is LineKind.HEADING and _set_apart(units, k, at_start):
            units[k] = Unit(LineKind.SECTION, units[k].parts, units[k].lifted)
    return units
