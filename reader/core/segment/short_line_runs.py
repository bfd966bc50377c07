"""Runs of short lines: verse, schedules, tables and lists are body text, not a stack of headings
(qaseg24's class B).

Each line of a poem, a TV schedule, a rota or a flattened table is short and has no full stop, so on
its own it reads as a heading; a run of them read that way becomes a stack of kickers whose last line
takes the next real title as its subtitle.  Layout tells them apart:

- an *author line* right under a title: the writer's name last, after a marker or the writer's class or
  unit (``◎林小满``, ``◎陈　默``, ``初一（4）班 林小满``): the article's byline;
- *verse*: the short lines under an author line are the poem's, up to the next title, which is the line
  right over another author line or over a paragraph.  When the page indents its text, a line set flush
  among indented verse is a title inside the group (``霜降`` in ``秋收（外一首）``), not verse;
- *rows*: three lines or more in a row of one shape, each led by a time (``19:30 新闻夜线``) or a
  calendar's date (``十二月六日（六）上午十时``), split into cells by wide spaces (``青菜　　500克　3.20元``,
  an account and its amount ``一、上季结余　　　　186,420.50``), pipes (``| 1 | 长者食堂 | 2家 |``) or a dot
  leader (``宣 召……………主 席``), or a short label and its value (``一等奖：初二（3）班 追光者队``, a longer
  label over a value with figures), are a schedule's, a programme's, a table's or a list's rows.  The
  short labels standing between two rows (a channel, a day, a contest) are the table's too, and so are
  those under the table's title over its first row when a label of their shape (``12月6日（星期日）``
  for ``12月5日（星期六）``) stands between rows further down.

All of these become body text (verse and rows finished paragraphs, author lines bylines), so the title
after a run still opens the next article.  A printed rule (``****``, ``---``) is the page's layout.
"""

from __future__ import annotations

import re

from reader.core.model import LeftoverKind, Person
from reader.core.segment.byline import author_name
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.furniture import is_rule_line
from reader.core.segment.rules import is_speech_turn
from reader.core.segment.whole_lines import is_cell_row

# A verse line, a row or a table's label is no longer than this; an author line neither.
VERSE_MAX_CHARS = 20
ROW_MAX_CHARS = 40
ROWS_MIN = 3  # rows of one shape in a row make a table
LABELS_MAX = 2  # labels standing together between two rows

_SENTENCE_ENDS = re.compile(r"[。!?;！？；]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_DIGITS = re.compile(r"\d+")
_FIELD_ROW = re.compile(r"[\u3400-\u9fff]{1,5}[:：]\s*\S")
_TIME_ROW = re.compile(r"\d{1,2}[:：]\d{2}\s*\S")
_HAN_DIGITS = "一二三四五六七八九十"
# 十二月六日（六）上午十时, 12月5日(周五) 14:00: a calendar's entry, its date and weekday or hour first
_DATE_ROW = re.compile(
    rf"(?:\d{{1,2}}|[{_HAN_DIGITS}]{{1,3}})\s*月\s*(?:\d{{1,2}}|[{_HAN_DIGITS}]{{1,3}})\s*日\s*"
    r"(?:[(（](?:周|星期)?[一二三四五六日天][)）]|上午|下午|晚上|早上|中午|\d{1,2}[:：]\d{2})"
)
_LONG_FIELD_ROW = re.compile(r"[\u3400-\u9fff]{6,8}[:：]\s*\S")
_DIGIT = re.compile(r"\d")
_CELL_GAP = re.compile(r"(?:\u3000|[ \t]{2,}|[ \t]*\u3000[ \t\u3000]*)")
_SPLIT = re.compile(r"[ \t\u3000]+")
_HEADINGS = (LineKind.HEADING, LineKind.SUBHEADING, LineKind.ITEM_TITLE, LineKind.SUBTITLE)


def _flush(text: str, line: TaggedLine) -> int:
    """How far the printed line is indented (whitespace before its text on its line)."""
    start = line.line.start
    k = start
    while k > 0 and text[k - 1] in " \t\u3000":
        k -= 1
    return start - k


def is_row_line(text: str) -> bool:
    """True for a line shaped like a row of a schedule, a programme, a table or a list (see the module's
    doc), whatever its neighbours."""
    if text[:1] in "|｜" and text[-1:] in "|｜" and text.count(text[0]) >= 3:  # | 1 | 长者食堂 | 2家 |
        return len(text) <= 2 * ROW_MAX_CHARS
    if len(text) > ROW_MAX_CHARS or _SENTENCE_ENDS.search(text[:-1]):
        return False
    if text[:1].isdigit() and _TIME_ROW.match(text) is not None:
        return True
    colon = ":" in text or "：" in text
    if colon and _FIELD_ROW.match(text) is not None:  # 一等奖：初二（3）班 追光者队
        return not is_speech_turn(text)  # 问:… 答:…: an interview's turns, paragraphs already
    if ("月" in text[:4] and _DATE_ROW.match(text) is not None) or is_cell_row(text):
        return True  # 十二月六日（六）上午十时 …, 宣 召……………主 席, 一、上季结余　　　　186,420.50
    match = _LONG_FIELD_ROW.match(text) if colon else None
    if match is not None and _DIGIT.search(text, match.end()) is not None:
        return True  # 男子组个人冠军:六年级 郑志伟(100米、200米、跳远): a results list's row
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return False
    cells = [cell for cell in _CELL_GAP.split(text) if cell]
    return len(cells) >= 3 and all(len(cell) <= 12 for cell in cells)


def _skeleton(text: str) -> tuple[str, int]:
    """A label's shape: its marks and digits in order (Han runs as one), and its length."""
    return _HAN_RUN.sub("字", _DIGITS.sub("0", text)), len(text)


def _shaped_like(text: str, shapes: set[tuple[str, int]]) -> bool:
    """True when ``text`` has the marks of one of ``shapes`` and about its length (two characters more
    or less: 机器人挑战赛 like 纸桥承重赛, 12月5日（星期六） like 12月6日（星期日）)."""
    marks, size = _skeleton(text)
    return any(marks == other and abs(size - length) <= 2 for other, length in shapes)


def _is_label(line: TaggedLine) -> bool:
    return (
        line.kind in _HEADINGS and len(line.text) <= VERSE_MAX_CHARS and not _SENTENCE_ENDS.search(line.text)
    )


def _is_verse(line: TaggedLine) -> bool:
    return (
        line.kind is LineKind.HEADING
        and len(line.text) <= VERSE_MAX_CHARS
        and not _SENTENCE_ENDS.search(line.text)
    )


def _as_body(line: TaggedLine) -> TaggedLine:
    return line.with_kind(LineKind.PARAGRAPH)


def _mark_authors(marked: list[TaggedLine]) -> None:
    for i in range(1, len(marked)):
        line = marked[i]
        if line.line.gap_before or line.kind not in _HEADINGS or marked[i - 1].kind not in _HEADINGS:
            continue
        name = author_name(line.text)
        if name is not None:
            people = (Person(name=name, role=""),)
            marked[i] = TaggedLine(line.line, LineKind.BYLINE, line.line.end, people=people)


def _next_title(marked: list[TaggedLine], k: int) -> bool:
    """True when line ``k`` of a verse run is the next title: right over an author line or a paragraph."""
    if k + 1 >= len(marked):
        return False
    below = marked[k + 1]
    return below.kind is LineKind.BYLINE or (
        below.kind is LineKind.PARAGRAPH and len(below.text) > VERSE_MAX_CHARS
    )


def _mark_verse(text: str, marked: list[TaggedLine]) -> None:
    i = 1
    while i < len(marked):
        if (
            marked[i].kind is not LineKind.BYLINE
            or marked[i - 1].kind not in _HEADINGS
            or author_name(marked[i].text) is None  # a poet's line (◎林小满), not a reporter's byline
        ):
            i += 1
            continue
        run: list[int] = []
        k = i + 1
        while k < len(marked) and _is_verse(marked[k]) and not _next_title(marked, k):
            run.append(k)
            k += 1
        indents = [_flush(text, marked[j]) for j in run]
        verse_indent = max(indents, default=0)
        verse = [j for j, indent in zip(run, indents, strict=True) if indent == verse_indent]
        if len(verse) >= 2:
            for j in verse:
                marked[j] = _as_body(marked[j])
        i = max(k, i + 1)


def _row_gap(marked: list[TaggedLine], k: int) -> int:
    """The blank lines between a table's rows: none, or the one blank line an issue that sets a blank
    line after every line (its usual gap, no break) sets between them too."""
    if k < len(marked) and marked[k].line.gap_before == 1 and not marked[k].line.break_before:
        return 1
    return 0


def _mark_rows(marked: list[TaggedLine]) -> None:
    rows = [is_row_line(line.text) and line.kind is not LineKind.FURNITURE for line in marked]
    i = 0
    while i < len(marked):
        if not rows[i]:
            i += 1
            continue
        # the table: rows, with at most LABELS_MAX labels between two of them, no blank line
        start, end, count, labels = i, i + 1, 1, list[int]()
        k = i + 1
        gap = _row_gap(marked, k)
        while k < len(marked) and marked[k].line.gap_before == gap:
            if rows[k]:
                count, end = count + 1, k + 1
                k += 1
                continue
            j = k
            while j < len(marked) and j - k < LABELS_MAX and _is_label(marked[j]) and not rows[j]:
                j += 1
            if j == k or j >= len(marked) or not rows[j] or marked[j].line.gap_before != gap:
                break
            labels.extend(range(k, j))
            k = j
        if count >= ROWS_MIN:
            for j in range(start, end):
                if rows[j] or j in labels:
                    marked[j] = _as_body(marked[j])
            shapes = {_skeleton(marked[j].text) for j in labels}
            j = start - 1  # labels under the table's title, over its first row
            while j > 0 and marked[j + 1].line.gap_before == gap and _is_label(marked[j]):
                if not _shaped_like(marked[j].text, shapes) or marked[j - 1].kind not in _HEADINGS:
                    break
                marked[j] = _as_body(marked[j])
                j -= 1
        i = max(end, i + 1)


def mark_short_line_runs(text: str, tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag author lines, verse and table rows (see the module's doc), and rules as layout; a new list."""
    marked = [
        line.with_kind(LineKind.FURNITURE, LeftoverKind.LAYOUT) if is_rule_line(line.text) else line
        for line in tagged
    ]
    _mark_authors(marked)
    _mark_verse(text, marked)
    _mark_rows(marked)
    return marked
