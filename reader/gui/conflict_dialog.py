"""The article changed elsewhere while it was being edited: both texts, their differences, a choice.

Nothing is lost whatever is chosen: keeping one's own text saves it on top
of the newer one (which stays in the revision history); taking the newer
text puts one's own on the clipboard; merging by hand keeps one's own text
in the editor, based on the newer version, with this dialog left open
(not modal) to copy from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.diffing import render_marked
from reader.gui.labels import role_label
from reader.gui.marked_text import MarkColors, insert_segments, label_format, legend, spaced_block


@dataclass(frozen=True, slots=True)
class ConflictBlock:
    """One block: its role, the editor's text and the newer stored text."""

    block_id: int
    role: str
    mine: str
    newer: str


def joined(texts: Sequence[str]) -> str:
    """Block texts as one plain text (a blank line between blocks), for the clipboard."""
    return "\n\n".join(texts)


class ConflictDialog(QDialog):
    """Shows one's own text and the newer one with what differs marked; emits the choice made."""

    keep_mine = Signal()
    take_newer = Signal()
    merge_by_hand = Signal()

    def __init__(self, title: str, blocks: Sequence[ConflictBlock], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("The Article Changed Elsewhere"))
        self.blocks = list(blocks)
        self.choice: str | None = None
        colors = MarkColors.for_palette(self.palette())

        intro = QLabel(
            self.tr(
                "“%1” was changed elsewhere while you were editing it, so your text was not saved over "
                "the newer one. Your text is kept safe until you choose. Differences are marked from the "
                "newer text to yours: %2."
            )
            .replace("%1", title or self.tr("(untitled)"))
            .replace("%2", legend(colors))
        )
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("conflictDiff")
        self._write_diff(colors)
        self.mine_view = QPlainTextEdit(joined([b.mine for b in self.blocks]))
        self.mine_view.setObjectName("conflictMine")
        self.mine_view.setReadOnly(True)
        self.newer_view = QPlainTextEdit(joined([b.newer for b in self.blocks]))
        self.newer_view.setObjectName("conflictNewer")
        self.newer_view.setReadOnly(True)
        tabs = QTabWidget()
        tabs.addTab(self.diff_view, self.tr("Differences"))
        tabs.addTab(self.mine_view, self.tr("Your Text"))
        tabs.addTab(self.newer_view, self.tr("Newer Text"))

        self.copy_mine_button = QPushButton(self.tr("Copy Your Text"))
        self.copy_mine_button.clicked.connect(self.copy_mine)
        self.copy_newer_button = QPushButton(self.tr("Copy the Newer Text"))
        self.copy_newer_button.clicked.connect(self.copy_newer)
        copies = QHBoxLayout()
        copies.addWidget(self.copy_mine_button)
        copies.addWidget(self.copy_newer_button)
        copies.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.keep_button = self.buttons.addButton(
            self.tr("Keep My Text"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button.setObjectName("keepMine")
        self.keep_button.setToolTip(self.tr("Save your text over the newer one (which stays in the history)"))
        self.newer_button = self.buttons.addButton(
            self.tr("Take the Newer Text"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.newer_button.setObjectName("takeNewer")
        self.newer_button.setToolTip(self.tr("Edit the newer text; yours is copied to the clipboard"))
        self.merge_button = self.buttons.addButton(
            self.tr("Merge by Hand"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.setObjectName("mergeByHand")
        self.merge_button.setToolTip(
            self.tr("Go on editing your text on top of the newer one, with this window open to copy from")
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.keep_button.clicked.connect(lambda: self._choose("keep"))
        self.newer_button.clicked.connect(lambda: self._choose("newer"))
        self.merge_button.clicked.connect(lambda: self._choose("merge"))
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(tabs, 1)
        layout.addLayout(copies)
        layout.addWidget(self.buttons)
        self.keep_button.setDefault(True)  # once inside the dialog, else Return presses Copy My Text
        self.resize(760, 560)

    def _write_diff(self, colors: MarkColors) -> None:
        doc = QTextDocument(self.diff_view)
        cursor = QTextCursor(doc)
        first = True
        for block in self.blocks:
            if block.mine == block.newer:
                continue
            if not first:
                cursor.insertBlock(spaced_block(10.0))
            first = False
            cursor.insertText(role_label(block.role), label_format(colors))
            cursor.insertBlock(spaced_block(2.0))
            insert_segments(cursor, render_marked(block.newer, block.mine), colors)
        if first:
            cursor.insertText(self.tr("The texts are the same."), label_format(colors, 1.0))
        self.diff_view.setDocument(doc)

    def copy_mine(self) -> None:
        QApplication.clipboard().setText(self.mine_view.toPlainText())

    def copy_newer(self) -> None:
        QApplication.clipboard().setText(self.newer_view.toPlainText())

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == "keep":
            self.keep_mine.emit()
            self.accept()
        elif choice == "newer":
            self.copy_mine()
            self.take_newer.emit()
            self.accept()
        else:
            self._become_reference()
            self.merge_by_hand.emit()

    def _become_reference(self) -> None:
        """Stay open, not modal, as the newer text to copy from while editing."""
        for button in (self.keep_button, self.newer_button, self.merge_button):
            button.hide()
        self.close_button.show()
        self.setWindowTitle(self.tr("Newer Text of the Article (for Reference)"))
        self.hide()
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.show()

    def reject(self) -> None:
        """Closed unanswered (Escape): the editor shows the newer text; yours stays in its recovery file."""
        if self.choice is None:
            self.choice = "later"
        super().reject()
