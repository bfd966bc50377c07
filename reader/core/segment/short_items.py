"""A short titled item after a finished article: its own article, not a subheading (qaseg28's class 1).

Family pages, farm pages and community papers close with small boxed items set one under the other,
each under a plain short title: ``生活妙招`` over two tips, ``上期谜底`` over the answers, ``农谚一则``
over one saying, ``長者免費流感疫苗注射`` over a notice and its telephone line.  With no blank line or
type size to part them, the title reads as a subheading of the article above.  A feature's
subheading opens a stretch of the feature as long as the stretch above it; an item is a box:

- the article above is finished (its text ends finished) and has set no subheading, and has two
  paragraphs at least;
- the title is short (no longer than :data:`ITEM_TITLE_MAX_CHARS`) and no numbered point, closing
  label (``相关链接``) or sentence;
- its body, up to the next heading, is short: one to :data:`ITEM_MAX_PARAGRAPHS` paragraphs, of no more
  than :data:`ITEM_MAX_CHARS` characters and under half the article's text, ending finished (or on a
  contact line, which closes an item), and no box of the paper's own (``读者热线`` over
  ``本报读者热线：…``, the page's furniture);
- and what follows the body is no more of the article: the end of the text, a section label, a
  heading group that opens an article of its own (:func:`.heading_groups.starts_new_article`), or
  another short item.

After a full article (three paragraphs) one such item is enough; after a shorter one, a run of two
items at least, each under half the article's text.  Once an item opened, the next short titled body
is the next item of the run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reader.core.model import Block, Role
from reader.core.segment.classify import LineKind
from reader.core.segment.heading_groups import HEADING_KINDS, collect_heading_group, starts_new_article
from reader.core.segment.repair import Unit
from reader.core.segment.rules import is_enumerated
from reader.core.segment.subheads import is_staying_label
from reader.core.segment.whole_lines import is_contact_line

# An item's title is no longer than this.
ITEM_TITLE_MAX_CHARS = 16
# An item's body is one to this many paragraphs …
ITEM_MAX_PARAGRAPHS = 3
# … of no more than this many characters in all (one closed by a contact line: this many).
ITEM_MAX_CHARS = 200
CLOSED_ITEM_MAX_CHARS = 300
# An article of this many paragraphs is a full one: one short item after it, before the next article, is
# an item (after a shorter one, only a run of items is).
FULL_ARTICLE_PARAGRAPHS = 3


class Drafted(Protocol):
    """What is read of the article being built."""

    @property
    def blocks(self) -> Sequence[Block]: ...
    @property
    def last_complete(self) -> bool: ...
    @property
    def boxed(self) -> bool: ...  # its title opened a short item: the next short item is one too


_SKIPPED = (LineKind.SOURCE, LineKind.CAPTION, LineKind.FURNITURE, LineKind.BYLINE)
_HOUSE = re.compile(r"本(?:报|刊)(?!讯|\d|[一二三四五六七八九十]+月)")
_STOPS = frozenset("。；;，,：:")


def _short_body(units: Sequence[Unit], k: int, room: int) -> int | None:
    """Where the short body from unit ``k`` ends (the next unit's index), else None (see the module)."""
    paragraphs = chars = 0
    last: Unit | None = None
    while k < len(units) and units[k].kind not in HEADING_KINDS and units[k].kind is not LineKind.SECTION:
        unit = units[k]
        k += 1
        if unit.kind is LineKind.PARAGRAPH:
            if not paragraphs and _HOUSE.match(unit.text.strip()) is not None:
                return None  # 读者热线 over 本报读者热线：…: the paper's own box, the page's furniture
            paragraphs += 1
            chars += len(unit.text)
            if is_contact_line(unit.text.strip()) and chars <= CLOSED_ITEM_MAX_CHARS:
                return len(units)  # the item's closing contact line: whatever follows is another's
            if paragraphs > ITEM_MAX_PARAGRAPHS or chars > min(ITEM_MAX_CHARS, room):
                return None
            last = unit
        elif unit.kind not in _SKIPPED:
            return None
    if last is None or not last.complete:
        return None
    return k


def _item_over(units: Sequence[Unit], k: int, paragraphs: Sequence[int]) -> bool:
    """True when the short body from unit ``k`` is followed by no more of the article: the last item of a
    full article (three paragraphs), or one of a run of items after the article (each under half of it)."""
    last = len(paragraphs) >= FULL_ARTICLE_PARAGRAPHS
    half = sum(paragraphs) // 2
    end = _short_body(units, k, ITEM_MAX_CHARS if last else half)
    if end is None:
        return False
    if end >= len(units) or units[end].kind is LineKind.SECTION:
        return last or _short_body(units, k, half) is not None
    group = collect_heading_group(units, end)
    following = units[group.end] if group.end < len(units) else None
    if last and starts_new_article(group.headings, following):
        return True
    return (
        len(group.headings) == 1
        and _short_body(units, k, half) is not None
        and _short_body(units, group.end, half) is not None
    )


def opens_short_item(article: Drafted, heading: str, units: Sequence[Unit], k: int) -> bool:
    """True when the lone ``heading`` after the open ``article``, over the units from ``k`` on, titles a
    short item of its own (see the module)."""
    text = heading.strip()
    blocks = article.blocks
    if (
        not article.last_complete
        or len(text) > ITEM_TITLE_MAX_CHARS
        or text[-1:] in _STOPS
        or is_enumerated(text)
        or is_staying_label(text)
        or any(block.role is Role.SUBHEADING for block in blocks)
    ):
        return False
    paragraphs = [len(block.text) for block in blocks if block.role is Role.PARAGRAPH]
    if article.boxed:  # the next of a run of items: as long as the article before the run
        return _item_over(units, k, [ITEM_MAX_CHARS] * FULL_ARTICLE_PARAGRAPHS)
    return len(paragraphs) >= 2 and _item_over(units, k, paragraphs)
