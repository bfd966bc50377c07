"""The window's menu bar: File, Edit, View, Go and Help, filled from the action registry.

Features add their entries by action (``Workbench.menu_of``, ``Workbench.add_menu``).
Strings keep the window's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QToolBar

from reader.gui.actions import give_pane_key
from reader.gui.scripts import SCRIPT_ORDER, script_label
from reader.gui.workbench import Workbench


def build_menus(window: QMainWindow, wb: Workbench) -> tuple[QMenu, QMenu, QMenu]:
    """The menus of the window; returns the Edit, View and Go menus for the features' entries."""
    a = wb.actions
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addActions([a.import_files, a.import_folder])
    file_menu.addSeparator()
    file_menu.addActions([a.export, a.backups])
    file_menu.addSeparator()
    file_menu.addActions([a.issue_properties, a.export_issue, a.delete_issue])
    file_menu.addSeparator()
    file_menu.addActions([a.open_library, a.open_sample])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addActions([a.copy, a.select_all])
    edit_menu.addSeparator()
    edit_menu.addActions([a.find, a.filter_library])

    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
    view_menu.addSeparator()
    script_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Script"))
    script_menu.addActions(list(a.script_actions.values()))
    script_menu.addSeparator()
    script_menu.addActions([a.next_script, a.conversion_list])
    theme_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "T&heme"))
    theme_menu.addActions(list(a.theme_actions.values()))
    language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    language_menu.addActions(list(a.language_actions.values()))
    view_menu.addSeparator()
    wb.panes.library_dock.toggleViewAction().setText(
        QCoreApplication.translate("MainWindow", "Librar&y Pane")
    )
    wb.panes.search_dock.toggleViewAction().setText(QCoreApplication.translate("MainWindow", "S&earch Pane"))
    give_pane_key(wb.panes.library_dock)
    give_pane_key(wb.panes.search_dock)
    view_menu.addActions([wb.panes.library_dock.toggleViewAction(), wb.panes.search_dock.toggleViewAction()])

    go_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Go"))
    go_menu.addActions([a.previous_article, a.next_article, a.issue_page])

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addActions([a.keyboard_shortcuts, a.about, a.about_qt])

    a.script_actions[wb.script.script].setChecked(True)
    a.theme_actions[wb.settings.theme].setChecked(True)
    a.language_actions[wb.settings.language].setChecked(True)
    return edit_menu, view_menu, go_menu


def build_toolbar(window: QMainWindow, wb: Workbench) -> tuple[QToolBar, QComboBox]:
    """The main toolbar (import, previous and next, zoom, the script, find) and its script box."""
    a = wb.actions
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Main Toolbar"), window)
    bar.setObjectName("mainToolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addAction(a.import_files)
    bar.addSeparator()
    bar.addActions([a.previous_article, a.next_article])
    bar.addSeparator()
    bar.addActions([a.zoom_out, a.zoom_in])
    bar.addSeparator()
    bar.addWidget(QLabel(QCoreApplication.translate("MainWindow", "Script:") + " "))
    combo = QComboBox()
    combo.setObjectName("scriptCombo")
    combo.setToolTip(
        QCoreApplication.translate("MainWindow", "Script the text is shown in (Ctrl+Shift+T: next script)")
    )
    for script in SCRIPT_ORDER:
        combo.addItem(script_label(script), script.value)
    combo.setCurrentIndex(SCRIPT_ORDER.index(wb.script.script))
    bar.addWidget(combo)
    bar.addSeparator()
    bar.addAction(a.find)
    return bar, combo
