"""Corpus stories set as newspaper pages by Qt itself, to import through OCR and compare with the text.

A page has a masthead; each story a headline spanning its columns (a kicker
above, a subtitle below, set smaller), body text in two to four columns with
paragraphs opening two characters in, and a grey picture box with its caption
in smaller print under it; the last story is a sidebar in its own column
beside the others.  Paragraphs run on from one column (or page) to the next;
a story whose headings and first lines do not fit starts on the next page.
:func:`story_text` writes the same stories as a text issue, so the two
imports can be compared.  Needs a QGuiApplication.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

from reader.core.model import Role
from reader.core.segment import segment
from tests.scan_support import cjk_font

WIDTH = 1240
HEIGHT = 1500
MARGIN = 50
GUTTER = 40
BODY_PX = 22
PITCH = 36
TITLE_PX = 40
SMALL_PX = 18
PICTURE_LINES = 5
MIN_LINES = 4
"""A story starts on a new page unless its headings and this many of its lines fit on the page."""
MASTHEAD = "社区生活报"


@dataclass(slots=True)
class Story:
    """A story to set: its headings, its blocks (role, text) in order and its column count."""

    title: str
    blocks: list[tuple[Role, str]]
    columns: int = 3
    kicker: str | None = None
    picture_caption: str | None = None
    sidebar: bool = False
    new_page: bool = False  # starts a new page


def corpus_stories(text: str, count: int, max_paragraphs: int = 4) -> list[Story]:
    """The first ``count`` titled articles of a corpus issue as stories (at most ``max_paragraphs`` each)."""
    stories: list[Story] = []
    for article in segment(text).articles:
        if article.title is None or "\n" in article.title:
            continue
        blocks: list[tuple[Role, str]] = []
        paragraphs = 0
        for block in article.blocks:
            if block.role in (Role.TITLE, Role.KICKER, Role.CAPTION, Role.FURNITURE, Role.SECTION):
                continue
            if block.role is Role.PARAGRAPH:
                if paragraphs >= max_paragraphs:
                    continue
                paragraphs += 1
            blocks.append((block.role, block.text))
        kicker = next((b.text for b in article.blocks if b.role is Role.KICKER), None)
        stories.append(Story(article.title, blocks, kicker=kicker))
        if len(stories) == count:
            break
    return stories


def story_text(stories: Sequence[Story], masthead: str = MASTHEAD) -> str:
    """The stories as a text issue: the masthead, then a block per paragraph, blank lines between."""
    parts: list[str] = [masthead]
    for story in stories:
        if story.kicker:
            parts.append(story.kicker)
        parts.append(story.title)
        parts.extend(text for _role, text in story.blocks)
        if story.picture_caption:
            parts.append(story.picture_caption)
    return "\n\n".join(parts) + "\n"


@dataclass(slots=True)
class _Item:
    kind: str  # "line", "picture", "caption"
    text: str = ""
    indent: bool = False
    size: int = BODY_PX


def _wrap(text: str, width: int, indent: bool) -> list[_Item]:
    items: list[_Item] = []
    first = width - 2 if indent else width
    items.append(_Item("line", text[:first], indent))
    rest = text[first:]
    while rest:
        items.append(_Item("line", rest[:width]))
        rest = rest[width:]
    return items


class _Pages:
    """Sets stories on pages; each page a QImage."""

    def __init__(self, masthead: str) -> None:
        self.pages: list[list[tuple[str, QRect, str, int]]] = []  # (kind, rect, text, pixel size)
        self.masthead = masthead
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.top = MARGIN
        if len(self.pages) == 1:
            self.pages[-1].append(("text", QRect(MARGIN, MARGIN, WIDTH - 2 * MARGIN, 80), self.masthead, 64))
            self.top = MARGIN + 80 + PITCH

    def _heading(self, text: str, size: int, left: int, right: int) -> None:
        per_line = (right - left) // size
        for start in range(0, len(text), per_line):
            self.pages[-1].append(
                (
                    "text",
                    QRect(left, self.top, right - left, int(size * 1.4)),
                    text[start : start + per_line],
                    size,
                )
            )
            self.top += int(size * 1.6)

    def heads_height(self, story: Story, left: int, right: int) -> int:
        """How high a story's headings and its first lines are set: a paper starts no story lower."""

        def height(text: str, size: int) -> int:
            return -(-len(text) // ((right - left) // size)) * int(size * 1.6)

        subtitles = [text for role, text in story.blocks[:1] if role is Role.SUBTITLE]
        heads = height(story.title, TITLE_PX) + sum(height(text, 28) for text in subtitles)
        return heads + (height(story.kicker, 28) if story.kicker else 0) + PITCH // 2 + MIN_LINES * PITCH

    def set_story(self, story: Story, left: int, right: int, bottom: int) -> None:
        if story.kicker:
            self._heading(story.kicker, 28, left, right)
        self._heading(story.title, TITLE_PX, left, right)
        self.top += PITCH // 2
        column_width = (right - left - GUTTER * (story.columns - 1)) // story.columns
        chars = column_width // BODY_PX
        items: list[_Item] = []
        blocks = list(story.blocks)
        while blocks and blocks[0][0] is Role.SUBTITLE:  # set as a heading across the story
            self._heading(blocks.pop(0)[1], 28, left, right)
        for number, (role, text) in enumerate(blocks):
            if role is Role.BYLINE:
                text = text.replace(" ", "\u3000")  # set with full-width spaces, as papers do
            if number == 1 and story.picture_caption:
                items.append(_Item("picture"))
                items.append(_Item("caption", story.picture_caption, size=SMALL_PX))
            items.extend(_wrap(text, chars, role is Role.PARAGRAPH))
        per_column = max(
            4, -(-sum(PICTURE_LINES if i.kind == "picture" else 1 for i in items) // story.columns)
        )
        column = 0
        y = self.top
        lowest = self.top
        for item in items:
            height = PICTURE_LINES * PITCH if item.kind == "picture" else PITCH
            if (y - self.top) >= per_column * PITCH or y + height > bottom:
                column += 1
                y = self.top
                if column == story.columns:
                    self.new_page()
                    column, y = 0, self.top
                    lowest = self.top  # the next story goes under what ran on to this page
            x = left + column * (column_width + GUTTER)
            page = self.pages[-1]
            if item.kind == "picture":
                page.append(("picture", QRect(x, y + 6, column_width, height - 12), "", 0))
            elif item.kind == "caption":
                page.append(
                    (
                        "text",
                        QRect(x, y, column_width, PITCH),
                        item.text[: column_width // SMALL_PX],
                        SMALL_PX,
                    )
                )
            else:
                shift = 2 * BODY_PX if item.indent else 0
                page.append(("text", QRect(x + shift, y, column_width - shift, PITCH), item.text, BODY_PX))
            y += height
            lowest = max(lowest, y)
        self.top = lowest + PITCH

    def images(self) -> list[QImage]:
        out = []
        for page in self.pages:
            image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            painter = QPainter(image)
            self._paint(painter, page)
            painter.end()
            out.append(image)
        return out

    @staticmethod
    def _paint(painter: QPainter, page: list[tuple[str, QRect, str, int]]) -> None:
        painter.setPen(QColor("black"))
        for kind, rect, text, size in page:
            if kind == "picture":
                painter.fillRect(rect, QColor(170, 170, 170))
                continue
            painter.setFont(cjk_font(size))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


SIDEBAR = 260


def set_pages(stories: Sequence[Story], masthead: str = MASTHEAD) -> _Pages:
    """The stories set on pages, in order; a sidebar story goes in a column at the right of page 1."""
    pages = _Pages(masthead)
    first_top = pages.top
    has_sidebar = any(story.sidebar for story in stories)
    for story in stories:
        if story.new_page:
            pages.new_page()
        if story.sidebar:
            saved = pages.top
            pages.top = first_top
            pages.set_story(story, WIDTH - MARGIN - SIDEBAR, WIDTH - MARGIN, HEIGHT - MARGIN)
            pages.top = saved
            continue
        right = WIDTH - MARGIN - (SIDEBAR + GUTTER if has_sidebar and len(pages.pages) == 1 else 0)
        if pages.top + pages.heads_height(story, MARGIN, right) > HEIGHT - MARGIN:
            pages.new_page()  # no headline at the foot of a page with its story overleaf
            right = WIDTH - MARGIN
        pages.set_story(story, MARGIN, right, HEIGHT - MARGIN)
    return pages


def save_page_images(stories: Sequence[Story], folder: Path) -> list[Path]:
    """The stories set on pages written as ``page-1.png``, ``page-2.png``… in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, image in enumerate(set_pages(stories).images(), 1):
        path = folder / f"page-{number}.png"
        if not image.save(str(path)):
            raise OSError(f"Qt could not write {path}")
        paths.append(path)
    return paths


def save_pages_pdf(stories: Sequence[Story], path: Path) -> Path:
    """The stories set on pages as a PDF (each page a page of the PDF, drawn as vectors)."""
    pages = set_pages(stories)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(round(WIDTH / 8.27))  # the page's width fills A4's
    painter = QPainter(writer)
    for number, page in enumerate(pages.pages):
        if number:
            writer.newPage()
        _Pages._paint(painter, page)
    painter.end()
    return path
