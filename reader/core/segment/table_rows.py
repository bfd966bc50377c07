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
from reader.core.segment.drawn_tables import is_drawn_row

# A table's row is no longer than this.
ROW_MAX_CHARS = 40
# ``红星队 3:1 蓝天队``, ``钢城队0:0江南队``: a score between two names
_SCORE = re.compile(r"\S+?\s*\d{1,3}\s*[:\uff1a\u2236比\-\uff0d]\s*\d{1,3}\s*\S+")
# ``陈国梁先生 新币五千元``, ``林氏家族基金 RM500``: a donor list's row, a name and the sum given
_GIFT = re.compile(
    r"\S{2,14}[ \t\u3000]+(?:新币|新幣|港币|港幣|美元|美金|人民币|人民幣|马币|馬幣"
    r"|澳币|澳幣|加币|加幣|泰铢|泰銖|RM|S\$|HK\$|US\$|\$)?\s*[\d,.〇零一二三四五六七八九十百千万萬两兩]+\s*(?:元|圆|圓|令吉|铢|銖)?",
    re.IGNORECASE,
)
# ``10月18日(星期六)上午8时　消防演习示范``: a schedule's row, a date (and a time) first, then the event
_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_SCHEDULE = re.compile(
    rf"{_N}\s*月\s*{_N}\s*日\s*(?:[(（](?:星期|周)[一二三四五六日天][)）])?"
    rf"\s*(?:(?:上午|下午|晚上|中午|早上|凌晨)?\s*{_N}(?:[:：]\d{{2}}|时|点)(?:{_N}分|半)?)?[ \t\u3000]+\S.*"
)
_GIFT_UNIT = re.compile(r"币|幣|元|圆|圓|令吉|铢|銖|\$|RM", re.IGNORECASE)
# A field holding a number: ``56金``, ``1.东区``, ``28分``
_NUMBER_FIELD = re.compile(r"\S*\d\S*")
_DIGIT = re.compile(r"\d")
_FIELD_GAP = re.compile(r"[ \t\u3000]+")
_ROW_KINDS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBTITLE, LineKind.PARAGRAPH)
_MIN_NUMBER_FIELDS = 2
GROUP_LABEL_MAX_CHARS = 6  # 女子组, 乙组, U12组: the label of a group of a table's rows


def is_table_row(text: str) -> bool:
    """True for a line shaped like a table's row: a score, a donor and the sum given, two fields or
    more holding numbers, or a schedule's date (and time) and event."""
    if len(text) > ROW_MAX_CHARS:
        return False
    if _DIGIT.search(text) is not None:
        if _SCORE.fullmatch(text) is not None:
            return True
        fields = _FIELD_GAP.split(text)
        if sum(1 for field in fields if _NUMBER_FIELD.fullmatch(field)) >= _MIN_NUMBER_FIELDS:
            return True
    if _SCHEDULE.fullmatch(text.strip()) is not None:
        return True
    return _GIFT_UNIT.search(text) is not None and _GIFT.fullmatch(text.strip()) is not None


def mark_table_rows(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag every run of two table rows or more (no blank line between them) as finished paragraphs.

    Returns ``tagged`` itself when there is none (most issues), else a new list.
    """
    rows = [
        i
        for i, line in enumerate(tagged)
        if len(line.line.text) <= ROW_MAX_CHARS and line.kind in _ROW_KINDS and is_table_row(line.line.text)
    ]
    if len(rows) < 2:
        return tagged
    marked = list(tagged)
    run = [rows[0]]
    for i in [*rows[1:], -1]:
        if i == run[-1] + 1 and tagged[i].line.gap_before == 0:
            run.append(i)
            continue
        if len(run) >= 2:
            for k in run:
                if marked[k].kind is not LineKind.PARAGRAPH:
                    marked[k] = marked[k].with_kind(LineKind.PARAGRAPH)
        run = [i]
    _mark_group_rows(marked, rows)
    return marked


def _mark_group_rows(marked: list[TaggedLine], rows: list[int]) -> None:
    """A lone score under a group's short label (``女子组``) right after a table's rows is a row too."""
    for i in rows:
        if (
            i >= 2
            and marked[i].kind is not LineKind.PARAGRAPH
            and _SCORE.fullmatch(marked[i].line.text) is not None
            and len(marked[i - 1].line.text.strip()) <= GROUP_LABEL_MAX_CHARS
            and marked[i - 2].kind is LineKind.PARAGRAPH
            and is_table_row(marked[i - 2].line.text)
            and marked[i].line.gap_before == 0
            and marked[i - 1].line.gap_before == 0
        ):
            marked[i] = marked[i].with_kind(LineKind.PARAGRAPH)


def mark_drawn_rows(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag each drawn row read as something else (a header row ``| 代號 | 公司 |`` reads as a heading)
    or as an unfinished paragraph (a border, which has no full stop) as a finished paragraph: the table's
    body, never cut by a break nor joined to what follows its bottom border.

    Returns ``tagged`` itself when there is none (most issues), else a new list.
    """
    found = [
        i
        for i, line in enumerate(tagged)
        if line.line.text[:1] in "|+"
        and (line.kind is not LineKind.PARAGRAPH or not line.complete)
        and is_drawn_row(line.line.text)
    ]
    if not found:
        return tagged
    marked = list(tagged)
    for i in found:
        marked[i] = tagged[i].with_kind(LineKind.PARAGRAPH)
    return marked
