"""A teacher's or editor's comment right under an attribution line: the end of the piece above (qaseg36's
class 2; file 09, min m2).

A school weekly closes each pupil's composition with the teacher's name in brackets and, on the next line,
the teacher's comment::

    我想，外婆的腌菜缸里装的不只是菜，还有冬天的味道。
    （指导老师：沈佳）
    老师点评：小作者抓住“踩菜”这个细节，结尾一句很有味道。

The bracketed line reads as an attribution, which closes the article: the comment under it then opened an
untitled article of its own, or (short, no stop) became the kicker of the next composition's title.  Here
both lines are made finished paragraphs of the piece above when the attribution sits right under its text
and the comment, opening with its label (``老师点评：``, ``教师评语：``, ``编者点评：``), right under the
attribution, no blank line between.
"""

from __future__ import annotations

import re

from reader.core.segment.classify import LineKind, TaggedLine

# 老师点评：, 教师评语：, 编辑点评：, 点评：, 评语: (a label of up to four Han characters before it)
_COMMENT = re.compile(r"[\u4e00-\u9fff]{0,4}(?:点评|评语|简评|短评|评析|寄语|评)[:\uff1a]\s*\S")
_TAIL_KINDS = (LineKind.PARAGRAPH, LineKind.HEADING)


def opens_comment(text: str) -> bool:
    """True for a line opening with a comment's label (``老师点评：…``)."""
    return _COMMENT.match(text.strip()) is not None


def mark_source_tails(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """``tagged`` with an attribution line and the comment right under it made the piece's last paragraphs
    (see the module)."""
    for k in range(1, len(tagged) - 1):
        line, above, below = tagged[k], tagged[k - 1], tagged[k + 1]
        if (
            line.kind is LineKind.SOURCE
            and above.kind is LineKind.PARAGRAPH
            and not line.line.gap_before
            and below.kind in _TAIL_KINDS
            and not below.line.gap_before
            and opens_comment(below.text)
        ):
            tagged[k] = line.with_kind(LineKind.PARAGRAPH)
            tagged[k + 1] = below.with_kind(LineKind.PARAGRAPH)
    return tagged
