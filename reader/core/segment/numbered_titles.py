"""A page that numbers its articles: ``1. 唐人街美食节吸引万人`` … ``7. 关帝庙重修捐款芳名`` (qaseg35:3).

Some small weeklies number every article of a page.  Read alone, ``2. 客家会馆举办春季祭祖筹备会`` is a
numbered subheading, and the whole page folded into its first article.  A numbered list inside an article
(steps, rules, points) looks the same line by line; the page tells them apart:

- the numbered lines are headings (short, no sentence), numbered 1, 2, 3… in order, two or more of them,
  each a title's few words (four characters or more after the number) over sentences of text;
- nothing but the masthead's lines and headings stands above the first one: no title and lead
  paragraph the numbered lines would be the points of (``如何保护老照片`` / ``修复人员给出三个建议：`` /
  ``1. 无酸纸袋``…), which stay subheadings of their article.

Each such numbered line becomes an item title (a heading that opens an article).
"""

from __future__ import annotations

import re

from reader.core.segment.classify import LineKind, TaggedLine

_NUMBERED = re.compile(r"(?P<n>[0-9０-９]{1,2})\s*[.．]\s*(?P<title>\S.*)")
# A numbered title has at least this many characters after its number.
TITLE_MIN_CHARS = 4
# …and the page numbers at least this many.
NUMBERED_TITLES_MIN = 2
_STOPS = re.compile(r"[。！？!?]")
_HEADING_KINDS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBHEADING)


def _number(line: TaggedLine) -> int | None:
    """The number of a numbered title line, None for another line."""
    match = _NUMBERED.fullmatch(line.text.strip())
    if match is None or line.kind not in _HEADING_KINDS or len(match.group("title")) < TITLE_MIN_CHARS:
        return None
    return int(match.group("n").translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def mark_numbered_titles(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the numbered lines of a page that numbers its articles (see the module); a new list."""
    found: list[int] = []
    for i, line in enumerate(tagged[:-1]):
        number = _number(line)
        if number is None:
            continue
        under = tagged[i + 1]
        if number != len(found) + 1 or under.kind is not LineKind.PARAGRAPH or not _STOPS.search(under.text):
            return tagged  # out of order, or a numbered line over no sentence: a list
        found.append(i)
    if len(found) < NUMBERED_TITLES_MIN or any(
        line.kind is LineKind.PARAGRAPH for line in tagged[: found[0]]
    ):
        return tagged
    marked = list(tagged)
    for i in found:
        marked[i] = marked[i].with_kind(LineKind.ITEM_TITLE)
    return marked
