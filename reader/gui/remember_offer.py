"""The offer to remember a line for its paper, after a proofreader changed its role.

Shown by the layout view (under its tree) and in the main window's status
bar after a block was given another role or taken out as leftover or
masthead from the Structure menu: "Remember “…” as Masthead for this paper?"
with Remember and Not Now.  Remembering writes a layout rule
(``reader.services.layout_memory``) that every later import of that paper
applies; it is not a step of the undo stack (the Rules dialog lists what the
library holds and moves it between libraries).  Undoing the change it offers
to remember takes the offer back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from reader.gui.labels import leftover_label, role_label

if TYPE_CHECKING:
    from reader.gui.edit_commands import Editing

LEFTOVER_KINDS = {"leftover": "other", "masthead": "masthead", "layout": "layout"}
"""Roles that take a block out of its article, and the kind of leftover each gives."""


class RememberOffer(QWidget):
    """A bar offering to remember one line for its paper (hidden until :meth:`offer`)."""

    changed = Signal(bool)  # an offer is shown (True) or gone (False)

    def __init__(self, editing: Editing, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("rememberBar")
        self.editing = editing
        self.pending: tuple[int, str, str] | None = None  # (issue, line, role)
        self._made_at = 0  # the undo stack's index just after the change offered
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.remember_button = QPushButton(self.tr("Remember"), self)
        self.remember_button.setObjectName("rememberButton")
        dismiss = QPushButton(self.tr("Not Now"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.remember_button)
        row.addWidget(dismiss)
        self.remember_button.clicked.connect(self.remember)
        dismiss.clicked.connect(lambda: self.offer(None))
        editing.context.stack.indexChanged.connect(self._stack_moved)
        self.hide()

    def offer(self, pending: tuple[int, str, str] | None) -> None:
        """Offer to remember ``(issue id, line, role)`` (None: take the offer back)."""
        from reader.core.learnt_layout import MAX_LINE

        if pending is not None and (len(pending[1]) > MAX_LINE or not pending[1].strip()):
            pending = None  # only short lines (mastheads, furniture, labels) recur
        self.pending = pending
        self._made_at = self.editing.context.stack.index()
        if pending is None:
            self.hide()
        else:
            role = pending[2]
            what = leftover_label(LEFTOVER_KINDS[role]) if role in LEFTOVER_KINDS else role_label(role)
            self.label.setText(
                self.tr("Remember “%1” as %2 for this paper? Later imports of it will apply it.")
                .replace("%1", pending[1])
                .replace("%2", what)
            )
            self.show()
        self.changed.emit(pending is not None)

    def _stack_moved(self, index: int) -> None:
        """The change offered was undone: there is nothing to remember any more."""
        if self.pending is not None and index < self._made_at:
            self.offer(None)

    def remember(self) -> bool:
        """Remember the line offered for its paper (every later import of the paper applies it)."""
        from reader.core.errors import JiaokanError
        from reader.gui.commands.settings import push_made
        from reader.services.setting_operations import remember_line_operation

        if self.pending is None:
            return False
        issue_id, line, role = self.pending
        author = self.editing.author
        try:
            operation = remember_line_operation(issue_id, line, role, author=author)
            push_made(self.editing.context, self.tr("Remember Line “%1”").replace("%1", line), operation)
        except JiaokanError as error:
            self.editing.show_error(self.tr("Remember for This Paper"), error)
            return False
        self.offer(None)
        self.editing.wb.messages.status(self.tr("Remembered for this paper."), 5000)
        return True
