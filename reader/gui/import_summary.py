"""The dialog that ends an import: what was imported, skipped as duplicate, or refused and why."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.encoding_dialog import EncodingDialog
from reader.gui.i18n import Context
from reader.gui.reasons import translated_reason
from reader.services.importing import FileResult, ImportReport, Outcome

# The importer's reasons are English sentences; the known ones are shown translated.
_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"the file is empty$"), "the file is empty"),
    (
        re.compile(r"the file is empty apart from its byte-order mark$"),
        "the file is empty apart from its byte-order mark",
    ),
    (re.compile(r"the file contains only whitespace$"), "the file contains only whitespace"),
    (
        re.compile(r"the file looks like UTF-16 \(\w+-endian\) text without a byte-order mark.*$"),
        "the file looks like UTF-16 text without a byte-order mark: save it as UTF-8",
    ),
    (
        re.compile(r"the file looks binary, not text: it contains NUL bytes.*$"),
        "the file looks binary, not text",
    ),
    (
        re.compile(r"the file looks binary, not text: (.+) of it is control characters$"),
        "the file looks binary, not text",
    ),
    (
        re.compile(r"the file is UTF-32.*"),
        "the file is UTF-32, which is not supported; convert it to UTF-8 first",
    ),
    (
        re.compile(r"the encoding is ambiguous: it decodes as (.+); convert it to UTF-8 first$"),
        "the encoding is ambiguous (it decodes as %1); convert it to UTF-8 first",
    ),
    (
        re.compile(r"the file decodes in none of the supported encodings.*"),
        "the file decodes in none of the supported encodings (UTF-8, GB18030, Big5)",
    ),
    (
        re.compile(r"the file does not look like text in any supported encoding.*"),
        "the file does not look like text in any supported encoding",
    ),
    (re.compile(r"the file is too large \(([\d,]+) bytes\).*"), "the file is too large (%1 bytes)"),
    (
        re.compile(r"the file starts with a (\S+) byte-order mark but is not valid.*"),
        "the file starts with a %1 byte-order mark but is not valid %1",
    ),
    (
        re.compile(r"the file is not valid (\S+) at byte ([\d,]+).*"),
        "the file is not valid %1 at byte %2",
    ),
    (
        re.compile(r"the file changed while it was being (?:read|imported)$"),
        "the file changed while it was being imported",
    ),
    (re.compile(r"no such file or folder$"), "no such file or folder"),
    (
        re.compile(r"no issue files in this folder .*"),
        "no issue files in this folder (.txt, Jiaokan .json exports or page scans)",
    ),
    (
        re.compile(r"cannot read the file: it is not a regular file$"),
        "cannot read the file: it is not a regular file",
    ),
    (re.compile(r"cannot read the (?:file|folder|it): (.+)$"), "cannot read it: %1"),
    (re.compile(r"could not be stored: (.+)$"), "could not be stored: %1"),
    # Jiaokan JSON exports (reader.services.json_import)
    (
        re.compile(r"not valid JSON: (.+) \(line (\d+), column (\d+)\)$"),
        "not valid JSON: %1 (line %2, column %3)",
    ),
    (re.compile(r"not valid JSON: nested too deeply$"), "not valid JSON: nested too deeply"),
    (re.compile(r"not UTF-8 text: (.+) at byte (\d+)$"), "not UTF-8 text: %1 at byte %2"),
    (re.compile(r"the file is larger than (\d+) MiB$"), "the file is larger than %1 MiB"),
    (
        re.compile(r"not a Jiaokan issue export \(version 2\): (.+)$"),
        "not a Jiaokan issue export (version 2): %1",
    ),
    (
        re.compile(r"issue\.sha256 is not the SHA-256 of original_text \(the file was altered\)$"),
        "issue.sha256 is not the SHA-256 of original_text (the file was altered)",
    ),
    (
        re.compile(r"the document holds only some of the issue's articles \(a filtered export\).*$"),
        "the document holds only some of the issue's articles (a filtered export); "
        "export the whole issue to import it",
    ),
]


def _tr_reasons() -> None:  # pragma: no cover - only marks the strings for lupdate
    QCoreApplication.translate("ImportReasons", "the file is empty")
    QCoreApplication.translate("ImportReasons", "the file is empty apart from its byte-order mark")
    QCoreApplication.translate("ImportReasons", "the file contains only whitespace")
    QCoreApplication.translate("ImportReasons", "the file looks binary, not text")
    QCoreApplication.translate(
        "ImportReasons", "the file looks like UTF-16 text without a byte-order mark: save it as UTF-8"
    )
    QCoreApplication.translate(
        "ImportReasons", "the file is UTF-32, which is not supported; convert it to UTF-8 first"
    )
    QCoreApplication.translate(
        "ImportReasons", "the encoding is ambiguous (it decodes as %1); convert it to UTF-8 first"
    )
    QCoreApplication.translate(
        "ImportReasons", "the file decodes in none of the supported encodings (UTF-8, GB18030, Big5)"
    )
    QCoreApplication.translate("ImportReasons", "the file does not look like text in any supported encoding")
    QCoreApplication.translate("ImportReasons", "the file is too large (%1 bytes)")
    QCoreApplication.translate(
        "ImportReasons", "the file starts with a %1 byte-order mark but is not valid %1"
    )
    QCoreApplication.translate("ImportReasons", "the file is not valid %1 at byte %2")
    QCoreApplication.translate("ImportReasons", "the file changed while it was being imported")
    QCoreApplication.translate("ImportReasons", "no such file or folder")
    QCoreApplication.translate(
        "ImportReasons", "no issue files in this folder (.txt, Jiaokan .json exports or page scans)"
    )
    QCoreApplication.translate("ImportReasons", "cannot read the file: it is not a regular file")
    QCoreApplication.translate("ImportReasons", "cannot read it: %1")
    QCoreApplication.translate("ImportReasons", "could not be stored: %1")
    QCoreApplication.translate("ImportReasons", "not valid JSON: %1 (line %2, column %3)")
    QCoreApplication.translate("ImportReasons", "not valid JSON: nested too deeply")
    QCoreApplication.translate("ImportReasons", "not UTF-8 text: %1 at byte %2")
    QCoreApplication.translate("ImportReasons", "the file is larger than %1 MiB")
    QCoreApplication.translate("ImportReasons", "not a Jiaokan issue export (version 2): %1")
    QCoreApplication.translate(
        "ImportReasons", "issue.sha256 is not the SHA-256 of original_text (the file was altered)"
    )
    QCoreApplication.translate(
        "ImportReasons",
        "the document holds only some of the issue's articles (a filtered export); "
        "export the whole issue to import it",
    )


def reason_text(reason: str) -> str:
    """An importer's reason in the interface language (as given when it is not a known one); a scan's
    reason after the name of the file of the issue it is about (``p2.png: …``) too."""
    from reader.gui.scan_reasons import SCAN_FILE, SCAN_REASONS

    table = [*_REASONS, *SCAN_REASONS]
    text = translated_reason(reason, table, "ImportReasons")
    named = SCAN_FILE.match(reason)
    if text == reason and named is not None:
        rest = translated_reason(named.group(2), table, "ImportReasons")
        join = QCoreApplication.translate("ImportReasons", "%1: %2")
        return join.replace("%1", named.group(1)).replace("%2", rest)
    return text


ImportSummary = Context("ImportSummary")  # its tr() gives lupdate the plural forms


def result_detail(result: FileResult) -> str:
    """One line saying what became of a file."""
    if result.outcome is Outcome.IMPORTED:
        articles = ImportSummary.tr("%n article(s)", "", result.articles)
        if result.scan_pages:
            scans = ImportSummary.tr("%n scan page(s) attached", "", result.scan_pages)
            return (
                QCoreApplication.translate("ImportSummary", "%1; %2")
                .replace("%1", articles)
                .replace("%2", scans)
            )
        return articles
    if result.outcome is Outcome.DUPLICATE:
        if result.issue_id is not None:
            return QCoreApplication.translate("ImportSummary", "already in the library as issue %1").replace(
                "%1", str(result.issue_id)
            )
        return QCoreApplication.translate("ImportSummary", "already in the library")
    if result.outcome is Outcome.CANCELLED:
        return QCoreApplication.translate("ImportSummary", "not imported: the import was cancelled")
    return reason_text(result.message)


def summary_headline(report: ImportReport) -> str:
    """One sentence counting every outcome."""
    parts = [
        ImportSummary.tr("%n file(s) imported", "", len(report.imported)),
        ImportSummary.tr("%n skipped as duplicate(s)", "", len(report.duplicates)),
        ImportSummary.tr("%n refused", "", len(report.failed)),
    ]
    if report.cancelled:
        parts.append(ImportSummary.tr("%n not imported (cancelled)", "", len(report.cancelled)))
    return QCoreApplication.translate("ImportSummary", ", ").join(parts)


class ImportSummaryDialog(QDialog):
    """Lists every file of an import under its outcome; refused files with the reason.

    A file refused because its encoding is ambiguous can be imported again in
    the encoding the reader picks from a preview (``encoding_chosen``).
    """

    encoding_chosen = Signal(str, str)  # path, encoding

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(self.tr("Import Finished"))
        self.report = report
        layout = QVBoxLayout(self)
        self.headline = QLabel(summary_headline(report))
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        if report.cancelled:
            note = QLabel(
                self.tr(
                    "The import was cancelled: the files listed as imported are complete; "
                    "the others left nothing behind."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Result")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        groups = (
            (Outcome.IMPORTED, self.tr("Imported"), report.imported),
            (Outcome.DUPLICATE, self.tr("Skipped as duplicate"), report.duplicates),
            (Outcome.FAILED, self.tr("Refused"), report.failed),
            (Outcome.CANCELLED, self.tr("Cancelled, not imported"), report.cancelled),
        )
        self.groups: dict[Outcome, QTreeWidgetItem] = {}
        for outcome, label, results in groups:
            if not results:
                continue
            group = QTreeWidgetItem(self.tree, [f"{label} ({len(results)})", ""])
            group.setFirstColumnSpanned(True)
            group.setData(0, Qt.ItemDataRole.UserRole, outcome.value)
            for result in results:
                item = QTreeWidgetItem(group, [Path(result.path).name, result_detail(result)])
                item.setToolTip(0, result.path)
                item.setToolTip(1, result_detail(result))
                for scan, reason in result.scan_errors:
                    refused = QCoreApplication.translate("ImportSummary", "scan refused: %1").replace(
                        "%1", reason_text(reason)
                    )
                    child = QTreeWidgetItem(item, [Path(scan).name, refused])
                    child.setToolTip(0, scan)
                    item.setExpanded(True)
                if result.candidates:
                    item.setData(0, Qt.ItemDataRole.UserRole, result)
            group.setExpanded(outcome is not Outcome.CANCELLED or len(results) < 20)
            self.groups[outcome] = group
        layout.addWidget(self.tree)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.choose_encoding = buttons.addButton(
            self.tr("Choose Encoding…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.choose_encoding.setVisible(any(r.candidates for r in report.failed))
        self.choose_encoding.setEnabled(False)
        self.choose_encoding.clicked.connect(self.ask_encoding)
        self.tree.currentItemChanged.connect(
            lambda item, _old: self.choose_encoding.setEnabled(self._ambiguous(item) is not None)
        )
        self.tree.itemActivated.connect(self._activated)
        self.encoding_dialog: EncodingDialog | None = None
        layout.addWidget(buttons)
        self.resize(640, 380)

    @staticmethod
    def _ambiguous(item: QTreeWidgetItem | None) -> FileResult | None:
        result = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return result if isinstance(result, FileResult) else None

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._ambiguous(item) is not None:
            self.ask_encoding()

    def ask_encoding(self) -> None:
        """Open the encoding chooser for the selected ambiguous file (window-modal, not blocking)."""
        result = self._ambiguous(self.tree.currentItem())
        if result is None:
            return
        dialog = EncodingDialog(Path(result.path), result.candidates, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self._chosen(result.path, dialog.chosen_encoding()))
        self.encoding_dialog = dialog
        dialog.open()

    def _chosen(self, path: str, encoding: str) -> None:
        self.encoding_dialog = None
        if encoding:
            self.accept()
            self.encoding_chosen.emit(path, encoding)

    def rows(self, outcome: Outcome) -> list[tuple[str, str]]:
        """(file name, detail) of each file listed under an outcome."""
        group = self.groups.get(outcome)
        if group is None:
            return []
        items = [group.child(n) for n in range(group.childCount())]
        return [(item.text(0), item.text(1)) for item in items if item is not None]
