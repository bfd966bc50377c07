"""Titles set vertically, OCR'd one character per line (qaseg33's class 3).

A literary page of an overseas Chinese paper sets its titles in a vertical column; OCR reads each
character as a line of its own (``故`` ``乡`` ``的`` ``榕`` ``树``).  Read alone, the first line is a kicker,
the next a title and the last a one-character paragraph, so the article splits in two and loses its title.

A run of two lines or more, each one Han character and nothing else, one right under the other (no blank
line between), with text under it (a byline or a paragraph within the next two lines), is one title: its
lines become one item title (an article's opening heading, never a subheading; each printed line keeps
its own span, no character is added), and a credit right under it, over the text (``曼德勒　杨春梅``),
is its byline.
"""

from __future__ import annotations

import re

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.decorated_titles import is_credit_line
from reader.core.segment.title_lines import joined_heading

# A vertical title has at least this many characters (lines).
VERTICAL_MIN_LINES = 2
# Text must come within this many lines under the title.
TEXT_WITHIN_LINES = 2
_ONE_HAN = re.compile(r"[\u3400-\u9fff]")
_TEXT_KINDS = (LineKind.PARAGRAPH, LineKind.BYLINE, LineKind.HEADING)


def _one_char(line: TaggedLine) -> bool:
    return len(line.text) == 1 and _ONE_HAN.fullmatch(line.text) is not None


def _run_end(tagged: list[TaggedLine], i: int) -> int:
    """Where the run of one-character lines from line ``i`` ends (the next line's index)."""
    j = i + 1
    while j < len(tagged) and _one_char(tagged[j]) and not tagged[j].line.gap_before:
        j += 1
    return j


def join_vertical_titles(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """The lines with every vertical title (see the module) made one heading line; the same list when none."""
    if not any(_one_char(line) for line in tagged):
        return tagged
    out: list[TaggedLine] = []
    i = 0
    while i < len(tagged):
        end = _run_end(tagged, i) if _one_char(tagged[i]) else i + 1
        over_text = any(
            line.kind in _TEXT_KINDS and not _one_char(line) for line in tagged[end : end + TEXT_WITHIN_LINES]
        )
        if end - i >= VERTICAL_MIN_LINES and over_text:
            title = tagged[i]
            for lower in tagged[i + 1 : end]:
                title = joined_heading(title, lower)
            out.append(title.with_kind(LineKind.ITEM_TITLE))  # set vertically: a title, never a subheading
            if (
                end + 1 < len(tagged)
                and is_credit_line(tagged[end])
                and tagged[end + 1].kind is LineKind.PARAGRAPH
            ):
                out.append(tagged[end].with_kind(LineKind.BYLINE))  # 曼德勒　杨春梅 under it: the writer
                end += 1
        else:
            out.extend(tagged[i:end])
        i = end
    return out
