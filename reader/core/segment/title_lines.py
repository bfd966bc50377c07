"""A main title printed over two lines, between a kicker and a ``——`` subtitle, is one title.

Three heading lines with no blank line between them over a subtitle are a kicker and a
title wrapped over two lines far more often than two kickers and a title: the last two
lines become one heading unit (its line keeps the span of each printed line, as a
re-flowed line does), so the article's title is ``梅园街道十二个小区今年完成加装电梯``.
Where the page says how the lines are set (text read from scans), type sizes decide instead.
"""

from __future__ import annotations

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.geometry import Geometry
from reader.core.segment.lines import Line
from reader.core.segment.repair import Unit
from reader.core.segment.rules import HEADING_MAX_CHARS


def _spans(line: Line) -> tuple[tuple[int, int], ...]:
    return line.pieces if line.pieces is not None else ((line.start, line.end),)


def joined_heading(upper: TaggedLine, lower: TaggedLine) -> TaggedLine:
    """One heading line made of two printed lines (no character added)."""
    first, second = upper.line, lower.line
    line = Line(
        first.start,
        second.end,
        first.text + second.text,
        first.gap_before,
        first.break_before,
        _spans(first) + _spans(second),
    )
    return TaggedLine(line, LineKind.HEADING, line.end)


def _plain_heading(unit: Unit) -> bool:
    return unit.kind is LineKind.HEADING and len(unit.parts) == 1 and len(unit.text) <= HEADING_MAX_CHARS


def _wrapped_title_at(units: list[Unit], k: int, geometry: Geometry) -> bool:
    """True when units ``k`` and ``k + 1`` are a title's two lines under the kicker ``k - 1``."""
    if k < 1 or k + 2 >= len(units):
        return False
    kicker, upper, lower, after = units[k - 1], units[k], units[k + 1], units[k + 2]
    return (
        _plain_heading(kicker)
        and _plain_heading(upper)
        and _plain_heading(lower)
        and after.kind is LineKind.SUBTITLE
        and (k < 2 or units[k - 2].kind not in (LineKind.HEADING, LineKind.SUBTITLE, LineKind.ITEM_TITLE))
        and upper.first.line.gap_before == 0
        and lower.first.line.gap_before == 0
        and not any(unit.first.line.start in geometry for unit in (kicker, upper, lower))
    )


def join_title_lines(units: list[Unit], geometry: Geometry | None = None) -> list[Unit]:
    """The units with every main title printed over two lines (see the module) made one."""
    looks: Geometry = geometry or {}
    out: list[Unit] = []
    k = 0
    while k < len(units):
        if _wrapped_title_at(units, k, looks):
            out.append(Unit(LineKind.HEADING, [joined_heading(units[k].first, units[k + 1].first)]))
            k += 2
        else:
            out.append(units[k])
            k += 1
    return out
