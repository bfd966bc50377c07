"""The window's late features: built just after its first paint, or at once.

The features that are not needed to paint the window (proofreading's editor and
changes view, issue actions, the suggestions and notes docks with the Structure
menu, names and conversions, layout review, the page-scan dock and team
presence) cost about a third of the window's start-up to import and build.
What of them shows at the first paint (the Review toolbar, the menu entries) is
made of registry actions and built with the window (reader.gui.review_bar).
:class:`LateFeatures` gives the actions their tooltips and builds the rest:

- at once (``defer=False``: every window but the first one of the application,
  and tests building a window by hand); or
- just after the window has first painted (``defer=True``, ``reader.gui.app``),
  in a call queued before the library's opening can report. Input reaching the
  application between the paint and that call (a key, a click) builds them
  first, through an application event filter installed only then (one for the
  whole first paint would cost it a Python call per event), so every shortcut
  of the action registry works from the window's first input on.

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
        QEvent.Type.Shortcut,
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
        self._watched: list[QObject] = []
        if not defer:
            self.build()
            return
        self._restore_state = True
        # a shortcut reaches its action as a Shortcut event: one pressed before the first paint
        # builds them first (a filter on each action sees only the actions' few events)
        for action in window.actions():
            self._watch(action)
        window.first_painted.connect(self._after_first_paint)

    def _watch(self, watched: QObject) -> None:
        watched.installEventFilter(self)
        self._watched.append(watched)

    def _after_first_paint(self) -> None:
        # queued, not built here: the first paint's other listeners (the library's opening) run
        # first; a zero timeout is a posted call, so it still comes before any of their results.
        # Until then, any input (a click too) builds them first: a filter on the application,
        # installed only now (during the first paint it would cost a Python call per event)
        app = QApplication.instance()
        if app is not None:
            self._watch(app)
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
        for watched in self._watched:
            watched.removeEventFilter(self)
        self._watched.clear()
        window = self.window
        wb = window.workbench
        wb.actions.give_tooltips()  # first: a feature may set a tooltip of its own
        from reader.gui.tagging_ui import TaggingUi

        # tag pane and tag browser (in the window's docks), tag filter, bulk tagging
        window.tagging = wb.add_feature(TaggingUi(wb, *window.tag_docks))
        _add_tagging_entries(window)
        from reader.gui.proofreading import Proofreading

        # edit mode, show changes, history, status (its toolbar and menu entries are the window's)
        window.proofreading = wb.add_feature(Proofreading(wb, window.review_toolbar))
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
        window.team.library_refreshed.connect(window.view_refresh.update_counts)  # another client's import
        if self._restore_state:
            # the window restored its layout before these docks existed: once more, with them
            window.restoreState(window.settings.window_state)
        mark("late features built")

    def about_to_close(self) -> bool:
        """The window may close: unsaved typing is saved or kept on disk (nothing typed if never built)."""
        return not self.built or self.window.proofreading.about_to_close()

    def stop(self) -> None:
        """The window is closing: stop what the late features run (nothing if never built)."""
        if self.built:
            self.window.team.stop()


def _add_tagging_entries(window: MainWindow) -> None:
    """The tagging entries of the Edit menu, where they always were: just before the review entries."""
    edit_mode = window.workbench.actions.edit_mode
    edit_menu = window.workbench.menu_of(edit_mode)
    if edit_menu is None:
        return
    entries = edit_menu.actions()
    at = entries.index(edit_mode)
    before = entries[at - 1] if at > 0 and entries[at - 1].isSeparator() else edit_mode
    window.tagging.add_to_menus(edit_menu, before)
