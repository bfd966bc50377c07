"""Rows of a results table or ranking set one per line: body text of their article, never headings.

A sports page prints a medal table (``1.东区 56金 41银 38铜``), scores (``红星队 3:1 蓝天队``) or a
ranking one row per line, with no sentence punctuation.  Each row alone reads like a heading; two
or more rows of that shape in a row (no blank line between them) are the lines of a table, so they
become finished paragraphs of the article they stand in (the label over them, ``金牌榜(前五名)``,
stays a heading: a subheading of that article).
"""

from __future__ import annotations

import re

from reader.core.segment.classify import LineKind, TaggedLine

# A table's row is no longer than this.
ROW_MAX_CHARS = 40
# ``红星队 3:1 蓝天队``, ``钢城队0:0江南队``: a score between two names
_SCORE = re.compile(r"\S+?\s*\d{1,3}\s*[:\uff1a比-]\s*\d{1,3}\s*\S+")
# A field holding a number: ``56金``, ``1.东区``, ``28分``
_NUMBER_FIELD = re.compile(r"\S*\d\S*")
_FIELD_GAP = re.compile(r"[ \t\u3000]+")
_ROW_KINDS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBTITLE, LineKind.PARAGRAPH)
_MIN_NUMBER_FIELDS = 2


def is_table_row(text: str) -> bool:
    """True for a line shaped like a table's row: a score, or two fields or more holding numbers."""
    if len(text) > ROW_MAX_CHARS or not any(char.isdigit() for char in text):
        return False
    if _SCORE.fullmatch(text) is not None:
        return True
    fields = _FIELD_GAP.split(text)
    return sum(1 for field in fields if _NUMBER_FIELD.fullmatch(field)) >= _MIN_NUMBER_FIELDS


def mark_table_rows(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag every run of two table rows or more (no blank line between them) as finished paragraphs."""
    marked = list(tagged)
    i = 0
    while i < len(marked):
        j = i
        while (
            j < len(marked)
            and (j == i or marked[j].line.gap_before == 0)
            and marked[j].kind in _ROW_KINDS
            and is_table_row(marked[j].text)
        ):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                if marked[k].kind is not LineKind.PARAGRAPH:
                    marked[k] = marked[k].with_kind(LineKind.PARAGRAPH)
        i = max(j, i + 1)
    return marked
