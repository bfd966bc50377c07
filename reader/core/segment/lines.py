"""Raw line scanning: the non-blank lines of an issue, with spans and blank-line gaps.

Each paragraph of an OCR'd issue is one line and blocks are separated by blank
lines; a page or column break shows up as a longer run of blank lines.  This
module turns the text into :class:`Line` records holding the span of each
line's stripped content and whether a break run precedes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

from reader.core.model import Span
from reader.core.segment.bracket_items import bracketed_head_end
from reader.core.segment.drawn_tables import is_drawn_row
from reader.core.segment.furniture import PAGE_MARKER
from reader.core.segment.reflow import LOOKAHEAD_LINES, RawLine, reflow_run
from reader.core.segment.spaced_lines import close_spacing


@dataclass(slots=True)
class Line:
    """One non-blank line: the span of its stripped content and its context.

    ``gap_before`` counts the blank lines between this line and the previous
    non-blank one (or the start of the text); ``break_before`` is true when
    that gap is longer than the issue's usual gap, i.e. a page/column break.
    Read-only once :func:`scan_lines` returns it (not frozen only for speed).
    """

    start: int
    end: int
    text: str
    gap_before: int
    break_before: bool
    # A line re-flowed from several printed lines: the span of each (None for one printed line).
    pieces: tuple[Span, ...] | None = None

    def spans(self, start: int, end: int) -> list[Span]:
        """The pieces of the line between offsets ``start`` and ``end`` (no whitespace between lines)."""
        if self.pieces is None:
            return [(max(start, self.start), min(end, self.end))]
        return [(max(s, start), min(e, end)) for s, e in self.pieces if s < end and e > start]

    def verbatim(self, original: str, part: str) -> str:
        """``part`` (a piece of :attr:`text`, which the rules read) as ``original`` writes it there.

        The rules read simplified Han (:func:`reader.core.script.han_simplified`,
        one character for one): a name read from ``張三`` is given back as ``張三``.
        """
        at = self.text.find(part)
        if at < 0 or not part:
            return part
        chars = [original[self.offset(at + i)] for i in range(len(part))]
        return "".join(chars)

    def offset(self, index: int) -> int:
        """The offset in the issue of character ``index`` of :attr:`text` (``len(text)``: the end)."""
        if self.pieces is None:
            return self.start + index
        for s, e in self.pieces:
            if index < e - s:
                return s + index
            index -= e - s
        return self.end


def split_leading_label(text: str) -> int:
    """Length of a 【label】 opening a longer line (0 when there is none).

    A section label glued in front of a heading (``【党政】街道召开…``), or a brief item's title in
    front of its text (``【杏林社区开展义诊】5月7日上午,…``); never a dateline (``【本报讯】…``).
    """
    if not text or text[0] not in "【〖":
        return 0
    end = bracketed_head_end(text)
    return 0 if end >= len(text) else end


def typical_gap(gaps: Iterable[int]) -> int:
    """The most common number of blank lines between two blocks (1 when unknown)."""
    return most_common_gap(Counter(gaps))


def most_common_gap(counts: Mapping[int, int]) -> int:
    """:func:`typical_gap` from a count of each gap (1 when there is none)."""
    if not counts:
        return 1
    # Most common; on a tie prefer the smaller gap (breaks are the rarer, longer ones).
    return min(counts, key=lambda gap: (-counts[gap], gap))


def _label_split(text: str, start: int, end: int, cut: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The spans of a 【label】 and of the heading glued after it on one line."""
    label = text[start : start + cut]
    rest = text[start + cut : end]
    return (start, start + len(label.rstrip())), (end - len(rest.lstrip()), end)


def scan_content_lines(
    text: str,
    blank_lines_before: int = 0,
    *,
    at_start: bool = True,
    body_lines: Container[int] = (),
) -> tuple[list[Line], list[int]]:
    """The non-blank lines of ``text`` (``break_before`` not yet set) and which gaps count.

    ``text`` starts at the start of a line, after ``blank_lines_before``
    blank lines of the issue.  At the start of the issue (``at_start``) the
    first line's gap is not a gap between two blocks; later in the issue a
    content line precedes ``text`` and it is.  Returns the lines and the
    indices of the lines whose ``gap_before`` separates two blocks (what
    :func:`typical_gap` is taken over).  ``body_lines``: the offsets of the
    printed lines the page geometry set as body text (text read from scans),
    whose runs are measured by their own widths when re-flowed.
    """
    # (gap before, printed lines with no blank line between: (start, end, raw line start) each)
    runs: list[tuple[int, list[tuple[int, int, int]]]] = []
    gap = blank_lines_before  # blank lines since the last content line
    line_start = 0
    # One pass over the lines split at LF, stripped of whitespace (str.isspace's, which is also
    # what a regex's \s takes), the blank lines counted as it goes.
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            gap += 1
            line_start += len(raw) + 1
            continue
        start = line_start + raw.find(stripped)
        if gap > 0 or not runs:
            runs.append((gap, [(start, start + len(stripped), line_start)]))
        else:
            runs[-1][1].append((start, start + len(stripped), line_start))
        gap = 0
        line_start += len(raw) + 1
    runs = close_spacing(text, runs)  # OCR with a blank line after every printed line: one blank line fewer
    lines: list[Line] = []
    counted: list[int] = []  # lines whose gap_before lies between two content lines
    for r, (gap, run) in enumerate(runs):
        if r or not at_start:
            counted.append(len(lines))
        if len(run) == 1:  # one printed line: nothing to re-flow (the usual case)
            start, end, line_start = run[0]
            if text[start] in "【〖":
                _add_line(text, [RawLine(start, end, line_start)], gap, lines)
            else:
                lines.append(Line(start, end, text[start:end], gap, False))
            continue
        after: list[int] = []
        for _, later in runs[r + 1 :]:
            after.extend(e - s for _, e, s in later[: LOOKAHEAD_LINES - len(after)])
            if len(after) >= LOOKAHEAD_LINES:
                break
        in_one_column = all(start in body_lines for start, _e, _s in run)
        raws = [RawLine(*raw) for raw in run]
        for n, group in enumerate(reflow_run(text, raws, after, in_one_column=in_one_column)):
            if n and not is_drawn_row(text[group[0].start : group[0].end]):  # (a drawn table's rows: no
                counted.append(len(lines))  # gaps between blocks, however many)
            _add_line(text, group, gap if n == 0 else 0, lines)
    return lines, counted


def _add_line(text: str, group: list[RawLine], gap: int, lines: list[Line]) -> None:
    """Add one (re-flowed) line, splitting a 【label】 off the heading glued after it."""
    first, last = group[0], group[-1]
    start, end = first.start, last.end
    pieces = None if len(group) == 1 else tuple((raw.start, raw.end) for raw in group)
    content = text[start:end] if pieces is None else "".join([text[s:e] for s, e in pieces])
    cut = split_leading_label(content) if text[start] in "【〖" else 0
    if cut and cut < first.end - first.start:
        (label_start, label_end), (rest_start, rest_end) = _label_split(text, start, first.end, cut)
        lines.append(Line(label_start, label_end, text[label_start:label_end], gap, False))
        if pieces is None:
            lines.append(Line(rest_start, rest_end, text[rest_start:rest_end], 0, False))
        else:
            rest = ((rest_start, rest_end), *pieces[1:])
            lines.append(Line(rest_start, end, "".join([text[s:e] for s, e in rest]), 0, False, rest))
        return
    lines.append(Line(start, end, content, gap, False, pieces))


def mark_breaks(lines: Iterable[Line], usual: int) -> None:
    """Set ``break_before`` on every line whose gap is longer than the ``usual`` one, and on an OCR
    engine's page marker (``=== Page 2 ===``), a page break with no blank line around it."""
    for line in lines:
        if line.gap_before > usual or (len(line.text) <= 24 and PAGE_MARKER.fullmatch(line.text) is not None):
            line.break_before = True


def scan_lines(text: str) -> list[Line]:
    """Split ``text`` (LF newlines) into non-blank :class:`Line` records, in order."""
    lines, counted = scan_content_lines(text)
    mark_breaks(lines, typical_gap(lines[i].gap_before for i in counted))
    return lines
