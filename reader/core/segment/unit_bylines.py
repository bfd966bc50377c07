"""A writer's unit and name under a title, over the text: the article's byline, never its title (qaseg36's
class 7, qaseg35's class 8; files 06, 07, 04, min m4).

::

    理赔故事：凌晨两点的一通电话            糖尿病患者冬天怎样护脚？
    温州中支理赔部　林蓓蓓                  [image]
    十月的一个凌晨，我接到……               内分泌科主任医师　孙立群
                                            问：晚上喜欢用热水泡脚，可以吗？

A unit (``温州中支理赔部``, ``客运车间``, ``内分泌科主任医师``, ``本刊通讯员``), a wide space and a person's
name names no role :func:`.byline.parse_byline` knows, so the line read as a heading: the title, and the
real title above it a kicker (or, over a photo marker, a leftover).  Set right under a heading (or under
a photo marker under one) and right over the text, such a line is made a byline; the photo marker
between the title and it is made furniture of the heading (it stays with the article, no section label).
"""

from __future__ import annotations

import re

from reader.core.model import LeftoverKind, Person
from reader.core.segment.byline import is_personal_name, signature_name
from reader.core.segment.classify import LineKind, TaggedLine

UNIT_MAX_CHARS = 16
_FIELDS = re.compile(rf"(\S{{2,{UNIT_MAX_CHARS}}}?)(?:\u3000+|[ \t]{{2,}})([\u4e00-\u9fff·]{{2,6}})")
_SENTENCE = re.compile(r"[。，！？；：:,!?;、“”\"]")
# 本报通讯员, 特约记者: a role word the unit ends with (then the name need not be a known surname's)
_ROLE_END = re.compile(r"(?:通讯员|记者|撰稿人?|作者|医师|医生|护士长|教师|老师|教授|研究员)$")
_PHOTO = re.compile(r"[【\[〔]\s*(?:图|图片|照片|相片|[Ii]mage|IMAGE|[Pp]hoto|PHOTO)\s*[】\]〕]")
_TITLE_KINDS = (LineKind.HEADING, LineKind.SUBTITLE, LineKind.ITEM_TITLE)


def unit_byline(text: str) -> Person | None:
    """The person of a ``unit　name`` line (see the module), or None."""
    match = _FIELDS.fullmatch(text.strip())
    if match is None or _SENTENCE.search(text) is not None:
        return None
    unit, name = match.group(1), match.group(2)
    if _ROLE_END.search(unit) is None and (signature_name(text) != name or not is_personal_name(name)):
        return None
    return Person(name=name, role=unit)


def _under_title(tagged: list[TaggedLine], i: int) -> int | None:
    """The index of a photo marker between line ``i`` and the title above it (-1 when none), or None when
    no title stands right above."""
    above = tagged[i - 1]
    if above.kind in _TITLE_KINDS:
        return -1
    if i >= 2 and _PHOTO.fullmatch(above.text) is not None and not above.line.gap_before:
        return i - 1 if tagged[i - 2].kind in _TITLE_KINDS else None
    return None


def mark_unit_bylines(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """``tagged`` with every unit-and-name line under a title and over the text made a byline."""
    for i in range(1, len(tagged) - 1):
        line, below = tagged[i], tagged[i + 1]
        if (
            line.kind is not LineKind.HEADING
            or line.line.gap_before
            or below.kind is not LineKind.PARAGRAPH
            or below.line.gap_before
        ):
            continue
        photo = _under_title(tagged, i)
        person = unit_byline(line.text) if photo is not None else None
        if person is None or photo is None:
            continue
        tagged[i] = TaggedLine(line.line, LineKind.BYLINE, line.line.end, people=(person,))
        if photo >= 0:
            tagged[photo] = tagged[photo].with_kind(LineKind.FURNITURE, LeftoverKind.LAYOUT)
    return tagged
