"""Opening the tag rules and tag aliases dialogs from the window's Edit menu (one of each at a time)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

if TYPE_CHECKING:
    from reader.gui.tag_rules_dialog import TagAliasesDialog, TagRulesDialog
    from reader.gui.tagging_ui import TaggingUi


class TagDialogs(QObject):
    """Opens the rules and aliases dialogs for the tagging features of one window."""

    def __init__(self, tagging: TaggingUi) -> None:
        super().__init__(tagging)
        self._tagging = tagging
        self.rules_dialog: TagRulesDialog | None = None
        self.aliases_dialog: TagAliasesDialog | None = None
        tagging.rules_action.triggered.connect(self.edit_rules)
        tagging.aliases_action.triggered.connect(self.edit_aliases)

    def edit_rules(self) -> TagRulesDialog | None:
        """Open the tag rules (or raise the open one)."""
        from reader.gui.tag_rules_dialog import TagRulesDialog

        wb = self._tagging.wb
        if wb.library is None:
            return None
        if self.rules_dialog is not None:
            self.rules_dialog.raise_()
            return self.rules_dialog
        t = self._tagging
        dialog = TagRulesDialog(t.editor, t.catalogue, wb.runner, wb.script, wb.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.destroyed.connect(lambda: setattr(self, "rules_dialog", None))
        self.rules_dialog = dialog
        dialog.open()
        return dialog

    def edit_aliases(self) -> TagAliasesDialog | None:
        """Open the tag aliases (or raise the open one)."""
        from reader.gui.tag_rules_dialog import TagAliasesDialog

        wb = self._tagging.wb
        if wb.library is None:
            return None
        if self.aliases_dialog is not None:
            self.aliases_dialog.raise_()
            return self.aliases_dialog
        t = self._tagging
        dialog = TagAliasesDialog(t.editor, t.catalogue, wb.script, wb.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.destroyed.connect(lambda: setattr(self, "aliases_dialog", None))
        self.aliases_dialog = dialog
        dialog.open()
        return dialog
