"""Titles marked by a leading glyph: ``▲谷雨农事提醒``, ``◎本会庆祝成立九十五周年`` (qaseg28's class 2).

A county paper's farm page or a clan association's newsletter marks every article's title with one
glyph and sets few plain headings.  Read alone, such a line is a photo caption (``▲``) or a marked
subheading (``◎`` ``◆``), and a whole page folds into one article.  The page tells them apart:

- two lines or more carry a glyph (one page may mix them), each a few words with no sentence in it (no
  clause or full stop in it, no photo's ``图为…``, no writer's name: ``◎林小满`` over a poem is its byline),
  each over text;
- they outnumber the plain heading lines set over a byline or sentences, and the page's first title is one of
  them: the glyph marks the page's titles, not the subheadings of features under plain titles
  (``◆对标找差`` under ``梅园街道推进…`` stays a subheading).

Each such line becomes an item title (a heading that opens an article); a short plain heading right
under it, over the text (``县农业技术推广中心``, the issuer), is its subtitle.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reader.core.segment.byline import author_name
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.rules import HEADING_MAX_CHARS

# The glyphs a page marks its titles with.
TITLE_GLYPHS = frozenset("▲◎◆")
# A page marks its titles with a glyph when at least this many lines carry it.
GLYPH_TITLES_MIN = 2
# A plain heading under a glyph title, over the text, is its subtitle when no longer than this.
SUBTITLE_MAX_CHARS = 20
_SENTENCE_ENDS = frozenset("。!！?？…；;，,：:")
_STOPS = re.compile(r"[。！？!?]")
# A title has no clauses: ▲社区食堂招厨师2名、帮厨3名，有健康 (a classified's first printed line) is none.
_CLAUSES = re.compile(r"[。，；,;]")
_PHOTO = re.compile(r"图|.*摄")  # ▲图为活动现场, ▲张三 摄: a photo's caption
_MARKED_KINDS = (LineKind.CAPTION, LineKind.SUBHEADING, LineKind.HEADING)
_OVER_KINDS = (LineKind.PARAGRAPH, LineKind.BYLINE, LineKind.HEADING, LineKind.FURNITURE, LineKind.SOURCE)


def _glyph_title(tagged: list[TaggedLine], i: int) -> bool:
    """True when line ``i`` reads as a title marked with a glyph, over text."""
    line = tagged[i]
    text = line.text.strip()
    return not (
        line.kind not in _MARKED_KINDS
        or text[:1] not in TITLE_GLYPHS
        or not 3 <= len(text) <= HEADING_MAX_CHARS
        or text[-1] in _SENTENCE_ENDS
        or _CLAUSES.search(text) is not None
        or _PHOTO.match(text[1:].lstrip()) is not None
        or author_name(text) is not None
        or i + 1 >= len(tagged)
        or tagged[i + 1].kind not in _OVER_KINDS
        or tagged[i + 1].text.strip()[:1] in TITLE_GLYPHS
    )


def _plain_titles(tagged: list[TaggedLine]) -> list[int]:
    """The plain heading lines that stand right over a byline or a paragraph of sentences."""
    return [
        i
        for i, (upper, lower) in enumerate(pairwise(tagged))
        if upper.kind is LineKind.HEADING
        and upper.text.strip()[:1] not in TITLE_GLYPHS
        and (
            lower.kind is LineKind.BYLINE
            or (lower.kind is LineKind.PARAGRAPH and _STOPS.search(lower.text) is not None)
        )
    ]


def mark_glyph_titles(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the lines a page marks as titles with a glyph (see the module); a new list."""
    found = [i for i in range(len(tagged)) if _glyph_title(tagged, i)]
    plain = _plain_titles(tagged)
    if len(found) < GLYPH_TITLES_MIN or len(found) <= len(plain) or (plain and plain[0] < found[0]):
        return tagged
    marked = list(tagged)
    for i in found:
        marked[i] = marked[i].with_kind(LineKind.ITEM_TITLE)
        under = marked[i + 1]
        if (
            under.kind in (LineKind.HEADING, LineKind.SOURCE)
            and not under.line.gap_before
            and len(under.text.strip()) <= SUBTITLE_MAX_CHARS
            and i + 2 < len(marked)
            and marked[i + 2].kind in (LineKind.PARAGRAPH, LineKind.BYLINE)
        ):
            marked[i + 1] = under.with_kind(LineKind.SUBTITLE)
    return marked
