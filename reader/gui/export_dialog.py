"""File > Export…: what to export, in which format and script, with a live preview of the first file.

The scope is read from the window when the dialog opens (current article or
issue, the library pane's selection, its filter, the search results, or the
whole library).  The preview is rendered in the background a moment after
each change, by ``reader.services.exporting.preview``: exactly the text of the
export's first file.  Exporting runs in the background with a progress dialog
and Cancel (a cancelled export leaves no file); a summary lists what was
written.  Every choice is remembered (see ``reader.gui.export_settings``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from reader.core.exporters.options import (
    CONVERTED_FORMATS,
    ExportFormat,
    ExportOptions,
)
from reader.core.script import Script
from reader.gui.export_form import CUSTOM, ExportForm
from reader.gui.export_scope import ScopeKind, ScopeSources
from reader.gui.export_settings import ExportSettings, escape_separator, unescape_separator
from reader.gui.progress import work_progress_dialog
from reader.gui.tasks import Task, TaskCancelled, TaskContext

if TYPE_CHECKING:
    from reader.gui.export_summary import ExportSummaryDialog
    from reader.gui.workbench import Workbench
    from reader.services.export_formats.scope import ExportScope
    from reader.services.exporting import ExportReport

PREVIEW_DELAY_MS = 250
PREVIEW_DISPLAY_LIMIT = 200_000  # characters shown; the whole first file is kept in ``preview_text``
TEXT_FORMATS = frozenset({ExportFormat.TXT, ExportFormat.MD})  # parts and separators apply to these


# work functions (run on the task runner's threads)
def _preview(options: ExportOptions, scope: ExportScope, context: TaskContext) -> str:
    from reader.services.exporting import preview

    context.check_cancelled()
    with context.session() as session:
        return preview(session, options, scope)


def _export(folder: Path, options: ExportOptions, scope: ExportScope, context: TaskContext) -> ExportReport:
    from reader.services.exporting import export

    with context.session() as session:
        return export(session, folder, options, scope, progress=context.report, cancelled=context.cancelled)


class ExportDialog(ExportForm):
    """Choose scope, format, script, parts, separators and folder; preview live; export in the background.

    ``preview_updated`` carries the first file's text each time the preview is
    up to date with the choices; ``exported`` the ExportReport of a finished
    (or cancelled) export.
    """

    preview_updated = Signal(str)
    exported = Signal(object)

    def __init__(self, wb: Workbench) -> None:
        super().__init__(wb.window)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._window, self._runner = wb, wb.runner
        self.settings = ExportSettings(self)
        self.sources = ScopeSources.from_workbench(wb)
        self.preview_text = ""
        self._preview_task: Task | None = None
        self._preview_stale = False
        self._shown_request: tuple[ExportOptions, ExportScope | None] | None = None
        self.export_task: Task | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.summary_dialog: ExportSummaryDialog | None = None
        self.last_report: ExportReport | None = None
        self._loading = True
        self._closed = False

        self._build()
        self._load_settings()
        self._loading = False
        self._update_enabled()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._connect()
        self.resize(1060, 680)
        self.schedule_preview()

    # building
    def _connect(self) -> None:
        self.folder_button.clicked.connect(self.choose_folder)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        for combo in (self.scope_combo, self.format_combo, self.script_combo):
            combo.currentIndexChanged.connect(self._on_changed)
        for check in (*self.part_checks.values(), self.annotations_check, self.overwrite_check):
            check.toggled.connect(self._on_changed)
        self.files_group.buttonToggled.connect(lambda _button, _on: self._on_changed())
        for combo, edit in (
            (self.paragraph_combo, self.paragraph_edit),
            (self.article_combo, self.article_edit),
        ):
            combo.currentIndexChanged.connect(lambda _row, c=combo, e=edit: self._on_separator_choice(c, e))
            edit.textEdited.connect(lambda _text, c=combo, e=edit: self._on_separator_typed(c, e))
        self.folder_edit.textChanged.connect(self._on_folder_changed)

    # settings
    def _load_settings(self) -> None:
        s = self.settings
        self._set_combo(self.format_combo, s.format.value)
        self._set_combo(self.script_combo, s.script.value)
        parts = s.parts
        for part, check in self.part_checks.items():
            check.setChecked(part in parts)
        self.annotations_check.setChecked(s.annotations)
        self.overwrite_check.setChecked(s.overwrite)
        (self.single_file_radio if s.single_file else self.per_issue_radio).setChecked(True)
        self._set_separator(self.paragraph_combo, self.paragraph_edit, s.paragraph_separator)
        self._set_separator(self.article_combo, self.article_edit, s.article_separator)
        self.folder_edit.setText(str(s.folder))
        self._choose_scope(s.scope)

    def _choose_scope(self, remembered: str) -> None:
        kinds = [ScopeKind(str(self.scope_combo.itemData(i))) for i in range(self.scope_combo.count())]
        order = [
            ScopeKind.SELECTED_ARTICLES if len(self.sources.selected_articles) > 1 else None,
            ScopeKind.SELECTED_ISSUES if len(self.sources.selected_issues) > 1 else None,
            ScopeKind.CURRENT_ARTICLE,
            ScopeKind.CURRENT_ISSUE,
            ScopeKind.LIBRARY,
        ]
        if remembered in ScopeKind._value2member_map_:
            order.insert(0, ScopeKind(remembered))
        for kind in order:
            if kind is not None and self.sources.count(kind) is not None:
                self.scope_combo.setCurrentIndex(kinds.index(kind))
                return
        self.scope_combo.setCurrentIndex(kinds.index(ScopeKind.LIBRARY))

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _set_separator(self, combo: QComboBox, edit: QLineEdit, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else combo.findData(CUSTOM))
        edit.setText(escape_separator(value))
        edit.setEnabled(index < 0)

    def _save_settings(self) -> None:
        s = self.settings
        options = self.options()
        s.format = options.format
        s.script = options.script
        s.parts = options.parts
        s.paragraph_separator = options.paragraph_separator
        s.article_separator = options.article_separator
        s.single_file = options.single_file
        s.annotations = self.annotations_check.isChecked()
        s.overwrite = options.overwrite
        s.scope = self.scope_kind.value
        s.sync()

    # the choices
    @property
    def scope_kind(self) -> ScopeKind:
        return ScopeKind(str(self.scope_combo.currentData()))

    @property
    def format(self) -> ExportFormat:
        return ExportFormat(str(self.format_combo.currentData()))

    def scope(self) -> ExportScope | None:
        """The scope chosen (None when it holds nothing)."""
        return self.sources.scope(self.scope_kind)

    def options(self) -> ExportOptions:
        """The export options as chosen."""
        fmt = self.format
        return ExportOptions(
            format=fmt,
            script=Script(str(self.script_combo.currentData())),
            parts=frozenset(part for part, check in self.part_checks.items() if check.isChecked()),
            paragraph_separator=unescape_separator(self.paragraph_edit.text()),
            article_separator=unescape_separator(self.article_edit.text()),
            single_file=self.single_file_radio.isChecked(),
            annotations=self.annotations_check.isChecked() and fmt is not ExportFormat.ANNOTATIONS,
            overwrite=self.overwrite_check.isChecked(),
        )

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_folder(self, folder: Path) -> None:
        self.folder_edit.setText(str(folder))

    def choose_folder(self) -> None:
        current = self.folder()
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export Into"), str(current) if current is not None else ""
        )
        if folder:
            self.set_folder(Path(folder))

    def _on_separator_choice(self, combo: QComboBox, edit: QLineEdit) -> None:
        value = combo.currentData()
        custom = value == CUSTOM
        edit.setEnabled(custom)
        if not custom:
            edit.setText(escape_separator(str(value)))
        self._on_changed()

    def _on_separator_typed(self, combo: QComboBox, edit: QLineEdit) -> None:
        index = combo.findData(unescape_separator(edit.text()))
        combo.blockSignals(True)
        combo.setCurrentIndex(index if index >= 0 else combo.findData(CUSTOM))
        combo.blockSignals(False)
        self._on_changed()

    def _on_folder_changed(self, _text: str) -> None:
        folder = self.folder()
        if folder is not None and not self._loading:
            self.settings.folder = folder
        self._update_enabled()

    def _on_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._update_enabled()
        self._save_settings()
        self.schedule_preview()

    def _update_enabled(self) -> None:
        fmt = self.format
        self.parts_box.setEnabled(fmt in TEXT_FORMATS)
        self.separators_box.setEnabled(fmt in TEXT_FORMATS)
        self.script_combo.setEnabled(fmt in CONVERTED_FORMATS)
        self.annotations_check.setEnabled(fmt is not ExportFormat.ANNOTATIONS)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.preview_edit.setFont(self.font() if fmt in TEXT_FORMATS else fixed)
        busy = self.export_task is not None
        self.export_button.setEnabled(
            not busy
            and self.scope() is not None
            and self.folder() is not None
            and self._window.library is not None
        )

    # preview
    def schedule_preview(self) -> None:
        """Render the preview a moment after the last change."""
        self._timer.start()

    @property
    def preview_ready(self) -> bool:
        """True when the preview shows the current choices."""
        return (
            not self._timer.isActive()
            and self._preview_task is None
            and self._shown_request == (self.options(), self.scope())
        )

    def refresh_preview(self) -> Task | None:
        """Render the preview now in the background (after the running one, if any)."""
        self._timer.stop()
        if self._preview_task is not None:
            self._preview_stale = True
            return None
        options, scope = self.options(), self.scope()
        if scope is None or self._window.library is None:
            message = (
                self.tr("The library is not open.")
                if self._window.library is None
                else self.tr("Nothing to export: choose what to export.")
            )
            self._show_preview("", (options, scope), message)
            return None
        self.preview_status.setText(self.tr("Updating the preview…"))
        request = (options, scope)
        task: Task | None = None

        def done(text: str) -> None:
            if self._closed or task is not self._preview_task:
                return
            self._preview_task = None
            if self._preview_stale or self._timer.isActive():
                self._preview_stale = False
                self.refresh_preview()
                return
            note = "" if text else self.tr("The first file would be empty.")
            self._show_preview(text, request, note)

        def failed(error: BaseException) -> None:
            if self._closed or task is not self._preview_task:
                return
            self._preview_task = None
            if self._preview_stale:
                self._preview_stale = False
                self.refresh_preview()
                return
            if isinstance(error, TaskCancelled):
                return
            self._show_preview(
                "", request, self.tr("The preview could not be made: %1").replace("%1", str(error))
            )

        task = self._runner.start(
            "export preview",
            lambda context: _preview(options, scope, context),
            on_success=done,
            on_failure=failed,
        )
        self._preview_task = task
        return task

    def _show_preview(
        self, text: str, request: tuple[ExportOptions, ExportScope | None], note: str = ""
    ) -> None:
        self.preview_text = text
        self._shown_request = request
        shown = text[:PREVIEW_DISPLAY_LIMIT]
        self.preview_edit.setPlainText(shown)
        if len(text) > PREVIEW_DISPLAY_LIMIT:
            note = (
                self.tr("Showing the first %1 of %2 characters.")
                .replace("%1", f"{PREVIEW_DISPLAY_LIMIT:,}")
                .replace("%2", f"{len(text):,}")
            )
        self.preview_status.setText(note)
        self.preview_updated.emit(text)

    # exporting
    def start_export(self) -> Task | None:
        """Write the files in the background, with a progress dialog and Cancel."""
        folder, scope = self.folder(), self.scope()
        if self.export_task is not None or folder is None or scope is None or self._window.library is None:
            return None
        options = self.options()
        self._save_settings()
        dialog = work_progress_dialog(
            self, self.tr("Exporting"), self.tr("Preparing the export…"), self.cancel_export
        )
        dialog.setObjectName("exportProgress")
        self.progress_dialog = dialog
        self.export_task = self._runner.start(
            "export",
            lambda context: _export(folder, options, scope, context),
            on_success=lambda report: self._exported(report, folder),
            on_failure=self._export_failed,
            on_progress=self._export_progress,
        )
        self._update_enabled()
        return self.export_task

    def cancel_export(self) -> None:
        """Stop the export; nothing it wrote is left behind."""
        if self.export_task is None:
            return
        self.export_task.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(self.tr("Cancelling…"))
            for button in self.progress_dialog.findChildren(QPushButton):
                button.setEnabled(False)

    def _export_progress(self, done: int, total: int, name: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or (self.export_task is not None and self.export_task.cancelled):
            return
        dialog.setRange(0, max(total, 1))
        dialog.setValue(min(done, total))
        if name:
            dialog.setLabelText(
                self.tr("Writing %1 (%2 of %3)")
                .replace("%1", name)
                .replace("%2", str(min(done + 1, total)))
                .replace("%3", str(total))
            )

    def _close_progress(self) -> None:
        self.export_task = None
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel_export)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self._update_enabled()

    def _exported(self, report: ExportReport, folder: Path) -> None:
        self._close_progress()
        self.last_report = report
        self.exported.emit(report)
        if report.cancelled:
            self.preview_status.setText(self.tr("The export was cancelled: no file was written."))
            return
        if not report.files:
            self.preview_status.setText(self.tr("Nothing was exported: the scope holds no article."))
            return
        from reader.gui.export_summary import ExportSummaryDialog

        parent = self.parentWidget()
        for old in parent.findChildren(ExportSummaryDialog) if parent is not None else []:
            old.deleteLater()
        self.summary_dialog = ExportSummaryDialog(report, folder, parent)
        self.summary_dialog.open()
        self.accept()

    def _export_failed(self, error: BaseException) -> None:
        from reader.gui.export_reasons import export_error_text

        self._close_progress()
        if isinstance(error, TaskCancelled):
            self.preview_status.setText(self.tr("The export was cancelled: no file was written."))
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Export Failed"),
            self.tr("Nothing was exported:\n\n%1").replace("%1", export_error_text(error)),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("exportFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    def reject(self) -> None:
        """Close; a running export is cancelled first (leaving no file)."""
        if self.export_task is not None:
            self.cancel_export()
            return
        self._stop()
        super().reject()

    def accept(self) -> None:
        self._stop()
        super().accept()

    def _stop(self) -> None:
        self._closed = True
        self._timer.stop()
        if self._preview_task is not None:
            self._preview_task.cancel()
