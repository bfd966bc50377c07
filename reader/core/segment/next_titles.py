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
from typing import Protocol

from reader.core.model import Block, Role
from reader.core.script import han_simplified
from reader.core.segment.bracket_items import is_glued_item_title
from reader.core.segment.byline import opens_with_dateline, signature_name
from reader.core.segment.classify import LineKind
from reader.core.segment.closing_tails import WIDE_GAP, is_closing_tail
from reader.core.segment.comment_lines import closes_with_comment
from reader.core.segment.furniture import is_bare_date
from reader.core.segment.item_titles import LIST_TRIANGLES, Drafted
from reader.core.segment.repair import Unit
from reader.core.segment.rules import is_complete, is_editors_note, is_enumerated
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
        and (is_contact_line(last.text.strip()) or is_closing_tail(han_simplified(last.text)))
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
    return (
        _after_contact(blocks, heading)
        or _after_comment(blocks, heading)
        or (_over_opening(blocks, following) and signature_name(heading) is None)
        or (len(headings) == 1 and _sibling_title(blocks, heading))
    )


# A letter's salutation on a line of its own: 编辑同志：, 尊敬的王主任：, 各位会员：
_SALUTATION = re.compile(
    r"(?:编辑同志|编辑部|编辑|尊敬的\S{1,12}|亲爱的\S{1,8}|各位\S{1,6}|\S{1,6}同志)\s*[:\uff1a]"
)


def _over_opening(blocks: Sequence[Block], following: Unit | None) -> bool:
    """The heading stands over a letter's salutation (``编辑同志：``) or an editor's note (``编者按：…``)
    after the article's text: a letter or a column opens under it (``读者来信：希望增开通勤班车``,
    ``来信摘登``), never a stretch of the article above."""
    if following is None or not any(block.role is Role.PARAGRAPH for block in blocks):
        return False
    text = following.text.strip()
    return _SALUTATION.fullmatch(text) is not None or is_editors_note(text) or _heads_table(blocks, text)


_HEADER_CELL = re.compile(r"[\u3400-\u9fff]{1,6}")
HEADER_MIN_CELLS = 3


def _heads_table(blocks: Sequence[Block], text: str) -> bool:
    """``text`` is a table's header row (``项目　　姓名　　组别　　成绩``: three short words or more parted by
    wide gaps, no figure) under the heading, after the article's finished text: a table titled as a box
    of its own (``省运会我校获奖名单（金牌）``), not the article's."""
    last = blocks[-1] if blocks else None
    cells = [cell for cell in WIDE_GAP.split(text) if cell]
    return (
        last is not None
        and last.role is Role.PARAGRAPH
        and is_complete(last.text.strip())
        and len(cells) >= HEADER_MIN_CELLS
        and all(_HEADER_CELL.fullmatch(cell) for cell in cells)
    )


def _after_comment(blocks: Sequence[Block], heading: str) -> bool:
    """The article's last paragraph is an editor's closing comment or a reply (``【编后】…``), under its
    text, and ``heading`` is no numbered point or closing label."""
    last = next((block for block in reversed(blocks) if block.role is Role.PARAGRAPH), None)
    return (
        last is not None
        and last is not blocks[0]
        and closes_with_comment(last.text)
        and blocks[-1].role in (Role.PARAGRAPH, Role.SOURCE)
        and not is_enumerated(heading)
        and not is_staying_label(heading)
        and len(_HAN.findall(heading)) >= TITLE_MIN_HAN
    )


_SENTENCE_ENDS = frozenset("。!！?？…")


def titles_datelined(unit: Unit, following: Unit | None) -> bool:
    """A marked line (``● …``, ``▲ …``) that is no sentence, right over a paragraph opening with a
    dateline (``本报讯…``), is that article's title: briefs set with bullets and no label."""
    return (
        following is not None
        and following.kind is LineKind.PARAGRAPH
        and opens_with_dateline(following.text)
        and unit.text.rstrip()[-1:] not in _SENTENCE_ENDS
    )


class Bodied(Drafted, Protocol):
    """The open article, with whether it has text yet."""

    @property
    def has_body(self) -> bool: ...


def opens_glued_item(text: str, article: Bodied, headings: Sequence[Unit], following: Unit | None) -> bool:
    """A ``【title】text`` line after the open ``article``'s finished paragraph opens the next brief item."""
    if len(headings) != 1 or following is None or following.kind is not LineKind.PARAGRAPH:
        return False
    line = headings[0].first.line
    return (
        article.has_body
        and article.last_complete
        and is_glued_item_title(text, (line.start, line.end), following.first.line.start)
    )


# A notice's or letter's signature (issuer, writer) above its date is no longer than this.
SIGNATURE_MAX_CHARS = 20


def over_bare_date(units: Sequence[Unit], k: int) -> bool:
    """True when unit ``k`` is a short line right over a bare date (``梅林自来水公司`` / ``2023年5月19日``):
    under a notice's text, its issuer and date, no heading."""
    return (
        k + 1 < len(units)
        and len(units[k].text) <= SIGNATURE_MAX_CHARS
        and units[k + 1].kind is LineKind.FURNITURE
        and is_bare_date(units[k + 1].text)
    )
