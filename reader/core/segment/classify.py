"""Line classification: give every scanned line a kind from its own text alone."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.model import LeftoverKind, Person, Span
from reader.core.segment.byline import (
    BYLINE_MAX_CHARS,
    attribution_people,
    dateline_people,
    opens_with_dateline,
    parse_byline,
)
from reader.core.segment.furniture import FURNITURE_MAX_CHARS, furniture_kind, is_masthead_line
from reader.core.segment.lines import Line
from reader.core.segment.rules import (
    CAPTION_MAX_CHARS,
    HEADING_MAX_CHARS,
    SUBTITLE_MAX_CHARS,
    is_complete,
    is_heading_like,
    is_item_title,
    is_marked_caption,
    is_marked_subheading,
    is_photo_credit,
    is_section_label,
    is_source_line,
    is_subtitle,
    split_trailing_source,
)

# Lines longer than this can only be paragraphs, or a masthead field / marked caption.
_SHORT_LINE_MAX = max(HEADING_MAX_CHARS, SUBTITLE_MAX_CHARS, BYLINE_MAX_CHARS)
_LONG_KINDS_MAX = max(FURNITURE_MAX_CHARS, CAPTION_MAX_CHARS)


class LineKind(StrEnum):
    """What a line looks like on its own, before context is weighed."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"  # short, no sentence punctuation: kicker, title, subheading or caption
    SUBTITLE = "subtitle"  # ——…
    ITEM_TITLE = "item_title"  # 联洋二 | 感受红色文化
    SUBHEADING = "subheading"  # ● 学习互鉴
    BYLINE = "byline"
    SOURCE = "source"  # (街道党群办) alone on its line
    SECTION = "section"  # 【党政】, 图片新闻
    CAPTION = "caption"  # ▲…, 图为…
    FURNITURE = "furniture"  # masthead, QR blurb, layout word


@dataclass(slots=True)
class TaggedLine:
    """A line with its kind and what the rules read from it.

    For a paragraph, ``body_end`` is where its text ends before a trailing
    attribution, whose span is ``source``; ``complete`` says whether the
    paragraph ends like a finished one (else a break may have cut it).
    Treat it as immutable (not frozen only because that is faster).
    """

    line: Line
    kind: LineKind
    body_end: int
    complete: bool = True
    source: Span | None = None
    people: tuple[Person, ...] = ()
    leftover: LeftoverKind | None = None

    @property
    def text(self) -> str:
        """The stripped text of the line."""
        return self.line.text

    def with_kind(self, kind: LineKind, leftover: LeftoverKind | None = None) -> TaggedLine:
        """A copy of this line re-classified as ``kind`` (a whole-line kind)."""
        return TaggedLine(self.line, kind, self.line.end, True, None, self.people, leftover)


def _short_line_kind(text: str) -> tuple[LineKind, tuple[Person, ...]] | None:
    """The kind of a short line when one of the whole-line rules applies."""
    if is_photo_credit(text):  # (李四 摄), 摄影 李四: with the photo it credits, never a source or byline
        return LineKind.CAPTION, attribution_people(text.strip("()\uff08\uff09"))
    if is_source_line(text):
        return LineKind.SOURCE, attribution_people(text[1:-1])
    if is_section_label(text):
        return LineKind.SECTION, ()
    people = parse_byline(text)
    if people is not None:
        return LineKind.BYLINE, people
    if is_marked_caption(text):
        return LineKind.CAPTION, ()
    if is_subtitle(text):
        return LineKind.SUBTITLE, ()
    if is_marked_subheading(text):
        return LineKind.SUBHEADING, ()
    if is_item_title(text):
        return LineKind.ITEM_TITLE, ()
    if is_heading_like(text):
        return LineKind.HEADING, ()
    return None


def _paragraph(line: Line, *, dated: bool = False) -> TaggedLine:
    """Tag a body line, splitting off an attribution that closes it; a dateline's people are the article's."""
    text = line.text
    people = dateline_people(text) if dated else ()
    at = split_trailing_source(text)
    if at is None:
        return TaggedLine(line, LineKind.PARAGRAPH, line.end, is_complete(text), people=people)
    body_end = line.offset(len(text[:at].rstrip()) - 1) + 1
    people += attribution_people(text[at + 1 : -1])
    return TaggedLine(line, LineKind.PARAGRAPH, body_end, True, (line.offset(at), line.end), people)


def classify_line(line: Line) -> TaggedLine:
    """Classify one line by its own text: furniture, byline, heading, paragraph…"""
    text = line.text
    if opens_with_dateline(text):  # 本报讯(记者 张三)…: a first paragraph however short the line
        return _paragraph(line, dated=True)
    if len(text) <= _SHORT_LINE_MAX:
        leftover = furniture_kind(text)
        if leftover is not None:
            return TaggedLine(line, LineKind.FURNITURE, line.end, leftover=leftover)
        short = _short_line_kind(text)
        if short is not None:
            return TaggedLine(line, short[0], line.end, people=short[1])
    elif len(text) <= _LONG_KINDS_MAX:  # a masthead field or a marked caption, checked cheaply
        if "。" not in text and is_masthead_line(text):
            return TaggedLine(line, LineKind.FURNITURE, line.end, leftover=LeftoverKind.MASTHEAD)
        if is_marked_caption(text):
            return TaggedLine(line, LineKind.CAPTION, line.end)
    return _paragraph(line)


def classify_lines(lines: list[Line]) -> list[TaggedLine]:
    """Classify every line (see :func:`classify_line`)."""
    return [classify_line(line) for line in lines]
