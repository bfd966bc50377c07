"""Brief items printed ``【title】text`` one per line: ``【杏林社区开展义诊】5月7日上午,…``.

A short item whose title is set in brackets in front of its text, on the same
line, the next item on the next line.  Line-based OCR output gives no blank
line between them, so the re-flow (:mod:`.reflow`) must not take such a line
for the rest of a paragraph wrapped at the column: after a line that ends a
sentence, a line opening with a bracketed title and going on with text opens
a block of its own (:func:`opens_bracket_item`), and the title is split off
its text as a heading (:func:`bracketed_head_end`, used by :mod:`.lines`).
"""

from __future__ import annotations

import re

from reader.core.segment.comment_lines import is_comment_label
from reader.core.segment.datelines import is_bracketed_source
from reader.core.segment.rules import ends_sentence

# 【党政】, 【梅园街道举办消防演练】, 〖“垃圾分类”宣传进校园〗: a label or a title in brackets opening a line
BRACKETED_HEAD = re.compile(r"[【〖]\s*[^【】〖〗\s]{1,30}\s*[】〗]")


def bracketed_head_end(text: str) -> int:
    """Where a bracketed label or title opening ``text`` ends (0 when there is none).

    A dateline in brackets (``【本报讯】``, ``【新华社北京5月7日电】``) is none: it opens
    its paragraph (:mod:`.datelines`); nor is an editor's comment's or a reply's label (``【编后】``,
    ``【回复】``): it opens the last paragraph of its item (:mod:`.comment_lines`).
    """
    end = _head_end(text)
    return 0 if end and is_comment_label(text[1 : end - 1]) else end


def _head_end(text: str) -> int:
    match = BRACKETED_HEAD.match(text)
    if match is None:
        return 0
    inner = text[1 : match.end() - 1].strip()
    return 0 if is_bracketed_source(inner) else match.end()


def opens_bracket_item(above: str, below: str) -> bool:
    """True when ``below`` opens a ``【title】text`` item (or a ``【编后】…`` comment) after ``above`` ended
    a sentence."""
    if below[:1] not in "【〖" or not ends_sentence(above):
        return False
    end = _head_end(below)
    return 0 < end < len(below)


def is_glued_item_title(text: str, head: tuple[int, int], body_start: int) -> bool:
    """True for a bracketed title printed on one line with the text under it (``【…】5月7日,…``).

    ``head`` is the span of the title's line in ``text``, ``body_start`` where
    the paragraph after it starts: a brief item's title, never a subheading,
    whatever the paragraph says (a bracketed label on a line of its own,
    ``【结语】``, may still be one).
    """
    start, end = head
    return (
        text[start : start + 1] in ("【", "〖")
        and text[end - 1 : end] in ("】", "〗")
        and start < end <= body_start
        and "\n" not in text[end:body_start]
    )
