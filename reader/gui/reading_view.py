"""The reading pane: one article, or one issue's page, in the chosen script and size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QTextCursor, QTextFrameFormat
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from reader.gui.fonts import reading_family
from reader.gui.reading_document import (
    ReadingStyle,
    RenderedArticle,
    render_article,
    render_issue_page,
    render_message,
)
from reader.gui.scripts import ScriptChoice
from reader.gui.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE

if TYPE_CHECKING:
    from reader.services.browsing import IssuePage

MAX_LINE_EMS = 40  # characters per line at most: long lines of Chinese tire the eye
SEARCH_WINDOW = 24  # characters around a hit's expected offset searched for its text


@dataclass(frozen=True, slots=True)
class _Article:
    document: dict[str, Any]
    context: str


@dataclass(frozen=True, slots=True)
class _Issue:
    page: IssuePage
    label: str


@dataclass(frozen=True, slots=True)
class _Message:
    title: str
    text: str


class ReadingView(QTextBrowser):
    """Shows an article document laid out for reading; re-lays it out on script, size or palette change."""

    def __init__(self, script: ScriptChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._script = script
        self._size = DEFAULT_FONT_SIZE
        self._content: _Article | _Issue | _Message | None = None
        self._rendered: RenderedArticle | None = None
        script.changed.connect(self._on_script_changed)

    # what is shown
    @property
    def article_id(self) -> int | None:
        """The id of the article shown, if an article is shown."""
        return int(self._content.document["id"]) if isinstance(self._content, _Article) else None

    @property
    def issue_id(self) -> int | None:
        """The issue of the article or issue page shown."""
        if isinstance(self._content, _Article):
            return int(self._content.document["issue_id"])
        if isinstance(self._content, _Issue):
            return self._content.page.id
        return None

    @property
    def article_document(self) -> dict[str, Any] | None:
        return self._content.document if isinstance(self._content, _Article) else None

    def document_title(self) -> str | None:
        """The stored title of the article shown (None for an untitled one, or no article)."""
        document = self.article_document
        return None if document is None else document.get("title")

    @property
    def rendered(self) -> RenderedArticle | None:
        """Where each block of the shown article sits in the document."""
        return self._rendered

    def show_article(self, document: dict[str, Any], context: str = "") -> None:
        """Show an article (a ``reader.services.documents.article_document``) from its top."""
        self._content = _Article(document, context)
        self._render(keep_scroll=False)

    def show_issue(self, page: IssuePage, label: str) -> None:
        """Show an issue's own page."""
        self._content = _Issue(page, label)
        self._render(keep_scroll=False)

    def show_message(self, title: str, text: str = "") -> None:
        """Show a short note instead of a text."""
        self._content = _Message(title, text)
        self._render(keep_scroll=False)

    # size
    @property
    def font_size(self) -> int:
        return self._size

    def set_font_size(self, size: int) -> None:
        """Set the base point size of the text and lay it out again."""
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        if size != self._size:
            self._size = size
            self._render(keep_scroll=True)

    # hits
    def select_hit(self, block_index: int | None, offset: int, length: int, hit_text: str = "") -> bool:
        """Select a search hit given in stored-text terms, and scroll it into the middle.

        The offset is mapped into the displayed (possibly converted) text; when
        the converted hit text is found near there, that occurrence is selected.
        """
        rendered = self._rendered
        if rendered is None:
            return False
        cursor: QTextCursor | None = None
        if block_index is not None and 0 <= block_index < len(rendered.blocks):
            block = rendered.blocks[block_index]
            shown_offset = len(self._script(block.original[:offset]))
            shown_hit = self._script(hit_text) if hit_text else ""
            shown_length = len(shown_hit) if shown_hit else length
            if shown_hit:
                lo = max(0, shown_offset - SEARCH_WINDOW)
                found = block.text.find(shown_hit, lo, shown_offset + SEARCH_WINDOW + len(shown_hit))
                if found >= 0:
                    shown_offset = found
            shown_offset = min(shown_offset, len(block.text))
            shown_length = min(shown_length, len(block.text) - shown_offset)
            cursor = QTextCursor(self.document())
            cursor.setPosition(block.start + shown_offset)
            cursor.setPosition(block.start + shown_offset + shown_length, QTextCursor.MoveMode.KeepAnchor)
        elif hit_text:
            found_cursor = self.document().find(self._script(hit_text))
            cursor = None if found_cursor.isNull() else found_cursor
        if cursor is None:
            return False
        self.setTextCursor(cursor)
        self._centre_cursor()
        return True

    def _centre_cursor(self) -> None:
        rect = self.cursorRect()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    # layout
    def style_for_script(self) -> ReadingStyle:
        return ReadingStyle.from_palette(self.palette(), reading_family(self._script.script), self._size)

    def _render(self, *, keep_scroll: bool) -> None:
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if keep_scroll and bar.maximum() > 0 else 0.0
        doc = self.document()
        style = self.style_for_script()
        content = self._content
        self._rendered = None
        if isinstance(content, _Article):
            self._rendered = render_article(doc, content.document, style, self._script, content.context)
        elif isinstance(content, _Issue):
            render_issue_page(doc, content.page, content.label, style, self._script)
        elif isinstance(content, _Message):
            render_message(doc, content.title, content.text, style)
        else:
            doc.clear()
        self._fit_line_length()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if keep_scroll and bar.maximum() > 0:
            bar.setValue(round(ratio * bar.maximum()))
        else:
            bar.setValue(0)

    def _fit_line_length(self) -> None:
        """Widen the side margins so lines hold at most about MAX_LINE_EMS characters."""
        root = self.document().rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        em = self._size * self.logicalDpiY() / 72
        margin = self.document().documentMargin()
        side = max(margin, (self.viewport().width() - MAX_LINE_EMS * em) / 2)
        if abs(fmt.leftMargin() - side) > 0.5 or abs(fmt.rightMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def _on_script_changed(self, _script: object) -> None:
        self._render(keep_scroll=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_line_length()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._content is not None:
            self._render(keep_scroll=True)
