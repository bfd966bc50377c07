"""Re-flow hard-wrapped, line-based OCR output into paragraphs.

Most OCR engines write one line per printed line: a paragraph of a 14-character
column comes out as several lines, with or without two ideographic spaces
opening it, and blank lines only between blocks (or only at page and column
breaks).  A *run* is a stretch of consecutive non-blank lines; inside a run
these small rules decide which lines continue the line above:

- :func:`column_width`: the column width is the most common line length over
  the run and the :data:`LOOKAHEAD_LINES` printed lines after it (a wrapped
  title standing alone is measured against the paragraphs below it; only
  lines after, so a long issue cut into sections re-flows as the whole does);
  a run with many lines wider than that is not wrapped
  (one paragraph per line with no blank line between): it is left as it is;
- :func:`width_slack`: how far short of that width a line may end and still be
  full (none when the wrapping is regular, a little for proportional OCR);
- :func:`opens_with_indent`: a line opening with an indent starts a paragraph;
- :func:`ends_short`: a line ending short of the column ends its paragraph;
- :func:`heading_after_sentence`: a short line without closing punctuation
  after a full line that ends a sentence is a heading of its own;
- :func:`stands_alone`: furniture (a masthead or QR line) and bylines are
  never part of a paragraph;
- :func:`opens_block`: a subtitle, a marked subheading or caption, a section
  label never continues the line above.

A column or page break (a longer run of blank lines) is not handled here: the
repair pass joins paragraphs across breaks as before.  No character is
changed: a re-flowed line keeps the span of every raw line it was made of.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.core.segment.bracket_items import opens_bracket_item
from reader.core.segment.byline import opens_with_dateline, parse_byline
from reader.core.segment.furniture import furniture_kind
from reader.core.segment.rules import (
    is_complete,
    is_marked_caption,
    is_marked_subheading,
    is_section_label,
    is_subtitle,
)
from reader.core.segment.whole_lines import never_joins, opens_with_any_dateline, splits_field

# Printed lines after a run that tell its column width too (fewer than the lines a sectioned
# run keeps after its carry line, sections.CARRY_MARGIN_LINES, so sections re-flow as the whole).
LOOKAHEAD_LINES = 10
# Lines shorter than this never tell the column width (headings, bylines, last lines).
MIN_COLUMN_WIDTH = 8
# Proportional OCR output: a full line may end this many characters short of the width.
IRREGULAR_SLACK = 2
# Text read from a page scan: a full line may end this many characters short of the width.
OCR_SLACK = 1
# Regular wrapping: at least this share of the nearly full lines are exactly the width.
REGULAR_SHARE = 2 / 3
_NEAR = 3
_INDENT_CHARS = frozenset(" \t\u3000\u00a0")


@dataclass(frozen=True, slots=True)
class RawLine:
    """One printed line: the span of its stripped content and where its raw line starts."""

    start: int
    end: int
    line_start: int

    @property
    def width(self) -> int:
        """Characters from the start of the raw line (indent included) to the end of its content."""
        return self.end - self.line_start


def column_width(widths: Sequence[int]) -> int | None:
    """The column width of a run of lines: its most common width (the larger on a tie).

    None when the run has fewer than two lines wide enough to tell, or when
    it is not wrapped at all: lines wider than that width are more than half
    as many as the lines as wide as it (one paragraph per line, whatever its
    length).
    """
    counts = Counter(width for width in widths if width >= MIN_COLUMN_WIDTH)
    if sum(counts.values()) < 2:
        return None
    width = max(counts, key=lambda width: (counts[width], width))
    near = sum(n for w, n in counts.items() if abs(w - width) <= IRREGULAR_SLACK)
    wider = sum(n for w, n in counts.items() if w > width + IRREGULAR_SLACK)
    return None if 2 * wider > near else width


def width_slack(widths: Sequence[int], width: int) -> int:
    """How far short of ``width`` a full line may end: 0 for regular wrapping, else a little."""
    near = [w for w in widths if width - _NEAR <= w <= width + _NEAR]
    exact = sum(1 for w in near if w == width)
    return 0 if exact >= REGULAR_SHARE * len(near) else IRREGULAR_SLACK


def opens_with_indent(text: str, line: RawLine) -> bool:
    """True when the raw line opens with an indent (two spaces or one ideographic space)."""
    lead = text[line.line_start : line.start]
    if not lead or any(char not in _INDENT_CHARS for char in lead):
        return False
    return "\u3000" in lead or len(lead) >= 2


def ends_short(line: RawLine, width: int, slack: int) -> bool:
    """True when the line ends short of the column: the last line of its paragraph."""
    return line.width < width - slack


def heading_after_sentence(above: str, below: str, below_short: bool) -> bool:
    """True when ``below`` is a heading under a full line that ended a sentence.

    A paragraph's last line ends with closing punctuation; a short line that
    does not, right after a line that did, is a heading, a byline or furniture.
    """
    return below_short and is_complete(above) and not is_complete(below)


def stands_alone(text: str) -> bool:
    """True for a line that is never part of a paragraph: furniture, a byline, a box line, an index entry."""
    return len(text) <= 80 and (
        furniture_kind(text) is not None or parse_byline(text) is not None or never_joins(text)
    )


def opens_block(text: str) -> bool:
    """True for a line that opens a block of its own: ``——`` subtitle, ``●`` label, ``▲`` caption, 【…】,
    a dateline ``本报讯(…)`` (or without brackets, ``本报讯 5月6日…``)."""
    return (
        opens_with_dateline(text)
        or opens_with_any_dateline(text)
        or is_subtitle(text)
        or is_marked_subheading(text)
        or is_marked_caption(text)
        or (text[:1] in "【〖" and is_section_label(text))
    )


def reflow_run(
    text: str, run: Sequence[RawLine], after: Sequence[int] = (), *, in_one_column: bool = False
) -> list[list[RawLine]]:
    """Group the lines of one run into paragraphs (each a list of raw lines, in order).

    ``after`` holds the widths of the printed lines after the run (up to
    :data:`LOOKAHEAD_LINES`).  ``in_one_column``: the page geometry says the
    run is body text in one column, so its own lines are measured first.
    """
    if len(run) < 2:
        return [list(run)]
    widths = [line.width for line in run]
    width = column_width(widths) if in_one_column else None
    if width is None:
        width = column_width([*widths, *after])
    if width is None:
        return [[line] for line in run]
    slack = width_slack(widths, width)
    if in_one_column:  # read from a page: a character more or less than the type set (a mark read twice)
        slack = max(slack, OCR_SLACK)
    groups: list[list[RawLine]] = [[run[0]]]
    for above, below in pairwise(run):
        # The last line of a run may be a paragraph's tail cut by a break: never a heading here.
        below_short = below is not run[-1] and ends_short(below, width, slack)
        above_text, below_text = text[above.start : above.end], text[below.start : below.end]
        if (
            ends_short(above, width, slack)
            or opens_with_indent(text, below)
            or heading_after_sentence(above_text, below_text, below_short)
            or stands_alone(above_text)
            or (stands_alone(below_text) and not _closes_bracket(above_text, below_text))
            or opens_block(below_text)
            or opens_bracket_item(above_text, below_text)
            or splits_field(above_text, below_text)
        ):
            groups.append([below])
        else:
            groups[-1].append(below)
    return groups


def _closes_bracket(above: str, below: str) -> bool:
    """True when ``below`` closes a bracket ``above`` left open: ``…颁奖。(下转`` + ``第2版)``."""
    opened = above.count("(") + above.count("\uff08") - above.count(")") - above.count("\uff09")
    return opened > 0 and below.rstrip()[-1:] in ")\uff09" and "(" not in below and "\uff08" not in below


def raw_width(raw: str) -> int:
    """The width of a printed line given as its raw text: indent included, trailing blanks not."""
    return len(raw.rstrip())


def reflowed_count(raw_lines: Sequence[str], after: Sequence[int] = ()) -> int:
    """How many lines :func:`reflow_run` makes of a run given as its raw lines (without newlines)."""
    if len(raw_lines) < 2:
        return len(raw_lines)
    text = "\n".join(raw_lines)
    run: list[RawLine] = []
    at = 0
    for raw in raw_lines:
        content = raw.strip()
        start = at + len(raw) - len(raw.lstrip())
        run.append(RawLine(start, start + len(content), at))
        at += len(raw) + 1
    return len(reflow_run(text, run, after))
