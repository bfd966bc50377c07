"""Subtitle lines: what a title carries on the line right under it (qaseg25's class C5).

- A Latin-script title: a paper for readers of two languages sets each title twice, the Chinese line
  and right under it the same title in the country's language, which need not be capitalised like an
  English headline (``Record d'inscriptions à l'école chinoise du 13e arrondissement``,
  ``Buku Baharu Perpustakaan``, ``Notis PIBG``, ``Agenda``).  On its own such a line reads as a
  paragraph cut short (no full stop), a layout word or a title.
- A date in brackets (``奉獻報告`` / ``（十一月十五日）``): the day the item reports on.  On its own it
  reads as an attribution, which would close the article above.

Under a Chinese heading, with the text right after it, either is the title's subtitle, so the pair is a
heading group of two lines and opens a new article wherever it stands.  Layout is the evidence: the
line stands under a Chinese heading with no break between, and body text follows it (or a writer's
credit over the text, ``文/李若溪(里昂第一大学)``).  A Latin line over a Chinese heading (a section label,
``Community News``) is not taken: it subtitles nothing.
"""

from __future__ import annotations

import re

from reader.core.model import LeftoverKind
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.latin_lines import is_latin_subtitle_text

_HAN = re.compile(r"[\u3400-\u9fff]")
_NUMBER = "〇零○一二三四五六七八九十"
# (十一月十五日), （2026年11月15日）, (11月15日): a date alone in brackets.
_DATE_IN_BRACKETS = re.compile(
    rf"[(（]\s*(?:(?:\d{{4}}|[{_NUMBER}]{{4}})\s*年\s*)?(?:\d{{1,2}}|[{_NUMBER}]{{1,3}})\s*月"
    rf"\s*(?:\d{{1,2}}|[{_NUMBER}]{{1,3}})\s*日\s*[)）]"
)
_BODY = (LineKind.PARAGRAPH, LineKind.BYLINE, LineKind.SUBHEADING)
_TAKEN = (LineKind.PARAGRAPH, LineKind.HEADING)


def _is_subtitle(line: TaggedLine) -> bool:
    if line.kind is LineKind.SOURCE:
        return _DATE_IN_BRACKETS.fullmatch(line.text) is not None
    if line.kind is LineKind.FURNITURE and line.leftover is not LeftoverKind.LAYOUT:
        return False
    if line.kind is not LineKind.FURNITURE and line.kind not in _TAKEN:
        return False
    return is_latin_subtitle_text(line.text)


def _credits(below: TaggedLine, after: TaggedLine) -> bool:
    """True for a heading line under the subtitle that credits the writer over the text
    (``文/李若溪(里昂第一大学)``)."""
    return below.kind is LineKind.HEADING and "/" in below.text[:4] and after.kind in _BODY


def mark_subtitle_lines(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag each Latin-script title or bracketed date right under a Chinese heading and over text as
    that heading's subtitle; a new list (see the module's doc)."""
    marked = list(tagged)
    heading = LineKind.HEADING
    for i in range(1, len(marked) - 1):
        above = marked[i - 1]
        if above.kind is not heading:  # (most lines)
            continue
        line, below = marked[i], marked[i + 1]
        if (
            not line.line.break_before
            and not below.line.break_before
            and (below.kind in _BODY or (i + 2 < len(marked) and _credits(below, marked[i + 2])))
            and _HAN.search(above.text) is not None
            and _is_subtitle(line)
        ):
            marked[i] = line.with_kind(LineKind.SUBTITLE)
    return marked
