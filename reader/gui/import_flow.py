"""Importing in the background: a progress dialog with Cancel, then a summary dialog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from reader.gui.progress import work_progress_dialog
from reader.gui.tasks import Task, TaskContext, TaskRunner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.core.ocr_inputs import ScanGroup
    from reader.gui.import_summary import ImportSummaryDialog
    from reader.services.importing import FileResult, ImportReport


STEPS_PER_FILE = 1000
"""Progress steps per file, so that the bar also moves while one large file is streamed in."""
BAR_STEPS = 10_000
"""Steps of the progress bar of text files, which weighs each file by its size (``_weighed``)."""
FILE_WEIGHT = 1024
"""Bytes that every file weighs on the bar beyond its size (opening, checking, committing it)."""
PAGES_OF = "\x1f"
"""Opens the name of a progress report that counts the pages of an issue read from scans."""


def _import_scans(session: Session, group: ScanGroup, context: TaskContext) -> list[FileResult]:
    """Read one issue's page scans through OCR, reporting its pages ("page N of M (issue …)")."""
    from reader.services.import_ocr import import_scan_groups, ocr_workers

    def pages(done: int, total: int, _page: str) -> None:
        context.report(done * STEPS_PER_FILE, total * STEPS_PER_FILE, PAGES_OF + group.name)

    return import_scan_groups(
        session, [group], workers=ocr_workers(), progress=pages, cancelled=context.cancelled
    )


def _weighed(done: int, total: int, sizes: Sequence[int]) -> tuple[int, int]:
    """The bar's (value, maximum) for ``done`` of ``total`` steps (``STEPS_PER_FILE`` a file), by bytes.

    ``sizes`` are the files' sizes in bytes (the bar counts files alike until they are known).
    """
    if len(sizes) * STEPS_PER_FILE != total or not sizes:
        return done, total
    weights = [size + FILE_WEIGHT for size in sizes]
    index, within = divmod(done, STEPS_PER_FILE)
    before = sum(weights[:index]) + (weights[index] * within // STEPS_PER_FILE if index < len(weights) else 0)
    return min(before * BAR_STEPS // sum(weights), BAR_STEPS), BAR_STEPS


def _import(
    paths: list[Path], encodings: dict[str, str], context: TaskContext, sizes: list[int]
) -> ImportReport:
    from reader.core.errors import InputError
    from reader.core.ocr_inputs import split_scan_inputs
    from reader.services.importing import import_files
    from reader.services.json_import import import_json_files, split_inputs

    current = (0, 0, "")  # files done, files in all, file being imported

    def files(done: int, total: int, name: str) -> None:
        nonlocal current
        current = (done, total, name)
        context.report(done * STEPS_PER_FILE, total * STEPS_PER_FILE, name)

    def large_file(done_bytes: int, total_bytes: int) -> None:
        done, total, name = current
        within = done_bytes * STEPS_PER_FILE // max(total_bytes, 1)
        context.report(done * STEPS_PER_FILE + min(within, STEPS_PER_FILE - 1), total * STEPS_PER_FILE, name)

    texts, exports = split_inputs(paths)  # Jiaokan JSON exports go to their own importer
    refused: list[InputError] = []  # links out of a scan folder, unreadable subfolders
    texts, scans = split_scan_inputs(texts, refused=refused)  # PDFs and page images are read through OCR

    with context.write_session() as session:
        report = import_files(
            session,
            texts,
            progress=files,
            file_progress=large_file,
            cancelled=context.cancelled,
            encodings=encodings,
            sizes=lambda found: sizes.extend(found),  # the bar weighs the files by them
        )
        report.refuse(refused)
        if not report.cancelled:
            for group in scans:
                report.results += _import_scans(session, group, context)
        if exports and not report.cancelled:  # an issue already in the library is skipped
            report.results += import_json_files(session, exports).results
        if not report.cancelled:
            report.refuse_empty_folders(paths, [group.files for group in scans])
        return report


class ImportFlow(QObject):
    """Runs one import at a time through the task runner and reports its outcome.

    ``finished`` carries the ImportReport (also when cancelled); ``progress_dialog``
    and ``summary_dialog`` are exposed for the window and for tests.
    """

    started = Signal()
    finished = Signal(object)

    def __init__(self, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self.task: Task | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.show_summary = True
        self._reading_pages = False  # the last progress counted the pages of a scan import
        self._within = 0  # steps into the file being imported (a large file is streamed in)
        self._sizes: list[int] = []  # of the files being imported, told by the import before the first

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, paths: Sequence[Path | str], encodings: dict[str, str] | None = None) -> Task | None:
        """Import files and folders in the background; None when an import is already running.

        ``encodings`` names the encoding of files that must not be detected (by path).
        """
        if self.task is not None or not paths:
            return None
        files = [Path(p) for p in paths]
        chosen = dict(encodings or {})
        dialog = work_progress_dialog(
            self._window, self.tr("Importing"), self.tr("Looking for issue files…"), self.cancel
        )
        self.progress_dialog = dialog
        sizes: list[int] = []
        self._sizes, self._within = sizes, 0
        self.task = self._runner.start(
            "import",
            lambda context: _import(files, chosen, context, sizes),
            on_success=self._done,
            on_failure=self._failed,
            on_progress=self._progress,
        )
        self.started.emit()
        return self.task

    def cancel(self) -> None:
        """Stop after the file being imported now (at once for a large one); files already imported stay."""
        if self.task is None:
            return
        self.task.cancel()
        if self.progress_dialog is not None:
            if self._reading_pages:
                label = self.tr("Cancelling; nothing of this issue is kept…")
            elif self._within:  # a large file is being streamed in
                label = self.tr("Cancelling; nothing of this file is kept…")
            else:
                label = self.tr("Cancelling after the current file…")
            self.progress_dialog.setLabelText(label)
            for button in self.progress_dialog.findChildren(QPushButton):
                button.setEnabled(False)  # cancelling once is enough

    def _progress(self, done: int, total: int, name: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or (self.task is not None and self.task.cancelled):
            return
        self._reading_pages = name.startswith(PAGES_OF)
        self._within = done % STEPS_PER_FILE
        if self._reading_pages:
            label = (
                self.tr("Reading page %1 of %2 (issue %3)")
                .replace("%1", str(min(done // STEPS_PER_FILE + 1, total // STEPS_PER_FILE)))
                .replace("%2", str(total // STEPS_PER_FILE))
                .replace("%3", name.removeprefix(PAGES_OF))
            )
            dialog.setLabelText(label)
        elif name:
            label = (
                self.tr("Importing file %1 of %2:\n%3")
                .replace("%1", str(done // STEPS_PER_FILE + 1))
                .replace("%2", str(total // STEPS_PER_FILE))
                .replace("%3", name)
            )
            if done % STEPS_PER_FILE:  # a large file, streamed in
                percent = done % STEPS_PER_FILE * 100 // STEPS_PER_FILE
                label += "\n" + self.tr("%1% of this file").replace("%1", str(percent))
            dialog.setLabelText(label)
        # last: a modal dialog's setValue handles the reports queued meanwhile, which must win
        value, maximum = (done, total) if self._reading_pages else _weighed(done, total, self._sizes)
        dialog.setRange(0, max(maximum, 1))
        dialog.setValue(min(value, maximum))

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.task = None

    def _done(self, report: ImportReport) -> None:
        self._close_progress()
        if self.show_summary:
            from reader.gui.import_summary import ImportSummaryDialog

            if self.summary_dialog is not None:
                self.summary_dialog.deleteLater()
            self.summary_dialog = ImportSummaryDialog(report, self._window)
            self.summary_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.summary_dialog.encoding_chosen.connect(
                lambda path, encoding: self.start([path], {path: encoding})
            )
            self.summary_dialog.open()
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Import Failed"),
            self.tr("The import stopped with an error; files imported before it are kept.\n\n%1").replace(
                "%1", str(error)
            ),
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        self.finished.emit(None)
