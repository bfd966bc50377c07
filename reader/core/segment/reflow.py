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
  label never continues the line above;
- a line of body text wider than that width means the run is not wrapped at it
  (a run of short lines after it, a poem, told a width too narrow): its own
  widest line is the width then, so a title is never glued into its text;
- :func:`ends_paragraph`: text set one paragraph per line (no indent, no line
  as wide as the column that stops mid-sentence, and the lines after the run
  not mostly as wide as it) ends a paragraph at every line ending a sentence,
  and opens one at every numbered item (``一、`` ``(一)`` ``1.``);
- a signature (``工会 刘敏``) under a line ending a sentence is never its tail;
- a Latin-script title line (``Notis PIBG``) and Han text are never one paragraph (:mod:`.latin_lines`).

A column or page break (a longer run of blank lines) is not handled here: the
repair pass joins paragraphs across breaks as before.  No character is
changed: a re-flowed line keeps the span of every raw line it was made of.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.core.segment.bracket_items import opens_bracket_item
from reader.core.segment.byline import author_name, opens_with_dateline, parse_byline, signature_name
from reader.core.segment.furniture import furniture_kind, is_rule_line
from reader.core.segment.latin_lines import parts_scripts
from reader.core.segment.masthead_fields import is_one_line_masthead
from reader.core.segment.rules import (
    ends_sentence,
    is_complete,
    is_heading_like,
    is_marked_caption,
    is_marked_subheading,
    is_section_label,
    is_subtitle,
)
from reader.core.segment.sign_offs import CLOSING_MAX_CHARS, is_issuer_date, is_notice_head, sign_off_words
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
_CLAUSE_MARKS = re.compile(r"[,、;:\uff0c\uff1b\uff1a]")
_ITEM_NUMBER = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|[(\uff08][一二三四五六七八九十\d]{1,3}[)\uff09]|\d{1,2}[.、\uff0e])"
)


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
    """True for a line never part of a paragraph: furniture, a byline or author line, a box line, an index
    entry, a rule."""
    return len(text) <= 80 and (
        furniture_kind(text) is not None
        or parse_byline(text) is not None
        or never_joins(text)
        or is_rule_line(text)
        or is_notice_head(text)  # 讣　告, 谢启: a notice's heading
        or author_name(text) is not None  # ◎林小满, 初一（4）班 林小满: a poem's or essay's writer
        or is_one_line_masthead(text)  # 县报　第1127期　2026年12月4日　…主办: a masthead set as one line
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
    texts = [text[line.start : line.end] for line in run]
    if not in_one_column and _wider_body_line(widths, texts, width):
        width = max(widths)  # no column is narrower than its text: the run is not wrapped at that width
    slack = width_slack(widths, width)
    if in_one_column:  # read from a page: a character more or less than the type set (a mark read twice)
        slack = max(slack, OCR_SLACK)
    # One paragraph per line: no page geometry, no indent opening paragraphs (that decides), no wrapping seen.
    per_line = (
        not in_one_column
        and not any(opens_with_indent(text, line) for line in run)
        and not _wrapped(widths, texts, after, width, slack)
    )
    groups: list[list[RawLine]] = [[run[0]]]
    for n, (above, below) in enumerate(pairwise(run)):
        if per_line and ends_paragraph(texts[n], texts[n + 1]):
            groups.append([below])
            continue
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
            or _signs_below(above_text, below_text)
            or parts_scripts(above_text, below_text)
        ):
            groups.append([below])
        else:
            groups[-1].append(below)
    return groups


def _signs_below(above: str, below: str) -> bool:
    """True when ``below`` is a signature (``工会 刘敏``, ``读者 李志伟 上``, ``某中学 2026年11月23日``)
    under a line ending a sentence: never its tail."""
    return (
        len(below) <= CLOSING_MAX_CHARS
        and is_complete(above)
        and (signature_name(below) is not None or sign_off_words(below) is not None or is_issuer_date(below))
    )


def _wider_body_line(widths: Sequence[int], texts: Sequence[str], width: int) -> bool:
    """True when the run's lines of body text wider than the column are at least as many as its lines
    as wide as the column cut out of a sentence (punctuated, not finished): it was never wrapped at it.

    A heading, a subtitle or a table's row is as short as a narrow column but holds no clause mark.
    """
    wider = sum(
        1
        for w, t in zip(widths, texts, strict=True)
        if w > width + IRREGULAR_SLACK and not is_heading_like(t)
    )
    if not wider:
        return False
    cut = sum(
        1
        for w, t in zip(widths[:-1], texts[:-1], strict=False)
        if abs(w - width) <= IRREGULAR_SLACK and not is_complete(t) and _CLAUSE_MARKS.search(t, 2) is not None
    )
    return wider >= cut


def _wrapped(
    widths: Sequence[int], texts: Sequence[str], after: Sequence[int], width: int, slack: int
) -> bool:
    """True when the run reads as hard-wrapped at ``width``, not as one paragraph per line.

    A full line (as wide as the column) that ends mid-sentence shows the wrapping; without one,
    the printed lines after the run show it when most of them are as wide as the column.
    """
    last = len(texts) - 1
    for i, (w, t) in enumerate(zip(widths, texts, strict=True)):
        if i < last and w >= width - slack and not is_complete(t):
            return True
    wide = [w for w in after if w >= MIN_COLUMN_WIDTH]
    full = sum(1 for w in wide if abs(w - width) <= slack)
    return full >= 2 and 2 * full >= len(wide)


def ends_paragraph(above: str, below: str) -> bool:
    """In text set one paragraph per line: True when printed line ``below`` opens a paragraph.

    A line ending a sentence (。!?) ends its paragraph, however long; a numbered item
    (``一、`` ``(一)`` ``1.``) opens one under a line ending in ``;`` or ``:`` too.
    """
    if ends_sentence(above):
        return True
    return is_complete(above) and opens_numbered_item(below)


def opens_numbered_item(text: str) -> bool:
    """True for a line opening with an item's number: ``一、`` ``(一)`` ``1.`` (not ``3.5万``)."""
    match = _ITEM_NUMBER.match(text)
    return match is not None and not text[match.end() : match.end() + 1].isdigit()


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
