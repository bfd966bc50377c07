"""The tagging feature's two docks, made with the window so that they are in place at its first paint.

The tag pane (tabbed behind Search until wanted) and the tag browser (below the
library pane) are filled by the tagging feature, built just after the first
paint (reader.gui.deferred_start). Strings keep the feature's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.gui.workbench import Workbench

# the dock's property: True while its tab is the one shown (what ``visibilityChanged`` said last;
# a dock tabbed behind another is still "visible" to ``isVisible``)
SHOWN = "tabShown"


def build_tag_docks(wb: Workbench) -> tuple[QDockWidget, QDockWidget]:
    """The tag pane's dock and the tag browser's dock, empty, in their default places."""
    pane_dock = QDockWidget(QCoreApplication.translate("TaggingUi", "Tags"), wb.window)
    pane_dock.setObjectName("tagDock")
    pane_dock.setProperty(SHOWN, False)
    # remembered from the start: the pane that fills the dock comes after the first paint
    pane_dock.visibilityChanged.connect(lambda visible: pane_dock.setProperty(SHOWN, visible))
    # behind Search until wanted
    wb.add_dock(pane_dock, Qt.DockWidgetArea.RightDockWidgetArea, tabify_with=wb.panes.search_dock)
    browser_dock = QDockWidget(QCoreApplication.translate("TaggingUi", "Tag Browser"), wb.window)
    browser_dock.setObjectName("tagBrowserDock")
    wb.add_dock(browser_dock, Qt.DockWidgetArea.LeftDockWidgetArea, below=wb.panes.library_dock)
    pane_dock.toggleViewAction().setText(QCoreApplication.translate("TaggingUi", "&Tags Pane"))
    browser_dock.toggleViewAction().setText(QCoreApplication.translate("TaggingUi", "Tag &Browser"))
    return pane_dock, browser_dock


def add_tag_dock_toggles(view_menu: QMenu, pane_dock: QDockWidget, browser_dock: QDockWidget) -> None:
    """The View menu's entries that show and hide the two docks."""
    view_menu.addActions([pane_dock.toggleViewAction(), browser_dock.toggleViewAction()])
