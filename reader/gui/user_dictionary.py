"""The user dictionary: words the segmenter keeps whole (names, places, local terms).

A word added here is stored in the library and known to jieba at once (if
jieba is not loaded yet, it learns the word when it loads).  Each change is
an undoable step on the window's undo stack (Edit > Undo).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.op_changes import OpChanges
from reader.gui.error_label import ErrorLabel
from reader.gui.tag_models import kind_combo, kind_label

if TYPE_CHECKING:
    from reader.core.op_changes import Operation
    from reader.gui.undo import EditContext
    from reader.services.tag_browsing import UserWordRow

_WORD_ROLE = Qt.ItemDataRole.UserRole + 1


class UserDictionaryDialog(QDialog):
    """Lists, adds and removes the library's user words."""

    def __init__(
        self, context: EditContext, convert: Callable[[str], str] = str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userDictionaryDialog")
        self.setWindowTitle(self.tr("User Dictionary"))
        self._context = context
        self._convert = convert
        intro = QLabel(
            self.tr(
                "Words the segmenter keeps whole, for suggestions and the library's word counts "
                "(names, places, local terms)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.word_list = QListWidget(self)
        self.word_list.setObjectName("userWords")
        self.word_edit = QLineEdit(self)
        self.word_edit.setObjectName("userWordEntry")
        self.word_edit.setPlaceholderText(self.tr("New word"))
        self.kind_combo = kind_combo(self, "userWordKind")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("topic"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("addUserWord")
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("removeUserWord")
        self.error_label = ErrorLabel(self)
        note = QLabel(self.tr("A removed word stays whole until Jiaokan is started again."), self)
        note.setWordWrap(True)
        note.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.word_edit, 1)
        row.addWidget(self.kind_combo)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.word_list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(note)
        layout.addWidget(buttons)

        self.add_button.clicked.connect(self.add_word)
        self.word_edit.returnPressed.connect(self.add_word)
        self.remove_button.clicked.connect(self.remove_selected)
        self.word_list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))
        context.operation_did_execute.connect(self._on_operation)
        self.reload()

    def _on_operation(self, changes: object, _source: object) -> None:
        assert isinstance(changes, OpChanges)
        if changes.rules:  # a word added or removed, undone or redone
            self.reload()

    def reload(self) -> None:
        """List the words again."""
        from reader.services.tag_browsing import user_words

        library = self._context.library()
        if library is None:
            return
        with library.session() as session:
            rows: list[UserWordRow] = user_words(session)
        self.word_list.clear()
        for row in rows:
            item = QListWidgetItem(f"{self._convert(row.word)}  ·  {kind_label(row.kind)}", self.word_list)
            item.setData(_WORD_ROLE, row.word)
        self.remove_button.setEnabled(self.word_list.currentRow() >= 0)

    def words(self) -> list[str]:
        """The words listed, as stored."""
        return [str(self.word_list.item(n).data(_WORD_ROLE)) for n in range(self.word_list.count())]

    def add_word(self) -> None:
        """Add the entry's word with the chosen kind."""
        from reader.services.setting_operations import word_add_operation

        word = self.word_edit.text().strip()
        if not word:
            return
        operation = word_add_operation(word, str(self.kind_combo.currentData()))
        if not self._step(self.tr("Add Dictionary Word “%1”").replace("%1", word), operation):
            return
        self.error_label.hide()
        self.word_edit.clear()

    def remove_selected(self) -> None:
        """Remove the selected word."""
        from reader.services.setting_operations import word_remove_operation

        item = self.word_list.currentItem()
        if item is None:
            return
        word = str(item.data(_WORD_ROLE))
        label = self.tr("Remove Dictionary Word “%1”").replace("%1", self._convert(word))
        self._step(label, word_remove_operation(word))

    def _step(self, label: str, operation: Operation) -> bool:
        """One undoable step (the list is read again when it is told); False with the reason shown."""
        from reader.gui.commands.settings import push_made

        return self.error_label.run(lambda: push_made(self._context, label, operation))
