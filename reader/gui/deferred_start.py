"""The window's late features: built just after its first paint, or at once.

The features that are not needed to paint the window (issue actions, the
suggestions and notes docks with the Structure menu, names and conversions,
layout review, the page-scan dock and team presence) cost about a third of the
window's start-up to import and build. :class:`LateFeatures` builds them:

- at once (``defer=False``: every window but the first one of the application,
  and tests building a window by hand), in the order the window always had; or
- just after the window has first painted (``defer=True``, ``reader.gui.app``),
  in the same order and before the library's opening can report, or earlier if the user
  presses a key or a mouse button first: an application event filter builds
  them before that input is delivered, so every shortcut of the action
  registry works from the window's first input on.

Docks made late get their remembered place from the saved window state, which
the window restores once more after building them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from reader.core.startup_trace import mark

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

# input that may reach an action, a menu or a dock of a late feature
_INPUT = frozenset(
    {
        QEvent.Type.ShortcutOverride,
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.ContextMenu,
        QEvent.Type.Wheel,
    }
)


class LateFeatures(QObject):
    """Builds the window's late features once, now or after the first paint."""

    def __init__(self, window: MainWindow, *, defer: bool) -> None:
        super().__init__(window)
        self.setObjectName("lateFeatures")
        self.window = window
        self.built = False
        self._restore_state = False
        if not defer:
            self.build()
            return
        self._restore_state = True
        window.first_painted.connect(self._after_first_paint)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _after_first_paint(self) -> None:
        # queued, not built here: the first paint's other listeners (the library's opening) run
        # first; a zero timeout is a posted call, so it still comes before any of their results
        QTimer.singleShot(0, self.build)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.built and event.type() in _INPUT:
            self.build()
        return False

    def build(self) -> None:
        """Build the late features (once), wired as if the window had built them itself."""
        if self.built:
            return
        self.built = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        window = self.window
        wb = window.workbench
        from reader.gui.issue_actions import IssueActions

        window.issue_actions = wb.add_feature(IssueActions(wb))  # issue properties, export, delete
        from reader.gui.review_tools import ReviewTools

        window.review_tools = wb.add_feature(ReviewTools(wb))  # suggestions and notes docks, Structure menu
        from reader.gui.conversion_ui import ConversionUi

        window.conversion = wb.add_feature(ConversionUi(wb))  # names kept as written, user conversions
        from reader.gui.layout_review import LayoutReview

        window.layout_review = wb.add_feature(LayoutReview(wb))  # doubtful articles: marks, Go menu
        from reader.gui.scan_pane import install_scan_pane

        window.scan_dock = install_scan_pane(wb, window.review_tools.editing)  # the page scan beside the text
        from reader.gui.team_presence import TeamPresence

        window.team = wb.add_feature(TeamPresence(wb))  # live refresh from other clients, "X is editing"
        window.lifecycle.about_to_close.connect(window.team.stop)
        if self._restore_state:
            # the window restored its layout before these docks existed: once more, with them
            window.restoreState(window.settings.window_state)
        mark("late features built")

    def stop(self) -> None:
        """The window is closing: stop what the late features run (nothing if never built)."""
        if self.built:
            self.window.team.stop()
