"""A byline set behind a bullet square: ``■ 通讯员 马骁``, ``■ 二营六连 战士 李浩然`` (qaseg27's C1).

Unit papers and some community papers print the writer's line under a title behind a black square
or bullet, the way others print ``□ 通讯员 …``.  Read alone, the marked line is a subheading (a
bullet opens list items and labels); where it stands tells: right under a heading line and right over
the text, a few words ending in a person's name (``通讯员 马骁``, ``二营六连 战士 李浩然``), it is the
article's byline.  A title with its own byline is a new article (:func:`.heading_groups.starts_new_article`),
never a subheading of the article above.
"""

from __future__ import annotations

from reader.core.model import Person
from reader.core.segment.byline import SIGNATURE_MAX_CHARS, parse_byline, signature_name
from reader.core.segment.classify import LineKind, TaggedLine

_MARKS = frozenset("■●◆▲◎★▪◼•")
_HEADS = (LineKind.HEADING, LineKind.SUBTITLE)


def _marked_byline(tagged: list[TaggedLine], i: int) -> tuple[Person, ...] | None:
    line = tagged[i]
    if line.kind not in (LineKind.SUBHEADING, LineKind.HEADING):
        return None
    text = line.text.strip()
    if (
        i == 0
        or i + 1 == len(tagged)
        or text[:1] not in _MARKS
        or line.line.gap_before
        or tagged[i - 1].kind not in _HEADS
        or tagged[i + 1].kind is not LineKind.PARAGRAPH
        or tagged[i + 1].line.gap_before
    ):
        return None
    words = text[1:].split()
    if len(words) < 2 or len(text) > SIGNATURE_MAX_CHARS:
        return None  # (■ 学习互鉴: one word, a label)
    rest = " ".join(words)
    name = signature_name(rest)
    if not name:
        return None
    return parse_byline("□ " + rest) or (Person(name=name, role=""),)


def mark_marked_bylines(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag bullet-marked bylines right under a title and over the text (see the module); a new list."""
    marked = list(tagged)
    for i, line in enumerate(marked):
        people = _marked_byline(marked, i)
        if people is not None:
            marked[i] = TaggedLine(line.line, LineKind.BYLINE, line.line.end, people=people)
    return marked
