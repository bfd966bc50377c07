"""Data safety in the window: read-only libraries, damaged ones, automatic backups, restores.

:class:`LibrarySafety` is told by the window when a library opened (read-only
or not) or failed to open.  It shows a banner above the reading pane when the
library cannot be changed, disables the actions that write (``wb.read_only``
and ``wb.read_only_changed`` let other features follow), backs the library
up in the background when a backup is due, offers to restore the newest good
backup of a damaged library, and restores a chosen backup, closing the library
first and reopening it through the window's normal open path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.gui.backup_settings import backup_interval_hours
from reader.gui.tasks import Task, TaskCancelled, TaskContext, TaskRunner
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from db.backup import BackupInfo, Recovery, Restored
    from db.errors import LibraryDamaged
    from reader.gui.backups_dialog import BackupsDialog
    from reader.gui.damaged_dialog import DamagedLibraryDialog
    from reader.gui.recovery_dialog import RecoveryDialog, RecoveryOutcome
    from reader.services.recovery import RecoveryFile

log = logging.getLogger(__name__)

AUTO_BACKUP_DELAY_MS = 3000
"""How long after opening the automatic backup (when due) starts."""


@dataclass(frozen=True, slots=True)
class _RestoreRun:
    """The restore under way: the backup chosen (None: the newest good one) and whom to tell."""

    backup: Path | None = None
    name: str = ""
    done: Callable[[Restored], None] | None = None  # an undo or redo of the restore step
    failed: Callable[[BaseException], None] | None = None


# work functions (run on the task runner's threads; they never touch widgets)
def _auto_backup(path: Path, hours: int, _context: TaskContext) -> BackupInfo | None:
    from db.backup import backup_if_due
    from reader.core.paths import legacy_backup_folder

    return backup_if_due(path, hours, legacy_backup_folder(path))


def _restore_newest(path: Path, _context: TaskContext) -> Recovery:
    from db.backup import restore_newest_good_backup
    from reader.core.paths import legacy_backup_folder

    return restore_newest_good_backup(path, legacy_backup_folder(path))


def _restore(path: Path, backup: Path, keep: Sequence[Path], _context: TaskContext) -> Restored:
    from db.backup import restore
    from reader.core.paths import legacy_backup_folder

    return restore(path, backup, legacy=legacy_backup_folder(path), keep=keep)


def _recoveries(path: Path, _context: TaskContext) -> list[RecoveryFile]:
    from reader.services.safe_opening import recoveries_for

    return recoveries_for(path)


class SafetyBanner(QFrame):
    """A strip above the reading pane saying why the library cannot be changed."""

    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setObjectName("safetyBannerText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Restore the Newest Good Backup…"))
        self.restore_button.setObjectName("safetyBannerRestore")
        self.restore_button.clicked.connect(self.restore_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        self.kind = ""
        self.hide()

    def _show(self, kind: str, text: str, detail: str, *, restorable: bool) -> None:
        self.kind = kind
        self.label.setText(text)
        self.label.setToolTip(detail)
        self.restore_button.setVisible(restorable)
        if kind == "damaged":
            colors = "background: #fde2e1; color: #5c1210; border: 1px solid #e3a19d;"
        else:
            colors = "background: #fff4ce; color: #3b2f00; border: 1px solid #e0c36a;"
        self.setStyleSheet(f"#safetyBanner {{ {colors} }} #safetyBanner QLabel {{ color: inherit; }}")
        self.show()

    def show_read_only(self, reason: str) -> None:
        """Say that the library is read-only (``reason``, in the core's words, as the tooltip)."""
        self._show(
            "read-only",
            self.tr(
                "This library is read-only: its file or its folder cannot be written, so editing and "
                "importing are disabled. Reading, searching and exporting work; copy the library to a "
                "writable folder to change it."
            ),
            reason,
            restorable=False,
        )

    def show_damaged(self, problems: list[str], *, restorable: bool) -> None:
        """Say that the library is damaged and nothing is written to it."""
        self._show(
            "damaged",
            self.tr(
                "This library is damaged: Jiaokan will not write to it. Restore a backup to go on working."
            ),
            "\n".join(problems[:20]),
            restorable=restorable,
        )

    def clear(self) -> None:
        self.kind = ""
        self.hide()


class LibrarySafety(QObject):
    """The window's data safety: read-only state, damaged libraries, automatic backups, restores.

    ``damaged`` carries the LibraryDamaged error; ``backup_made`` a BackupInfo
    (automatic or made by hand); ``backup_failed`` the error of a backup;
    ``restored`` is emitted once a restored library is open again.
    """

    damaged = Signal(object)
    backup_made = Signal(object)
    backup_failed = Signal(object)
    restored = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._workbench: Workbench | None = None
        self.banner = SafetyBanner(window)
        self.banner.restore_requested.connect(self.offer_restore_newest)
        self.reason = ""
        self.damage: LibraryDamaged | None = None
        self.damaged_dialog: DamagedLibraryDialog | None = None
        self.backups_dialog: BackupsDialog | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self.backup_task: Task | None = None
        self.restore_task: Task | None = None
        self.backup_warning: QLabel | None = None
        self.last_restore: Restored | Recovery | None = None
        self._announce_restore = False
        self._run = _RestoreRun()

    def wrap(self, central: QWidget) -> QWidget:
        """``central`` with the banner above it (the window's central widget)."""
        container = QWidget(self._window)
        container.setObjectName("centralContainer")
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(central, 1)
        return container

    def attach(self, workbench: Workbench) -> None:
        """The workbench, once the window made it (after the central widget this wraps)."""
        self._workbench = workbench

    @property
    def _wb(self) -> Workbench:
        assert self._workbench is not None, "the window attaches the workbench at once"
        return self._workbench

    # state
    def library_file(self) -> Path | None:
        """The library's file (None for an in-memory library)."""
        from db.safety import library_path

        return library_path(self._wb.host.library_path)

    @property
    def runner(self) -> TaskRunner:
        """The window's task runner."""
        return self._wb.runner

    @property
    def restoring(self) -> bool:
        return self.restore_task is not None

    def can_restore(self) -> bool:
        """Whether the library's file can be replaced by a backup (its file and folder are writable)."""
        return self._restorable()

    def write_actions(self) -> list[QAction]:
        """The window's actions that write to the library (disabled while it is read-only)."""
        a = self._wb.actions
        return [a.import_files, a.import_folder, a.open_sample]

    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        """Enable or disable writing in the window, show or hide the banner, tell other features."""
        wb = self._wb
        self.reason = reason
        for action in self.write_actions():
            action.setEnabled(not read_only)
        page = wb.panes.welcome_page
        for button in (page.import_files_button, page.import_folder_button, page.sample_button):
            button.setEnabled(not read_only)
        if self.damage is not None:
            self.banner.show_damaged(self.damage.problems, restorable=self._restorable())
        elif read_only:
            self.banner.show_read_only(reason)
        else:
            self.banner.clear()
        wb.set_read_only(read_only)  # other features follow (read_only_changed)

    def _restorable(self) -> bool:
        from db.safety import writable

        path = self.library_file()
        return path is not None and writable(path)

    # the window tells
    def library_opened(self, read_only: bool, reason: str) -> None:
        """A library is open: set the read-only state; back up when due; offer unsaved edits."""
        self.damage = None
        self.set_read_only(read_only, reason)
        if self._announce_restore:
            self._announce_restore = False
            self._wb.library_loaded.connect(self._restored_and_loaded, Qt.ConnectionType.SingleShotConnection)
        if not read_only:
            # after start-up work, so the backup does not slow the first screen down
            QTimer.singleShot(AUTO_BACKUP_DELAY_MS, self, self.start_auto_backup)
            self.look_for_recoveries()

    def open_failed(self, error: BaseException) -> bool:
        """Handle a damaged library (True); other failures are the window's to report (False)."""
        from db.errors import LibraryDamaged

        run, self._run = self._run, _RestoreRun()
        if run.failed is not None:  # an undone or redone restore whose library cannot be opened
            run.failed(error)
        if not isinstance(error, LibraryDamaged):
            return False
        self.damage = error
        self._announce_restore = False
        self.set_read_only(True, str(error))
        self._wb.panes.reading_view.show_message(
            self.tr("The library is damaged"),
            self.tr("Nothing was written to it. Restore a backup to go on working."),
        )
        self.show_damaged_dialog()
        self.damaged.emit(error)
        return True

    def show_damaged_dialog(self) -> DamagedLibraryDialog | None:
        """Explain the damage and offer the newest good backup."""
        if self.damage is None:
            return None
        if self.damaged_dialog is not None:
            self.damaged_dialog.deleteLater()
        from reader.gui.damaged_dialog import DamagedLibraryDialog

        dialog = DamagedLibraryDialog(
            self.damage.path, self.damage.problems, restorable=self._restorable(), parent=self._window
        )
        dialog.accepted.connect(self.restore_newest_good_backup)
        self.damaged_dialog = dialog
        dialog.open()
        return dialog

    def offer_restore_newest(self) -> None:
        """The banner's button: show the explanation again, with its Restore button."""
        self.show_damaged_dialog()

    # automatic backups
    def start_auto_backup(self) -> Task | None:
        """Back up in the background when the newest backup is older than the preference says."""
        hours = backup_interval_hours()
        path = self.library_file()
        if hours <= 0 or self.backup_task is not None:
            return None
        if path is None:  # a team library on a server (pg_dump), or one in memory (nothing)
            from reader.gui.server_backup import start_server_backup

            return start_server_backup(self, str(self._wb.host.library_path), hours)
        task = self._wb.runner.start(
            "automatic backup",
            lambda context: _auto_backup(path, hours, context),
            on_success=self._auto_backup_done,
            on_failure=self.backup_error,
        )
        self.backup_task = task
        return task

    def _auto_backup_done(self, info: BackupInfo | None) -> None:
        self.backup_task = None
        if info is not None:
            self._clear_backup_warning()
            self.backup_made.emit(info)

    def server_backup_made(self, path: Path) -> None:
        """A team library was dumped: the warning goes, the status bar says where the dump is."""
        self._clear_backup_warning()
        self._wb.messages.status(self.tr("Backed up to %1").replace("%1", str(path)), 10_000)

    def backup_error(self, error: BaseException) -> None:
        """An automatic backup failed: a lasting warning (nothing when it was cancelled)."""
        self.backup_task = None
        if isinstance(error, TaskCancelled):
            return
        log.warning("automatic backup failed: %s", error)
        self.show_backup_warning(error)

    def show_backup_warning(self, error: BaseException) -> None:
        """A lasting, non-blocking warning in the status bar that a backup failed."""
        if self.backup_warning is None:
            self.backup_warning = QLabel()
            self.backup_warning.setObjectName("backupWarning")
            self.backup_warning.setStyleSheet("#backupWarning { color: #b3261e; }")
            self._wb.add_status_widget(self.backup_warning)
        self.backup_warning.setText(self.tr("⚠ The backup failed"))
        detail = self.tr("The library could not be backed up: %1").replace("%1", str(error))
        self.backup_warning.setToolTip(detail)
        self.backup_warning.show()
        self._wb.messages.status(detail, 15_000)
        self.backup_failed.emit(error)

    def _clear_backup_warning(self) -> None:
        if self.backup_warning is not None:
            self.backup_warning.hide()

    def note_backup_made(self, info: BackupInfo) -> None:
        """A backup was made by hand (from the Backups dialog)."""
        self._clear_backup_warning()
        self.backup_made.emit(info)

    # restoring
    def restore_newest_good_backup(self) -> Task | None:
        """Quarantine the damaged library (``*.damaged``), restore its newest good backup, reopen it."""
        path = self.library_file()
        if path is None or self.restore_task is not None:
            return None
        self._run = _RestoreRun()
        return self._start_restore(
            self.tr("Restoring the newest good backup…"),
            lambda context: _restore_newest(path, context),
        )

    def restore_backup(
        self,
        backup: Path,
        *,
        keep: Sequence[Path] = (),
        done: Callable[[Restored], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        name: str = "",
    ) -> Task | None:
        """Replace the library with ``backup`` (the library as it is is backed up first), reopen it.

        Chosen in the Backups dialog, the restore becomes the one step on the
        undo stack ("Restore Backup “name”", ``reader.gui.commands.restore``);
        that step's undo and redo come back here with ``done`` and ``failed``
        (called once the library is open again, or when it was not restored).
        """
        path = self.library_file()
        if path is None or self.restore_task is not None:
            return None
        if done is None and not self._wb.edit.flush():
            return None  # unsaved typing could not be saved: the user was told why
        self._run = _RestoreRun(backup, name or backup.name, done, failed)
        kept = list(keep)
        return self._start_restore(
            self.tr("Restoring the backup…"), lambda context: _restore(path, backup, kept, context)
        )

    def _start_restore(self, message: str, work: Callable[[TaskContext], Restored | Recovery]) -> Task:
        wb = self._wb
        wb.runner.cancel_all()  # the library's background reads end early and give their connections back
        wb.host.close_library()
        wb.panes.reading_view.show_message(message)
        wb.messages.status(message)
        self.restore_task = wb.runner.start(
            "restore backup", work, on_success=self._restore_done, on_failure=self._restore_failed
        )
        return self.restore_task

    def _restore_done(self, result: Restored | Recovery) -> None:
        self.restore_task = None
        self.last_restore = result
        self._announce_restore = True
        self.damage = None
        if not self._window.isVisible():
            return  # the window was closed meanwhile
        self._wb.messages.status(self.tr("The backup was restored; reopening the library…"))
        self._wb.host.open_library()

    def _restored_and_loaded(self) -> None:
        from db.backup import Restored
        from reader.gui.commands.restore import push_restore

        run, result, edit = self._run, self.last_restore, self._wb.edit
        self._run = _RestoreRun()
        if run.done is not None and isinstance(result, Restored):
            run.done(result)  # a step of the undo stack was undone or redone
        elif run.backup is not None and isinstance(result, Restored) and result.pre_restore is not None:
            push_restore(edit, self, run.backup, result.pre_restore.path, run.name)
        else:
            edit.stack.clear()  # the steps made before name the library as it was
        self._wb.messages.status(self.tr("The backup was restored."), 10_000)
        self.restored.emit()

    def _restore_failed(self, error: BaseException) -> None:
        self.restore_task = None
        self.last_restore = None
        run, self._run = self._run, _RestoreRun()
        if run.failed is not None:
            run.failed(error)  # the step says why and leaves the stack; the library is opened again below
        if not self._window.isVisible():
            return  # the window was closed meanwhile
        self._wb.messages.clear_status()
        if run.failed is None:
            self._restore_failed_box(error)
        self._wb.host.open_library()  # what is there now: the library unchanged, or found damaged again

    def _restore_failed_box(self, error: BaseException) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Restore Failed"),
            self.tr("The backup could not be restored:\n\n%1").replace("%1", str(error)),
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setObjectName("restoreFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    # dialogs
    def show_backups_dialog(self) -> BackupsDialog:
        """File > Backups…: list, make and restore backups."""
        from reader.gui.backups_dialog import BackupsDialog

        if self.backups_dialog is None:
            self.backups_dialog = BackupsDialog(self, self._window)
        self.backups_dialog.refresh()
        self.backups_dialog.show()
        self.backups_dialog.raise_()
        self.backups_dialog.activateWindow()
        return self.backups_dialog

    def look_for_recoveries(self) -> Task | None:
        """Offer the edits kept in recovery files because the library could not be written."""
        path = self.library_file()
        if path is None:
            return None
        return self._wb.runner.start(
            "look for unsaved edits",
            lambda context: _recoveries(path, context),
            on_success=self._offer_recoveries,
            on_failure=lambda error: log.warning("cannot list recovery files: %s", error),
        )

    def _offer_recoveries(self, recoveries: list[RecoveryFile]) -> None:
        if not recoveries or self._wb.library is None or self._wb.read_only:
            return
        from reader.gui.recovery_dialog import RecoveryDialog

        if self.recovery_dialog is not None:
            self.recovery_dialog.deleteLater()
        self.recovery_dialog = RecoveryDialog(recoveries, self._wb.runner, self._window)
        self.recovery_dialog.applied.connect(self._after_recoveries)
        self.recovery_dialog.open()

    def _after_recoveries(self, outcome: RecoveryOutcome) -> None:
        """Show the saved text when the article on screen was one of the recovered edits."""
        view = self._wb.panes.reading_view
        if view.issue_id is not None and view.article_id in outcome.saved:
            self._wb.navigator.open_article(view.issue_id, view.article_id)
