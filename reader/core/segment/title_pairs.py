"""Title pairs: a Chinese title over its English title (qaseg24's class C, bilingual papers).

A bilingual paper sets each story's title twice, the Chinese line and right under it (no blank
line between) the English one: ``社区垃圾分类新规：大件垃圾须预约清运`` /
``New Rule: Bulky Waste Collection by Appointment Only``.  The English line is a title's line (a
capitalised phrase, no full stop at its end), not a paragraph: it becomes the title's subtitle, so
the pair is a heading group of two lines, which opens a new article wherever it stands.  A pair set on
one line (``实用信息 Useful Information``) between the paragraphs of such a paper's article is the
title of the next item, not a subheading (:func:`.subheads.breaks_article_style`).
"""

from __future__ import annotations

import re

from reader.core.segment.classify import LineKind, TaggedLine

# An English title: words of Latin letters (and digits, quotes, &, :, -), the first capitalised.
_LATIN_TITLE = re.compile(r"[A-Z][A-Za-z0-9'’&:,\-–—/ ]*[A-Za-z0-9'’]")
LATIN_TITLE_MAX_CHARS = 90
_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_WORD = re.compile(r"[\u3400-\u9fff·：:]{2,16}")


def is_latin_title(text: str) -> bool:
    """True for an English title line: two words or more, capitalised, no sentence's full stop."""
    return (
        len(text) <= LATIN_TITLE_MAX_CHARS
        and _LATIN_TITLE.fullmatch(text) is not None
        and text.count(" ") >= 1
        and sum(1 for word in text.split() if word[:1].isupper()) * 2 >= len(text.split())
    )


def is_bilingual_heading(text: str) -> bool:
    """True for a title pair on one line: Chinese words, then English ones (``实用信息 Useful Info``)."""
    han, _, latin = text.partition(" ")
    return bool(latin) and _HAN_WORD.fullmatch(han) is not None and is_latin_title(latin.strip())


def mark_title_pairs(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the English line of each title pair (see the module's doc) as a subtitle; a new list."""
    marked = list(tagged)
    for i in range(1, len(marked)):
        line, above = marked[i], marked[i - 1]
        if (
            line.kind is LineKind.PARAGRAPH
            and line.line.gap_before == 0
            and above.kind is LineKind.HEADING
            and _HAN.search(above.text) is not None
            and is_latin_title(line.text)
            and i + 1 < len(marked)
            and marked[i + 1].kind is LineKind.PARAGRAPH  # a title's: the text follows
        ):
            marked[i] = line.with_kind(LineKind.SUBTITLE)
    return marked
