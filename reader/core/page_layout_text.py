"""An issue's original text from the layouts of its pages, in the line-based shape the importer reads.

Every printed line becomes one line of text, as a line-based OCR program
writes it (an indented paragraph's first line opening with ideographic
spaces), except that a heading set larger than the body (every line of its
block :data:`~reader.core.page_layout.DISPLAY_SIZE` times the body or larger)
and wrapped over several lines is written as one line; a blank line separates
blocks (a headline, a paragraph, a caption), and :data:`PAGE_BREAK` blank
lines separate pages, which the segmenter reads as a page break (a paragraph
cut there is joined).  A paragraph that runs on from one column to the next
is written on, with no blank line, so the segmenter re-flows it as one.

Each line keeps where it came from (:class:`TextLine`): its page, box,
confidences and the role and size the layout gave it, with its span in the
text, so the segmenter can weigh the geometry and the importer can link
every block to its place on the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.page_layout import DISPLAY_SIZE, Box, PageLayout, Role

PAGE_BREAK = 3
"""Blank lines written between two pages."""
INDENT_CHAR = "\u3000"
"""What an indent is written with: ideographic spaces, one per character of indent."""


@dataclass(frozen=True, slots=True)
class TextLine:
    """One printed line in the composed text: ``text[start:end]``, from page ``page`` (1-based)."""

    page: int
    start: int
    end: int
    box: Box
    confidence: float
    char_confidences: tuple[float, ...]
    role: Role
    size: float  # its block's line thickness over the page's body line height
    block: int  # the number of its layout block on the page (0-based, reading order)


@dataclass(frozen=True, slots=True)
class ComposedText:
    """The text of an issue read from its pages and where each of its lines came from."""

    text: str
    lines: tuple[TextLine, ...]


def compose_text(pages: Sequence[PageLayout]) -> ComposedText:
    """The original text of pages in order (see the module's docstring)."""
    parts: list[str] = []
    lines: list[TextLine] = []
    at = 0

    def write(piece: str) -> None:
        nonlocal at
        parts.append(piece)
        at += len(piece)

    for number, page in enumerate(pages, 1):
        if not page.blocks:
            continue
        if at:
            write("\n" * (PAGE_BREAK + 1))
        for index, block in enumerate(page.blocks):
            if index:
                write("\n" if block.continues else "\n\n")
            display = not block.vertical and all(
                line.thickness >= DISPLAY_SIZE * page.body_size for line in block.lines
            )
            for row, line in enumerate(block.lines):
                if row and not display:
                    write("\n")
                text = line.text.strip()
                if row == 0 and block.indent:
                    write(INDENT_CHAR * block.indent)  # as line-based OCR writes an indented first line
                lines.append(
                    TextLine(
                        number,
                        at,
                        at + len(text),
                        line.box,
                        line.confidence,
                        line.char_confidences if len(line.char_confidences) == len(text) else (),
                        block.role,
                        round(block.size, 3),
                        index,
                    )
                )
                write(text)
    if at:
        write("\n")
    return ComposedText("".join(parts), tuple(lines))


__all__ = ["PAGE_BREAK", "ComposedText", "TextLine", "compose_text"]
