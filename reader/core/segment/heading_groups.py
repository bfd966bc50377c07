"""Heading groups and the small rules that decide, at a heading, whether a new article starts.

A heading group is the kicker, title, subtitle (and furniture between them) the
article grouper (:mod:`.articles`) meets together; the predicates here look at
it and the unit after it only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import LeftoverKind, Role
from reader.core.segment.byline import opens_with_dateline
from reader.core.segment.classify import LineKind
from reader.core.segment.repair import Unit
from reader.core.segment.rules import (
    SECTION_LABELS,
    is_enumerated,
    is_notice_title,
    leads_like_news,
    opens_article,
)

HEADING_KINDS = (LineKind.HEADING, LineKind.SUBTITLE, LineKind.ITEM_TITLE)
BODY_KINDS = (LineKind.PARAGRAPH, LineKind.SUBHEADING, LineKind.CAPTION, LineKind.BYLINE)
# A lone heading line this long over a paragraph opening like an article is a new title.
LONE_TITLE_MIN_CHARS = 8
# … this long over a paragraph whose first clause says when (a news lead) is a new title too.
LEAD_TITLE_MIN_CHARS = 6
# Photo-news items are one short, self-contained paragraph.
PHOTO_NEWS_MAX_CHARS = 200


# -- heading groups ------------------------------------------------------------------
@dataclass(slots=True)
class HeadingGroup:
    """Consecutive heading lines (kicker, title, subtitle), with furniture found between them."""

    members: list[Unit]
    end: int  # index of the first unit after the group

    @property
    def headings(self) -> list[Unit]:
        """The heading units of the group, without the furniture."""
        return [unit for unit in self.members if unit.kind in HEADING_KINDS]


def _heading_ahead(units: Sequence[Unit], k: int) -> bool:
    """True when a heading follows unit ``k`` after nothing but furniture."""
    while k < len(units) and units[k].kind is LineKind.FURNITURE:
        k += 1
    return k < len(units) and units[k].kind in HEADING_KINDS


def collect_heading_group(units: Sequence[Unit], k: int) -> HeadingGroup:
    """The heading group starting at unit ``k``: headings, then ``——`` subtitles.

    A subtitle ends the group unless another subtitle follows.
    """
    members: list[Unit] = []
    last: Unit | None = None
    j = k
    while j < len(units):
        unit = units[j]
        if unit.kind in HEADING_KINDS:
            if last is not None and last.kind is LineKind.SUBTITLE and unit.kind is not LineKind.SUBTITLE:
                break
            last = unit
        elif not (unit.kind is LineKind.FURNITURE and last is not None and _heading_ahead(units, j)):
            break
        members.append(unit)
        j += 1
    return HeadingGroup(members, j)


def assign_heading_roles(kinds: Sequence[LineKind]) -> list[Role]:
    """Roles of the lines of a heading group, in order.

    One line is the title; two are kicker + title; with a ``——`` line the
    line before it is the title and everything above is kicker; three or
    more without one are kicker(s), title, subtitle.
    """
    n = len(kinds)
    if LineKind.SUBTITLE in kinds:
        at = kinds.index(LineKind.SUBTITLE)
        if at == 0:
            return [Role.SUBTITLE] * n
        return [Role.KICKER] * (at - 1) + [Role.TITLE] + [Role.SUBTITLE] * (n - at)
    if n == 1:
        return [Role.TITLE]
    if n == 2:
        return [Role.KICKER, Role.TITLE]
    return [Role.KICKER] * (n - 2) + [Role.TITLE, Role.SUBTITLE]


def next_content(units: Sequence[Unit], k: int) -> Unit | None:
    """The first unit at or after ``k`` that is not furniture."""
    while k < len(units):
        if units[k].kind is not LineKind.FURNITURE:
            return units[k]
        k += 1
    return None


def starts_new_article(headings: Sequence[Unit], following: Unit | None) -> bool:
    """True when a heading group inside an open article starts a new article.

    A new article needs a new heading group: a byline or subtitle, two or
    more heading lines, an item title.  A lone line between paragraphs is a
    subheading (``聚焦主题重点学``, however long, after a break or not) unless
    the paragraph under it opens the way a news article does (``近日,…``,
    ``5月7日,…``) and the line is as long as a title.  Whatever its length, a
    heading over a dateline (``本报讯(记者 张三)…``) and a notice's title
    (``征稿启事``) start one.
    """
    if following is not None and (following.kind is LineKind.BYLINE or opens_with_dateline(following.text)):
        return True
    if len(headings) >= 2 or any(unit.kind is not LineKind.HEADING for unit in headings):
        return True
    only = headings[0]
    if is_enumerated(only.text) or following is None:
        return False
    if is_notice_title(only.text):  # 征稿启事, 停水通知: a notice is an item of its own
        return True
    return len(only.text) >= LONE_TITLE_MIN_CHARS and opens_article(following.text)


def titles_a_lead(headings: Sequence[Unit], following: Unit | None) -> bool:
    """A lone title-long line over a lead that says when in its first clause (区内增设巴士路线 /
    运输署宣布,由6月1日起…): a story of its own in text with nothing else to go by (a page's
    type sizes decide otherwise); a subheading's text goes on with the article's matter."""
    return (
        len(headings) == 1
        and headings[0].kind is LineKind.HEADING
        and not is_enumerated(headings[0].text)
        and len(headings[0].text) >= LEAD_TITLE_MIN_CHARS
        and following is not None
        and following.kind is LineKind.PARAGRAPH
        and leads_like_news(following.text)
    )


def is_bracketed_subheading(unit: Unit, following: Unit | None) -> bool:
    """True for a bracketed label between paragraphs of one article (``【结语】``), not a section label.

    A section label opens a group of articles (a heading group or a photo
    item follows it); a bracketed label with the article's text going on
    under it is a subheading.  Named section labels (``图片新闻``) never are.
    """
    return (
        unit.text[:1] in "【〖["
        and unit.text.strip("【】〖〗[] ") not in SECTION_LABELS
        and following is not None
        and following.kind is LineKind.PARAGRAPH
        and not opens_article(following.text)
    )


def is_photo_caption(headings: Sequence[Unit], following: Unit | None) -> bool:
    """True when a lone heading line under a photo-news label is a caption, not a title."""
    return (
        len(headings) == 1
        and headings[0].kind is LineKind.HEADING
        and following is not None
        and following.kind is LineKind.PARAGRAPH
    )


def is_floating_caption(headings: Sequence[Unit], following: Unit | None) -> bool:
    """True for a lone heading line standing between breaks inside an article: a photo caption.

    A title is set close to its body; a line with a break on both sides and
    the article's text going on after it is a caption the layout dropped
    between two paragraphs.
    """
    return (
        len(headings) == 1
        and headings[0].kind is LineKind.HEADING
        and headings[0].break_before
        and following is not None
        and following.kind is LineKind.PARAGRAPH
        and following.break_before
    )


def is_photo_news(unit: Unit, following: Unit | None) -> bool:
    """True for an untitled photo-news paragraph inside a run of such items.

    One short, complete paragraph standing between breaks, with another
    such paragraph after the next break.
    """
    return (
        unit.kind is LineKind.PARAGRAPH
        and len(unit.parts) == 1
        and unit.complete
        and unit.length <= PHOTO_NEWS_MAX_CHARS
        and following is not None
        and following.kind is LineKind.PARAGRAPH
        and following.break_before
    )


def leftover_kind(unit: Unit) -> LeftoverKind:
    """The leftover kind of a unit that belongs to no article."""
    if unit.kind is LineKind.FURNITURE and unit.first.leftover is not None:
        return unit.first.leftover
    if unit.kind is LineKind.SECTION:
        return LeftoverKind.SECTION
    return LeftoverKind.OTHER
