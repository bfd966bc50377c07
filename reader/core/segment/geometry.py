"""Page geometry as evidence for a line's kind, when the text was read from page scans.

An issue imported from scans (:mod:`reader.core.page_layout`) knows, for each
printed line, the role its size and position gave it on the page and its size
relative to the page's body lines.  These named rules weigh that evidence
after :mod:`.classify` has judged each line by its text; without geometry (a
text import) they do nothing, and a line they do not speak for keeps the kind
its text gave it.

- :func:`set_large`: a line set as a headline (:data:`TITLE_SIZE` times the
  body line or more) is a heading, even when its text reads like a sentence
  (a one-line title ending in 。, or as long as a paragraph line).
- :func:`under_picture`: small print under or beside a picture is a caption,
  even without 图为 or ▲.
- :func:`smaller_under_title`: a heading set smaller right under a headline
  is its subtitle, even without ——.
- :func:`set_as_title`: a lone heading set as large as the open article's
  headline (or nearly) opens a new article; a subheading inside an article is
  set smaller than its article's headline, so the text rule (a lone line
  between paragraphs is a subheading) gives way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reader.core.segment.classify import LineKind, TaggedLine

TITLE_SIZE = 1.4
"""A line this many times the body line height or more is set as a title."""
BODY_ROLE = "body"
"""The layout's role of a line set as body text."""
SUBTITLE_STEP = 1.2
"""A heading under a headline set this many times smaller or more is its subtitle."""

# Kinds whose own text is stronger evidence than the size they are set in.
_TEXT_DECIDES = frozenset({LineKind.FURNITURE, LineKind.BYLINE, LineKind.SUBTITLE, LineKind.SECTION})


@dataclass(frozen=True, slots=True)
class LineLook:
    """How a printed line is set on its page: the layout's role for it and its size over the body line."""

    role: str  # "headline", "body", "caption" or "small" (reader.core.page_layout.Role)
    size: float


Geometry = Mapping[int, LineLook]
"""The look of each printed line, by the offset in the text where the line starts."""


def set_large(line: TaggedLine, look: LineLook) -> LineKind | None:
    """A headline-sized line is a heading (None: the rule does not speak)."""
    if (look.role == "headline" or look.size >= TITLE_SIZE) and line.kind in (
        LineKind.PARAGRAPH,
        LineKind.CAPTION,
        LineKind.SUBHEADING,
    ):
        return LineKind.HEADING
    return None


def under_picture(line: TaggedLine, look: LineLook) -> LineKind | None:
    """Small print the layout found under or beside a picture is a caption (None: the rule does not speak)."""
    if look.role == "caption" and line.kind in (LineKind.PARAGRAPH, LineKind.HEADING):
        return LineKind.CAPTION
    return None


def smaller_under_title(line: TaggedLine, look: LineLook, above: LineLook | None) -> LineKind | None:
    """A heading set smaller right under a headline is its subtitle, even without ——."""
    if (
        above is not None
        and above.role == "headline"
        and line.kind is LineKind.HEADING
        and look.role != "headline"
        and look.size < above.size / SUBTITLE_STEP
    ):
        return LineKind.SUBTITLE
    return None


def set_as_title(look: LineLook | None, title: LineLook | None) -> bool:
    """A heading set as a headline opens a new article unless clearly smaller than the open one's title.

    ``title`` is how the open article's title is set (None: it has none the
    page measured).  False without geometry for the line: the text decides.
    """
    if look is None or look.role != "headline":
        return False
    return title is None or look.size * SUBTITLE_STEP >= title.size


def weigh_geometry(tagged: list[TaggedLine], geometry: Geometry | None) -> list[TaggedLine]:
    """``tagged`` with the kinds the geometry rules give (unchanged without geometry)."""
    if not geometry:
        return tagged
    weighed: list[TaggedLine] = []
    above: LineLook | None = None
    for line in tagged:
        look = geometry.get(line.line.start)
        if look is not None and line.kind not in _TEXT_DECIDES:
            kind = (
                set_large(line, look) or under_picture(line, look) or smaller_under_title(line, look, above)
            )
            if kind is not None:
                line = line.with_kind(kind)
        above = look
        weighed.append(line)
    return weighed


__all__ = [
    "BODY_ROLE",
    "TITLE_SIZE",
    "Geometry",
    "LineLook",
    "set_as_title",
    "set_large",
    "under_picture",
    "weigh_geometry",
]
