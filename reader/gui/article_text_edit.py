"""The edit mode's text widget: one paragraph per block of an article, its role in a gutter on the left.

Typing is kept cheap: a keystroke only marks the text dirty (``on_edited``);
nothing is laid out again but the paragraph typed in.  An edit never reaches
across two blocks (joining and splitting blocks are structure edits): keys,
input methods, pastes and drops that would are refused with a status message.
``reader.gui.article_editor`` saves what is typed here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QFrame, QTextEdit, QWidget

from reader.gui.labels import role_label

if TYPE_CHECKING:
    from reader.gui.reading_document import ReadingStyle

LINE_SEPARATOR = "\u2028"  # how a line break inside a stored block is held in the editor
PARAGRAPH_SEPARATOR = "\u2029"  # what QTextCursor.selectedText() puts between blocks
SK = QKeySequence.StandardKey

# role → (size scale, bold, colour: "text", "muted" or "accent")
_ROLE_LOOK: dict[str, tuple[float, bool, str]] = {
    "section": (0.95, True, "accent"),
    "kicker": (1.05, False, "muted"),
    "title": (1.45, True, "text"),
    "subtitle": (1.1, False, "muted"),
    "byline": (0.95, False, "muted"),
    "subheading": (1.05, True, "text"),
    "caption": (0.95, False, "muted"),
    "source": (0.95, False, "muted"),
    "furniture": (0.9, False, "muted"),
}


def one_block(text: str) -> str:
    """Pasted text for one block: line breaks dropped between Chinese characters, else made spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(PARAGRAPH_SEPARATOR, "\n")

    def join(found: re.Match[str]) -> str:
        start, end = found.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        return "" if not before or not after or not (before.isascii() and after.isascii()) else " "

    return re.sub(r"[ \t]*\n\s*", join, text)


class RoleGutter(QWidget):
    """The strip left of the editor naming each block's role beside its first line."""

    PADDING = 6

    def __init__(self, editor: ArticleEditor) -> None:
        super().__init__(editor)
        self.setObjectName("roleGutter")
        self._editor = editor
        self._labels: list[str] = []

    def set_roles(self, roles: Sequence[str]) -> None:
        self._labels = [role_label(role) for role in roles]
        metrics = QFontMetrics(self._font())
        widest = max((metrics.horizontalAdvance(label) for label in self._labels), default=0)
        self.setFixedWidth(widest + 2 * self.PADDING)
        self.update()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        painter.setPen(
            QColor(
                (text.red() + base.red()) // 2,
                (text.green() + base.green()) // 2,
                (text.blue() + base.blue()) // 2,
            )
        )
        painter.setFont(self._font())
        editor = self._editor
        layout = editor.document().documentLayout()
        offset = editor.verticalScrollBar().value()
        line = QFontMetrics(self._font()).height()
        block = editor.document().begin()
        number = 0
        while block.isValid() and number < len(self._labels):
            rect = layout.blockBoundingRect(block)
            top = rect.top() + block.blockFormat().topMargin() - offset
            if top > self.height():
                break
            if rect.bottom() - offset >= 0:
                box = QRectF(self.PADDING, top + 2, self.width() - 2 * self.PADDING, line)
                painter.drawText(
                    box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), self._labels[number]
                )
            block = block.next()
            number += 1
        painter.end()


class ArticleEditor(QTextEdit):
    """An article's blocks as paragraphs of editable text; edits stay within one block.

    ``on_edited`` is called on every change made by the user (never while
    :meth:`set_blocks` loads text): a plain call, no signal, as it runs on
    every keystroke.  ``refused`` (why) is emitted when an edit would have
    reached across blocks.
    """

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the window's undo stack undoes typing, through the library
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(False)
        self._roles: list[str] = []
        self._loading = False
        self.on_edited: Callable[[], None] = lambda: None
        self.gutter = RoleGutter(self)
        self.document().contentsChange.connect(self._on_contents_change)
        self.verticalScrollBar().valueChanged.connect(self.gutter.update)
        self.document().documentLayout().documentSizeChanged.connect(self.gutter.update)

    # loading and reading
    @property
    def roles(self) -> list[str]:
        return list(self._roles)

    def set_blocks(self, blocks: Sequence[tuple[str, str]], style: ReadingStyle) -> None:
        """Show ``(role, text)`` blocks, one paragraph each, formatted by role."""
        self._loading = True
        try:
            doc = self.document()
            doc.clear()
            doc.setDefaultFont(style.font())
            doc.setDocumentMargin(max(12.0, style.size))
            cursor = QTextCursor(doc)
            cursor.beginEditBlock()
            for number, (role, text) in enumerate(blocks):
                block_format, char_format = self._formats(role, style)
                if number:
                    cursor.insertBlock(block_format, char_format)
                else:
                    cursor.setBlockFormat(block_format)
                    cursor.setBlockCharFormat(char_format)
                cursor.insertText(text.replace("\n", LINE_SEPARATOR), char_format)
            cursor.endEditBlock()
            self._roles = [role for role, _ in blocks]
        finally:
            self._loading = False
        self.gutter.set_roles(self._roles)
        self._place_gutter()

    def _formats(self, role: str, style: ReadingStyle) -> tuple[QTextBlockFormat, QTextCharFormat]:
        scale, bold, colour = _ROLE_LOOK.get(role, (1.0, False, "text"))
        char_format = QTextCharFormat()
        char_format.setFont(
            style.font(scale, bold=bold), QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll
        )
        color = {"muted": style.muted, "accent": style.accent}.get(colour, style.text)
        char_format.setForeground(QBrush(color))
        block_format = QTextBlockFormat()
        block_format.setLineHeight(150.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block_format.setBottomMargin(style.size * 0.7)
        if role in ("title", "kicker", "subtitle", "section"):
            block_format.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return block_format, char_format

    def texts(self) -> list[str]:
        """Every block's text as stored (line breaks inside a block as ``\\n``)."""
        out = []
        block = self.document().begin()
        while block.isValid():
            out.append(block.text().replace(LINE_SEPARATOR, "\n"))
            block = block.next()
        return out

    def place(self) -> tuple[int, int]:
        """(block number, offset in the block) of the cursor."""
        cursor = self.textCursor()
        return cursor.blockNumber(), cursor.positionInBlock()

    def set_place(self, number: int, offset: int) -> None:
        """Put the cursor at an offset of a block (clamped to the text there)."""
        doc = self.document()
        block = doc.findBlockByNumber(min(max(0, number), doc.blockCount() - 1))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(max(0, offset), block.length() - 1))
        self.setTextCursor(cursor)

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if not self._loading and (removed or added):
            self.on_edited()

    # keeping edits inside one block
    def _crosses(self, cursor: QTextCursor) -> bool:
        if not cursor.hasSelection():
            return False
        doc = self.document()
        return doc.findBlock(cursor.selectionStart()) != doc.findBlock(cursor.selectionEnd())

    def _refusal(self, event: QKeyEvent) -> str | None:
        """Why this key may not edit the text here (None: it may)."""
        if self.isReadOnly():
            return None
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.matches(SK.DeleteCompleteLine):
            return self.tr("Blocks are split and joined with the structure commands, not by typing.")
        backward = key == Qt.Key.Key_Backspace or event.matches(SK.DeleteStartOfWord)
        forward = (
            key == Qt.Key.Key_Delete or event.matches(SK.DeleteEndOfWord) or event.matches(SK.DeleteEndOfLine)
        )
        typed = bool(event.text()) and event.text().isprintable()
        if not (typed or backward or forward or event.matches(SK.Cut) or event.matches(SK.Paste)):
            return None
        cursor = self.textCursor()
        if self._crosses(cursor):
            return self.tr("An edit cannot reach across two blocks: select text within one block.")
        if not cursor.hasSelection() and (
            (backward and cursor.atBlockStart()) or (forward and cursor.atBlockEnd())
        ):
            return self.tr("Blocks are split and joined with the structure commands, not by typing.")
        return None

    def _refuse(self, why: str) -> None:
        QApplication.beep()
        self.refused.emit(why)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        why = self._refusal(event)
        if why is not None:
            event.accept()
            self._refuse(why)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Undo and redo belong to the window's stack: let its shortcuts have the keys.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.matches(SK.Undo) or event.matches(SK.Redo))
        ):
            event.ignore()
            return True
        return super().event(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if (event.commitString() or event.preeditString()) and self._crosses(self.textCursor()):
            self._refuse(self.tr("An edit cannot reach across two blocks: select text within one block."))
            return
        super().inputMethodEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self._crosses(self.textCursor()):
            self._refuse(self.tr("An edit cannot reach across two blocks: select text within one block."))
            return
        if source.hasText():
            self.textCursor().insertText(one_block(source.text()))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = QMimeData()
        text = self.textCursor().selectedText()
        mime.setText(text.replace(PARAGRAPH_SEPARATOR, "\n").replace(LINE_SEPARATOR, "\n"))
        return mime

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        crosses = self._crosses(self.textCursor())
        for action in menu.actions():
            name = action.objectName()
            if name in ("edit-undo", "edit-redo"):
                menu.removeAction(action)  # the document's own undo is off: the window's is in the Edit menu
            elif name in ("edit-cut", "edit-paste", "edit-delete") and crosses:
                action.setEnabled(False)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # no drag and drop: a moved selection could take text out of one block into another
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        event.ignore()

    # the gutter
    def _place_gutter(self) -> None:
        rect = self.contentsRect()
        width = self.gutter.width()
        self.setViewportMargins(width, 0, 0, 0)
        self.gutter.setGeometry(QRect(rect.left(), rect.top(), width, rect.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gutter()
