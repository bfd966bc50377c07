"""A lone short line between paragraphs: a subheading of the article, or the next article's title?

Both look the same on their own (``弄堂口的老虎灶`` inside a long feature,
``书香`` over a new short piece).  The grouper (:mod:`.articles`) decides only
on clear evidence:

- the article before was closed: an attribution (``(记者 孙悦)``, ``(完)``) or a
  byline after its body (``文/陈晓``) ends it, so the next heading is a title;
- the line breaks the article's subheading style: when every subheading so far
  (two or more) has one marked shape (all quoted, ``“做志愿者让我很充实”``; all numbered,
  ``一、…``; all bracketed or bulleted) a plain line is not one of them
  (:func:`breaks_subheading_style`), unless it is a closing label that goes
  with its article (``结语``, ``记者手记``, ``链接``…).

Otherwise the line stays a subheading, and when it is the article's only
plain subheading, or plain ones follow marked ones, the confidence check
flags the article (:func:`lone_plain_subheading`): it may be a new article's
title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from reader.core.model import Block, Role
from reader.core.script import han_simplified
from reader.core.segment.rules import is_enumerated, is_marked_subheading
from reader.core.segment.title_pairs import is_bilingual_heading

# Plain labels that close or accompany the article they stand in, never a new article's title.
STAYING_LABELS = frozenset(
    {
        "结语",
        "结束语",
        "尾声",
        "后记",
        "记者手记",
        "采访手记",
        "编后",
        "编后语",
        "编后记",
        "短评",
        "链接",
        "相关链接",
        "新闻链接",
        "延伸阅读",
        "小贴士",
        "背景",
        "新闻背景",
        "专家说法",
        "记者观察",
        "编者按",
        "编者的话",
    }
)
# Subheadings of one marked shape that set an article's style.
STYLE_MIN_SUBHEADINGS = 2
_OPEN_QUOTES = "“「『\"'‘"
_CLOSE_QUOTES = "”」』\"'’"


class Shape(StrEnum):
    """How a subheading is set apart from the text."""

    PLAIN = "plain"
    QUOTED = "quoted"  # “大家叫我一声,我就来”
    NUMBERED = "numbered"  # 一、摸清底数
    BRACKETED = "bracketed"  # 【助老】
    MARKED = "marked"  # ● 学习互鉴


def subheading_shape(text: str) -> Shape:
    """The shape of a subheading line."""
    if len(text) > 2 and text[0] in _OPEN_QUOTES and text[-1] in _CLOSE_QUOTES:
        return Shape.QUOTED
    if is_enumerated(text):
        return Shape.NUMBERED
    if text[:1] in "【〖[" and text[-1:] in "】〗]":
        return Shape.BRACKETED
    if is_marked_subheading(text):
        return Shape.MARKED
    return Shape.PLAIN


def is_staying_label(text: str) -> bool:
    """True for a plain label that goes with its article (``结语``, ``记者手记``, ``【链接】``)."""
    return han_simplified(text.strip("【】〖〗[] :\uff1a")) in STAYING_LABELS


def breaks_subheading_style(subheadings: Sequence[str], text: str) -> bool:
    """True when the article's ``subheadings`` (two or more) share one marked shape and the plain ``text``
    does not.

    One marked subheading sets no style yet: ``一、…`` then a plain line may be two levels of one
    article's outline.
    """
    if len(subheadings) < STYLE_MIN_SUBHEADINGS or subheading_shape(text) is not Shape.PLAIN:
        return False
    if is_staying_label(text):
        return False
    shapes = {subheading_shape(subheading) for subheading in subheadings}
    return len(shapes) == 1 and Shape.PLAIN not in shapes


def lone_plain_subheading(subheadings: Sequence[str]) -> bool:
    """True when a plain subheading (not a closing label) may be the title of an article run in.

    It is the article's only plain subheading, or it follows marked ones (``“…”``, ``一、…``): the
    article's style changed there.
    """
    plain = [not is_staying_label(text) and subheading_shape(text) is Shape.PLAIN for text in subheadings]
    if sum(plain) == 1:
        return True
    return any(plain[at] and not any(plain[:at]) for at in range(1, len(plain)))


# A notice's title set letter-spaced: 更　正, 讣　告, 鸣　谢, 启　事 (one Han character a word).
_SPACED_TITLE = re.compile(r"[\u3400-\u9fff](?:[ \t\u3000]+[\u3400-\u9fff]){1,3}")
# A Markdown heading's marker: #, ##, ###…
_MARKDOWN_HEADING = re.compile(r"(#{1,6})\s+\S")


def is_spaced_title(text: str) -> bool:
    """True for a short title set letter-spaced (``更　正``, ``讣　告``): a notice's, never a subheading."""
    return _SPACED_TITLE.fullmatch(text) is not None and not is_staying_label(re.sub(r"\s+", "", text))


def markdown_level(text: str) -> int:
    """The level of a Markdown heading line (``# 标题`` → 1), 0 for another line."""
    match = _MARKDOWN_HEADING.match(text)
    return 0 if match is None else len(match.group(1))


def breaks_article_style(blocks: Sequence[Block], text: str) -> bool:
    """True when a lone line ``text`` after an article's ``blocks`` is set as no subheading of it.

    - it breaks the style of the article's subheadings (:func:`breaks_subheading_style`);
    - it is letter-spaced like a notice's title (``更　正``, ``讣　告``), or a Chinese title with its
      English one on its line (``实用信息 Useful Information``);
    - it is a Markdown heading of the level of the article's title (``# 梅陇派出所…`` under an article
      headed ``# …``): a subheading is a level down (``## …``); a closing label stays (``# 编者按``).
    """
    if is_spaced_title(text) or is_bilingual_heading(text):
        return True
    level = markdown_level(text)
    if level and not is_staying_label(text.lstrip("# ")):
        heads = (block.text for block in blocks if block.role in (Role.KICKER, Role.TITLE))
        if any(markdown_level(head) == level for head in heads):
            return True
    subheadings = [block.text for block in blocks if block.role is Role.SUBHEADING]
    return breaks_subheading_style(subheadings, text)
