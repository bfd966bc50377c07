"""The View menu's settings: text size, script, theme and language, remembered in the preferences.

Strings keep the window's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from reader.gui.scripts import parse_script
from reader.gui.settings import DEFAULT_FONT_SIZE, AppSettings, Theme
from reader.gui.theme import apply_theme
from reader.gui.workbench import Workbench

ZOOM_STEP = 1


class ViewSettings(QObject):
    """Zoom in, out and back; choose the script, the theme and the interface language."""

    def __init__(self, wb: Workbench, settings: AppSettings) -> None:
        super().__init__(wb)
        self.setObjectName("viewSettings")
        self.wb = wb
        self.settings = settings
        a = wb.actions
        view = wb.panes.reading_view
        a.zoom_in.triggered.connect(lambda: self.set_font_size(view.font_size + ZOOM_STEP))
        a.zoom_out.triggered.connect(lambda: self.set_font_size(view.font_size - ZOOM_STEP))
        a.zoom_reset.triggered.connect(self.reset_font_size)
        a.script_group.triggered.connect(self._on_script_action)
        a.theme_group.triggered.connect(self._on_theme_action)
        a.language_group.triggered.connect(self._on_language_action)

    def set_font_size(self, size: int) -> None:
        view = self.wb.panes.reading_view
        view.set_font_size(size)
        self.settings.font_size = view.font_size

    def reset_font_size(self) -> None:
        self.set_font_size(DEFAULT_FONT_SIZE)

    def _on_script_action(self, action: QAction) -> None:
        self.wb.script.set_script(parse_script(str(action.data())))

    def _on_theme_action(self, action: QAction) -> None:
        theme = Theme(str(action.data()))
        self.settings.theme = theme
        apply_theme(theme)

    def _on_language_action(self, action: QAction) -> None:
        language = str(action.data())
        if language == self.settings.language:
            return
        self.settings.language = language
        self.wb.messages.box(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("MainWindow", "Language"),
            QCoreApplication.translate(
                "MainWindow", "The new language is used from the next start of Jiaokan."
            ),
        )
