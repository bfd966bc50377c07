"""OCR that sets a blank line after every printed line (qaseg28's class 3).

Some OCR engines emit every printed line followed by one blank line, so that blank lines say
nothing: read as they stand, each printed line is a block of its own, a wrapped line becomes a title
mid-paragraph and the paragraphs' indents are lost as cues.  The shape is the whole text's: nearly
every gap between two printed lines (:data:`SPACED_SHARE` of them, :data:`SPACED_MIN_LINES` lines at
least) is exactly one blank line, and most lines are as wide as the column and many end inside a sentence
(wrapped printed lines; a text that sets one paragraph a line, a blank line after each, is read as it
stands).  Then one blank
line is taken off every gap: the lines read as a text set with no blank lines, where the indent opens
a paragraph and a longer gap still parts blocks.  No character moves: only the count of blank lines
before each line changes.
"""

from __future__ import annotations

from collections import Counter

# The text is spaced when at least this share of the gaps between its printed lines are one blank line …
SPACED_SHARE = 0.9
# … over this many lines at least, …
SPACED_MIN_LINES = 12
# … and at least this share of its lines are as wide as the widest common width (within a character or
# two): printed lines wrapped at the column's width, not one paragraph a line.
WRAPPED_SHARE = 0.4
_WIDTH_SLACK = 2
_SENTENCE_ENDS = frozenset("。！？!?」』”’…")

Run = tuple[int, list[tuple[int, int, int]]]  # gap before, printed lines with no blank line between


def _wrapped(text: str, runs: list[Run]) -> bool:
    """True when most lines are as wide as the column and many end inside a sentence (see
    :data:`WRAPPED_SHARE`)."""
    cut = sum(1 for _, lines in runs for _s, end, _l in lines if text[end - 1] not in _SENTENCE_ENDS)
    if cut < WRAPPED_SHARE * len(runs):
        return False
    widths = Counter(end - start for _, lines in runs for start, end, _s in lines)
    common = [width for width, count in widths.items() if count >= 2]
    if not common:
        return False
    column = max(common)
    full = sum(count for width, count in widths.items() if width >= column - _WIDTH_SLACK)
    return full >= WRAPPED_SHARE * len(runs)


def close_spacing(text: str, runs: list[Run]) -> list[Run]:
    """The runs of a text with a blank line after every printed line read with one blank line fewer in
    every gap (runs then apart by none merged); other texts' runs as they are."""
    gaps = [gap for gap, _ in runs[1:]]
    if len(runs) < SPACED_MIN_LINES or any(len(lines) > 1 for _, lines in runs):
        return runs
    if sum(1 for gap in gaps if gap == 1) < SPACED_SHARE * len(gaps) or not _wrapped(text, runs):
        return runs
    closed: list[Run] = [runs[0]]
    for gap, lines in runs[1:]:
        if gap <= 1:
            closed[-1][1].extend(lines)
        else:
            closed.append((gap - 1, lines))
    return closed
