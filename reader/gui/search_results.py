"""Search results as a list model, drawn as rich text with the matching passage highlighted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from reader.services.searching import SearchHit


AnyIndex = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


def _escape(text: str) -> str:
    import html  # with the first result shown: the window paints first

    return html.escape(text)


def highlighted_segments(snippet: str, highlights: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The snippet cut into (text, is highlighted) pieces, in order."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(highlights):
        start, end = max(start, at), min(end, len(snippet))
        if start >= end:
            continue
        if start > at:
            pieces.append((snippet[at:start], False))
        pieces.append((snippet[start:end], True))
        at = end
    if at < len(snippet):
        pieces.append((snippet[at:], False))
    return pieces


class SearchResultsModel(QAbstractListModel):
    """The hits of the latest search; text shown through ``convert`` (the chosen script)."""

    def __init__(
        self,
        convert: Callable[[str], str] = str,
        issue_label: Callable[[int], str] = str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._convert = convert
        self._issue_label = issue_label
        self.mark_color = QColor("#ffe27a")
        self.mark_text_color = QColor("#1c1c1e")

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def set_convert(self, convert: Callable[[str], str]) -> None:
        self._convert = convert
        self.refresh()

    def refresh(self) -> None:
        """Repaint every result (new script, new colours)."""
        if self._hits:
            self.dataChanged.emit(self.index(0), self.index(len(self._hits) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def title(self, hit: SearchHit) -> str:
        return self._convert(hit.title) if hit.title else self.tr("(untitled)")

    def snippet_html(self, hit: SearchHit) -> str:
        style = f"background-color:{self.mark_color.name()}; color:{self.mark_text_color.name()}"
        parts = []
        for text, marked in highlighted_segments(hit.snippet, hit.highlights):
            shown = _escape(self._convert(text)).replace("\n", " ⏎ ")
            parts.append(f'<span style="{style}">{shown}</span>' if marked else shown)
        return "".join(parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.title(hit)}\n{self._convert(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._convert(self._issue_label(hit.issue_id))
        if role == HTML_ROLE:
            issue = _escape(self._convert(self._issue_label(hit.issue_id)))
            return (
                f"<div><b>{_escape(self.title(hit))}</b>"
                f'&nbsp;&nbsp;<span style="font-size:small">{issue}</span></div>'
                f"<div>{self.snippet_html(hit)}</div>"
            )
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Draws a result's HTML (title, issue, highlighted passage) wrapped to the view's width."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # the option and painting classes are touched when the first result is drawn, after the paint
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        text_html = str(index.data(HTML_ROLE) or "")
        opt.text = ""
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(6)
        doc.setHtml(text_html)
        doc.setTextWidth(rect.width())
        context = QtGui.QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = max(120, self._view.width() - 24)
        doc = self._document(option, index, width)
        return QSize(int(width), int(doc.size().height()) + 2)
