"""Titles set with a decoration the page repeats on every title (qaseg33's class 1).

A village newsletter marks each title with a leading ``■`` (``■好人好事``), a farm-weather report sets each
in ``〖…〗`` brackets (``〖农事建议〗``), a police-station quarterly ends each with a dotted leader and the
page it stands on (``冬季防火要点……………1``).  Read alone, such a line is a marked subheading, a section
label or a contents line, and the whole page folds into one or two articles.  What the three share is the
decoration itself, repeated on the page's titles:

- two lines or more carry the same decoration (the same leading mark, the same bracket pair, or a dotted
  leader with a page number), each a few words with no sentence in it once the decoration is taken off;
- each stands over text: a paragraph comes within the next few lines, before any other decorated line
  (a contents box, several leader lines in a row with nothing under them, stays furniture);
- they outnumber the plain heading lines set over a byline or sentences, and the page's first title is one
  of them: the decoration marks the page's titles, not the subheadings of a feature under a plain title.

Each such line becomes an item title (a heading that opens an article); a credit line right under it, over
the text (``社区民警　许建国``: two words apart, no sentence), is its byline.  A line made of the mark alone
(``■■■■■■■■``, the border of the masthead's box) is the page's furniture, and so are the lines above the
issue's first title when none of them holds a sentence (the masthead and its issue line).  The glyphs of
:mod:`.glyph_titles` (``▲◎◆``) are left to it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reader.core.model import LeftoverKind
from reader.core.segment.byline import author_name
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.glyph_titles import TITLE_GLYPHS
from reader.core.segment.rules import HEADING_MAX_CHARS

# The leading marks a page may set its titles with (● □ ★… stay: a page-wide count of them cut stretches
# differently from the whole issue in tests/test_segment_sections.py).
LEAD_MARKS = frozenset("■▌")
# Bracket pairs a page may set a whole title in.
WRAPS = {"〖": "〗", "〔": "〕"}
# A page marks its titles with a decoration when at least this many lines carry it.
DECORATED_MIN = 2
# A paragraph must come within this many lines under a decorated title (a byline or credit may stand between).
OVER_TEXT_LINES = 3
# A credit line under a decorated title is no longer than this.
CREDIT_MAX_CHARS = 20
# The masthead above the first decorated title has no more lines than this.
MASTHEAD_MAX_LINES = 6
_LEADER = re.compile(r"(?:[…]{2,}|[.．·・]{4,}|[…．.·・]{3,})\s*\d{1,3}\s*$")
_CLAUSES = re.compile(r"[。；;，,！!]")
_SENTENCE_ENDS = frozenset("。!！；;，,：:、")
_HAN = re.compile(r"[\u3400-\u9fff]")
_PHOTO = re.compile(r"图为|.*摄$")
_CANDIDATE_KINDS = (
    LineKind.HEADING,
    LineKind.SUBHEADING,
    LineKind.CAPTION,
    LineKind.SECTION,
    LineKind.FURNITURE,
    LineKind.SUBTITLE,
)
_CREDIT_KINDS = (LineKind.HEADING, LineKind.SUBHEADING, LineKind.CAPTION, LineKind.SOURCE, LineKind.BYLINE)
_BORDER_KINDS = (LineKind.HEADING, LineKind.SUBHEADING, LineKind.CAPTION, LineKind.PARAGRAPH)


def decoration(text: str) -> tuple[str, str] | None:
    """The decoration of a title line and its bare words: ``("lead:■", "好人好事")``, ``("wrap:〖", …)``,
    ``("leader", …)``; None when the line carries none."""
    text = text.strip()
    if not text:
        return None
    leader = _LEADER.search(text)
    if leader is not None:
        return "leader", text[: leader.start()].strip()
    first = text[0]
    if first in LEAD_MARKS:
        bare = text.lstrip(first)
        spaced = " " if bare[:1].isspace() else ""  # ■ 居民议事 and ■梅园…: two decorations
        return f"lead:{first}{spaced}", bare.strip()
    close = WRAPS.get(first)
    if close is not None and text.endswith(close) and text.count(close) == 1:
        return f"wrap:{first}", text[1:-1].strip()
    return None


def _titles_words(bare: str) -> bool:
    """True when the words left once the decoration is off read as a title: a few words, no sentence."""
    return (
        2 <= len(bare) <= HEADING_MAX_CHARS
        and _HAN.search(bare) is not None
        and bare[-1] not in _SENTENCE_ENDS
        and _CLAUSES.search(bare) is None
        and _PHOTO.match(bare) is None
        and author_name(bare) is None
    )


def _over_text(tagged: list[TaggedLine], i: int, key: str) -> bool:
    """True when a paragraph comes within a few lines under line ``i``, before another decorated line."""
    for below in tagged[i + 1 : i + 1 + OVER_TEXT_LINES]:
        found = decoration(below.text)
        if found is not None and found[0] == key:
            return False
        if below.kind is LineKind.PARAGRAPH:
            return True
    return False


def _is_border(text: str) -> bool:
    """A line made of one lead mark alone, repeated (a box's border)."""
    text = text.replace(" ", "").replace("\u3000", "")
    return len(text) >= 4 and text[0] in LEAD_MARKS and text == text[0] * len(text)


def _plain_titles(tagged: list[TaggedLine]) -> list[int]:
    """The plain heading lines that stand right over a byline, a subtitle or a paragraph of sentences."""
    return [
        i
        for i, (upper, lower) in enumerate(pairwise(tagged))
        if upper.kind is LineKind.HEADING
        and decoration(upper.text) is None
        and not _is_border(upper.text)
        and (
            lower.kind in (LineKind.BYLINE, LineKind.SUBTITLE)
            or (lower.kind is LineKind.PARAGRAPH and "。" in lower.text)
        )
    ]


def _decorated(tagged: list[TaggedLine]) -> dict[str, list[int]]:
    """The decorated title lines over text, by decoration."""
    found: dict[str, list[int]] = {}
    for i, line in enumerate(tagged):
        if line.kind not in _CANDIDATE_KINDS or line.text.strip()[:1] in TITLE_GLYPHS:
            continue
        deco = decoration(line.text)
        if deco is None or not _titles_words(deco[1]) or not _over_text(tagged, i, deco[0]):
            continue
        found.setdefault(deco[0], []).append(i)
    return found


def is_credit_line(line: TaggedLine) -> bool:
    """A short credit line: a unit or role and a name, set apart by a space (``社区民警　许建国``)."""
    text = line.text.strip()
    return (
        line.kind in _CREDIT_KINDS
        and len(text) <= CREDIT_MAX_CHARS
        and decoration(text) is None
        and text[-1] not in _SENTENCE_ENDS
        and _CLAUSES.search(text) is None
        and (len(text.split()) == 2 or author_name(text) is not None)
    )


def mark_decorated_titles(tagged: list[TaggedLine], *, at_start: bool = True) -> list[TaggedLine]:
    """Re-tag the lines a page sets as titles with one decoration (see the module); a new list when any."""
    found = _decorated(tagged)
    if not found:
        return tagged
    key, lines = max(found.items(), key=lambda item: len(item[1]))
    plain = _plain_titles(tagged)
    if len(lines) < DECORATED_MIN or len(lines) <= len(plain) or (plain and plain[0] < lines[0]):
        return tagged
    marked = list(tagged)
    for i in lines:
        marked[i] = marked[i].with_kind(LineKind.ITEM_TITLE)
        if i + 2 < len(marked) and is_credit_line(marked[i + 1]) and marked[i + 2].kind is LineKind.PARAGRAPH:
            marked[i + 1] = marked[i + 1].with_kind(LineKind.BYLINE)
    if (
        at_start
        and lines[0] <= MASTHEAD_MAX_LINES
        and all("。" not in line.text for line in marked[: lines[0]])
    ):
        for i in range(lines[0]):
            marked[i] = marked[i].with_kind(LineKind.FURNITURE, LeftoverKind.MASTHEAD)
    if key.startswith("lead:"):
        for i, line in enumerate(marked):
            if line.kind in _BORDER_KINDS and _is_border(line.text):
                marked[i] = line.with_kind(LineKind.FURNITURE, LeftoverKind.OTHER)
    return marked
