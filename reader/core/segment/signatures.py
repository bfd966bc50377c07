"""Signature and bare-name lines: who wrote a letter or report, told by where the line stands.

Two layouts the text of one line alone cannot tell from a heading:

- a *signature*: a short line of a few words ending in a person's name (``读者 孙秀英``,
  ``丰收小区居民 赵德明``, ``工会 刘敏``) or opened by a dash (``——阳光花园小区 一位业主``), set
  right under the last paragraph of a letter or report with no blank line between, and with a
  blank line, a heading or the end of the text after it.  It is the writer's line: it closes that
  article (:mod:`.articles` keeps it as the article's byline), it is never a heading of the next
  one nor half of a cut sentence;
- a *bare name* (``张卫东``) alone on its line right under a title and right over the text: the
  article's byline (a collective author, ``本报评论员``, is one by its text: :func:`.byline.parse_byline`).

Both become :class:`~.classify.LineKind.BYLINE` lines before cut paragraphs are joined.
"""

from __future__ import annotations

import re

from reader.core.model import Person
from reader.core.segment.byline import SIGNATURE_MAX_CHARS, is_personal_name, parse_byline, signature_name
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.comment_lines import closes_with_comment
from reader.core.segment.rules import is_editors_note

_NAME_ONLY = re.compile(r"[\u3400-\u9fff]{2,3}")
_HEADING_KINDS = (LineKind.HEADING, LineKind.SUBTITLE, LineKind.ITEM_TITLE)


def _signs_above(tagged: list[TaggedLine], i: int) -> bool:
    """True when line ``i`` stands where a signature does: under a finished paragraph, last of its run."""
    line = tagged[i]
    if i == 0 or line.line.gap_before != 0 or line.kind not in (*_HEADING_KINDS, LineKind.PARAGRAPH):
        return False
    above = tagged[i - 1]
    if above.kind is not LineKind.PARAGRAPH or not above.complete:
        return False
    if i + 1 == len(tagged):
        return True
    below = tagged[i + 1]  # a reply or the editors' comment under the letter: 【回复】…, 【编后】…, 编者按：…
    return (
        below.line.gap_before > 0
        or below.kind is not LineKind.PARAGRAPH
        or closes_with_comment(below.text)
        or is_editors_note(below.text)
    )


def _bare_byline(tagged: list[TaggedLine], i: int) -> tuple[Person, ...] | None:
    """The people of a bare name or collective author right under a heading and over the text."""
    line = tagged[i]
    if i == 0 or i + 1 == len(tagged) or line.line.gap_before != 0 or line.kind is not LineKind.HEADING:
        return None
    if tagged[i - 1].kind not in _HEADING_KINDS or tagged[i + 1].kind is not LineKind.PARAGRAPH:
        return None
    if tagged[i + 1].line.gap_before != 0:
        return None
    text = line.text
    if _NAME_ONLY.fullmatch(text) is not None and is_personal_name(text):
        return (Person(name=text, role=""),)
    return None


def mark_signatures(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag signatures and bare-name bylines (see the module) as bylines; a new list."""
    marked = list(tagged)
    for i, line in enumerate(marked):
        if line.line.gap_before or len(line.text) > SIGNATURE_MAX_CHARS or line.kind is LineKind.BYLINE:
            continue  # both stand right under the line above them
        people = _bare_byline(marked, i)
        if people is None and _signs_above(marked, i):
            name = signature_name(line.text)
            if name is not None:
                people = (Person(name=name, role=""),) if name else ()
        if people is not None:
            marked[i] = TaggedLine(line.line, LineKind.BYLINE, line.line.end, people=people)
    return marked


def is_signature(text: str) -> bool:
    """True for a byline line that names no role word (a signature or a bare name, not ``记者 张三``)."""
    return parse_byline(text) is None
