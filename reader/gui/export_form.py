"""The Export dialog's form: its widgets, their labels and their layout, built once.

``ExportForm`` lays out the choices (scope, format, script, parts,
separators, files and folder) beside the preview; ``reader.gui.export_dialog``
adds what they do.  The texts keep the dialog's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.exporters.options import (
    ARTICLE_SEPARATOR,
    PARAGRAPH_SEPARATOR,
    SUFFIXES,
    ExportFormat,
    Part,
)
from reader.gui.export_scope import ScopeKind, ScopeSources
from reader.gui.i18n import Context
from reader.gui.scripts import SCRIPT_ORDER, script_label

# The dialog's texts keep its translation context (lupdate reads the context from this name).
ExportDialog = Context("ExportDialog")
CUSTOM = "custom"
"""A separator combo's item for a separator typed by hand."""


class ExportForm(QDialog):
    """The widgets of the Export dialog (``_build`` makes them; the dialog connects them)."""

    sources: ScopeSources

    def _build(self) -> None:
        form_side = QWidget()
        form = QVBoxLayout(form_side)
        form.setContentsMargins(0, 0, 0, 0)

        what = QGroupBox(ExportDialog.tr("What and how"))
        what_form = QFormLayout(what)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("exportScope")
        for kind, label in self._scope_labels():
            self.scope_combo.addItem(label, kind.value)
            if self.sources.count(kind) is None:
                model = self.scope_combo.model()
                assert isinstance(model, QStandardItemModel)
                item = model.item(self.scope_combo.count() - 1)
                if item is not None:
                    item.setEnabled(False)
        what_form.addRow(ExportDialog.tr("&Export:"), self.scope_combo)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for fmt, label in self._format_labels():
            self.format_combo.addItem(f"{label} (*{SUFFIXES[fmt]})", fmt.value)
        what_form.addRow(ExportDialog.tr("&Format:"), self.format_combo)
        self.script_combo = QComboBox()
        self.script_combo.setObjectName("exportScript")
        for script in SCRIPT_ORDER:
            self.script_combo.addItem(script_label(script), script.value)
        self.script_combo.setToolTip(
            ExportDialog.tr("Plain text, Markdown and CSV are written in this script")
        )
        what_form.addRow(ExportDialog.tr("&Script:"), self.script_combo)
        self.annotations_check = QCheckBox(
            ExportDialog.tr("Also write the notes as Web Annotations (JSON-LD)")
        )
        self.annotations_check.setObjectName("exportAnnotations")
        what_form.addRow(self.annotations_check)
        form.addWidget(what)

        parts = QGroupBox(ExportDialog.tr("Parts of each article (plain text and Markdown)"))
        parts.setObjectName("exportParts")
        grid = QGridLayout(parts)
        self.part_checks: dict[Part, QCheckBox] = {}
        for n, (part, label) in enumerate(self._part_labels()):
            check = QCheckBox(label)
            check.setObjectName(f"exportPart_{part.value}")
            self.part_checks[part] = check
            grid.addWidget(check, n // 2, n % 2)
        self.parts_box = parts
        form.addWidget(parts)

        separators = QGroupBox(ExportDialog.tr("Separators (plain text and Markdown)"))
        sep_form = QFormLayout(separators)
        self.paragraph_combo, self.paragraph_edit = self._separator_row(
            "paragraphSeparator",
            [
                (ExportDialog.tr("Blank line"), PARAGRAPH_SEPARATOR),
                (ExportDialog.tr("Line break"), "\n"),
                (ExportDialog.tr("Two blank lines"), "\n\n\n"),
            ],
        )
        sep_form.addRow(
            ExportDialog.tr("Between &paragraphs:"), self._pair(self.paragraph_combo, self.paragraph_edit)
        )
        self.article_combo, self.article_edit = self._separator_row(
            "articleSeparator",
            [
                (ExportDialog.tr("* * * between blank lines"), ARTICLE_SEPARATOR),
                (ExportDialog.tr("Two blank lines"), "\n\n\n"),
                (ExportDialog.tr("A line of dashes"), "\n\n----------\n\n"),
                (ExportDialog.tr("Page break"), "\n\f\n"),
            ],
        )
        sep_form.addRow(
            ExportDialog.tr("Between &articles:"), self._pair(self.article_combo, self.article_edit)
        )
        self.separators_box = separators
        form.addWidget(separators)

        files = QGroupBox(ExportDialog.tr("Files"))
        files_layout = QVBoxLayout(files)
        self.per_issue_radio = QRadioButton(ExportDialog.tr("One file per &issue"))
        self.per_issue_radio.setObjectName("exportPerIssue")
        self.single_file_radio = QRadioButton(ExportDialog.tr("&One file for everything"))
        self.single_file_radio.setObjectName("exportSingleFile")
        self.files_group = QButtonGroup(self)
        self.files_group.addButton(self.per_issue_radio)
        self.files_group.addButton(self.single_file_radio)
        radios = QHBoxLayout()
        radios.addWidget(self.per_issue_radio)
        radios.addWidget(self.single_file_radio)
        radios.addStretch(1)
        files_layout.addLayout(radios)
        self.overwrite_check = QCheckBox(ExportDialog.tr("Replace files of the same name in the folder"))
        self.overwrite_check.setObjectName("exportOverwrite")
        self.overwrite_check.setToolTip(
            ExportDialog.tr("When off, a file already there is kept and the new one gets a -2, -3… suffix")
        )
        files_layout.addWidget(self.overwrite_check)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("exportFolder")
        self.folder_edit.setPlaceholderText(ExportDialog.tr("Folder to write the files into"))
        self.folder_button = QPushButton(ExportDialog.tr("&Choose…"))
        folder_row.addWidget(QLabel(ExportDialog.tr("Folder:")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        files_layout.addLayout(folder_row)
        form.addWidget(files)
        form.addStretch(1)

        preview_side = QWidget()
        preview_layout = QVBoxLayout(preview_side)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_label = QLabel(ExportDialog.tr("Preview of the first file"))
        font = self.preview_label.font()
        font.setBold(True)
        self.preview_label.setFont(font)
        preview_layout.addWidget(self.preview_label)
        self.preview_edit = QPlainTextEdit()
        self.preview_edit.setObjectName("exportPreview")
        self.preview_edit.setReadOnly(True)
        self.preview_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        preview_layout.addWidget(self.preview_edit, 1)
        self.preview_status = QLabel()
        self.preview_status.setObjectName("exportPreviewStatus")
        self.preview_status.setWordWrap(True)
        preview_layout.addWidget(self.preview_status)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(form_side)
        splitter.addWidget(preview_side)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 620])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton(ExportDialog.tr("E&xport"))
        self.export_button.setObjectName("exportButton")
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        # only once the button is inside the dialog: a default set before is forgotten when the dialog
        # shows, and Return then presses the first button of the form (Choose…, a folder chooser)
        self.export_button.setDefault(True)

    def _pair(self, combo: QComboBox, edit: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(combo)
        row.addWidget(edit, 1)
        return box

    def _separator_row(self, name: str, presets: list[tuple[str, str]]) -> tuple[QComboBox, QLineEdit]:
        combo = QComboBox()
        combo.setObjectName(name)
        for label, value in presets:
            combo.addItem(label, value)
        combo.addItem(ExportDialog.tr("Custom"), CUSTOM)
        edit = QLineEdit()
        edit.setObjectName(name + "Text")
        edit.setToolTip(ExportDialog.tr("Type \\n for a line break, \\t for a tab, \\f for a page break"))
        return combo, edit

    def _scope_labels(self) -> list[tuple[ScopeKind, str]]:
        s = self.sources
        n = {kind: s.count(kind) or 0 for kind in ScopeKind}
        return [
            (ScopeKind.CURRENT_ARTICLE, ExportDialog.tr("The current article")),
            (ScopeKind.CURRENT_ISSUE, ExportDialog.tr("The current issue")),
            (
                ScopeKind.SELECTED_ISSUES,
                ExportDialog.tr(
                    "The %n issue(s) selected in the library pane", "", n[ScopeKind.SELECTED_ISSUES]
                ),
            ),
            (
                ScopeKind.SELECTED_ARTICLES,
                ExportDialog.tr(
                    "The %n article(s) selected in the library pane", "", n[ScopeKind.SELECTED_ARTICLES]
                ),
            ),
            (
                ScopeKind.FILTERED,
                ExportDialog.tr("The %n article(s) matching the library filter", "", n[ScopeKind.FILTERED]),
            ),
            (
                ScopeKind.SEARCH_RESULTS,
                ExportDialog.tr("The %n article(s) found by the search", "", n[ScopeKind.SEARCH_RESULTS]),
            ),
            (ScopeKind.LIBRARY, ExportDialog.tr("The whole library")),
        ]

    def _format_labels(self) -> list[tuple[ExportFormat, str]]:
        return [
            (ExportFormat.TXT, ExportDialog.tr("Plain text")),
            (ExportFormat.MD, ExportDialog.tr("Markdown")),
            (ExportFormat.JSON, ExportDialog.tr("JSON, complete")),
            (ExportFormat.CSV, ExportDialog.tr("CSV table of articles")),
            (ExportFormat.TEI, ExportDialog.tr("TEI XML")),
            (ExportFormat.ANNOTATIONS, ExportDialog.tr("Notes as Web Annotations")),
        ]

    def _part_labels(self) -> list[tuple[Part, str]]:
        return [
            (Part.SECTION, ExportDialog.tr("Section")),
            (Part.KICKER, ExportDialog.tr("Kicker")),
            (Part.TITLE, ExportDialog.tr("Title")),
            (Part.SUBTITLE, ExportDialog.tr("Subtitle")),
            (Part.BYLINE, ExportDialog.tr("Byline")),
            (Part.CAPTIONS, ExportDialog.tr("Captions")),
            (Part.SOURCE, ExportDialog.tr("Source")),
            (Part.NOTES, ExportDialog.tr("Notes as footnotes")),
        ]
