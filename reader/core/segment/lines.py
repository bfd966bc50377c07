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
_LEADING_LABEL = re.compile(r"[【〖]\s*[^【】〖〗\s]{1,10}\s*[】〗]")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: the span of its stripped content and its context.

    ``gap_before`` counts the blank lines between this line and the previous
    non-blank one (or the start of the text); ``break_before`` is true when
    that gap is longer than the issue's usual gap, i.e. a page/column break.
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
    """(start, end, gap_before, continues_line) for every stripped non-blank line piece."""
    spans: list[tuple[int, int, int, bool]] = []
    offset = 0
    gap = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            cut = split_leading_label(stripped)
            if cut:
                label_end = start + len(stripped[:cut].rstrip())
                rest_start = start + cut + (len(stripped) - cut - len(stripped[cut:].lstrip()))
                spans.append((start, label_end, gap, False))
                spans.append((rest_start, end, 0, True))
            else:
                spans.append((start, end, gap, False))
            gap = 0
        else:
            gap += 1
        offset += len(raw) + 1
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
