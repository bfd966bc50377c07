"""Names kept as written and the user's conversions in the window: the active rules and their dialog.

The window makes one :class:`ConversionUi` with the workbench.  It reads
the library's conversion rules (``reader.services.conversion``) in the
background when the library opens and after every tag or rules change, makes them the
rules every converted view uses (``reader.core.script.set_active_rules``) and
shows the text again when they changed.  View > Script > Names and
Conversions… edits the user's protected names and phrases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.op_changes import OpChanges
from reader.core.script import Script, active_rules, set_active_rules
from reader.gui.scripts import TRADITIONAL_SCRIPTS, script_label
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.core.conversion_rules import ConversionRules
    from reader.gui.tasks import TaskContext
    from reader.services.conversion import Phrase

PHRASE_SCRIPTS = (Script.SIMPLIFIED, *TRADITIONAL_SCRIPTS)


def _read_rules(context: TaskContext) -> ConversionRules:
    from reader.services.conversion import conversion_rules

    with context.session() as session:
        return conversion_rules(session)


def _same(a: ConversionRules | None, b: ConversionRules | None) -> bool:
    if not a or not b:
        return not a and not b
    return a.keep == b.keep and a.phrases == b.phrases


class ConversionUi(QObject):
    """Keeps the active conversion rules in step with the library; opens the names and conversions dialog."""

    rules_loaded = Signal()

    def __init__(self, wb: Workbench) -> None:
        super().__init__(wb)
        self.setObjectName("conversionUi")
        self.wb = wb
        self.dialog: ConversionListDialog | None = None
        wb.library_loaded.connect(self.reload)
        wb.operation_did_execute.connect(self._on_operation)
        wb.actions.conversion_list.triggered.connect(self.show_dialog)

    def _on_operation(self, changes: object, _source: object) -> None:
        """Tags (kept as written) and the user's rules are what the conversion reads."""
        assert isinstance(changes, OpChanges)
        if changes.tags or changes.rules:
            self.reload()

    def reload(self) -> None:
        """Read the rules in the background; the views show the text again if they changed."""
        if self.wb.runner.library is None:
            return
        self.wb.runner.start("conversion rules", _read_rules, on_success=self._apply)

    def _apply(self, rules: ConversionRules) -> None:
        changed = not _same(active_rules(), rules)
        set_active_rules(rules)
        script = self.wb.script
        if changed and script.script is not Script.ORIGINAL:
            script.changed.emit(script.script)  # every view converts its text again
        self.rules_loaded.emit()

    def show_dialog(self) -> ConversionListDialog | None:
        from reader.services.conversion import list_phrases, list_protected_names

        library = self.wb.library
        if library is None:
            return None
        with library.session() as session:
            names, phrases = list_protected_names(session), list_phrases(session)
        dialog = ConversionListDialog(names, phrases, self.wb.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self.save(dialog.names(), dialog.phrases()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def save(self, names: list[str], phrases: list[Phrase]) -> bool:
        """Store the protected names and phrases as one undoable step; False with the reason shown."""
        from reader.core.errors import JiaokanError
        from reader.gui.commands.settings import push_made
        from reader.services.setting_operations import conversion_lists_operation

        try:  # told with ``rules``: the rules are read again
            push_made(
                self.wb.edit, self.tr("Change Conversion Lists"), conversion_lists_operation(names, phrases)
            )
        except JiaokanError as error:
            self.wb.messages.status(str(error), 8000)
            return False
        return True


class ConversionListDialog(QDialog):
    """The user's protected names (one a line) and phrases (script, phrase, replacement)."""

    def __init__(self, names: list[str], phrases: list[Phrase], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversionListDialog")
        self.setWindowTitle(self.tr("Names and Conversions"))
        intro = QLabel(
            self.tr(
                "Converted text keeps person, place and organisation tags as written, and these names too. "
                "Your conversions replace a phrase in one script after OpenCC (for example 并为 → 並為)."
            )
        )
        intro.setWordWrap(True)
        self.names_edit = QPlainTextEdit("\n".join(names))
        self.names_edit.setObjectName("protectedNames")
        self.names_edit.setPlaceholderText(self.tr("One name a line, for example 李群"))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("conversionPhrases")
        self.table.setHorizontalHeaderLabels([self.tr("Script"), self.tr("Phrase"), self.tr("Becomes")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for phrase in phrases:
            self.add_row(Script(phrase.script), phrase.phrase, phrase.replacement)
        add = QPushButton(self.tr("&Add Conversion"))
        add.clicked.connect(lambda: self.add_row(Script.TAIWAN, "", ""))
        remove = QPushButton(self.tr("&Remove Conversion"))
        remove.clicked.connect(self.remove_current)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        names_label = QLabel(self.tr("&Names kept as written:"))
        names_label.setBuddy(self.names_edit)
        layout.addWidget(names_label)
        layout.addWidget(self.names_edit, 1)
        layout.addWidget(QLabel(self.tr("Your conversions:")))
        layout.addWidget(self.table, 2)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def add_row(self, script: Script, phrase: str, replacement: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for choice in PHRASE_SCRIPTS:
            combo.addItem(script_label(choice), choice.value)
        combo.setCurrentIndex(combo.findData(script.value))
        self.table.setCellWidget(row, 0, combo)
        self.table.setItem(row, 1, QTableWidgetItem(phrase))
        self.table.setItem(row, 2, QTableWidgetItem(replacement))
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def names(self) -> list[str]:
        return [line.strip() for line in self.names_edit.toPlainText().splitlines() if line.strip()]

    def phrases(self) -> list[Phrase]:
        """The rows with a phrase and its replacement (rows left half empty are dropped)."""
        from reader.services.conversion import Phrase

        found: list[Phrase] = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            assert isinstance(combo, QComboBox)
            cells = [self.table.item(row, column) for column in (1, 2)]
            phrase, replacement = (cell.text().strip() if cell is not None else "" for cell in cells)
            if phrase and replacement:
                found.append(Phrase(str(combo.currentData()), phrase, replacement))
        return found
