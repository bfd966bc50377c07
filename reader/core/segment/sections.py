"""Sectioned segmentation: segment a very long issue piece by piece, holding about one section at a time.

:func:`segment_sections` reads the text as consecutive pieces into a
buffer.  Once the buffer holds ``section_chars`` characters it runs the
pipeline (:func:`.pipeline.run_pipeline`) on the buffer's complete lines and
picks a *carry line*: the first line of an article, the last one that
qualifies.  Everything before the start of that line is emitted as a
:class:`ParsedSection`; the text from there on is kept, the next pieces are
appended to it and the next run segments it again.  So every article is
emitted from a run that saw all of it and a stretch of text after it, and
nothing is emitted twice or lost.

A carry line qualifies when:

- it begins its raw line (never the heading half of a ``【label】heading`` line)
  and every article before it ends before it;
- at least :data:`CARRY_MARGIN_LINES` lines follow it in the buffer, so no
  decision about it or the lines before it looks past the buffer's end (the
  passes look a few lines ahead);
- the masthead rules, which only apply to the top of the issue, did not touch
  it or anything after it;
- its unit is not a heading-like fragment joined to the paragraph after it
  (that decision looks at the line before, which the next run will not see);
- its article does not open only for the title of the article before it (a
  lone heading set like that title, :mod:`.sibling_titles`: the next run will
  not see that title either);
- a blank line precedes it: it opens a run of printed lines, which
  :mod:`.reflow` re-flows as a whole.

The next run is told where its text sits (:class:`.pipeline.Context`): not at
the start of the issue (no masthead; the first line's gap is a gap between
blocks), the blank lines before it, and how often each gap occurred in the
text before, so that the usual gap (what makes a run of blank lines a page or
column break) is counted over all the text read so far.  A run starting at an
article's first line builds that article as a run over the whole text does:
the grouping pass keeps no state across an article start that the next
article depends on.

When no line qualifies the buffer grows (doubling) up to ``MAX_GROWTH ×
section_chars`` characters.  There the best article start there is is taken,
else the first line after the last article, else the whole buffer is emitted;
an article may then be split in two.  The buffer does not grow past a line
of ``line_chars`` characters or more (:data:`LINE_CHARS`, a million): the
lines before it are emitted as at the cap and the line itself is cut into
parts of at most the buffer's size, mid-line, segmented as separate lines; so
memory stays flat whatever the length of a line (a 20 MB file of one line is
stored as blocks of a million characters).

Results equal :func:`reader.core.segment.segment`'s on the whole text except:
where the usual gap of the text read so far differs from the whole text's (a
one-pass reader cannot know the rest; pass ``usual_gap``, e.g. from
:func:`scan_usual_gap` over a re-readable source, to remove that difference);
the masthead title and date, read from the first section only (``segment()``
takes the date from the first masthead line anywhere); cuts at the cap; and the cuts of lines
of ``line_chars`` or more.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from reader.core.model import Block, ParsedArticle, ParsedLeftover, ParsedSection
from reader.core.segment.lines import most_common_gap
from reader.core.segment.masthead import masthead_reach
from reader.core.segment.pipeline import Context, PipelineRun, run_pipeline
from reader.core.segment.reflow import LOOKAHEAD_LINES, raw_width, reflowed_count

__all__ = [
    "CARRY_MARGIN_LINES",
    "LINE_CHARS",
    "MAX_GROWTH",
    "SECTION_CHARS",
    "scan_usual_gap",
    "segment_sections",
]

SECTION_CHARS = 1 << 20
# A buffer in which no article can be carried grows up to this many times section_chars.
MAX_GROWTH = 8
# A line this long is cut into parts this long instead of growing the buffer to hold it whole.
LINE_CHARS = SECTION_CHARS
# Lines that must follow a carry line in the buffer: the passes look at most a few lines ahead.
CARRY_MARGIN_LINES = 12


def segment_sections(
    pieces: Iterable[str],
    *,
    section_chars: int = SECTION_CHARS,
    usual_gap: int | None = None,
    line_chars: int = LINE_CHARS,
) -> Iterator[ParsedSection]:
    """Segment the text given as consecutive pieces, section by section.

    Yields :class:`ParsedSection` results in text order, their spans absolute
    offsets into the concatenated pieces, holding about ``section_chars``
    characters of text (plus the article carried into the next section) at a
    time.  ``usual_gap`` fixes the issue's usual number of blank lines between
    blocks (see :func:`scan_usual_gap`); by default it is counted over the text
    read so far.  A line of ``line_chars`` characters or more is cut into parts.
    See the module docstring for how sections are cut.
    """
    if section_chars < 1:
        raise ValueError(f"section_chars must be positive, got {section_chars}")
    if usual_gap is not None and usual_gap < 0:
        raise ValueError(f"usual_gap must not be negative, got {usual_gap}")
    if line_chars < 1:
        raise ValueError(f"line_chars must be positive, got {line_chars}")
    return _Sectioner(section_chars, usual_gap, line_chars).sections(pieces)


def scan_usual_gap(pieces: Iterable[str]) -> int:
    """The usual number of blank lines between blocks of the text given as pieces.

    What :func:`segment` finds over the whole text (lines re-flowed as
    :mod:`.reflow` does), counted in one pass holding one run of printed
    lines and the few after it; give it to :func:`segment_sections` as
    ``usual_gap`` when the text can be read twice (a file).
    """
    counts: Counter[int] = Counter()
    blank = -1  # blank lines since the last content line; -1 before the first one
    pending: deque[list[str]] = deque()  # runs of printed lines waiting for the lines after them
    waiting = 0  # lines in the complete runs after the first pending one
    line = ""  # the line being read

    def content_line(raw: str) -> None:
        nonlocal blank, waiting
        if blank > 0 or not pending:
            if len(pending) >= 2:
                waiting += len(pending[-1])  # the last run is complete now
            pending.append([])
        if blank >= 0:
            counts[blank] += 1
        pending[-1].append(raw)
        blank = 0
        while len(pending) > 2 and waiting >= LOOKAHEAD_LINES:
            _count_run(pending, counts)
            waiting -= len(pending[0])  # the next run is the first now

    for piece in pieces:
        parts = piece.split("\n")
        for part in parts[:-1]:  # each ends a line
            line += part
            if line.strip():
                content_line(line)
            elif blank >= 0:
                blank += 1
            line = ""
        line += parts[-1]
    if line.strip():
        content_line(line)
    while pending:
        _count_run(pending, counts)
    return most_common_gap(counts)


def _count_run(pending: deque[list[str]], counts: Counter[int]) -> None:
    """Count the first pending run: take back the gaps of 0 that re-flow joins away."""
    run = pending.popleft()
    if len(run) > 1:
        after = [raw_width(raw) for raw in islice(chain.from_iterable(pending), LOOKAHEAD_LINES)]
        counts[0] -= len(run) - reflowed_count(run, after)
        if counts[0] <= 0:
            del counts[0]


def _shift_article(article: ParsedArticle, by: int) -> ParsedArticle:
    """``article`` with every span moved ``by`` characters."""
    blocks = [
        Block(block.role, tuple((start + by, end + by) for start, end in block.pieces), block.text)
        for block in article.blocks
    ]
    return ParsedArticle((article.span[0] + by, article.span[1] + by), blocks, article.people)


def _shift_leftover(leftover: ParsedLeftover, by: int) -> ParsedLeftover:
    """``leftover`` with its span moved ``by`` characters."""
    return ParsedLeftover(leftover.kind, (leftover.span[0] + by, leftover.span[1] + by), leftover.text)


class _Sectioner:
    """The state of one sectioned segmentation: the buffer and where it sits in the issue."""

    def __init__(self, section_chars: int, usual_gap: int | None, line_chars: int) -> None:
        self.section_chars = section_chars
        self.line_chars = line_chars
        self.cap = MAX_GROWTH * section_chars
        self.limit = section_chars  # run the pipeline once the buffer holds this many characters
        # The buffer: text[pos:] followed by the pieces in more.
        self.text = ""
        self.pos = 0
        self.more: list[str] = []
        self.size = 0
        self.offset = 0  # offset in the whole text of the buffer's first character
        self.at_start = True  # nothing but blank lines emitted yet
        self.blank_lines_before = 0
        self.gap_counts: Counter[int] = Counter()
        self.usual_gap = usual_gap

    def sections(self, pieces: Iterable[str]) -> Iterator[ParsedSection]:
        """Read all pieces, yielding sections as they are settled."""
        for piece in pieces:
            if piece:
                self.more.append(piece)
                self.size += len(piece)
                if self.size >= self.limit:
                    yield from self._drain(final=False)
        yield from self._drain(final=True)

    # -- cutting ------------------------------------------------------------------------
    def _drain(self, final: bool) -> Iterator[ParsedSection]:
        """Emit sections while the buffer is full (or, at the end of input, not empty)."""
        while self.size and (final or self.size >= self.limit):
            if self.more:
                self.text = self.text[self.pos :] + "".join(self.more)
                self.pos, self.more = 0, []
            text, pos = self.text, self.pos
            carried = 0  # characters of complete lines kept for the next run
            if final and self.size <= self.limit:
                section, consumed = self._emit_all(text[pos:])
            else:
                window = pos + min(self.size, self.limit)
                end = text.rfind("\n", pos, window) + 1
                # an unfinished line already as long as a section: growing would hold it whole
                forced = self.limit >= self.cap or window - max(end, pos) >= self.line_chars
                if end == 0 and not forced:
                    self._grow()
                    continue
                if end == 0:  # one line longer than line_chars (or the cap): cut it mid-line
                    section, consumed = self._emit_all(text[pos:window])
                else:
                    body = text[pos:end]
                    taken = self._emit_before_carry(body, relaxed=forced)
                    if taken is None and not forced:
                        self._grow()
                        continue
                    section, consumed = taken if taken is not None else self._emit_all(body)
                    carried = len(body) - consumed
            self.pos += consumed
            self.size -= consumed
            self.offset += consumed
            self.limit = min(self.cap, self.section_chars + carried)
            if section.articles or section.leftovers or section.title or section.date:
                yield section

    def _grow(self) -> None:
        self.limit = min(self.cap, 2 * self.limit)

    def _context(self) -> Context:
        return Context(self.at_start, self.blank_lines_before, self.gap_counts, self.usual_gap)

    def _emit_before_carry(self, body: str, relaxed: bool) -> tuple[ParsedSection, int] | None:
        """The section before the carry line of ``body`` and its length, or None when there is none."""
        run = run_pipeline(body, self._context())
        carry = self._carry_point(run, body, relaxed)
        if carry is None:
            return None
        index, cut = carry
        section = self._section(
            run,
            [a for a in run.articles if a.span[0] < cut],
            [left for left in run.leftovers if left.span[0] < cut],
        )
        self.gap_counts.update(run.lines[i].gap_before for i in run.counted if i < index)
        self.at_start = False
        self.blank_lines_before = run.lines[index].gap_before
        return section, cut

    def _emit_all(self, body: str) -> tuple[ParsedSection, int]:
        """The section of everything in ``body`` and its length."""
        run = run_pipeline(body, self._context())
        section = self._section(run, run.articles, run.leftovers)
        self.gap_counts.update(run.lines[i].gap_before for i in run.counted)
        if run.lines:
            self.at_start = False
            self.blank_lines_before = max(0, body.count("\n", run.lines[-1].end) - 1)
        else:
            self.blank_lines_before += body.count("\n")
        return section, len(body)

    def _section(
        self, run: PipelineRun, articles: list[ParsedArticle], leftovers: list[ParsedLeftover]
    ) -> ParsedSection:
        """A section of ``articles`` and ``leftovers`` of ``run``, moved to their place in the issue."""
        title, date = (run.masthead.title, run.masthead.date) if self.at_start else (None, None)
        by = self.offset
        if by:
            articles = [_shift_article(article, by) for article in articles]
            leftovers = [_shift_leftover(leftover, by) for leftover in leftovers]
        return ParsedSection(list(articles), list(leftovers), title, date, run.usual_gap)

    def _carry_point(self, run: PipelineRun, body: str, relaxed: bool) -> tuple[int, int] | None:
        """The carry line's index and the offset of its raw line's start, or None when none qualifies.

        Normally the last article start meeting every condition (module
        docstring).  ``relaxed`` (at the cap) takes the best one there is:
        meeting the masthead and fragment conditions if possible, then with
        the most lines after it (up to the margin), then the last.
        """
        lines, articles = run.lines, run.articles
        starts = [line.start for line in lines]
        unit_at = {unit.first.line.start: unit for unit in run.units}
        masthead_last = self._masthead_last(run) if self.at_start else -1
        ends_before = [0] * (len(articles) + 1)  # ends_before[j]: furthest end of articles[:j]
        for j, article in enumerate(articles):
            ends_before[j + 1] = max(ends_before[j], article.span[1])
        best: tuple[tuple[bool, int, int], int, int] | None = None  # (rank, index, cut) when relaxed
        for j in range(len(articles) - 1, -1, -1):
            start = articles[j].span[0]
            index = bisect_left(starts, start)
            if index == 0:
                break  # nothing would be emitted
            if index >= len(lines) or starts[index] != start:
                continue
            cut = body.rfind("\n", 0, start) + 1
            if body[cut:start].strip() or ends_before[j] > cut:
                continue  # not the first on its raw line, or an article before reaches past it
            unit = unit_at.get(start)
            # Not touched by the masthead rules; not a heading-like fragment joined to the paragraph after it;
            # opening a run of printed lines (a run is re-flowed as a whole); no sibling of the title before.
            sound = (
                index > masthead_last
                and unit is not None
                and unit.kind is run.tagged[index].kind
                and lines[index].gap_before > 0
                and start not in run.looked_back
            )
            margin = min(len(lines) - index, CARRY_MARGIN_LINES)
            if sound and margin == CARRY_MARGIN_LINES:
                return index, cut
            rank = (sound, margin, index)
            if relaxed and (best is None or rank > best[0]):
                best = (rank, index, cut)
        if best is not None:
            return best[1], best[2]
        return self._after_last_article(run, body) if relaxed else None

    @staticmethod
    def _after_last_article(run: PipelineRun, body: str) -> tuple[int, int] | None:
        """At the cap with no article to carry: carry what follows the last article (headings waiting
        for their body), or None."""
        if not run.articles:
            return None
        end = max(article.span[1] for article in run.articles)
        index = bisect_left([line.start for line in run.lines], end)
        if index == 0 or index >= len(run.lines):
            return None
        start = run.lines[index].start
        cut = body.rfind("\n", 0, start) + 1
        if body[cut:start].strip() or cut < end:
            return None
        return index, cut

    @staticmethod
    def _masthead_last(run: PipelineRun) -> int:
        """Index of the last masthead or QR line in the top zone (-1 when none): see masthead_reach."""
        return masthead_reach(run.tagged)
