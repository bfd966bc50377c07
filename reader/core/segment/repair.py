"""Structural repair: join paragraphs cut by a page/column break, lift dropped captions.

No character is changed or added: a joined paragraph is the list of the
lines it was cut into, and a caption or layout word that the break dropped
between the two halves becomes a block of its own beside the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.rules import continuation_start, has_comma

# How many caption lines / furniture lines a break may drop between two halves.
MAX_DROPPED_CAPTIONS = 2
MAX_DROPPED_FURNITURE = 4
# Kinds a line before a fragment has when the fragment sits inside an article body.
_BODY_CONTEXT = (LineKind.PARAGRAPH, LineKind.HEADING, LineKind.SUBHEADING, LineKind.CAPTION)


@dataclass(slots=True)
class Unit:
    """A unit for article grouping: one line, or a paragraph joined from several.

    ``parts`` holds the lines of a joined paragraph in order (one line for
    every other kind); ``lifted`` the captions and furniture found between
    them.
    """

    kind: LineKind
    parts: list[TaggedLine]
    lifted: list[TaggedLine] = field(default_factory=list)

    @property
    def first(self) -> TaggedLine:
        """The first line of the unit."""
        return self.parts[0]

    @property
    def last(self) -> TaggedLine:
        """The last line of the unit."""
        return self.parts[-1]

    @property
    def text(self) -> str:
        """The text of the first line (the whole text of a one-line unit)."""
        return self.parts[0].line.text

    @property
    def break_before(self) -> bool:
        """True when a page/column break precedes the unit."""
        return self.parts[0].line.break_before

    @property
    def complete(self) -> bool:
        """True when the unit's last line ends like a finished paragraph."""
        return self.parts[-1].complete

    @property
    def length(self) -> int:
        """Number of characters in the unit's lines."""
        return sum(len(part.line.text) for part in self.parts)


def is_cut_fragment(tagged: list[TaggedLine], i: int) -> bool:
    """True when heading-like line ``i`` is really the first half of a cut paragraph.

    It sits inside an article body, holds a comma (or the next line starts
    like the rest of a sentence), and a paragraph follows after a break:
    ``街道党政班子率先示范,带着责任`` + run + ``学、带着问题学、…``.
    """
    line = tagged[i]
    if line.kind is not LineKind.HEADING or i == 0 or i + 1 >= len(tagged):
        return False
    after = tagged[i + 1]
    if after.kind is not LineKind.PARAGRAPH or tagged[i - 1].kind not in _BODY_CONTEXT:
        return False
    if tagged[i - 1].line.break_before and tagged[i - 1].kind is LineKind.HEADING:
        return False
    if continuation_start(after.text):
        return True
    return has_comma(line.text) and after.line.break_before


def opens_cut(tagged: list[TaggedLine], i: int) -> bool:
    """True when line ``i`` may be the first half of a paragraph cut by a break."""
    line = tagged[i]
    if line.kind is LineKind.PARAGRAPH:
        return not line.complete
    return is_cut_fragment(tagged, i)


def lift_dropped_captions(tagged: list[TaggedLine], j: int) -> tuple[list[TaggedLine], int] | None:
    """Find the second half of a cut paragraph at or after line ``j``.

    Skips up to two caption lines (heading-like or marked) and a few
    furniture lines the break dropped in between; returns those lines and
    the index of the continuing paragraph, or None when no paragraph
    continues there.
    """
    dropped: list[TaggedLine] = []
    captions = 0
    furniture = 0
    k = j
    while k < len(tagged):
        line = tagged[k]
        if line.kind is LineKind.PARAGRAPH:
            return dropped, k
        if line.kind in (LineKind.HEADING, LineKind.CAPTION) and captions < MAX_DROPPED_CAPTIONS:
            captions += 1
            dropped.append(line.with_kind(LineKind.CAPTION))
        elif line.kind is LineKind.FURNITURE and furniture < MAX_DROPPED_FURNITURE:
            furniture += 1
            dropped.append(line)
        else:
            return None
        k += 1
    return None


def join_cut_paragraph(tagged: list[TaggedLine], i: int) -> tuple[Unit, int]:
    """Join line ``i`` with the lines continuing it; returns the unit and the next index."""
    first = tagged[i]
    if first.kind is not LineKind.PARAGRAPH:
        first = replace(first, kind=LineKind.PARAGRAPH, complete=False)
    unit = Unit(LineKind.PARAGRAPH, [first])
    k = i + 1
    while not unit.complete:
        found = lift_dropped_captions(tagged, k)
        if found is None:
            break
        dropped, at = found
        unit.lifted.extend(dropped)
        unit.parts.append(tagged[at])
        k = at + 1
    return unit, k


def join_cut_paragraphs(tagged: list[TaggedLine]) -> list[Unit]:
    """Turn tagged lines into units, joining every paragraph cut by a break."""
    units: list[Unit] = []
    i = 0
    while i < len(tagged):
        if opens_cut(tagged, i):
            unit, i = join_cut_paragraph(tagged, i)
        else:
            unit, i = Unit(tagged[i].kind, [tagged[i]]), i + 1
        units.append(unit)
    return units
