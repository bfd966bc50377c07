"""Segmentation engine: split the decoded text of one issue into articles (Qt-free).

The pipeline is a few linear passes, each a module of small named rules:

1. :mod:`.lines` scans the non-blank lines with their spans and breaks,
   re-flowing hard-wrapped printed lines into paragraphs (:mod:`.reflow`);
2. :mod:`.classify` tags each line by its own text (rules in :mod:`.rules`,
   :mod:`.byline`, :mod:`.furniture`), and :mod:`.masthead` reads the masthead;
   :mod:`.standalone`, :mod:`.signatures` and :mod:`.table_rows` re-tag the lines
   their neighbours tell (a contact line, a signature, a results table's rows);
3. :mod:`.repair` joins paragraphs cut by a break and lifts dropped captions;
4. :mod:`.articles` groups the units into articles and leftovers.

:mod:`.confidence` then tells, from an article's blocks, whether its cut
needs a look, and why.

:mod:`.pipeline` chains the passes; :func:`segment` runs them on a whole
issue, :func:`segment_sections` (:mod:`.sections`) on a very long issue
section by section, holding about one section of text at a time.

No character is ever changed: every block is a list of spans of the text.
"""

from __future__ import annotations

from reader.core.model import ParsedIssue
from reader.core.segment.geometry import Geometry
from reader.core.segment.pipeline import Context, run_pipeline
from reader.core.segment.sections import SECTION_CHARS, scan_usual_gap, segment_sections

__all__ = ["SECTION_CHARS", "scan_usual_gap", "segment", "segment_sections"]


def segment(text: str, geometry: Geometry | None = None) -> ParsedIssue:
    """Segment one issue's decoded text (LF newlines) into articles and leftovers.

    ``geometry``: how each printed line is set on its page, for text read from scans (:mod:`.geometry`).
    """
    run = run_pipeline(text, None if geometry is None else Context(geometry=geometry))
    return ParsedIssue(text, run.articles, run.leftovers, title=run.masthead.title, date=run.masthead.date)
