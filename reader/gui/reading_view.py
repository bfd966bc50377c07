"""The reading pane: one article, or one issue's page, in the chosen script and size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QMenu, QTextBrowser, QTextEdit, QWidget

from reader.gui.fonts import reading_family
from reader.gui.scripts import ScriptChoice
from reader.gui.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat, QTextFrameFormat

    from reader.gui.reading_document import ReadingStyle, RenderedArticle
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
    review: tuple[tuple[str, str], ...] = ()  # review lines: articles per status
    doubts: tuple[tuple[str, str], ...] = ()  # articles whose layout needs a look: (label, why)


@dataclass(frozen=True, slots=True)
class _Message:
    title: str
    text: str


Highlight = tuple[int, int, int]
"""``(block index, start, end)``: a span of a block's stored text to highlight."""


class ReadingView(QTextBrowser):
    """Shows an article document laid out for reading; re-lays it out on script, size or palette change."""

    context_menu_opening = Signal(QMenu)  # features add their entries to the menu before it shows
    cleared = Signal()  # a message replaced the article or issue shown

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
        self._highlights: dict[str, tuple[list[Highlight], QTextCharFormat]] = {}  # by layer, in order
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
        self._highlights.clear()
        self._render(keep_scroll=False)

    def show_issue(self, page: IssuePage, label: str, review: Sequence[tuple[str, str]] = ()) -> None:
        """Show an issue's own page (``review``: its (label, count) lines of review status)."""
        self._content = _Issue(page, label, tuple(review))
        self._highlights.clear()
        self._render(keep_scroll=False)

    def set_issue_doubts(self, issue_id: int, doubts: Sequence[tuple[str, str]]) -> None:
        """List the articles whose layout needs a look on the issue page, if it still shows that issue."""
        content = self._content
        if isinstance(content, _Issue) and content.page.id == issue_id and content.doubts != tuple(doubts):
            self._content = _Issue(content.page, content.label, content.review, tuple(doubts))
            self._render(keep_scroll=True)

    def show_message(self, title: str, text: str = "") -> None:
        """Show a short note instead of a text."""
        self._content = _Message(title, text)
        self._highlights.clear()
        self._render(keep_scroll=False)
        self.cleared.emit()

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

    # blocks: document positions <-> (block index, offset in the block's stored text)
    def block_at(self, position: int | None = None) -> tuple[int, int] | None:
        """(block index, stored offset) at a document position (default: the cursor's); None off blocks."""
        rendered = self._rendered
        if rendered is None:
            return None
        position = self.textCursor().position() if position is None else position
        index = rendered.block_at(position)
        if index is None:
            return None
        block = rendered.blocks[index]
        return index, block.stored_offset(position - block.start, self._script)

    def selected_span(self) -> Highlight | None:
        """(block index, stored start, stored end) of a selection lying within one block, else None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.block_at(cursor.selectionStart())
        end = self.block_at(cursor.selectionEnd())
        if start is None or end is None or start[0] != end[0] or start[1] >= end[1]:
            return None
        return start[0], start[1], end[1]

    def document_range(self, index: int, start: int, end: int) -> tuple[int, int] | None:
        """The document positions of a span of a block's stored text (None for no such block)."""
        rendered = self._rendered
        if rendered is None or not 0 <= index < len(rendered.blocks):
            return None
        block = rendered.blocks[index]
        return (
            block.start + block.shown_offset(start, self._script),
            block.start + block.shown_offset(end, self._script),
        )

    def select_span(self, index: int, start: int, end: int) -> bool:
        """Select a span of a block's stored text and scroll it into the middle."""
        found = self.document_range(index, start, end)
        if found is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(found[0])
        cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._centre_cursor()
        return True

    # highlights: layers of spans, laid again over the text after every layout
    def set_highlights(self, layer: str, spans: list[Highlight], fmt: QTextCharFormat) -> None:
        """Highlight spans of the shown article's blocks in a named layer (later layers paint on top)."""
        if spans:
            self._highlights[layer] = (list(spans), QtGui.QTextCharFormat(fmt))
        else:
            self._highlights.pop(layer, None)
        self._apply_highlights()

    def highlights(self, layer: str) -> list[Highlight]:
        """The spans of a highlight layer."""
        found = self._highlights.get(layer)
        return list(found[0]) if found else []

    def _apply_highlights(self) -> None:
        selections = []
        for spans, fmt in self._highlights.values():
            for index, start, end in spans:
                found = self.document_range(index, start, end)
                if found is None or found[0] >= found[1]:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(found[0])
                cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
        self.setExtraSelections(selections)

    # context menu
    def context_menu(self, pos: QPoint) -> QMenu:
        """The context menu at a viewport position: the standard entries and those features add.

        Without a selection the cursor moves to the clicked place first, so
        actions on "the block at the cursor" act on the block clicked.
        """
        if not self.textCursor().hasSelection():
            self.setTextCursor(self.cursorForPosition(pos))
        menu = self.createStandardContextMenu(pos)
        menu.setParent(self, menu.windowFlags())
        self.context_menu_opening.emit(menu)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # layout
    def style_for_script(self) -> ReadingStyle:
        # the document builder (and its text format classes) is imported with the first text shown,
        # after the window's first paint
        from reader.gui.reading_document import ReadingStyle

        return ReadingStyle.from_palette(self.palette(), reading_family(self._script.script), self._size)

    def _render(self, *, keep_scroll: bool) -> None:
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if keep_scroll and bar.maximum() > 0 else 0.0
        with QSignalBlocker(self):  # one cursorPositionChanged for the new text, not one per block inserted
            self._fill()
            self.moveCursor(QTextCursor.MoveOperation.Start)
        self.cursorPositionChanged.emit()
        if keep_scroll and bar.maximum() > 0:
            bar.setValue(round(ratio * bar.maximum()))
        else:
            bar.setValue(0)

    def _fill(self) -> None:
        from reader.gui.reading_document import render_article, render_issue_page, render_message

        doc = self.document()
        style = self.style_for_script()
        content = self._content
        self._rendered = None
        if isinstance(content, _Article):
            self._rendered = render_article(doc, content.document, style, self._script, content.context)
        elif isinstance(content, _Issue):
            render_issue_page(
                doc, content.page, content.label, style, self._script, content.review, content.doubts
            )
        elif isinstance(content, _Message):
            render_message(doc, content.title, content.text, style)
        else:
            doc.clear()
        self._fit_line_length()
        self._apply_highlights()

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
        if self._content is not None:  # nothing shown yet (the window's first paint): nothing to fit
            self._fit_line_length()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._content is not None:
            self._render(keep_scroll=True)
