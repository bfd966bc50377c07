"""Titles that end with a full stop: ``晉江同鄉會捐贈救災物資。`` (qaseg32's class 1; file 09, min m01).

Some papers (a Manila society page) print every title as a sentence, closed by ``。``, on a line of its
own, and part nothing else: no blank line, no indent, one paragraph a line.  Read alone, such a title is
a one-sentence paragraph, and the whole page folds into one untitled article.  A one-sentence paragraph
is body in many papers (``联赛将进行至十一月底。`` closing a report), so only the page's layout decides:

- the line is one short sentence (:data:`TITLE_MIN_CHARS` to :data:`TITLE_MAX_CHARS` characters) with no
  clause mark in it (no comma, colon, semicolon, no second stop), not ending on a particle (``…了。``
  ``…吧。``: spoken words, never a title), no numbered point, quote or bracket opening it;
- it stands alone between paragraphs: after a finished paragraph (or the masthead), right over a longer
  paragraph that is no such line itself (of two such lines in a row, the upper closes the article above
  and the lower is the title);
- the page repeats the pattern: :data:`LAYOUT_MIN_TITLES` such lines at least, and the paragraphs under
  most of them pick up their words (``崇仁醫院週日義診惠及貧民。`` over ``菲律賓中華崇仁醫院於…``);
- nothing else sets paragraphs or titles apart on the page: no blank line between paragraphs, no indent,
  and the page sets no plain heading over text (its titles are these lines, not headings with a
  one-sentence paragraph here and there).

Each such line becomes an item title (a heading that opens an article, as :mod:`.layout_titles` does).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.rules import is_enumerated

# A title ending with a full stop is this long, the stop included.
TITLE_MIN_CHARS = 6
TITLE_MAX_CHARS = 24
# The page sets its titles so when it holds at least this many such lines.
LAYOUT_MIN_TITLES = 3
# The paragraph under a title is at least this many times as long as the title.
UNDER_MIN_RATIO = 1.5
# An indented page indents at least this share of its paragraphs (its titles stand flush left).
BODY_INDENTED_SHARE = 0.9
_STOPS = frozenset("。．.")
# Spoken endings (了。吧。呢。): a sentence of the text, never a title.
_PARTICLES = frozenset("了吧呢啊吗嗎呀哦啦嘛")
_CLAUSES = re.compile(r"[，,；;：:！!？?。．…]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_OPENERS = frozenset("【〖[(（<《“‘「『\"'—-")
_HEADINGS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBTITLE)


def _indented(text: str, tagged: TaggedLine) -> bool:
    start = tagged.line.start
    return start > 0 and text[start - 1] not in "\n"


def is_stop_title_text(text: str) -> bool:
    """True for one short sentence closed by a full stop, with no clause inside (see the module)."""
    text = text.strip()
    return (
        TITLE_MIN_CHARS <= len(text) <= TITLE_MAX_CHARS
        and text[-1] in _STOPS
        and _CLAUSES.search(text[:-1]) is None
        and text[-2] not in _PARTICLES
        and text[0] not in _OPENERS
        and len(_HAN.findall(text)) >= TITLE_MIN_CHARS - 2
        and " " not in text
        and "\u3000" not in text
        and not is_enumerated(text)
    )


def _candidate(text: str, tagged: TaggedLine) -> bool:
    """A one-sentence title's text on one printed line, flush left."""
    return (
        tagged.kind is LineKind.PARAGRAPH
        and tagged.line.pieces is None
        and not _indented(text, tagged)
        and is_stop_title_text(tagged.text)
    )


def _bigrams(text: str) -> set[str]:
    han = "".join(_HAN.findall(text))
    return {han[i : i + 2] for i in range(len(han) - 1)}


def _stands_alone(text: str, tagged: Sequence[TaggedLine], i: int) -> bool:
    """Candidate ``i`` after a finished paragraph or the page's furniture, over a longer paragraph that is
    no candidate itself."""
    if i + 1 >= len(tagged):
        return False
    above, under = (tagged[i - 1] if i else None), tagged[i + 1]
    return (
        (above is None or above.kind not in (*_HEADINGS, LineKind.SUBHEADING, LineKind.SECTION))
        and (above is None or above.kind is not LineKind.PARAGRAPH or above.complete)
        and under.kind is LineKind.PARAGRAPH
        and len(under.text) >= UNDER_MIN_RATIO * len(tagged[i].text)
        and not _candidate(text, under)
    )


def _plain_page(text: str, tagged: Sequence[TaggedLine], found: Sequence[int]) -> bool:
    """Nothing but the titles' lines breaks the run of paragraphs: no blank line between two paragraphs
    (one before a title may part the articles), the paragraphs all flush left or all indented (the titles
    flush), and no plain heading stands over text."""
    titles = frozenset(found)
    indented = flush = 0
    for i, (upper, lower) in enumerate(pairwise(tagged), start=1):
        if upper.kind in _HEADINGS and lower.kind is LineKind.PARAGRAPH:
            return False
        if lower.kind is not LineKind.PARAGRAPH or i in titles:
            continue
        if upper.kind is LineKind.PARAGRAPH and lower.line.gap_before:
            return False
        if _indented(text, lower):
            indented += 1
        else:
            flush += 1
    return not indented or indented >= BODY_INDENTED_SHARE * (indented + flush)


def _lead_echoes(tagged: Sequence[TaggedLine], i: int) -> bool:
    """The paragraph under candidate ``i`` picks up its words (a report's lead), or is a row of a list
    (``十月二十日（星期二）下午六时　…``: a schedule under its title)."""
    under = tagged[i + 1].text
    return bool(_bigrams(tagged[i].text) & _bigrams(under)) or _CLAUSES.search(under) is None


def stop_titles(text: str, tagged: Sequence[TaggedLine]) -> list[int]:
    """The lines of a page that sets its titles as one-sentence lines closed by ``。`` (see the module)."""
    found = [
        i
        for i, line in enumerate(tagged)
        if _candidate(text, line) and _stands_alone(text, tagged, i) and _lead_echoes(tagged, i)
    ]
    if len(found) < LAYOUT_MIN_TITLES or not _plain_page(text, tagged, found):
        return []
    return found


def mark_stop_titles(text: str, tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the titles a page closes with a full stop (see the module); a new list when any."""
    found = stop_titles(text, tagged)
    if not found:
        return tagged
    marked = list(tagged)
    for i in found:
        marked[i] = marked[i].with_kind(LineKind.ITEM_TITLE)
    return marked
