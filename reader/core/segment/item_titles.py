"""A lone short heading after an article's finished text: the title of an item that lists, not a
subheading (qaseg25's class C1).

A bulletin, a church's weekly or a community paper sets its small items one after another with no
blank line to part them, each under a short title: ``代禱事項`` over a numbered prayer list,
``垃圾分类问答`` over question and answer turns, ``聚會時間`` over ``label：value`` rows, ``谜语`` over
numbered riddles, ``奉獻報告`` over a table's rows.  A feature's subheading, set the same way, goes on
with the feature's own matter: more paragraphs of prose.  Layout tells them apart:

- every paragraph under the heading, up to the next heading (or the end), is a line of a list: a
  numbered item (``一、`` or ``1.``, two kinds of list), a turn (``问：`` ``答：``), a ``label：value``
  row, a table's row (cells parted by wide spaces, a dot leader, a time first); two of them at least;
- the article's text above it is of another shape: prose, or a list of another kind (a numbered list
  above, a table's rows under the heading);
- or the other way round: the article's text is all a list's lines (``问：`` ``答：`` turns), or ends on
  three rows (a table, a programme, a calendar under its lead; an interview's turns under its lead go
  on), and prose follows the heading (``楼组长手记：一把备用钥匙`` over a column): the list's item is over;
- the heading names nothing the article spoke of (no three characters of it in the article's title or
  text: ``金牌榜(前五名)`` under a story telling who ``位列金牌榜首位`` is that story's table);
- the article has no subheading yet (a feature that set one already sets its next the same way), its
  text ends finished (a full stop, or a list's last line), and the heading is no closing label
  (``相关链接``, ``结语``).

Attributions, captions and furniture between the lines are no paragraphs of the item and do not
count; contact lines and a notice's fields (``联系电话：…``, ``截稿日期：…``) are no list's lines: under
the heading they close the item above, after a list its own item.  A notice's title (``更正``,
``失物招领``, ``讣告``) is an item of its own by its word alone (:func:`.rules.is_notice_title`), and a
notice sets no plain subheading over prose: a lone heading after its finished text, over prose, opens
the next item (``报名方式`` over ``联系电话：…`` is the notice's own label).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol

from reader.core.model import Block, Role
from reader.core.script import han_simplified
from reader.core.segment.classify import LineKind
from reader.core.segment.drawn_tables import is_drawn_row
from reader.core.segment.repair import Unit
from reader.core.segment.rules import is_enumerated, is_notice_title, is_speech_turn
from reader.core.segment.short_line_runs import is_row_line
from reader.core.segment.subheads import is_spaced_title, is_staying_label
from reader.core.segment.whole_lines import is_contact_line, is_notice_field

# The lines of a list are at least this many (one line under a heading is a paragraph).
LIST_MIN_LINES = 2
# An article whose last this many paragraphs are a list's lines (a table, a programme) ends on that list.
LIST_TAIL_LINES = 3
_ROW_MAX_CHARS = 60
_FIELD = re.compile(r"[\u3400-\u9fff]{1,8}\s*[:\uff1a]\s*\S")
_LABEL_MAX_CHARS = 20
_STOPS = re.compile(r"[。!?;！？；]")
_CELLS = re.compile(r"\u3000+|[ \t]{2,}|[…⋯·.]{3,}")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_NAMED_CHARS = 3
_CONTACT = re.compile(r"(?:电话|热线|手机|传真|邮箱|地址)\s*[:\uff1a]?\s*[\d(\uff08]")
# A list of brief notes set with triangles (△泰国客属总会…, ▲…): its lines read as captions.
LIST_TRIANGLES = frozenset("△▲")
_HAN_NUMERALS = frozenset("一二三四五六七八九十")
_SKIPPED = (LineKind.SOURCE, LineKind.CAPTION, LineKind.FURNITURE)
_HEADS = (LineKind.HEADING, LineKind.SUBTITLE, LineKind.ITEM_TITLE, LineKind.SUBHEADING, LineKind.SECTION)


class Drafted(Protocol):
    """What is read of the article being built: its blocks, and whether its text ended finished."""

    @property
    def blocks(self) -> Sequence[Block]: ...
    @property
    def last_complete(self) -> bool: ...


class Shape(StrEnum):
    """The kind of line a paragraph is."""

    PROSE = "prose"
    NUMBERED = "numbered"  # 1. 一口咬掉牛尾巴。
    HAN_NUMBERED = "han_numbered"  # 一、为本堂明年的事工计划祷告…, (二)…: another list than 1. 2.
    TURN = "turn"  # 问：… 答：…
    FIELD = "field"  # 主日崇拜：上午九时半
    DRAWN = "drawn"  # | 1 | 港务FC | 8 | 19 |, +-----+-----+: a table drawn with rules, a box of its own
    BULLETED = "bulleted"  # △泰国客属总会定于…: an item of a list of brief notes (read as a caption)
    ROW = "row"  # 经常费　港币　38,650.00, 宣 召……………主 席, 19:30 新闻


def line_shape(text: str) -> Shape:
    """The shape of one paragraph's text (see :class:`Shape`)."""
    if is_drawn_row(text):
        return Shape.DRAWN
    if text[:1] in LIST_TRIANGLES:
        return Shape.BULLETED
    if is_enumerated(text):
        return Shape.HAN_NUMBERED if text.lstrip("(（")[:1] in _HAN_NUMERALS else Shape.NUMBERED
    if is_speech_turn(text):
        return Shape.TURN
    if len(text) > _ROW_MAX_CHARS:
        return Shape.PROSE
    if _FIELD.match(text) is not None:
        return Shape.FIELD
    if is_row_line(text) or len([cell for cell in _CELLS.split(text) if cell.strip()]) >= 2:
        return Shape.ROW
    if len(text) <= _LABEL_MAX_CHARS and _STOPS.search(text) is None:
        return Shape.ROW  # 南湾公园冬日嘉年华 between a calendar's dated rows, a verse line: no sentence
    return Shape.PROSE


def _listed_shapes(units: Sequence[Unit], k: int) -> set[Shape] | None:
    """The shapes of the paragraphs from unit ``k`` to the next heading when they are all a list's
    lines (two or more), else None."""
    shapes: list[Shape] = []
    while k < len(units) and units[k].kind not in _HEADS:
        unit = units[k]
        if unit.kind is LineKind.PARAGRAPH:
            shape = line_shape(unit.text)
            if is_contact_line(unit.text) or is_notice_field(unit.text):
                if len(shapes) < LIST_MIN_LINES:  # 报名方式 over 联系电话：…: the item's closing fields
                    return None
            elif shape is Shape.PROSE:
                return None
            else:
                shapes.append(shape)
        elif _listed_caption(unit.text, unit.kind):
            shapes.append(Shape.BULLETED)
        elif unit.kind not in _SKIPPED:
            return None
        k += 1
    return set(shapes) if len(shapes) >= LIST_MIN_LINES else None


def opens_item(article: Drafted, heading: str, units: Sequence[Unit], k: int) -> bool:
    """True when a lone ``heading`` after the open ``article`` starts an item of its own: the article is
    a notice, the heading titles the list from unit ``k`` on, or the article is a list and prose follows
    (see the module's doc)."""
    blocks = article.blocks
    if not article.last_complete or is_staying_label(heading):
        return False
    if any(block.role is Role.SUBHEADING for block in blocks):
        return False
    following = next((unit for unit in units[k:] if unit.kind not in _SKIPPED), None)
    prose = (
        following is not None
        and following.kind is LineKind.PARAGRAPH
        and line_shape(following.text) is Shape.PROSE
    )
    if prose and _ends_notice(blocks, heading):  # (报名方式 over 联系电话：… is the notice's own)
        return True
    above = [
        block.text
        for block in blocks
        if block.role is Role.PARAGRAPH or (block.role is Role.CAPTION and block.text[:1] in LIST_TRIANGLES)
    ]
    if not above:
        return False
    if is_drawn_row(above[-1]) and following is not None and following.kind is LineKind.PARAGRAPH:
        return True  # after a drawn table's bottom border: the box is over (今日匯率 under 主要股份收市價)
    listed = _listed_shapes(units, k)
    if listed is not None:
        changes = line_shape(above[-1]) not in listed
    else:  # the article's text ends on a list (all of it a list's, or three lines), prose under the heading
        shapes = [line_shape(text) for text in above]
        tail = shapes[-LIST_TAIL_LINES:]
        changes = (
            prose
            and len(above) >= LIST_MIN_LINES
            and Shape.PROSE not in tail
            and (Shape.PROSE not in shapes or (len(tail) == LIST_TAIL_LINES and Shape.TURN not in tail))
        )  # (an interview's turns under its lead, then 人物简介: the interview's)
    if changes and listed == {Shape.DRAWN}:  # a table drawn in its box: its own title, whatever it names
        return True
    return changes and not named_above(heading, han_simplified("".join([block.text for block in blocks])))


def _listed_caption(text: str, kind: LineKind) -> bool:
    """True for a caption line that is an item of a triangle-set list (``△泰国海南会馆…``)."""
    return kind is LineKind.CAPTION and text[:1] in LIST_TRIANGLES and "图" not in text[:4]


def _ends_notice(blocks: Sequence[Block], heading: str) -> bool:
    """True when the article is a notice (``更正``, ``讣　告``, ``停水通知``) and ``heading`` is no
    numbered point, closing label or issuer's contact line of it: a notice sets no plain subheading."""
    title = next((block.text for block in blocks if block.role is Role.TITLE), None)
    if title is None or is_enumerated(heading) or is_staying_label(heading) or _CONTACT.search(heading):
        return False  # (宁海县金诚拍卖有限公司 电话：0574-65523456: the notice's issuer, its last line)
    return is_notice_title(han_simplified(title)) or is_spaced_title(title)


def named_above(heading: str, text: str) -> bool:
    """True when three characters in a row of ``heading``'s words stand in ``text``."""
    for run in _HAN_RUN.findall(heading):
        if any(run[i : i + _NAMED_CHARS] in text for i in range(len(run) - _NAMED_CHARS + 1)):
            return True
    return False
