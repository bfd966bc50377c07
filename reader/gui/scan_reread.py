"""Re-reading a passage of the scan with the OCR model, beside the stored text, differences marked.

The selected region is cut from the page at full resolution and read on the
scan pane's worker threads (:mod:`reader.core.ocr`); the dialog shows the
stretch of the block it covers with each difference marked, and the reading.
Return (or T) takes the chosen difference into the text as a tracked change
of the rule ``re-read`` (undoable like any accepted suggestion).  Without the
OCR extra the command stays in the menu, disabled, its tooltip saying how to
install it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.diffing import Change
from reader.core.ocr import INSTALL_HINT, OcrEngine, Reading, ocr_available
from reader.core.rereading import Comparison, differences
from reader.gui.commands import RevisionCommand
from reader.gui.scan_images import decode_upright
from reader.gui.tasks import TaskContext
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.gui.scan_pane import ScanPane
    from reader.services.tracking.saving import SaveResult

RULE = "re-read"
DELETED_STYLE = "background:#f4c7c3;text-decoration:line-through"


def unavailable_tip() -> str:
    return QCoreApplication.translate(
        "ScanPane", "Re-reading needs the OCR extra. Install it with: %1"
    ).replace("%1", INSTALL_HINT)


@dataclass(frozen=True, slots=True)
class ReadPassage:
    """A region read: the block compared, its text then, and the reading."""

    article_id: int
    block_id: int
    text: str
    reading: Reading


class TakeReadingCommand(RevisionCommand):
    """Take one difference of a re-reading into the block's text, as a change of the rule "re-read"."""

    def __init__(self, context: EditContext, passage: ReadPassage, change: Change) -> None:
        super().__init__(
            context, QCoreApplication.translate("ScanPane", "Take the Re-reading"), passage.article_id
        )
        self.passage = passage
        self.hunk = change

    def change(self, session: Session) -> SaveResult:
        from db.models import Article, Block
        from reader.services.review import latest_revision_id
        from reader.services.text_edits import EditError, apply_block_edit
        from reader.services.tracking.saving import SaveResult

        current = session.get_one(Block, self.passage.block_id).text
        if current[self.hunk.orig_start : self.hunk.orig_end] != self.hunk.old:
            raise EditError("the block was changed since the region was read: read it again")
        apply_block_edit(
            session,
            self.passage.block_id,
            self.hunk.orig_start,
            self.hunk.orig_end,
            self.hunk.new,
            author=self.author,
            rule=RULE,
        )
        version = session.get_one(Article, self.passage.article_id).version
        revision = latest_revision_id(session, self.passage.article_id)
        return SaveResult(self.passage.article_id, version, revision, (self.passage.block_id,))


def _marked(text: str, comparison: Comparison) -> str:
    """The covered stretch of the block as HTML, each differing run struck out with the reading after it."""
    parts: list[str] = []
    at = comparison.start
    for hunk in comparison.changes:
        parts.append(html.escape(text[at : hunk.orig_start]))
        if hunk.old:
            parts.append(f'<span style="{DELETED_STYLE}">{html.escape(hunk.old)}</span>')
        if hunk.new:
            parts.append(f'<span style="background:#b7e1cd">{html.escape(hunk.new)}</span>')
        at = hunk.orig_end
    parts.append(html.escape(text[at : comparison.end]))
    return "".join(parts)


class ReReadDialog(QDialog):
    """The reading beside the stored text, with the differences listed; Return takes the chosen one."""

    take = Signal(object)  # the Change to take

    def __init__(self, passage: ReadPassage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reReadDialog")
        self.setWindowTitle(self.tr("Re-reading of the Region"))
        self.passage = passage
        self.comparison = differences(passage.text, passage.reading.text)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Stored text (differences marked):")))
        self.stored = QTextBrowser(self)
        self.stored.setHtml(_marked(passage.text, self.comparison))
        layout.addWidget(self.stored)
        layout.addWidget(QLabel(self.tr("The model's reading:")))
        self.reading = QTextBrowser(self)
        self.reading.setPlainText(passage.reading.text)
        layout.addWidget(self.reading)
        self.list = QListWidget(self)
        self.list.setObjectName("reReadDifferences")
        for hunk in self.comparison.changes:
            item = QListWidgetItem(f"{hunk.old or '∅'}  →  {hunk.new or '∅'}")
            item.setData(Qt.ItemDataRole.UserRole, hunk)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            layout.addWidget(QLabel(self.tr("The reading agrees with the stored text.")))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.take_button = buttons.addButton(
            self.tr("&Take This Reading"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.take_button.setToolTip(self.tr("Take the chosen difference into the text (Return or T)"))
        self.take_button.setEnabled(self.list.count() > 0)
        self.take_button.clicked.connect(self.take_current)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_T):
            QShortcut(QKeySequence(key), self, self.take_current)
        self.resize(560, 420)

    def take_current(self) -> None:
        """Take the chosen difference (and drop it from the list; the later ones move with the text)."""
        item = self.list.currentItem()
        if item is None:
            return
        hunk: Change = item.data(Qt.ItemDataRole.UserRole)
        self.list.takeItem(self.list.row(item))
        shift = len(hunk.new) - len(hunk.old)
        for row in range(self.list.count()):
            other = self.list.item(row)
            later: Change = other.data(Qt.ItemDataRole.UserRole)
            if later.orig_start >= hunk.orig_end:
                moved = later._replace(orig_start=later.orig_start + shift, orig_end=later.orig_end + shift)
                other.setData(Qt.ItemDataRole.UserRole, moved)
        self.take_button.setEnabled(self.list.count() > 0)
        self.take.emit(hunk)


def _read(
    page_id: int, box: QRect, block_id: int, article_id: int, pane: ScanPane
) -> Callable[[TaskContext], ReadPassage]:
    files = pane.files

    def work(context: TaskContext) -> ReadPassage:
        from db.models import Block

        with context.session() as session:
            source = files.source(session, page_id)
            text = session.get_one(Block, block_id).text
        context.check_cancelled()
        image = decode_upright(source, 1.0, clip=box).convertToFormat(QImage.Format.Format_RGB888)
        pixels = bytes(image.constBits())
        reading = OcrEngine.shared().read_rgb(pixels, image.width(), image.height(), image.bytesPerLine())
        return ReadPassage(article_id, block_id, text, reading)

    return work


def reread_selected(pane: ScanPane) -> bool:
    """Read the selected region with the model and show the dialog; False when it cannot start."""
    if not ocr_available():
        pane.message.setText(unavailable_tip())
        return False
    if pane.closed:
        return False
    region = pane.view.selected_region()
    if region is None:
        pane.message.setText(QCoreApplication.translate("ScanPane", "Select a region on the page first."))
        return False
    target = pane.target.currentData()
    block = region.block_id or pane.current_block or (target if isinstance(target, int) else None)
    if block is None:
        pane.message.setText(
            QCoreApplication.translate(
                "ScanPane", "Link the region to a block, or choose the block to compare it with."
            )
        )
        return False
    box = QRect(region.box.x, region.box.y, region.box.w, region.box.h)
    pane.message.setText(QCoreApplication.translate("ScanPane", "Reading the region…"))
    pane.decoder.library = pane.workbench.runner.library

    def done(passage: ReadPassage) -> None:
        pane.message.clear()
        dialog = ReReadDialog(passage, pane)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.take.connect(
            lambda hunk: pane.editing.push(TakeReadingCommand(pane.editing.context, passage, hunk))
        )
        pane.reread_dialog = dialog
        dialog.open()
        pane.reread_shown.emit(dialog)

    work = _read(region.page_id, box, block, region.article_id, pane)
    pane.decoder.start("scan re-read", work, on_success=done, on_failure=pane.show_failure)
    return True
