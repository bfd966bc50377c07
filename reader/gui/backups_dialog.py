"""File > Backups…: the library's backups with their dates, sizes and reasons; back up now; restore."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.backup_settings import (
    MAX_BACKUP_INTERVAL_HOURS,
    backup_interval_hours,
    local_time_text,
    reason_label,
    set_backup_interval_hours,
)
from reader.gui.tasks import Task, TaskContext

if TYPE_CHECKING:
    from db.backup import BackupInfo
    from reader.gui.library_safety import LibrarySafety

PATH_ROLE = Qt.ItemDataRole.UserRole


def _list(path: Path, _context: TaskContext) -> list[BackupInfo]:
    from db.backup import list_backups
    from reader.core.paths import legacy_backup_folder

    return list_backups(path, legacy_backup_folder(path))


def _back_up(path: Path, _context: TaskContext) -> BackupInfo:
    from db.backup import backup_before
    from reader.core.paths import legacy_backup_folder

    return backup_before(path, "manual", legacy_backup_folder(path))


def _folder(path: Path, _context: TaskContext) -> Path:
    from db.backup import backup_dir

    return backup_dir(path)


class BackupsDialog(QDialog):
    """Lists the backups, newest first; makes one now; restores the chosen one after confirmation.

    ``listed`` is emitted each time the list has been read again.
    """

    listed = Signal()

    def __init__(self, safety: LibrarySafety, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self._safety = safety
        self._list_task: Task | None = None
        self._backup_task: Task | None = None
        self._backups: list[BackupInfo] = []
        self.confirm_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setObjectName("backupsHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.headline)

        self.tree = QTreeWidget()
        self.tree.setObjectName("backupsList")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Made"), self.tr("Size"), self.tr("Reason")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.tree, 1)

        self.status = QLabel()
        self.status.setObjectName("backupsStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        interval_row = QHBoxLayout()
        interval_row.addWidget(QLabel(self.tr("Back up automatically when the newest backup is older than")))
        self.interval = QSpinBox()
        self.interval.setObjectName("backupInterval")
        self.interval.setRange(0, MAX_BACKUP_INTERVAL_HOURS)
        self.interval.setSuffix(self.tr(" h"))
        self.interval.setSpecialValueText(self.tr("never"))
        self.interval.setValue(backup_interval_hours())
        self.interval.setToolTip(self.tr("Checked each time the library is opened; 0 turns it off"))
        self.interval.valueChanged.connect(set_backup_interval_hours)
        interval_row.addWidget(self.interval)
        interval_row.addStretch(1)
        layout.addLayout(interval_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.back_up_button = QPushButton(self.tr("Back Up Now"))
        self.back_up_button.setObjectName("backUpNow")
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreBackup")
        buttons.addButton(self.back_up_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        safety.backup_made.connect(lambda _info: self.refresh())
        safety.restored.connect(self._on_restored)
        safety.damaged.connect(lambda _error: self._update_buttons())
        self.resize(600, 400)
        self._update_buttons()

    # reading the list
    def refresh(self) -> Task | None:
        """Read the backup folder again (in the background)."""
        path = self._safety.library_file()
        if path is None:
            self.headline.setText(self.tr("This library is not a file: it cannot be backed up."))
            self._update_buttons()
            return None
        if self._list_task is not None:
            self._list_task.cancel()
        runner = self._safety.runner
        task: Task | None = None

        def done(result: tuple[Path, list[BackupInfo]]) -> None:
            if task is not self._list_task:
                return
            self._list_task = None
            self._show(path, *result)

        def failed(error: BaseException) -> None:
            if task is self._list_task:
                self._list_task = None
                self.status.setText(self.tr("The backups cannot be listed: %1").replace("%1", str(error)))
                self.listed.emit()

        task = runner.start(
            "list backups",
            lambda context: (_folder(path, context), _list(path, context)),
            on_success=done,
            on_failure=failed,
        )
        self._list_task = task
        return task

    def _show(self, path: Path, folder: Path, backups: list[BackupInfo]) -> None:
        self._backups = backups
        self.headline.setText(
            self.tr("%n backup(s) of %1, kept in %2", "", len(backups))
            .replace("%1", path.name)
            .replace("%2", str(folder))
        )
        self.headline.setToolTip(str(path))
        locale = QLocale()
        self.tree.clear()
        for backup in backups:
            item = QTreeWidgetItem(
                self.tree,
                [
                    local_time_text(backup.created_at),
                    locale.formattedDataSize(backup.size),
                    reason_label(backup.reason),
                ],
            )
            item.setData(0, PATH_ROLE, str(backup.path))
            item.setToolTip(0, str(backup.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        if not backups:
            self.status.setText(self.tr("There is no backup of this library yet."))
        self._update_buttons()
        self.listed.emit()

    def backups(self) -> list[BackupInfo]:
        """The backups listed, newest first."""
        return list(self._backups)

    def rows(self) -> list[tuple[str, str, str]]:
        """(date, size, reason) of each row, as shown."""
        items = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        return [(i.text(0), i.text(1), i.text(2)) for i in items if i is not None]

    def selected_backup(self) -> Path | None:
        item = self.tree.currentItem()
        value = item.data(0, PATH_ROLE) if item is not None else None
        return Path(str(value)) if value else None

    def select_backup(self, path: Path) -> bool:
        """Make the row of this backup the current one."""
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item is not None and Path(str(item.data(0, PATH_ROLE))) == path:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _update_buttons(self) -> None:
        has_file = self._safety.library_file() is not None
        busy = self._backup_task is not None or self._safety.restoring
        self.back_up_button.setEnabled(has_file and not busy)
        can_restore = has_file and self._safety.can_restore() and not busy
        self.restore_button.setEnabled(can_restore and self.selected_backup() is not None)
        self.restore_button.setToolTip(
            "" if self._safety.can_restore() else self.tr("The library is read-only: it cannot be restored.")
        )

    # backing up
    def back_up_now(self) -> Task | None:
        """Make a verified backup now (reason: made by hand)."""
        path = self._safety.library_file()
        if path is None or self._backup_task is not None:
            return None
        self.status.setText(self.tr("Backing up…"))

        def done(info: BackupInfo) -> None:
            self._backup_task = None
            self.status.setText(self.tr("Backed up: %1").replace("%1", info.path.name))
            self._safety.note_backup_made(info)  # refreshes the list

        def failed(error: BaseException) -> None:
            self._backup_task = None
            self.status.setText(self.tr("The backup failed: %1").replace("%1", str(error)))
            self._update_buttons()
            self._safety.show_backup_warning(error)

        self._backup_task = self._safety.runner.start(
            "back up now", lambda context: _back_up(path, context), on_success=done, on_failure=failed
        )
        self._update_buttons()
        return self._backup_task

    # restoring
    def restore_selected(self) -> QMessageBox | None:
        """Ask for confirmation, then restore the chosen backup (the library is backed up first)."""
        backup = self.selected_backup()
        if backup is None or not self._safety.can_restore():
            return None
        info = next((b for b in self._backups if b.path == backup), None)
        when = local_time_text(info.created_at) if info is not None else backup.name
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore the Backup?"),
            self.tr(
                "Replace the library with the backup made %1?\n\n"
                "The library as it is now is backed up first, so Edit > Undo brings it back; the steps "
                "made before the restore can no longer be undone. Changes made since %1 are no longer shown."
            ).replace("%1", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmRestore")
        yes = box.button(QMessageBox.StandardButton.Yes)
        if yes is not None:
            yes.setText(self.tr("Restore"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.buttonClicked.connect(
            lambda button: (
                self._restore(backup, when)
                if box.standardButton(button) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        self.confirm_box = box
        box.open()
        return box

    def _restore(self, backup: Path, name: str) -> None:
        self.confirm_box = None
        if self._safety.restore_backup(backup, name=name) is not None:
            self.status.setText(self.tr("Restoring…"))
        self._update_buttons()

    def _on_restored(self) -> None:
        self.status.setText(self.tr("The backup was restored; the library is open again."))
        self.refresh()
