"""Raw line scanning: the non-blank lines of an issue, with spans and blank-line gaps.

Each paragraph of an OCR'd issue is one line and blocks are separated by blank
lines; a page or column break shows up as a longer run of blank lines.  This
module turns the text into :class:`Line` records holding the span of each
line's stripped content and whether a break run precedes it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# A section label glued in front of a heading on one line: 【党政】街道召开…
# A line with something on it: group 1 is its stripped content.
_CONTENT_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.MULTILINE)
_LEADING_LABEL = re.compile(r"[【〖]\s*[^【】〖〗\s]{1,10}\s*[】〗]")


@dataclass(slots=True)
class Line:
    """One non-blank line: the span of its stripped content and its context.

    ``gap_before`` counts the blank lines between this line and the previous
    non-blank one (or the start of the text); ``break_before`` is true when
    that gap is longer than the issue's usual gap, i.e. a page/column break.
    Treat it as immutable (it is not frozen only because that is faster).
    """

    index: int
    start: int
    end: int
    text: str
    gap_before: int
    break_before: bool


def split_leading_label(text: str) -> int:
    """Length of a 【label】 opening a longer line (0 when there is none)."""
    if not text or text[0] not in "【〖":
        return 0
    match = _LEADING_LABEL.match(text)
    if match is None or match.end() >= len(text):
        return 0
    return match.end()


def typical_gap(gaps: Iterable[int]) -> int:
    """The most common number of blank lines between two blocks (1 when unknown)."""
    counts = Counter(gaps)
    if not counts:
        return 1
    # Most common; on a tie prefer the smaller gap (breaks are the rarer, longer ones).
    return min(counts, key=lambda gap: (-counts[gap], gap))


def _raw_spans(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, gap_before, glued) for every stripped non-blank line piece.

    ``glued`` marks the heading that followed a 【label】 on the same line.
    """
    spans: list[tuple[int, int, int, bool]] = []
    previous_end = -1  # as if a newline preceded the text
    for match in _CONTENT_LINE.finditer(text):
        start, end = match.span(1)
        gap = text.count("\n", previous_end, start) - 1 if previous_end >= 0 else text.count("\n", 0, start)
        previous_end = end
        cut = split_leading_label(match.group(1)) if text[start] in "【〖" else 0
        if cut:
            label = text[start : start + cut]
            rest = text[start + cut : end]
            spans.append((start, start + len(label.rstrip()), gap, False))
            spans.append((end - len(rest.lstrip()), end, 0, True))
        else:
            spans.append((start, end, gap, False))
    return spans


def scan_lines(text: str) -> list[Line]:
    """Split ``text`` (LF newlines) into non-blank :class:`Line` records, in order."""
    spans = _raw_spans(text)
    usual = typical_gap(gap for i, (_, _, gap, glued) in enumerate(spans) if i and not glued)
    return [
        Line(
            index=i,
            start=start,
            end=end,
            text=text[start:end],
            gap_before=gap,
            break_before=gap > usual and not glued,
        )
        for i, (start, end, gap, glued) in enumerate(spans)
    ]
