"""The user dictionary: words the segmenter keeps whole (names, places, local terms).

A word added here is stored in the library and known to jieba at once (if
jieba is not loaded yet, it learns the word when it loads).  Each change is
a single-row write.
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

from reader.gui.error_label import ErrorLabel
from reader.gui.tag_models import kind_combo, kind_label

if TYPE_CHECKING:
    from db.engine import Library
    from reader.services.tag_browsing import UserWordRow

_WORD_ROLE = Qt.ItemDataRole.UserRole + 1


class UserDictionaryDialog(QDialog):
    """Lists, adds and removes the library's user words."""

    def __init__(
        self, library: Library, convert: Callable[[str], str] = str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userDictionaryDialog")
        self.setWindowTitle(self.tr("User Dictionary"))
        self._library = library
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
        self.reload()

    def reload(self) -> None:
        """List the words again."""
        from reader.services.tag_browsing import user_words

        with self._library.session() as session:
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
        from reader.services.tag_suggesting import add_user_word

        word = self.word_edit.text().strip()
        if not word:
            return
        kind = str(self.kind_combo.currentData())

        def add() -> None:
            with self._library.writing() as session:
                add_user_word(session, word, kind)

        if not self.error_label.run(add):
            return
        self.error_label.hide()
        self.word_edit.clear()
        self.reload()

    def remove_selected(self) -> None:
        """Remove the selected word."""
        from reader.services.tag_browsing import remove_user_word

        item = self.word_list.currentItem()
        if item is None:
            return
        with self._library.writing() as session:
            remove_user_word(session, str(item.data(_WORD_ROLE)))
        self.reload()
