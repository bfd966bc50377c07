"""A label under a form that shows why the last change was refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from reader.core.errors import JiaokanError


class ErrorLabel(QLabel):
    """Hidden until a change is refused with one of the project's own errors; then says why."""

    def __init__(self, parent: QWidget, object_name: str = "") -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setWordWrap(True)
        self.hide()

    def run(self, change: Callable[[], object]) -> bool:
        """Run ``change``; if it raises a JiaokanError, show the error and return False."""
        try:
            change()
        except JiaokanError as error:
            self.setText(str(error))
            self.show()
            return False
        return True
