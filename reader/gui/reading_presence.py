"""What the reading pane says about other clients: who is editing the article shown, or that it is gone.

:class:`PresenceBadge` is a small label floating over the reading pane's top
right corner ("王芳 is editing") while another client holds a claim on the
article shown; it follows the pane's size.  :func:`show_deleted` replaces an
article another client deleted (or whose issue it deleted) with a plain note,
so the pane never goes on showing a copy that no longer exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

from reader.gui.proofreading import Mode

if TYPE_CHECKING:
    from reader.gui.proofreading import Proofreading
    from reader.gui.reading_view import ReadingView

_MARGIN = 8


class PresenceBadge(QLabel):
    """ "X is editing" over the top right corner of ``view``, hidden when nobody else edits."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("readingPresence")
        self.setStyleSheet(
            "#readingPresence { background: #fff4d6; color: #5c4400; border: 1px solid #e0c27a;"
            " border-radius: 4px; padding: 2px 8px; }"
        )
        self.hide()
        view.installEventFilter(self)

    def show_holder(self, holder: str | None) -> None:
        """Show who is editing the article shown (None: hide)."""
        if holder is None:
            self.hide()
            return
        self.setText(self.tr("%1 is editing").replace("%1", holder))
        self.setToolTip(self.tr("%1 is editing this article; you can still read it.").replace("%1", holder))
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        view = self.parentWidget()
        if view is not None:
            self.move(max(0, view.width() - self.width() - _MARGIN - 16), _MARGIN)  # 16: the scroll bar


def show_deleted(proofreading: Proofreading, reading_view: ReadingView) -> None:
    """The article shown was deleted by another client: say so instead of showing a stale copy.

    An editor with unsaved typing is left alone (its save then says the
    article is gone, and the text is kept as every failed save's is).
    """
    if proofreading.mode is Mode.EDIT:
        if proofreading.editor_pane.dirty:
            return
        proofreading.set_edit_mode(False)
    proofreading.set_show_changes(False)
    reading_view.show_message(
        QCoreApplication.translate("ReadingPresence", "This article was deleted"),
        QCoreApplication.translate(
            "ReadingPresence",
            "Someone working on the same library deleted it, or the issue holding it. "
            "Choose another article in the library.",
        ),
    )
