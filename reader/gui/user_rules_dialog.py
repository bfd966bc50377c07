"""The user rules dialog: list, add, edit and delete one's own suggestion rules; export and import them.

A rule is a literal text or a regular expression, with a replacement (or
none: it only flags), a name and a scope (the block roles it looks at).
Every change (add, edit, delete, import) is one undoable step on the
window's undo stack; errors (a bad regex, a name taken) are shown in the
dialog and change nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.op_changes import OpChanges
from reader.gui.file_dialogs import last_folder, remember_folder

if TYPE_CHECKING:
    from reader.core.op_changes import Operation
    from reader.gui.edit_commands import Editing
    from reader.services.setting_operations import RuleSpec

SCOPE_ORDER = ("all", "paragraph", "heading", "caption")


def scope_label(scope: str) -> str:
    """The name of a rule's scope (the block roles it looks at)."""
    labels = {
        "all": QCoreApplication.translate("RuleEditor", "Every block"),
        "paragraph": QCoreApplication.translate("RuleEditor", "Paragraphs"),
        "heading": QCoreApplication.translate("RuleEditor", "Headings"),
        "caption": QCoreApplication.translate("RuleEditor", "Captions"),
    }
    return labels.get(scope, scope)


@dataclass(frozen=True, slots=True)
class RuleFields:
    """What the rule editor asks for."""

    name: str
    pattern: str
    replacement: str | None
    is_regex: bool
    scope: str
    enabled: bool

    def spec(self) -> RuleSpec:
        from reader.services.setting_operations import RuleSpec

        return RuleSpec(self.name, self.pattern, self.replacement, self.is_regex, self.scope, self.enabled)


class RuleEditor(QDialog):
    """Edits one rule's fields; the caller writes them."""

    def __init__(self, fields: RuleFields | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleEditor")
        self.setWindowTitle(self.tr("Edit Rule") if fields else self.tr("New Rule"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("ruleName")
        self.pattern_edit = QLineEdit(self)
        self.pattern_edit.setObjectName("rulePattern")
        self.regex_check = QCheckBox(self.tr("Regular expression"), self)
        self.regex_check.setObjectName("ruleRegex")
        self.replacement_edit = QLineEdit(self)
        self.replacement_edit.setObjectName("ruleReplacement")
        self.flag_check = QCheckBox(self.tr("Only flag the text (no replacement)"), self)
        self.flag_check.setObjectName("ruleFlagOnly")
        self.flag_check.toggled.connect(lambda on: self.replacement_edit.setEnabled(not on))
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("ruleScope")
        for scope in SCOPE_ORDER:
            self.scope_combo.addItem(scope_label(scope), scope)
        self.enabled_check = QCheckBox(self.tr("Enabled"), self)
        self.enabled_check.setObjectName("ruleEnabled")
        self.enabled_check.setChecked(True)
        if fields is not None:
            self.name_edit.setText(fields.name)
            self.pattern_edit.setText(fields.pattern)
            self.regex_check.setChecked(fields.is_regex)
            self.replacement_edit.setText(fields.replacement or "")
            self.flag_check.setChecked(fields.replacement is None)
            self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(fields.scope)))
            self.enabled_check.setChecked(fields.enabled)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Find:"), self.pattern_edit)
        form.addRow("", self.regex_check)
        form.addRow(self.tr("&Replace with:"), self.replacement_edit)
        form.addRow("", self.flag_check)
        form.addRow(self.tr("&Looks at:"), self.scope_combo)
        form.addRow("", self.enabled_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def fields(self) -> RuleFields:
        return RuleFields(
            self.name_edit.text().strip(),
            self.pattern_edit.text(),
            None if self.flag_check.isChecked() else self.replacement_edit.text(),
            self.regex_check.isChecked(),
            str(self.scope_combo.currentData()),
            self.enabled_check.isChecked(),
        )


class UserRulesDialog(QDialog):
    """The user's rules in a table, with add, edit, delete, export and import."""

    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userRulesDialog")
        self.setWindowTitle(self.tr("User Rules"))
        self.resize(720, 420)
        self._editing = editing
        self._ids: list[int] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("userRulesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Find"),
                self.tr("Replace with"),
                self.tr("Looks at"),
                self.tr("Enabled"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.message = QLabel(self)
        self.message.setObjectName("userRulesMessage")
        self.message.setWordWrap(True)

        row = QHBoxLayout()
        for text, slot in (
            (self.tr("&Add…"), self.add_rule),
            (self.tr("&Edit…"), self.edit_current),
            (self.tr("&Delete"), self.delete_current),
            (self.tr("E&xport…"), self.choose_export),
            (self.tr("&Import…"), self.choose_import),
        ):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(close)
        editing.context.operation_did_execute.connect(self._on_operation)
        self.reload()

    def _on_operation(self, changes: object, _source: object) -> None:
        assert isinstance(changes, OpChanges)
        if changes.rules:  # a rule added, changed or deleted, undone or redone
            self.reload()

    # listing
    def reload(self) -> None:
        """Read the rules again (one small query)."""
        from reader.services.suggesting import list_user_rules

        with self._editing.library().session() as session:
            rows = [
                (r.id, RuleFields(r.name, r.pattern, r.replacement, r.is_regex, r.scope, r.enabled))
                for r in list_user_rules(session)
            ]
        self._ids = [rule_id for rule_id, _ in rows]
        self.table.setRowCount(len(rows))
        for n, (_, fields) in enumerate(rows):
            pattern = fields.pattern + ("  " + self.tr("(regex)") if fields.is_regex else "")
            replacement = self.tr("(flag only)") if fields.replacement is None else fields.replacement
            values = [
                fields.name,
                pattern,
                replacement,
                scope_label(fields.scope),
                "✓" if fields.enabled else "",
            ]
            for column, value in enumerate(values):
                self.table.setItem(n, column, QTableWidgetItem(value))

    def rule_names(self) -> list[str]:
        """The names listed, in order."""
        return [item.text() for n in range(self.table.rowCount()) if (item := self.table.item(n, 0))]

    def _current_id(self) -> int | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _step(self, label: str, operation: Operation) -> bool:
        """Make one undoable step (on the window's undo stack); False with the reason shown."""
        from reader.core.errors import JiaokanError
        from reader.gui.commands.settings import push_made

        try:
            push_made(self._editing.context, label, operation)  # told: the list is read again
        except (JiaokanError, OSError, ValueError) as error:
            self.message.setText(str(error))
            return False
        self.message.clear()
        return True

    # changes
    def add(self, fields: RuleFields) -> bool:
        """Add a rule; False (with the reason shown) when it cannot be made."""
        from reader.services.setting_operations import rule_add_operation

        label = self.tr("Add Rule “%1”").replace("%1", fields.name)
        return self._step(label, rule_add_operation(fields.spec()))

    def change(self, rule_id: int, fields: RuleFields) -> bool:
        """Change a rule; False (with the reason shown) when it cannot be changed so."""
        from reader.services.setting_operations import rule_change_operation

        label = self.tr("Change Rule “%1”").replace("%1", fields.name)
        return self._step(label, rule_change_operation(rule_id, fields.spec()))

    def delete(self, rule_id: int) -> bool:
        from reader.services.setting_operations import rule_delete_operation

        row = self._ids.index(rule_id) if rule_id in self._ids else -1
        name = item.text() if (item := self.table.item(row, 0)) is not None else str(rule_id)
        label = self.tr("Delete Rule “%1”").replace("%1", name)
        return self._step(label, rule_delete_operation(rule_id))

    def add_rule(self) -> RuleEditor:
        editor = RuleEditor(None, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        editor.accepted.connect(lambda: self.add(editor.fields()))
        editor.open()
        return editor

    def edit_current(self) -> RuleEditor | None:
        rule_id = self._current_id()
        if rule_id is None:
            return None
        from reader.services.suggesting import list_user_rules

        with self._editing.library().session() as session:
            found = next((r for r in list_user_rules(session) if r.id == rule_id), None)
            if found is None:
                return None
            fields = RuleFields(
                found.name, found.pattern, found.replacement, found.is_regex, found.scope, found.enabled
            )
        editor = RuleEditor(fields, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        editor.accepted.connect(lambda: self.change(rule_id, editor.fields()))
        editor.open()
        return editor

    def delete_current(self) -> bool:
        rule_id = self._current_id()
        return rule_id is not None and self.delete(rule_id)

    # files
    def export_to(self, path: Path) -> int:
        """Write every rule, the remembered layout lines and the conversion lists to a JSON file."""
        from reader.services.conversion import export_conversion_list
        from reader.services.layout_memory import export_layout_rules
        from reader.services.suggesting import export_user_rules

        with self._editing.library().session() as session:
            rules = export_user_rules(session)
            layout = export_layout_rules(session)
            data = {"rules": rules, "layout": layout, **export_conversion_list(session)}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        self.message.setText(self.tr("%n rule(s) exported.", "", len(rules)))
        return len(rules)

    def import_from(self, path: Path) -> bool:
        """Add or update rules (and remembered layout lines) from a JSON file, all or nothing."""
        from reader.services.rules_import_operation import rules_import_operation

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            self.message.setText(self.tr("The file could not be read: %1").replace("%1", str(error)))
            return False
        rules = data.get("rules") if isinstance(data, dict) else data
        if not isinstance(rules, list):
            self.message.setText(self.tr("The file holds no list of rules."))
            return False
        layout = data.get("layout", []) if isinstance(data, dict) else []

        count = len(rules)
        conversions = (
            {k: v for k, v in data.items() if k in ("protected_names", "conversions")}
            if isinstance(data, dict)
            else {}
        )

        operation = rules_import_operation(rules, layout, conversions)
        if self._step(self.tr("Import Rules"), operation):  # told: the window's active rules too
            self.message.setText(self.tr("%n rule(s) imported.", "", count))
            return True
        return False

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Rules"),
            str(Path(last_folder("rules")) / "jiaokan-rules.json"),
            self.tr("JSON files (*.json)"),
        )
        if path:
            remember_folder("rules", path)
            self.export_to(Path(path))

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Rules"), last_folder("rules"), self.tr("JSON files (*.json);;All files (*)")
        )
        if path:
            remember_folder("rules", path)
            self.import_from(Path(path))
