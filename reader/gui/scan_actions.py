"""The scan pane's actions, with their keys (active while the pane has focus, shown in its menu)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.gui.i18n import plain_icon_text


class ScanActions(QObject):
    """Every action of the scan pane; ``all()`` in menu order."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        K = Qt.Key
        self.previous_page = self._make(self.tr("&Previous Page"), [K.Key_PageUp, K.Key_Backspace])
        self.next_page = self._make(self.tr("&Next Page"), [K.Key_PageDown, K.Key_Space])
        self.first_page = self._make(self.tr("&First Page"), [K.Key_Home])
        self.last_page = self._make(self.tr("&Last Page"), [K.Key_End])
        self.zoom_in = self._make(self.tr("Zoom &In"), [K.Key_Plus, K.Key_Equal])
        self.zoom_out = self._make(self.tr("Zoom &Out"), [K.Key_Minus])
        self.fit_width = self._make(self.tr("Fit &Width"), [K.Key_W], checkable=True)
        self.fit_page = self._make(self.tr("Fi&t Page"), [K.Key_F], checkable=True)
        self.rotate_left = self._make(self.tr("Rotate L&eft"), [K.Key_BracketLeft])
        self.rotate_right = self._make(self.tr("Rotate &Right"), [K.Key_BracketRight, K.Key_R])
        self.link_mode = self._make(self.tr("&Draw a Region to Link"), [K.Key_L], checkable=True)
        self.link_mode.setStatusTip(
            self.tr("Drag a rectangle on the page to link it to the open article, or to the block chosen")
        )
        self.remove_region = self._make(self.tr("Remove the Selected Re&gion"), [K.Key_Delete])
        self.reread = self._make(
            self.tr("Re-re&ad the Region…"), [QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | K.Key_R)]
        )

    def _make(
        self, text: str, keys: list[Qt.Key] | list[QKeySequence], *, checkable: bool = False
    ) -> QAction:
        action = QAction(text, self._owner)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(checkable)
        plain_icon_text(action)  # its toolbar button without the Chinese "(&P)"
        self._owner.addAction(action)
        return action

    def all(self) -> list[QAction]:
        return [
            self.previous_page,
            self.next_page,
            self.first_page,
            self.last_page,
            self.zoom_in,
            self.zoom_out,
            self.fit_width,
            self.fit_page,
            self.rotate_left,
            self.rotate_right,
            self.link_mode,
            self.remove_region,
            self.reread,
        ]
