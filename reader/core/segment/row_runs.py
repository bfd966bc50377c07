"""More rows of a list or timetable set like the rows before them: body text, never headings.

A menu or timetable prints one row a line, its fields set apart by full-width spaces
(``星期四　早餐：南瓜粥、花卷　午餐：红烧鸡腿、炒三丝　午点：橙子``).  When the first rows read as
body text, a later row of the same shape (as many fields, the same labels before ``：``) continues
the list; without it, the last rows of a list with no blank line under it became the kicker and
title of the next article (qaseg34's class 2).
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.segment.classify import LineKind, TaggedLine

_GAP = re.compile(r"\u3000+| {2,}|\t+")
_LABEL = re.compile(r"^([^：:\s]{1,6})[：:]")
_HEADING_KINDS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBTITLE)
MIN_FIELDS = 3  # 星期四 / 早餐：… / 午餐：…: a row of a table, not a title and its subtitle


def row_shape(text: str) -> tuple[str, ...] | None:
    """The shape of a row: one entry per field, its label (``早餐``) or "" ; None when no row."""
    fields = [field for field in _GAP.split(text.strip()) if field]
    if len(fields) < MIN_FIELDS:
        return None
    labels = []
    for field in fields:
        label = _LABEL.match(field)
        labels.append(label.group(1) if label else "")
    if not any(labels):
        return None  # fields without labels: a title set with spaces may look like that
    return tuple(labels)


def _last_printed_line(line: TaggedLine) -> str:
    if not line.line.pieces:
        return line.text
    start, end = line.line.pieces[-1]
    return line.line.text[start - line.line.start : end - line.line.start]


def mark_row_runs(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Heading-like lines that continue a run of body rows of the same shape become body rows."""
    marked = list(tagged)
    for i in range(1, len(marked)):
        line, before = marked[i], marked[i - 1]
        if line.kind not in _HEADING_KINDS or line.line.break_before or before.kind is not LineKind.PARAGRAPH:
            continue
        shape = row_shape(line.text)
        if shape is not None and shape == row_shape(_last_printed_line(before)):
            marked[i] = replace(line, kind=LineKind.PARAGRAPH, complete=True)
    return marked
