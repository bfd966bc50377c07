"""A page's running head repeated inside an article's text: furniture wherever it stands (qaseg36's
class 4; files 07 and 14, min m5).

An in-house paper or a text export prints the running head of each page (the paper's name, the issue, the
page) where the page begins, often in the middle of an article::

    ……来自全省各机构的七十六名新人完成了为期三周的培训。
    安泰人寿浙江分公司内部通讯　2026年第11期　第4页
    培训部表示，下一期训练营将于明年二月开班……

Read as a heading, such a line became a subheading of the article or, in its last article, the title of
an article holding the rest of the text.  A short line with a page number (``第4页``, ``第3頁``)
is a running head when the part of it up to the page number is printed again elsewhere in the issue
(the digits aside: ``…第2页`` and ``…第3页``), or opens like the issue's first line (the paper's name):
it is made furniture, which stays in the article it stands in and opens nothing.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.model import LeftoverKind
from reader.core.segment.classify import LineKind, TaggedLine

HEAD_MAX_CHARS = 80
NAME_MIN_CHARS = 4  # the paper's name the head opens with, at least this long
# 第4页, 第3頁 (a 第2版 head is .furniture's, read with the jump markers)
_PAGE_FIELD = re.compile(r"第\s*[0-9一二三四五六七八九十]{1,3}\s*[页頁]")
_SENTENCE = re.compile(r"[。，！？；,!?;]")
_NOISE = re.compile(r"[\s·•#>|｜丨\-—=*]+")
_DIGITS = re.compile(r"[0-9一二三四五六七八九十]+")
_KINDS = (LineKind.HEADING, LineKind.PARAGRAPH, LineKind.SUBHEADING, LineKind.ITEM_TITLE, LineKind.SECTION)


def _head(text: str) -> str | None:
    """The line up to its page number, squeezed, digits as ``#``; None when it is no running head."""
    if len(text) > HEAD_MAX_CHARS or "第" not in text:
        return None
    page = _PAGE_FIELD.search(text)
    if page is None or _SENTENCE.search(text[: page.end()]) is not None:
        return None
    head = _NOISE.sub("", text[: page.end()])
    return _DIGITS.sub("#", head) if len(head) > len(_NOISE.sub("", page.group())) else None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def mark_repeated_heads(tagged: list[TaggedLine], *, at_start: bool) -> list[TaggedLine]:
    """``tagged`` with every running head (see the module) below the issue's first line made furniture."""
    heads = [_head(line.text) if line.kind in _KINDS else None for line in tagged]
    if not any(heads):
        return tagged
    counts = Counter(head for head in heads if head is not None)
    first = _DIGITS.sub("#", _NOISE.sub("", tagged[0].text)) if at_start and tagged else ""
    for k in range(1, len(tagged)):
        head = heads[k]
        if head is None or (_SENTENCE.search(tagged[k].text) is not None and counts[head] < 2):
            continue
        named = _common_prefix(first, head) >= min(len(first), 6) >= NAME_MIN_CHARS
        if counts[head] >= 2 or named:
            tagged[k] = tagged[k].with_kind(LineKind.FURNITURE, LeftoverKind.LAYOUT)
    return tagged
