"""Segmentation engine: split the decoded text of one issue into articles (Qt-free).

The pipeline is a few linear passes, each a module of small named rules:

1. :mod:`.lines` scans the non-blank lines with their spans and breaks;
2. :mod:`.classify` tags each line by its own text (rules in :mod:`.rules`,
   :mod:`.byline`, :mod:`.furniture`), and :mod:`.masthead` reads the masthead;
3. :mod:`.repair` joins paragraphs cut by a break and lifts dropped captions;
4. :mod:`.articles` groups the units into articles and leftovers.

No character is ever changed: every block is a list of spans of the text.
"""

from __future__ import annotations

from reader.core.model import ParsedIssue
from reader.core.segment.articles import group_articles
from reader.core.segment.classify import classify_lines
from reader.core.segment.lines import scan_lines
from reader.core.segment.masthead import mark_masthead, read_masthead
from reader.core.segment.repair import join_cut_paragraphs

__all__ = ["segment"]


def segment(text: str) -> ParsedIssue:
    """Segment one issue's decoded text (LF newlines) into articles and leftovers."""
    tagged = mark_masthead(classify_lines(scan_lines(text)))
    masthead = read_masthead(tagged)
    articles, leftovers = group_articles(text, join_cut_paragraphs(tagged))
    return ParsedIssue(text, articles, leftovers, title=masthead.title, date=masthead.date)
