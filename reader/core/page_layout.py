"""Reading order and roles of a page's OCR lines, from their boxes alone (Qt-free, model-free).

The OCR model gives lines with boxes but no order a reader would follow.  This
module finds it the way a reader does, by the white space of the page:

- **Cuts** (:func:`reading_order`): a recursive XY-cut over the line boxes.  A
  stretch of the page is first cut at vertical white channels (columns, a
  sidebar, sharing some height; read left to right; vertical text is cut the same way turned a
  quarter: into tiers, then its lines right to left); failing
  that, at its widest horizontal gaps (a headline spanning the columns above
  them, the gap between two stories), and so on down to single lines.
  Where a line spans the columns (a headline, a subtitle), the stretch is
  cut just above and below it, so the columns under it stay whole.  Cutting
  at the *widest* gaps first keeps columns whose lines sit at the same heights
  from being read across.
- **Sizes**: the body line height is the most common height of horizontal
  lines; a line set :data:`HEADLINE_SIZE` times larger is a headline, one
  :data:`SMALL_SIZE` times smaller or less is small print.
- **Pictures** (:func:`picture_above`): a photo is a box without text.  The
  picture areas a layout model gave are used, and where small print touches
  none of them a picture is inferred from an empty stretch of at least
  :data:`PICTURE_GAP_LINES` body lines above (or beside) it in its column.
- **Captions**: small print under or beside a picture area.
- **Blocks** (:func:`lay_out_page`): consecutive lines of one size in one
  column make a run (the short last line of a heading wrapped in a narrow
  column joins its heading, though its box measures it a size apart); a body
  run is cut into paragraphs where a line opens indented or the line above
  ends three characters short or more.  A paragraph that runs on from the
  foot of one column to the head of the next is marked
  ``continues``.

Every rule reads sizes relative to the body line height, so the same rules
serve a 150 dpi phone photo and a 600 dpi archive scan.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

Box = tuple[int, int, int, int]
"""A rectangle in page coordinates: left, top, width, height (pixels)."""

HEADLINE_SIZE = 1.4
"""A line this many times the body line height or more is set as a headline."""
SMALL_SIZE = 0.85
"""A line this many times the body line height or less is small print (a caption, a note)."""
PICTURE_GAP_LINES = 3.0
"""An empty stretch this many body lines high above or beside small print is taken as a picture."""
COLUMN_GUTTER = 0.4
"""The narrowest white channel (in body line heights) that separates two columns."""
INDENT = 1.0
"""A line starting this many body line heights (about one character) right of its column opens a paragraph."""
SHORT_END = 1.5
"""A line ending this many body line heights short of its column does not run on into the next column."""
SAME_SIZE = 1.25
"""Lines whose heights differ by more than this factor are not in one run (a masthead over a headline)."""
MAX_INDENT = 4
"""The most characters of indent written before a paragraph's first line."""
SHORT_BREAK = 3.0
"""A line ending this many body line heights (characters) short of its column closes its block."""
FRAGMENT_GAP = 1.3
"""Pieces of a row less than this many body line heights apart are one printed line read apart."""
LINE_GAP = 1.2
"""Lines further apart than this many of their heights are not in one run."""
PITCH_UNITS = 4
"""A line of this many characters (a half-width one counting half) is measured by its glyph pitch."""
PITCH_TRUST = 1.6
"""A glyph pitch more than this many times what the box height says is not trusted (characters missed)."""
BOX_OVER_PITCH = 1.12
"""How much taller an OCR line box is than its glyph pitch (a shorter line is measured by its box)."""
DISPLAY_SIZE = 1.12
"""A line this many times the body line height or more is set larger than the body (a heading)."""
VERTICAL_RATIO = 1.5
"""A box this many times as high as it is wide, holding two characters or more, is vertical text."""


class Role(StrEnum):
    """What a block is on the page, by its size and position."""

    HEADLINE = "headline"
    BODY = "body"
    CAPTION = "caption"
    SMALL = "small"  # small print away from any picture: a note, a sidebar in a smaller face


@dataclass(frozen=True, slots=True)
class PageLine:
    """One line the model read: its text, box, confidence (0–1) and each character's confidence if known."""

    text: str
    box: Box
    confidence: float
    char_confidences: tuple[float, ...] = ()

    @property
    def vertical(self) -> bool:
        """True for a line of vertical text (read top to bottom, columns right to left)."""
        _x, _y, w, h = self.box
        return h >= VERTICAL_RATIO * w and len(self.text) >= 2

    @property
    def pitched(self) -> bool:
        """True when the line is long enough to be measured by its glyph pitch (see :attr:`thickness`)."""
        return self._pitch() is not None

    def _pitch(self) -> int | None:
        across = self.box[2] if self.vertical else self.box[3]
        along = self.box[3] if self.vertical else self.box[2]
        units = sum(1.0 if ord(c) >= 0x2000 or c.isspace() else 0.5 for c in self.text.strip())
        if units >= PITCH_UNITS and along / units <= PITCH_TRUST * across / BOX_OVER_PITCH:
            return max(1, round(along / units))
        return None

    @property
    def thickness(self) -> int:
        """The size the line is set in: its glyph pitch when it is long enough to tell, else its box.

        Box heights vary with what the glyphs reach (a short line of two characters often
        comes out taller), while the pitch of a run of characters is the type size itself.
        """
        pitch = self._pitch()
        if pitch is not None:
            return pitch
        across = self.box[2] if self.vertical else self.box[3]
        return max(1, round(across / BOX_OVER_PITCH))  # too short to tell, or read as fewer characters


@dataclass(frozen=True, slots=True)
class PageRead:
    """What was read of one page: its size, its lines, and the picture areas a layout model found (if any)."""

    width: int
    height: int
    lines: tuple[PageLine, ...]
    pictures: tuple[Box, ...] | None = None  # None: no layout model ran, pictures are inferred
    orientation: int = 1  # the EXIF orientation the page was turned upright by to be read (1: as stored)


@dataclass(frozen=True, slots=True)
class LayoutBlock:
    """Lines read as one block (a headline, a paragraph, a caption), in reading order."""

    role: Role
    lines: tuple[PageLine, ...]
    size: float  # the block's line thickness over the body line height
    continues: bool = False  # a paragraph running on from the previous block (a column break)
    indent: int = 0  # characters its first line opens right of its column (a paragraph's indent)

    @property
    def box(self) -> Box:
        return union(line.box for line in self.lines)

    @property
    def vertical(self) -> bool:
        return self.lines[0].vertical


@dataclass(frozen=True, slots=True)
class PageLayout:
    """A page's blocks in reading order, its body line height and picture areas (given or inferred)."""

    width: int
    height: int
    blocks: tuple[LayoutBlock, ...]
    body_size: int
    pictures: tuple[Box, ...]


def union(boxes: object) -> Box:
    """The smallest box holding all ``boxes`` (an iterable of boxes, at least one)."""
    items: list[Box] = list(boxes)  # type: ignore[call-overload]
    left = min(b[0] for b in items)
    top = min(b[1] for b in items)
    right = max(b[0] + b[2] for b in items)
    bottom = max(b[1] + b[3] for b in items)
    return (left, top, right - left, bottom - top)


def body_size(lines: Sequence[PageLine]) -> int:
    """The body line thickness: the most common one (heights rounded to a 20th), at least 1."""
    sizes = [line.thickness for line in lines if line.text.strip()]
    if not sizes:
        return 1
    step = max(1, round(statistics.median(sizes) / 20))
    binned = [round(size / step) for size in sizes]
    common = statistics.multimode(binned)
    most = max(common, key=lambda b: (binned.count(b), -b))
    return max(1, round(statistics.median([s for s, b in zip(sizes, binned, strict=True) if b == most])))


# ---------------------------------------------------------------- reading order


def _intervals(lines: Sequence[PageLine], axis: int) -> list[tuple[int, int, list[int]]]:
    """Groups of lines whose extents along ``axis`` (0: x, 1: y) overlap: (start, end, indices), in order."""
    order = sorted(range(len(lines)), key=lambda i: lines[i].box[axis])
    groups: list[tuple[int, int, list[int]]] = []
    for index in order:
        start = lines[index].box[axis]
        end = start + lines[index].box[axis + 2]
        if groups and start < groups[-1][1]:
            first, last, members = groups[-1]
            groups[-1] = (first, max(last, end), [*members, index])
        else:
            groups.append((start, end, [index]))
    return groups


def _cut_columns(lines: Sequence[PageLine], gutter: float, axis: int = 0) -> list[list[PageLine]] | None:
    """The lines cut at white channels at least ``gutter`` wide, left to right (None: no such cut).

    ``axis`` 1: at horizontal channels, top to bottom (the tiers of a page of vertical text).
    """
    groups = _intervals(lines, axis)
    parts: list[list[int]] = [groups[0][2]]
    for (_s, previous_end, _m), (start, _e, members) in itertools.pairwise(groups):
        if start - previous_end >= gutter:
            parts.append(list(members))
        else:
            parts[-1].extend(members)
    if len(parts) < 2:
        return None
    return [[lines[i] for i in part] for part in parts]


def _side_by_side(columns: Sequence[Sequence[PageLine]]) -> bool:
    """True when each column shares more than half a line's height with the next: not lines stacked.

    A channel between a short line and one under it (a masthead centred over a date line set at
    the left, their boxes touching) is white space, not a column gutter: those are read top to bottom.
    """
    for before, after in itertools.pairwise(columns):
        above = (min(li.box[1] for li in before), max(li.box[1] + li.box[3] for li in before))
        below = (min(li.box[1] for li in after), max(li.box[1] + li.box[3] for li in after))
        if 2 * _overlap(*above, *below) <= min(li.box[3] for li in (*before, *after)):
            return False
    return True


def _cut_rows(lines: Sequence[PageLine], axis: int = 1) -> list[list[PageLine]] | None:
    """The lines cut at their widest horizontal gaps, top to bottom (None: no gap at all).

    ``axis`` 0: at their widest vertical gaps, left to right (the lines of vertical text).
    """
    groups = _intervals(lines, axis)
    if len(groups) < 2:
        return None
    gaps = [start - end for (_s, end, _m), (start, _e, _n) in itertools.pairwise(groups)]
    widest = max(gaps)
    parts: list[list[int]] = [groups[0][2]]
    for gap, (_s, _e, members) in zip(gaps, groups[1:], strict=True):
        if gap >= widest * 0.75:
            parts.append(list(members))
        else:
            parts[-1].extend(members)
    return [[lines[i] for i in part] for part in parts]


def _cut_at_spanners(
    lines: Sequence[PageLine], gutter: float, spanners: set[int]
) -> list[list[PageLine]] | None:
    """The lines cut into bands above and below the lines spanning the columns (None: none spans).

    The columns are the white channels between the lines narrower than half the stretch; a
    line crossing one (a headline, a subtitle over the columns) spans them.  Cutting there, and
    only there, keeps the columns under a spanning line whole, so they are read one after another.
    """
    left = min(line.box[0] for line in lines)
    right = max(line.box[0] + line.box[2] for line in lines)
    narrow = [line for line in lines if line.box[2] < (right - left) / 2]
    if len(narrow) < 2:
        return None
    columns = _cut_columns(narrow, gutter)
    if columns is None:
        return None
    channels = [
        (max(li.box[0] + li.box[2] for li in before), min(li.box[0] for li in after))
        for before, after in itertools.pairwise(columns)
    ]
    spanning = {
        id(line)
        for line in lines
        if any(line.box[0] < end and line.box[0] + line.box[2] > start for start, end in channels)
    }
    if not spanning:
        return None
    spanners.update(spanning)
    groups = _intervals(lines, 1)
    parts: list[list[int]] = [groups[0][2]]
    for (_s, _e, above), (_t, _f, below) in itertools.pairwise(groups):
        if any(id(lines[i]) in spanning for i in (*above, *below)):
            parts.append(list(below))
        else:
            parts[-1].extend(below)
    if len(parts) < 2:
        return None
    return [[lines[i] for i in part] for part in parts]


def _vertical_pieces(lines: Sequence[PageLine], gutter: float) -> list[list[PageLine]] | None:
    """A stretch of vertical text cut as a reader takes it (None: no cut at all).

    It is the XY-cut turned a quarter: first into tiers at horizontal white channels, top to
    bottom, then at the widest channels between its lines, right to left, however narrow
    (the lines of vertical text are set closer than a gutter, as horizontal lines are).
    """
    tiers = _cut_columns(lines, gutter, axis=1)
    if tiers is not None:
        return tiers
    lines_apart = _cut_rows(lines, axis=0)
    return None if lines_apart is None else lines_apart[::-1]


def merge_fragments(lines: Sequence[PageLine], body: int) -> list[PageLine]:
    """Pieces of one printed line that the model read apart (at a wide space) joined, with a space.

    Pieces join when they share a row, are set in one size and lie less than FRAGMENT_GAP body
    lines apart (a column gutter is wider).
    """
    rows = sorted(lines, key=lambda line: (line.box[1], line.box[0]))
    merged: list[PageLine] = []
    for line in rows:
        for index, other in enumerate(merged):
            if other.vertical or line.vertical:
                continue
            first, second = (other, line) if other.box[0] <= line.box[0] else (line, other)
            gap = second.box[0] - (first.box[0] + first.box[2])
            high, low = first.box[3], second.box[3]
            shared = _overlap(first.box[1], first.box[1] + high, second.box[1], second.box[1] + low)
            if (
                0 <= gap <= FRAGMENT_GAP * body
                and shared >= 0.6 * min(high, low)
                and max(high, low) <= 1.5 * min(high, low)
            ):
                chars = (*first.char_confidences, 1.0, *second.char_confidences)
                both = first.char_confidences and second.char_confidences
                merged[index] = PageLine(
                    f"{first.text} {second.text}",
                    union((first.box, second.box)),
                    min(first.confidence, second.confidence),
                    chars if both else (),
                )
                break
        else:
            merged.append(line)
    return merged


def reading_order(
    lines: Sequence[PageLine], body: int | None = None, spanners: set[int] | None = None
) -> list[PageLine]:
    """``lines`` in the order a reader takes them (see the module's docstring).

    ``spanners`` (when given) receives the ``id`` of every line found spanning columns.
    """
    spanning: set[int] = set() if spanners is None else spanners
    size = body if body is not None else body_size(lines)
    gutter = COLUMN_GUTTER * size
    ordered: list[PageLine] = []
    stack: list[list[PageLine]] = [list(lines)]
    while stack:
        part = stack.pop()
        if len(part) <= 1:
            ordered.extend(part)
            continue
        if sum(line.vertical for line in part) * 2 > len(part):
            pieces = _vertical_pieces(part, gutter)
            if pieces is None:  # overlapping both ways: right to left, top to bottom
                ordered.extend(sorted(part, key=lambda line: (-line.box[0] - line.box[2], line.box[1])))
                continue
        else:
            columns = _cut_columns(part, gutter)
            beside = columns is not None and _side_by_side(columns)
            pieces = (
                (columns if beside else None) or _cut_at_spanners(part, gutter, spanning) or _cut_rows(part)
            )
            if pieces is None:  # lines overlapping both ways (a skewed scan): top to bottom, left to right
                ordered.extend(sorted(part, key=lambda line: (line.box[1], line.box[0])))
                continue
        stack.extend(reversed(pieces))
    return ordered


# ---------------------------------------------------------------- pictures and captions


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def picture_above(box: Box, lines: Sequence[PageLine], body: int, page_top: int = 0) -> Box | None:
    """The empty area above ``box`` across its width when it is at least PICTURE_GAP_LINES lines high."""
    x, y, w, _h = box
    above = [
        line.box[1] + line.box[3]
        for line in lines
        if line.box[1] + line.box[3] <= y and _overlap(x, x + w, line.box[0], line.box[0] + line.box[2]) > 0
    ]
    top = max(above, default=page_top)
    if y - top < PICTURE_GAP_LINES * body:
        return None
    margin = body // 2
    return (x, top + margin, w, y - top - 2 * margin)


def picture_beside(box: Box, lines: Sequence[PageLine], body: int, page_width: int) -> Box | None:
    """The empty area left or right of ``box`` when at least PICTURE_GAP_LINES lines wide."""
    x, y, w, h = box
    row = [line.box for line in lines if _overlap(y, y + h, line.box[1], line.box[1] + line.box[3]) > 0]
    left = max((b[0] + b[2] for b in row if b[0] + b[2] <= x), default=None)
    right = min((b[0] for b in row if b[0] >= x + w), default=None)
    wide = PICTURE_GAP_LINES * body * 2  # bounded by text on the far side: the page margin is no picture
    if left is not None and x - left >= wide:
        return (left + body // 2, y, x - left - body, h)
    if right is not None and right <= page_width and right - (x + w) >= wide:
        return (x + w + body // 2, y, right - x - w - body, h)
    return None


def _touches_picture(box: Box, pictures: Sequence[Box], body: int) -> bool:
    """True when ``box`` lies just under or beside one of ``pictures`` (within two body lines)."""
    x, y, w, h = box
    for px, py, pw, ph in pictures:
        under = 0 <= y - (py + ph) <= 2 * body and _overlap(x, x + w, px, px + pw) > 0
        beside = _overlap(y, y + h, py, py + ph) > 0 and (
            0 <= x - (px + pw) <= 2 * body or 0 <= px - (x + w) <= 2 * body
        )
        if under or beside:
            return True
    return False


# ---------------------------------------------------------------- blocks


def _role(size: float) -> Role:
    if size >= HEADLINE_SIZE:
        return Role.HEADLINE
    if size <= SMALL_SIZE:
        return Role.SMALL
    return Role.BODY


def _same_run(previous: PageLine, line: PageLine, role: Role, previous_role: Role) -> bool:
    """True when ``line`` follows ``previous`` in one column, with no more than a line's gap between."""
    if role is not previous_role or line.vertical != previous.vertical:
        return False
    if max(line.thickness, previous.thickness) > SAME_SIZE * min(line.thickness, previous.thickness):
        return False
    px, py, pw, ph = previous.box
    x, y, w, h = line.box
    # the boxes of tightly set lines (a low-resolution or tilted scan) may overlap by up to half a line
    if line.vertical:
        gap = px - (x + w)
        return _overlap(py, py + ph, y, y + h) > 0 and -min(pw, w) / 2 <= gap <= LINE_GAP * max(pw, w)
    reach = 3 * ph  # a paragraph's first line is indented: the next line may start left of it
    gap = y - (py + ph)
    return _overlap(px - reach, px + pw, x, x + w) > 0 and -min(ph, h) / 2 <= gap <= LINE_GAP * max(ph, h)


def _heading_tail(previous: PageLine, line: PageLine, body: int) -> bool:
    """True when ``line`` is the short last line of a heading wrapped in a narrow column.

    Both are set larger than the body; ``line`` is too short to be measured by its glyph pitch
    (its box may make it a size apart: a kicker's tail taken for a headline), starts under
    ``previous``, is no wider and follows it within a line's gap.
    """
    if line.pitched or line.vertical or previous.vertical:
        return False
    if min(line.thickness, previous.thickness) < DISPLAY_SIZE * body:
        return False
    if max(line.thickness, previous.thickness) > SAME_SIZE * BOX_OVER_PITCH * min(
        line.thickness, previous.thickness
    ):
        return False
    px, py, pw, ph = previous.box
    x, y, w, h = line.box
    return abs(x - px) <= body and w <= pw and 0 <= y - (py + ph) <= LINE_GAP * max(ph, h)


def _runs(
    ordered: Sequence[PageLine], body: int, spanners: set[int]
) -> list[tuple[Role, float, list[PageLine]]]:
    """Consecutive lines of one size class and one column, with their role and size.

    A line spanning columns never shares a run with a line inside one (a subtitle over a byline).
    """
    runs: list[tuple[Role, float, list[PageLine]]] = []
    for line in ordered:
        size = line.thickness / body
        role = _role(size)
        previous = runs[-1][2][-1] if runs else None
        if (
            previous is not None
            and (id(previous) in spanners) == (id(line) in spanners)
            and (_same_run(previous, line, role, runs[-1][0]) or _heading_tail(previous, line, body))
        ):
            runs[-1][2].append(line)
        else:
            runs.append((role, size, [line]))
    return [(role, statistics.median(li.thickness for li in run) / body, run) for role, _s, run in runs]


def _paragraphs(run: list[PageLine], body: int) -> list[list[PageLine]]:
    """A body run cut where a line opens indented, or where the line above ends well short.

    A line ending less than SHORT_BREAK characters short proves little (half-width digits and
    punctuation end full lines short too): the segmenter's re-flow rules, which see every line,
    judge that.  One ending further short closes its block (a subheading, a paragraph's end).
    """
    if len(run) < 2 or run[0].vertical:
        return [run]
    left = min(line.box[0] for line in run)
    right = max(line.box[0] + line.box[2] for line in run)
    paragraphs: list[list[PageLine]] = [[run[0]]]
    for previous, line in itertools.pairwise(run):
        indented = line.box[0] - left >= INDENT * body
        short = right - (previous.box[0] + previous.box[2]) >= SHORT_BREAK * body
        if indented or short:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _indent(paragraph: Sequence[PageLine], run: Sequence[PageLine], body: int) -> int:
    """How many characters the paragraph's first line opens right of its column (0 when not indented)."""
    if len(run) < 2 or paragraph[0].vertical:
        return 0
    shift = paragraph[0].box[0] - min(line.box[0] for line in run)
    return min(MAX_INDENT, round(shift / body)) if shift >= INDENT * body else 0


def _runs_on(previous: LayoutBlock, run: list[PageLine], body: int) -> bool:
    """True when a body run continues the paragraph ``previous`` ends: the head of the next column.

    The run starts higher up, in a column as wide, not indented, and the last line above was full.
    """
    if previous.role is not Role.BODY or previous.vertical or run[0].vertical:
        return False
    last, first = previous.lines[-1], run[0]
    previous_right = max(li.box[0] + li.box[2] for li in previous.lines)
    previous_width = previous_right - min(li.box[0] for li in previous.lines)
    width = max(li.box[0] + li.box[2] for li in run) - min(li.box[0] for li in run)
    if not 0.8 * previous_width <= width <= 1.25 * previous_width:
        return False
    full = previous_right - (last.box[0] + last.box[2]) < SHORT_END * body
    column_left = min(li.box[0] for li in run)
    return full and first.box[0] - column_left < INDENT * body and first.box[1] < last.box[1]


def lay_out_page(page: PageRead) -> PageLayout:
    """The blocks of a page in reading order, each with its role (see the module's docstring)."""
    lines = [line for line in page.lines if line.text.strip()]
    if not lines:
        return PageLayout(page.width, page.height, (), 1, page.pictures or ())
    body = body_size(lines)
    lines = merge_fragments(lines, body)
    spanners: set[int] = set()
    ordered = reading_order(lines, body, spanners)
    pictures: list[Box] = list(page.pictures or ())
    blocks: list[LayoutBlock] = []
    for role, size, run in _runs(ordered, body, spanners):
        if role is Role.SMALL:
            box = union(line.box for line in run)
            if not _touches_picture(box, pictures, body):  # the model's pictures, else the white space's
                found = picture_above(box, lines, body) or picture_beside(box, lines, body, page.width)
                if found is not None:
                    pictures.append(found)
            if _touches_picture(box, pictures, body):
                role = Role.CAPTION
        if role is not Role.BODY:
            blocks.append(LayoutBlock(role, tuple(run), size))
            continue
        for number, paragraph in enumerate(_paragraphs(run, body)):
            continues = number == 0 and bool(blocks) and _runs_on(blocks[-1], paragraph, body)
            blocks.append(LayoutBlock(role, tuple(paragraph), size, continues, _indent(paragraph, run, body)))
    return PageLayout(page.width, page.height, tuple(blocks), body, tuple(pictures))


__all__ = [
    "Box",
    "LayoutBlock",
    "PageLayout",
    "PageLine",
    "PageRead",
    "Role",
    "body_size",
    "lay_out_page",
    "merge_fragments",
    "picture_above",
    "picture_beside",
    "reading_order",
    "union",
]
