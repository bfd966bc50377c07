"""Structural repair: join paragraphs cut by a page/column break, lift dropped captions.

No character is changed or added: a joined paragraph is the list of the
lines it was cut into, and a caption or layout word that the break dropped
between the two halves becomes a block of its own beside the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.finished_rows import is_finished_row
from reader.core.segment.rules import continuation_start, ends_with_bare_closer, has_comma, opens_article
from reader.core.segment.whole_lines import is_standalone_line, opens_with_any_dateline

# How many caption lines / furniture lines a break may drop between two halves.
MAX_DROPPED_CAPTIONS = 2
MAX_DROPPED_FURNITURE = 4
# A heading-like line at least this long before a break reads as part of a cut sentence.
CLAUSE_MIN_CHARS = 20
# Kinds of the line before a fragment: it sits under an article's headings or in its body.
_BODY_CONTEXT = (
    LineKind.PARAGRAPH,
    LineKind.HEADING,
    LineKind.SUBHEADING,
    LineKind.CAPTION,
    LineKind.SUBTITLE,
    LineKind.ITEM_TITLE,
    LineKind.BYLINE,
)


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

    It follows an article's headings or body without a break, and a paragraph
    continues it: that paragraph starts like the rest of a sentence
    (``学、带着…``, ``绍,随后…``); or a break follows the line and either a
    dropped caption sits between the halves or the line reads like part of a
    sentence (:func:`reads_as_clause`: ``街道党政班子率先示范,带着责任`` + run +
    ``学、…``); or, with no break after it, the line holds a comma or the
    paragraph starts like the rest of a sentence, unless the line sits under a
    kicker that follows a break (then it is a title).
    """
    line = tagged[i]
    if line.kind is not LineKind.HEADING or line.line.break_before or i == 0 or i + 1 >= len(tagged):
        return False
    before = tagged[i - 1]
    if before.kind not in _BODY_CONTEXT:
        return False
    found = lift_dropped_captions(tagged, i + 1)
    if found is None:
        return False
    dropped, at = found
    if tagged[i + 1].line.break_before:
        return bool(dropped) or reads_as_clause(line.text) or continuation_start(tagged[at].text)
    # No break after: the line may be a title under a kicker that opens a new article.
    under_kicker = before.kind is LineKind.HEADING and before.line.break_before
    if under_kicker or dropped:
        return False
    return continuation_start(tagged[at].text) or has_comma(line.text)


def reads_as_clause(text: str) -> bool:
    """True when a heading-like line reads like part of a sentence rather than a title.

    It holds a comma or an enumeration comma, or is longer than titles
    usually are.
    """
    return has_comma(text) or "、" in text or len(text) >= CLAUSE_MIN_CHARS


def opens_cut(tagged: list[TaggedLine], i: int) -> bool:
    """True when line ``i`` may be the first half of a paragraph cut by a break.

    A heading-like line finished by its kind (``咨询电话:021-…``, ``宜:出行``,
    ``A1 …``) never is.
    """
    if tagged[i].kind is LineKind.PARAGRAPH:
        return wants_continuation(tagged, i)
    if ends_before_title(tagged, i):
        return False
    return is_cut_fragment(tagged, i) and not is_standalone_line(tagged[i].text)


def wants_continuation(tagged: list[TaggedLine], i: int) -> bool:
    """True when paragraph line ``i`` looks cut: it ends without closing punctuation.

    A bare closing quote (``…把“初心”``) only counts as cut when a break and a
    dropped caption follow it before the text goes on.
    """
    line = tagged[i]
    if ends_before_title(tagged, i):
        return False
    if not line.complete:
        return True
    if line.source is not None or not ends_with_bare_closer(line.text) or i + 1 >= len(tagged):
        return False
    after = tagged[i + 1]
    if after.kind not in (LineKind.HEADING, LineKind.CAPTION) or not after.line.break_before:
        return False
    found = lift_dropped_captions(tagged, i + 1)
    return found is not None and bool(found[0])


def ends_before_title(tagged: list[TaggedLine], i: int) -> bool:
    """True when paragraph line ``i`` ends a list or a sign-off and a title-like line follows a break.

    The line (its last printed line when rows were joined) is finished as it
    stands (:func:`is_finished_row`), so the heading after the break opens the
    next article rather than being a caption dropped into a cut paragraph.
    """
    j = i + 1
    while j < len(tagged) and is_row_heading(tagged[j]):
        j += 1  # more rows of the list, set like headings: 《城市规划原理》　吴志强主编　…
    if j >= len(tagged) or tagged[j].kind is not LineKind.HEADING or not tagged[j].line.break_before:
        return False
    line = tagged[i].line
    last = line.text
    if line.pieces:
        start, end = line.pieces[-1]
        last = line.text[start - line.start : end - line.start]
    return is_finished_row(last)


def is_row_heading(line: TaggedLine) -> bool:
    """True when heading-like ``line`` follows without a break and is a finished list row."""
    return line.kind is LineKind.HEADING and not line.line.break_before and is_finished_row(line.text)


def signs_off_body(tagged: list[TaggedLine], i: int) -> bool:
    """True when heading-like line ``i`` ends a body (a sign-off, a list row) and a title follows a break."""
    line = tagged[i]
    return (
        line.kind is LineKind.HEADING
        and not line.line.break_before
        and i > 0
        and tagged[i - 1].kind is LineKind.PARAGRAPH
        and is_finished_row(line.text)
        and ends_before_title(tagged, i)
    )


def lift_dropped_captions(tagged: list[TaggedLine], j: int) -> tuple[list[TaggedLine], int] | None:
    """Find the second half of a cut paragraph at or after line ``j``.

    Skips up to two caption lines (heading-like or marked) and a few
    furniture lines the break dropped in between; returns those lines and
    the index of the continuing paragraph, or None when no paragraph
    continues there (a paragraph that opens like an article, ``5月7日,…``
    or ``本报讯 …``, does not continue anything).
    """
    dropped: list[TaggedLine] = []
    captions = 0
    furniture = 0
    k = j
    while k < len(tagged):
        line = tagged[k]
        if line.kind is LineKind.PARAGRAPH:
            return None if opens_article(line.text) or opens_with_any_dateline(line.text) else (dropped, k)
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
    fragment = first.kind is not LineKind.PARAGRAPH
    if fragment:
        first = replace(first, kind=LineKind.PARAGRAPH, complete=False)
    unit = Unit(LineKind.PARAGRAPH, [first])
    last, k = i, i + 1
    while (fragment and last == i) or wants_continuation(tagged, last):
        found = lift_dropped_captions(tagged, k)
        if found is None:
            break
        dropped, last = found
        unit.lifted.extend(dropped)
        unit.parts.append(tagged[last])
        k = last + 1
    return unit, k


def join_cut_paragraphs(tagged: list[TaggedLine]) -> list[Unit]:
    """Turn tagged lines into units, joining every paragraph cut by a break."""
    units: list[Unit] = []
    i = 0
    while i < len(tagged):
        if opens_cut(tagged, i):
            unit, i = join_cut_paragraph(tagged, i)
        elif signs_off_body(tagged, i):  # …新年進步!主席 何志強 over a title: the body's last line
            unit, i = (
                Unit(LineKind.PARAGRAPH, [replace(tagged[i], kind=LineKind.PARAGRAPH, complete=True)]),
                i + 1,
            )
        else:
            unit, i = Unit(tagged[i].kind, [tagged[i]]), i + 1
        units.append(unit)
    return units
