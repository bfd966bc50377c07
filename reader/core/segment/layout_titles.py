"""Titles the issue's layout sets apart, with no blank line or indent cue of their own (qaseg29's class 1, 3).

A short heading line after a finished paragraph, over more text, reads on its own as a subheading of the
article above (a feature's ``弄堂口的老虎灶``).  Some layouts still say it is the next article's title; each
rule here reads one such layout over the whole issue, and only a layout the issue keeps throughout counts:

- **centred titles** (a Toronto weekly): the text runs flush left, and two or more heading lines stand far
  in from the margin (centred with spaces).  Each such line after a finished paragraph is a title
  (:func:`centred_titles`); a right-aligned author line sits under a heading, never after a paragraph.
- **no paragraph cue at all** (a nursing home's newsletter, a PDF's text): no blank line between
  paragraphs, no indent; one paragraph a line, or hard-wrapped lines.  A short line with no closing
  punctuation after a finished paragraph, over more text, can only be a title there
  (:func:`unmarked_titles`); numbered points, marked lines, closing labels (``结语``) and Q&A labels stay
  what they were.

Not done: a library newsletter's layout (a blank line after every paragraph and under each title, none
before the next title) tells its titles too, but only over the whole issue, and a long issue cut into
stretches (:mod:`.sections`) must come out as it does whole.

Each such line becomes an item title (a heading that opens an article, :mod:`.glyph_titles` does the same).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from reader.core.segment.byline import author_name
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.rules import is_enumerated, is_marked_subheading
from reader.core.segment.subheads import is_staying_label

# A title is no longer than this (``讲座预告：宋词里的四季`` reads as a paragraph line on its own).
TITLE_MAX_CHARS = 24
# A layout counts when the issue shows it between at least this many pairs of paragraphs.
LAYOUT_MIN_PAIRS = 2
# Where nothing sets paragraphs apart, a title is at least this long: a shorter line (对标找差) may be a
# feature's subheading (as long as a headline, articles.HEADLINE_CHARS).
UNMARKED_MIN_CHARS = 8
# A line set this many columns (an ideographic space is two) further in than the text is centred.
CENTRED_MIN_COLUMNS = 6
# An issue centres its titles when at least this many heading lines are centred.
CENTRED_MIN_LINES = 2
_CLOSERS = frozenset("。！？!?…；;，,：:、")
_QA_LABELS = ("问", "答", "Q", "A")
# A speaker's or a field's label opening the line (``甲：``, ``乙:``, ``时间：``): a script's or a form's.
_LABELLED = re.compile(r"[^\s:：]{1,3}[:：]")
# Inside a title: no clause or sentence mark, no leader dots, no table rule.
_INSIDE = re.compile(r"[，,；;。]|…{2}|\.{3}|[|｜]")
_SENTENCE = re.compile(r"[，,。；;！!？?]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACE_RUN = re.compile(r"\s+")
_CANDIDATE_KINDS = (LineKind.HEADING, LineKind.PARAGRAPH)
_UNDER_KINDS = (LineKind.PARAGRAPH, LineKind.BYLINE)


def _columns(text: str, start: int) -> int:
    """How many columns of white space stand before offset ``start`` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return sum(2 if char == "\u3000" else 1 for char in text[line_start:start])


def _title_like(line: TaggedLine) -> bool:
    """A short line of words with no clause or closing punctuation in it, no numbered point or marked line,
    no Q&A or speaker's label, no bracketed dateline, no writer's name, no row of fields."""
    text = line.text.strip()
    return (
        line.kind in _CANDIDATE_KINDS
        and 2 <= len(text) <= TITLE_MAX_CHARS
        and text[-1] not in _CLOSERS
        and text[0] not in "【〖[(（<"
        and _INSIDE.search(text) is None
        and len(_HAN.findall(text)) >= 2
        and len(_SPACE_RUN.findall(text)) <= 1
        and author_name(text) is None
        and not is_enumerated(text)
        and not is_marked_subheading(text)
        and not text.startswith(_QA_LABELS)
        and not text.endswith("—")
        and _LABELLED.match(text) is None
    )


def _after_body(tagged: Sequence[TaggedLine], i: int, *, unwrapped: bool = False) -> bool:
    """True when title-like line ``i`` follows a finished paragraph and stands over sentences (right under
    it, or under a byline).
    ``unwrapped``: every line of the issue is a whole paragraph, finished or not (``…院长　何秀兰``)."""
    return (
        0 < i < len(tagged) - 1
        and _sentences(tagged[i - 1])  # (not a form's field: 停电时间：11月30日 8:00—12:00)
        and (tagged[i - 1].complete or unwrapped)
        and _title_like(tagged[i])
        and any(_sentences(line) for line in tagged[i + 1 : i + 6])
        and (_sentences(tagged[i + 1]) or _byline_over_text(tagged, i + 1))
    )


def _byline_over_text(tagged: Sequence[TaggedLine], i: int) -> bool:
    """True for a byline over sentences (not a signature closing a notice: ``孝男　黄志强　泣告``)."""
    return tagged[i].kind is LineKind.BYLINE and i + 1 < len(tagged) and _sentences(tagged[i + 1])


def _sentences(line: TaggedLine) -> bool:
    """True for a paragraph line with sentences in it (not a row of a list, a schedule or a form)."""
    return line.kind is LineKind.PARAGRAPH and _SENTENCE.search(line.text) is not None


def _paragraph_gaps(tagged: Sequence[TaggedLine]) -> tuple[int, int]:
    """How many finished paragraphs are followed by another paragraph with no blank line, and with one
    (a title-like line set as a paragraph, ``讲座预告：宋词里的四季``, is not counted)."""
    tight = loose = 0
    for upper, lower in pairwise(tagged):
        if (
            upper.kind is LineKind.PARAGRAPH
            and upper.complete
            and lower.kind is LineKind.PARAGRAPH
            and not _title_like(lower)
        ):
            if lower.line.gap_before:
                loose += 1
            else:
                tight += 1
    return tight, loose


def centred_titles(text: str, tagged: Sequence[TaggedLine]) -> list[int]:
    """Centred heading lines after a finished paragraph, where the text runs flush left."""
    body = [_columns(text, line.line.start) for line in tagged if line.kind is LineKind.PARAGRAPH]
    if len(body) < LAYOUT_MIN_PAIRS or sorted(body)[len(body) // 2] > 2:
        return []
    centred = [
        i
        for i, line in enumerate(tagged)
        if line.kind is LineKind.HEADING and _columns(text, line.line.start) >= CENTRED_MIN_COLUMNS
    ]
    if len(centred) < CENTRED_MIN_LINES:
        return []
    return [i for i in centred if _after_body(tagged, i)]


def unmarked_titles(text: str, tagged: Sequence[TaggedLine]) -> list[int]:
    """Short lines after a finished paragraph where nothing sets paragraphs apart (no blank, no indent)."""
    tight, loose = _paragraph_gaps(tagged)
    if loose or tight < LAYOUT_MIN_PAIRS:
        return []
    body = [_columns(text, line.line.start) for line in tagged if line.kind is LineKind.PARAGRAPH]
    if sum(1 for columns in body if columns) * 10 > len(body):
        return []
    unwrapped = all(line.line.pieces is None for line in tagged)
    width = _wrap_width(tagged)
    return [
        i
        for i in range(len(tagged))
        if _after_body(tagged, i, unwrapped=unwrapped)
        and not tagged[i].line.gap_before
        and not is_staying_label(tagged[i].text)
        and len(tagged[i].text) >= UNMARKED_MIN_CHARS  # (对标找差, 补齐短板: a feature's subheadings)
        and tagged[i].line.pieces is None
        and len(tagged[i].text) < width - 2  # (a printed line of a paragraph the scan left unjoined)
        and not _title_like(tagged[i - 1])  # a row of a list or a price table (竹材（孟宗竹）　每支　…)
        and not _title_like(tagged[i + 1])
    ]


def _wrap_width(tagged: Sequence[TaggedLine]) -> int:
    """The width of the column when a fifth of the paragraph lines or more are exactly as long (text
    hard-wrapped and left unjoined), else no limit."""
    lengths = Counter(len(line.text) for line in tagged if line.kind is LineKind.PARAGRAPH)
    if not lengths:
        return TITLE_MAX_CHARS + 3
    length, count = lengths.most_common(1)[0]
    return length if count * 5 >= lengths.total() and count > 2 else TITLE_MAX_CHARS + 3


def mark_layout_titles(text: str, tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the lines the issue's layout sets as titles (see the module); a new list when any."""
    found = centred_titles(text, tagged) or unmarked_titles(text, tagged)
    if not found:
        return tagged
    marked = list(tagged)
    for i in found:
        marked[i] = marked[i].with_kind(LineKind.ITEM_TITLE)
    return marked
