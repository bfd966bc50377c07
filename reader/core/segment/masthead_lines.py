"""A masthead printed as one long line: the paper's name, issue, date, publisher and serial number on the
issue's first line, no blank line under it (qaseg36's class 6; file 04, min m7).

::

    新都桥县报　第1127期　2026年12月4日　星期五　中共新都桥县委主办　国内统一连续出版物号CN51-00××
    Tagong（塔公）草原牧民定居点通上天然气

Too long for a masthead line (:func:`.furniture.is_masthead_line` takes forty characters), and ending with
no stop, it read as a paragraph cut by a break: the first title and text joined it in an untitled article.
The issue's first line is made masthead furniture when it is set in fields parted by wide spaces, none a
sentence, and at least two of them are masthead fields: an issue number, a date, a weekday, who publishes
the paper, its serial number.
"""

from __future__ import annotations

from reader.core.model import LeftoverKind
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.masthead_fields import is_one_line_masthead


def mark_one_line_masthead(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """``tagged`` (an issue's start) with its first line made masthead when it is one (see the module)."""
    if tagged and tagged[0].kind is not LineKind.FURNITURE and is_one_line_masthead(tagged[0].text):
        tagged[0] = tagged[0].with_kind(LineKind.FURNITURE, LeftoverKind.MASTHEAD)
    return tagged
