"""Unsaved edits kept in recovery files (the library could not be written): save them now or discard them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.backup_settings import local_time_text
from reader.gui.tasks import Task, TaskContext, TaskRunner

if TYPE_CHECKING:
    from reader.gui.conflict_dialog import ConflictDialog
    from reader.services.recovery import RecoveryFile


@dataclass(frozen=True, slots=True)
class StaleEdit:
    """A kept edit whose article changed since: the kept text and the library's, by block id."""

    mine: dict[int, str]
    newer: dict[int, str]
    version: int  # the library's
    roles: dict[int, str]


@dataclass(slots=True)
class RecoveryOutcome:
    """What became of each recovered edit."""

    saved: list[int] = field(default_factory=list)  # article ids
    already: list[int] = field(default_factory=list)  # the library holds this text already: file deleted
    stale: list[int] = field(default_factory=list)  # the article changed since: file kept
    compared: dict[Path, StaleEdit] = field(default_factory=dict)  # each stale edit by its file, to compare
    titles: dict[int, str] = field(default_factory=dict)  # of the stale edits' articles
    failed: list[tuple[int, str]] = field(default_factory=list)  # (article id, why): file kept
    done: list[Path] = field(default_factory=list)  # the files of the edits saved or already in: deleted


def _apply(recoveries: list[RecoveryFile], context: TaskContext) -> RecoveryOutcome:
    from sqlalchemy import select

    from db.models import Article, Block
    from reader.core.errors import JiaokanError
    from reader.services.recovery import apply_recovery, discard
    from reader.services.tracking.saving import StaleVersion

    outcome = RecoveryOutcome()
    for recovery in recoveries:
        try:
            attempt = apply_recovery(context.library, recovery)
        except StaleVersion as stale:
            if all(stale.stored.get(block) == text for block, text in stale.submitted.items()):
                discard(recovery)  # saved since, by another window offered the same file: nothing to keep
                outcome.already.append(recovery.article_id)
                outcome.done.append(recovery.path)
            else:
                outcome.stale.append(recovery.article_id)
                with context.library.session() as session:
                    query = select(Block.id, Block.role).where(Block.id.in_(list(stale.stored)))
                    roles = {block: role for block, role in session.execute(query)}
                    title = session.scalar(select(Article.title).where(Article.id == recovery.article_id))
                    outcome.titles[recovery.article_id] = title or ""
                outcome.compared[recovery.path] = StaleEdit(
                    stale.submitted, stale.stored, stale.stored_version, roles
                )
        except JiaokanError as error:
            outcome.failed.append((recovery.article_id, str(error)))
        else:
            if attempt.saved:
                outcome.saved.append(recovery.article_id)
                outcome.done.append(recovery.path)
            else:
                outcome.failed.append((recovery.article_id, attempt.error))
    return outcome


def _discard(recoveries: list[RecoveryFile], _context: TaskContext) -> int:
    from reader.services.recovery import discard

    for recovery in recoveries:
        discard(recovery)
    return len(recoveries)


class RecoveryDialog(QDialog):
    """Lists the edits that were kept on disk; saves them into the library, or discards them.

    ``applied`` carries a RecoveryOutcome once the edits were saved (or not);
    ``discarded`` the number of files deleted.
    """

    applied = Signal(object)
    discarded = Signal(int)

    def __init__(self, recoveries: list[RecoveryFile], runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Unsaved Edits Found"))
        self.recoveries = recoveries
        self._runner = runner
        self.task: Task | None = None
        self.outcome: RecoveryOutcome | None = None
        self.confirm_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        self.headline = QLabel(
            self.tr(
                "%n edit(s) were not saved into the library when they were made (the disk was full or "
                "could not be written, or Jiaokan stopped before it could save them) and were kept on disk. "
                "Save them into the library now?",
                "",
                len(recoveries),
            )
        )
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.tree = QTreeWidget()
        self.tree.setObjectName("recoveryList")
        self.tree.setHeaderLabels([self.tr("Article"), self.tr("Kept"), self.tr("By"), self.tr("Why")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        from reader.services.recovery import JOURNAL_REASON

        for recovery in recoveries:
            reason = recovery.reason
            if reason == JOURNAL_REASON:
                reason = self.tr("Typed just before Jiaokan stopped, not saved yet")
            item = QTreeWidgetItem(
                self.tree,
                [str(recovery.article_id), local_time_text(recovery.created_at), recovery.author, reason],
            )
            item.setToolTip(3, reason)
            item.setData(0, Qt.ItemDataRole.UserRole, str(recovery.path))
        layout.addWidget(self.tree, 1)
        self.status = QLabel()
        self.status.setObjectName("recoveryStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save Them Now"))
        self.save_button.setObjectName("saveRecoveries")
        self.discard_button = QPushButton(self.tr("Discard Them…"))
        self.discard_button.setObjectName("discardRecoveries")
        self.later_button = QPushButton(self.tr("Later"))
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.setObjectName("compareRecovery")
        self.compare_button.setToolTip(
            self.tr("Show the kept text beside the article's newer one and choose")
        )
        self.compare_button.clicked.connect(self.compare)
        self.conflict_dialog: ConflictDialog | None = None
        self.compared: dict[Path, StaleEdit] = {}  # by file: two kept edits of one article differ
        self.titles: dict[int, str] = {}
        self.buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.hide()  # until an edit's article changed since
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_all)
        self.discard_button.clicked.connect(self.confirm_discard)
        layout.addWidget(self.buttons)
        self.resize(640, 320)

    def _busy(self, busy: bool) -> None:
        for button in (self.save_button, self.discard_button):
            button.setEnabled(not busy)

    def save_all(self) -> Task | None:
        """Save every kept edit into the library (in the background)."""
        if self.task is not None or self._runner.library is None:
            return None
        self._busy(True)
        self.status.setText(self.tr("Saving…"))
        recoveries = list(self.recoveries)
        self.task = self._runner.start(
            "save recovered edits",
            lambda context: _apply(recoveries, context),
            on_success=self._saved,
            on_failure=self._failed,
        )
        return self.task

    def _saved(self, outcome: RecoveryOutcome) -> None:
        self.task = None
        self.outcome = outcome
        lines = [self.tr("%n edit(s) saved.", "", len(outcome.saved))]
        if outcome.already:
            lines.append(
                self.tr(
                    "%n edit(s) already in the library (saved since): no longer kept.",
                    "",
                    len(outcome.already),
                )
            )
        if outcome.stale:
            lines.append(
                self.tr(
                    "%n edit(s) not saved, still kept: the article changed since (Compare… shows both).",
                    "",
                    len(outcome.stale),
                )
            )
        lines += [
            self.tr("Article %1 not saved: %2").replace("%1", str(a)).replace("%2", why)
            for a, why in outcome.failed
        ]
        self.status.setText("\n".join(lines))
        done = set(outcome.done)  # by file: another kept edit of the same article is still offered
        self.recoveries = [r for r in self.recoveries if r.path not in done]
        self.compared.update(outcome.compared)
        self.titles.update(outcome.titles)
        self._busy(False)
        self.save_button.setEnabled(bool(outcome.failed))
        self._show_kept()
        self.applied.emit(outcome)

    def _show_kept(self) -> None:
        """The rows and buttons of the edits still kept: Compare… for a stale one, Discard; else Close."""
        kept = {str(r.path) for r in self.recoveries}
        for row in reversed(range(self.tree.topLevelItemCount())):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) not in kept:
                self.tree.takeTopLevelItem(row)  # saved, found in the library already, or dropped
        self.compare_button.setVisible(any(r.path in self.compared for r in self.recoveries))
        self.discard_button.setEnabled(bool(self.recoveries))
        if not self.recoveries:
            self.later_button.setText(self.tr("Close"))

    def compare(self) -> ConflictDialog | None:
        """The first kept edit whose article changed since, beside the newer text: keep it or the newer."""
        from dataclasses import replace

        from reader.gui.conflict_dialog import ConflictBlock, ConflictDialog
        from reader.services.recovery import discard

        recovery = next((r for r in self.recoveries if r.path in self.compared), None)
        if recovery is None or self.task is not None:
            return None
        edit = self.compared[recovery.path]
        order = list(edit.mine) + [b for b in edit.newer if b not in edit.mine]
        blocks = [
            ConflictBlock(b, edit.roles.get(b, ""), edit.mine.get(b, ""), edit.newer.get(b, ""))
            for b in order
        ]
        title = self.titles.get(recovery.article_id) or self.tr("Article %1").replace(
            "%1", str(recovery.article_id)
        )
        dialog = ConflictDialog(title, blocks, self)
        dialog.merge_button.hide()  # no editor here: keep one text or the other (yours is copied)
        kept = replace(recovery, base_version=edit.version)

        def keep() -> None:
            self.compared.pop(recovery.path, None)
            self._busy(True)
            self.task = self._runner.start(
                "save a recovered edit",
                lambda context: _apply([kept], context),
                on_success=self._saved,
                on_failure=self._failed,
            )

        def take_newer() -> None:  # the dialog put the kept text on the clipboard
            discard(recovery)
            self.compared.pop(recovery.path, None)
            self.recoveries = [r for r in self.recoveries if r is not recovery]
            self._show_kept()

        dialog.keep_mine.connect(keep)
        dialog.take_newer.connect(take_newer)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._busy(False)
        self.status.setText(self.tr("The edits could not be saved: %1").replace("%1", str(error)))

    def confirm_discard(self) -> QMessageBox:
        """Ask before deleting the kept edits for good."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Discard the Unsaved Edits?"),
            self.tr("The %n kept edit(s) will be deleted for good.", "", len(self.recoveries)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.buttonClicked.connect(
            lambda button: (
                self.discard_all()
                if box.standardButton(button) == QMessageBox.StandardButton.Discard
                else None
            )
        )
        self.confirm_box = box
        box.open()
        return box

    def discard_all(self) -> Task | None:
        """Delete every kept edit's file."""
        if self.task is not None:
            return None
        self._busy(True)
        recoveries = list(self.recoveries)

        def done(count: int) -> None:
            self.task = None
            self.recoveries = []
            self.discarded.emit(count)
            self.accept()

        self.task = self._runner.start(
            "discard recovered edits",
            lambda context: _discard(recoveries, context),
            on_success=done,
            on_failure=self._failed,
        )
        return self.task
