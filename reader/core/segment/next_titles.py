"""Evidence that a heading with no blank line above it opens the next article, not a subheading.

Papers that set their articles with no blank line between them (classifieds, newsletters,
unit papers) leave a lone heading after an article's text looking like a subheading of it.
What the layout shows instead:

- the article's text ended with its closing contact line (``请电:陈先生 (718) 555-2310``,
  ``简历请寄:hr@example.com``): an advertisement or notice is over, the heading over text
  is the next one's title (a notice's own labels come before its contact, never after);
- the heading is set like the article's title, under another topic label (``排球：外国语学校女排…``
  after ``乒乓球：师大附中…``), and the article set no subheading: a series of titled reports.

Like :mod:`.item_titles`, the rules read the open article's blocks and the units around the
heading; :mod:`.articles` asks them before keeping a heading as a subheading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.model import Block, Role
from reader.core.segment.classify import LineKind
from reader.core.segment.item_titles import LIST_TRIANGLES
from reader.core.segment.repair import Unit
from reader.core.segment.rules import is_enumerated
from reader.core.segment.subheads import is_staying_label
from reader.core.segment.whole_lines import is_contact_line

_HAN = re.compile(r"[\u3400-\u9fff]")
# A title names something: a line with fewer Han characters (``-67850000``, the tail of a wrapped
# telephone number) is no title.
TITLE_MIN_HAN = 2
# 乒乓球：师大附中包揽团体双冠, 排球：外国语学校女排逆转晋级: a title under a topic label
_LABELLED = re.compile(r"([\u3400-\u9fff]{1,6})\s*[:\uff1a]\s*[^\s:\uff1a]{4,}")


def sits_on(following: Unit | None) -> bool:
    """True when ``following`` is a paragraph set right under the line above it (no blank line)."""
    return (
        following is not None
        and following.kind is LineKind.PARAGRAPH
        and following.first.line.gap_before == 0
    )


def continues_list(blocks: Sequence[Block], text: str) -> bool:
    """True when caption-like ``text`` (``△泰国海南会馆…``) is the next line of the triangle-set list the
    article's ``blocks`` end on: it stays in the list, whatever heading comes under it."""
    last = blocks[-1] if blocks else None
    return (
        last is not None
        and last.role is Role.CAPTION
        and text[:1] in LIST_TRIANGLES
        and last.text.lstrip()[:1] == text[:1]
    )


def _over_text(following: Unit | None) -> bool:
    return following is not None and following.kind is LineKind.PARAGRAPH


def _after_contact(blocks: Sequence[Block], heading: str) -> bool:
    """The article's last block is its closing contact line, and ``heading`` is no numbered point."""
    last = blocks[-1] if blocks else None
    return (
        last is not None
        and last.role is Role.PARAGRAPH
        and any(block.role is Role.PARAGRAPH for block in blocks[:-1])
        and is_contact_line(last.text.strip())
        and not is_enumerated(heading)
        and not is_staying_label(heading)
        and len(_HAN.findall(heading)) >= TITLE_MIN_HAN
    )


def _sibling_title(blocks: Sequence[Block], heading: str) -> bool:
    """``heading`` is set like the article's title, under another topic label (``排球：…`` after an
    article titled ``乒乓球：…``), and the article has set no subheading: a title of the same series."""
    title = next((block.text.strip() for block in blocks if block.role is Role.TITLE), None)
    if title is None or any(block.role is Role.SUBHEADING for block in blocks):
        return False
    ours, theirs = _LABELLED.fullmatch(heading), _LABELLED.fullmatch(title)
    return ours is not None and theirs is not None and ours.group(1) != theirs.group(1)


def opens_next_article(blocks: Sequence[Block], headings: Sequence[Unit], following: Unit | None) -> bool:
    """True when ``headings`` after an open article's ``blocks`` open the next article over ``following``."""
    if not headings or not _over_text(following):
        return False
    heading = headings[0].text.strip()
    return _after_contact(blocks, heading) or (len(headings) == 1 and _sibling_title(blocks, heading))
