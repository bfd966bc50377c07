"""A credit line under a title (``播音：林浩然、苏雨晴``, ``文／责任护士　赵晓雪``): the article's byline, and
the line over it its title (qaseg31's class 3).

A campus radio's script sets each segment's title over the names of its announcers (``播音：…``), a
newsletter each story's over its writer's (``文／…`` with a full-width slash, a unit for a name:
``文／廟方文史組``).  Read as headings, the credit took the title's place and the title became a kicker;
read as a table's ``label：value`` rows (``第二板块：点歌台`` over ``播音：…``), both became body text
and the segment was swallowed by the one before.

A line opening with a credit's label (:data:`CREDIT_LABELS`) and a slash or colon, naming a few people
or a unit and no sentence, set right under a short line that is no sentence, is made a byline, and
that line a heading.  A line read as a paragraph is taken for a title only when the line over it ends a
finished paragraph or is a heading, or a blank line parts it from what is above (it is no paragraph's
cut tail).
"""

from __future__ import annotations

import re

from reader.core.model import Person
from reader.core.segment.byline import is_personal_name
from reader.core.segment.classify import LineKind, TaggedLine

# Labels that credit the people who made an item.
CREDIT_LABELS = ("文", "图", "图文", "撰文", "播音", "主播", "主持", "主持人", "口述", "整理", "摄影")
_CREDIT = re.compile(
    rf"(?P<label>{'|'.join(sorted(CREDIT_LABELS, key=len, reverse=True))})\s*[／/:：]\s*"
    r"(?P<names>[^。！？!?；;：:／/]{1,24})"
)
_FIRSTS = frozenset(label[0] for label in CREDIT_LABELS)
_SEPARATORS = re.compile(r"[、，,\s\u3000]+")
# A title over a credit is no longer than this, and no sentence.
TITLE_MAX_CHARS = 30
_SENTENCE_ENDS = re.compile(r"[。！？!?；;]$")
_TITLE_KINDS = (LineKind.HEADING, LineKind.PARAGRAPH, LineKind.SUBHEADING, LineKind.ITEM_TITLE)


def credit_people(text: str) -> tuple[Person, ...] | None:
    """The people a credit line names (``播音：林浩然、苏雨晴``), or None when ``text`` is no credit line."""
    match = _CREDIT.fullmatch(text.strip())
    if match is None:
        return None
    label = match.group("label")
    words = [word for word in _SEPARATORS.split(match.group("names")) if word]
    return tuple(Person(name=word, role=label) for word in words if is_personal_name(word))


def _titles(line: TaggedLine) -> bool:
    text = line.text.strip()
    return (
        line.kind in _TITLE_KINDS
        and 2 <= len(text) <= TITLE_MAX_CHARS
        and _SENTENCE_ENDS.search(text) is None
        and credit_people(text) is None
    )


def mark_credit_bylines(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """``tagged`` with every credit line under a title (see the module) made a byline, the title a
    heading."""
    for k in range(1, len(tagged)):
        line, title = tagged[k], tagged[k - 1]
        if line.text[:1] not in _FIRSTS or line.line.gap_before or line.kind is LineKind.FURNITURE:
            continue  # (most lines: no credit's label first)
        if not _titles(title):
            continue
        people = credit_people(line.text)
        if people is None:
            continue
        above = tagged[k - 2] if k >= 2 else None
        if (
            above is not None
            and title.kind is LineKind.PARAGRAPH
            and not (
                above.kind in (LineKind.HEADING, LineKind.FURNITURE, LineKind.SOURCE, LineKind.BYLINE)
                or (above.kind is LineKind.PARAGRAPH and above.complete)
                or title.line.gap_before
            )
        ):
            continue
        tagged[k] = TaggedLine(line.line, LineKind.BYLINE, line.line.end, people=people)
        if title.kind is not LineKind.HEADING:
            tagged[k - 1] = title.with_kind(LineKind.HEADING)
    return tagged
