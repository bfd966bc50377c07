"""Masthead rules: find the publication title and date at the top of an issue."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.model import LeftoverKind
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.furniture import (
    is_bare_date,
    is_layout_word,
    masthead_date,
    masthead_title,
)
from reader.core.segment.whole_lines import is_labelled_date

# A3 社区: a page code and a section word opening a running header
_PAGE_CODE_HEADER = re.compile(r"[A-H]\s?\d{1,2}(?:\s+\S{1,8}){0,2}")

# The masthead sits in the first few lines, before any byline or paragraph.
TOP_ZONE_MAX_LINES = 12
_TITLE_KINDS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SECTION)
# Lines of a masthead block: a short title line above one of them is the paper's name.
_MASTHEAD_BLOCK = (LeftoverKind.MASTHEAD, LeftoverKind.QR_CODE)


@dataclass(frozen=True, slots=True)
class Masthead:
    """What the masthead says: the publication title and the printed date."""

    title: str | None
    date: str | None


def top_zone(tagged: list[TaggedLine]) -> int:
    """Number of leading lines before the first byline or paragraph (at most a few)."""
    for i, line in enumerate(tagged[:TOP_ZONE_MAX_LINES]):
        if line.kind in (LineKind.PARAGRAPH, LineKind.BYLINE):
            return i
    return min(len(tagged), TOP_ZONE_MAX_LINES)


def masthead_reach(tagged: list[TaggedLine]) -> int:
    """Index of the last masthead or QR line in the top zone (-1 when none): where masthead rules reach."""
    last = -1
    for i in range(top_zone(tagged)):
        if tagged[i].leftover in _MASTHEAD_BLOCK:
            last = i
    return last


def mark_masthead(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag short title lines standing above a masthead or QR line as masthead too.

    ``外滩`` on its own line above ``第123期 2019年5月15日`` (or above
    ``扫码关注``) is the paper's name, not an article's kicker.
    """
    last = masthead_reach(tagged)
    if last < 0:
        return tagged
    marked = list(tagged)
    for i in range(last):
        if marked[i].kind in _TITLE_KINDS:
            marked[i] = marked[i].with_kind(LineKind.FURNITURE, LeftoverKind.MASTHEAD)
    return marked


def paper_name(text: str) -> str | None:
    """The paper's name a masthead line gives before its number or date, never a page header's
    ``第3版 社区·民生`` (a running header on the first line is no masthead)."""
    title = masthead_title(text)
    if title is None or _PAGE_CODE_HEADER.fullmatch(title) is not None:
        return None
    return None if is_layout_word(title) else title  # 第3版 社区·民生, not a masthead field


def read_masthead(tagged: list[TaggedLine], *, at_start: bool = True) -> Masthead:
    """The publication title and date from the masthead lines, if there are any.

    The title is read from the top zone only, so only when ``tagged`` opens
    the issue (``at_start``); the date from the first masthead line giving one.
    """
    title: str | None = None
    date: str | None = None
    zone = top_zone(tagged) if at_start else 0
    for i, line in enumerate(tagged):
        if line.leftover is not LeftoverKind.MASTHEAD:
            continue
        if date is None and (i < zone or not is_bare_date(line.text)) and not is_labelled_date(line.text):
            # not a notice's closing date, nor its deadline (截稿日期:2024年6月30日)
            date = masthead_date(line.text)
        if title is None and i < zone:
            title = paper_name(line.text)
        if title is not None and date is not None:
            break
    return Masthead(title, date)


def verbatim_masthead(masthead: Masthead, tagged: list[TaggedLine], original: str) -> Masthead:
    """The masthead's title and date as ``original`` writes them (the rules read simplified Han)."""
    lines = [line.line for line in tagged if line.leftover is LeftoverKind.MASTHEAD]

    def verbatim(value: str | None) -> str | None:
        line = next((line for line in lines if value and value in line.text), None)
        return value if line is None or value is None else line.verbatim(original, value)

    return Masthead(verbatim(masthead.title), verbatim(masthead.date))
