"""The window's late features (reader.gui.deferred_start): built after the first paint, or at once
when the user's first key comes earlier; their docks take their remembered place."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar

from reader.gui.app import start
from reader.gui.main_window import MainWindow
from tests.template_library import new_library_file

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

NO_SUGGESTIONS = "No suggestions in this article."


def _deferred_window(qtbot: QtBot, lib_path: Path) -> MainWindow:
    window = MainWindow(new_library_file(lib_path), defer_features=True)
    qtbot.addWidget(window)
    return window


def test_a_shortcut_of_a_late_feature_works_before_the_first_paint(qtbot: QtBot, lib_path: Path) -> None:
    window = _deferred_window(qtbot, lib_path)
    window.setUpdatesEnabled(False)  # the user is quicker than the first paint
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert not window.late.built
    qtbot.keyClick(window.reading_view, Qt.Key.Key_F7)  # Next Suggestion, wired by the late review tools
    assert window.late.built
    assert window.statusBar().currentMessage() == NO_SUGGESTIONS
    window.setUpdatesEnabled(True)
    window.close()


def test_a_key_between_the_first_paint_and_the_late_build_builds_them_first(
    qtbot: QtBot, lib_path: Path
) -> None:
    window = _deferred_window(qtbot, lib_path)
    seen: list[tuple[bool, str]] = []

    def quick_user() -> None:
        # runs as the window reports its first paint, after the build was queued and before it ran
        built_before = window.late.built
        QTest.keyClick(window.reading_view, Qt.Key.Key_F7)  # Next Suggestion, wired by the late review tools
        seen.append((built_before, window.statusBar().currentMessage()))

    window.first_painted.connect(quick_user)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
        window.activateWindow()
    assert seen == [(False, NO_SUGGESTIONS)]
    assert window.late.built
    window.close()


def test_the_review_toolbar_and_menus_are_there_at_the_first_paint(qtbot: QtBot, lib_path: Path) -> None:
    window = _deferred_window(qtbot, lib_path)
    shown: list[tuple[bool, list[QAction], bool]] = []

    def at_paint() -> None:
        bar = window.findChild(QToolBar, "reviewToolbar")
        actions = bar.actions() if bar is not None else []
        shown.append((window.late.built, actions, window.actions_.edit_mode.isEnabled()))

    window.first_painted.connect(at_paint)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    built, actions, edit_enabled = shown[0]
    assert not built
    assert actions[:2] == [window.actions_.edit_mode, window.actions_.show_changes]
    assert not edit_enabled  # no article yet: as the feature will set it
    qtbot.waitUntil(lambda: window.late.built, timeout=5_000)
    assert window.proofreading.toolbar is window.findChild(QToolBar, "reviewToolbar")
    window.close()


def test_a_shortcut_works_as_soon_as_the_shown_window_is_active(qtbot: QtBot, lib_path: Path) -> None:
    window = _deferred_window(qtbot, lib_path)
    with qtbot.waitActive(window):
        start(window)
        window.activateWindow()
    qtbot.keyClick(window.reading_view, Qt.Key.Key_F7)
    assert window.statusBar().currentMessage() == NO_SUGGESTIONS
    with qtbot.waitSignal(window.library_loaded, timeout=20_000):
        pass
    window.close()


def test_the_collector_paused_for_the_start_runs_again_once_the_window_has_painted(
    qtbot: QtBot, lib_path: Path
) -> None:
    window = _deferred_window(qtbot, lib_path)
    gc.disable()  # as reader.entry does while the window is being made
    try:
        with qtbot.waitSignal(window.first_painted, timeout=10_000):
            start(window)
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.enable()
    with qtbot.waitSignal(window.library_loaded, timeout=20_000):
        pass
    window.close()


def test_late_features_are_built_after_the_first_paint_without_input(qtbot: QtBot, lib_path: Path) -> None:
    window = _deferred_window(qtbot, lib_path)
    assert window.findChild(QDockWidget, "scanDock") is None
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: window.late.built, timeout=5_000)
    for name in ("scanDock", "suggestionsDock", "notesDock"):
        assert window.findChild(QDockWidget, name) is not None, name
    assert window.review_tools.suggestions_dock.objectName() == "suggestionsDock"
    window.close()


def test_late_docks_take_their_remembered_place(qtbot: QtBot, lib_path: Path) -> None:
    first = MainWindow(new_library_file(lib_path))  # everything built at once
    qtbot.addWidget(first)
    first.show()
    dock = first.review_tools.notes_dock
    assert dock.isVisibleTo(first)
    dock.hide()
    first.close()  # saves the window's state

    window = MainWindow(lib_path, defer_features=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: window.late.built, timeout=5_000)
    assert not window.review_tools.notes_dock.isVisibleTo(window)
    assert window.review_tools.suggestions_dock.isVisibleTo(window)
    window.close()


def _menus(window: MainWindow) -> list[tuple[str, list[str]]]:
    return [
        (menu.title(), [action.text() for action in menu.actions()])
        for menu in window.menuBar().findChildren(QMenu)
        if menu.title()  # not the bar's overflow menu, made when it is shown too narrow
    ]


def test_a_late_built_window_has_the_menus_docks_and_toolbars_of_one_built_at_once(
    qtbot: QtBot, lib_path: Path
) -> None:
    at_once = MainWindow(new_library_file(lib_path))
    qtbot.addWidget(at_once)
    late = MainWindow(lib_path, defer_features=True)
    qtbot.addWidget(late)
    docks_at_paint: list[list[str]] = []
    late.first_painted.connect(
        lambda: docks_at_paint.append(sorted(d.objectName() for d in late.findChildren(QDockWidget)))
    )
    with qtbot.waitSignal(late.first_painted, timeout=10_000):
        late.show()
    qtbot.waitUntil(lambda: late.late.built, timeout=5_000)
    # the tag docks are in place at the first paint (their contents come with the late build)
    assert {"libraryDock", "searchDock", "tagDock", "tagBrowserDock"} <= set(docks_at_paint[0])
    assert _menus(late) == _menus(at_once)
    assert sorted(d.objectName() for d in late.findChildren(QDockWidget)) == sorted(
        d.objectName() for d in at_once.findChildren(QDockWidget)
    )
    assert [a.text() for a in late.review_toolbar.actions()] == [
        a.text() for a in at_once.review_toolbar.actions()
    ]
    assert late.tagging.pane_dock.widget() is late.tagging.pane
    # the actions' tooltips, given with the late build: the same, and made of their text and key
    assert [a.toolTip() for a in late.actions_.all()] == [a.toolTip() for a in at_once.actions_.all()]
    assert late.actions_.find.toolTip() == "Find (Ctrl+F)"
    late.close()
    at_once.close()


def test_a_late_tag_pane_behind_search_stays_idle_until_its_tab_is_chosen(
    qtbot: QtBot, lib_path: Path
) -> None:
    # the dock is "visible" to Qt behind the Search tab: the late pane must not compute suggestions
    window = _deferred_window(qtbot, lib_path)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: window.late.built, timeout=5_000)
    pane, dock = window.tagging.pane, window.tagging.pane_dock
    assert dock in window.tabifiedDockWidgets(window.search_dock)
    assert not pane.shown
    dock.raise_()
    qtbot.waitUntil(lambda: pane.shown, timeout=2_000)
    window.search_dock.raise_()
    qtbot.waitUntil(lambda: not pane.shown, timeout=2_000)
    window.close()


def test_the_collector_runs_again_even_if_the_window_never_paints(
    qtbot: QtBot, lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.gui.app

    monkeypatch.setattr(reader.gui.app, "GC_PAUSE_MAX_MS", 50)
    window = _deferred_window(qtbot, lib_path)
    gc.disable()
    try:
        start(window)
        window.first_painted.disconnect(gc.enable)  # as for a window started minimised: no paint
        assert not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=5_000)
    finally:
        gc.enable()
    qtbot.waitUntil(lambda: window.library is not None, timeout=20_000)  # opened meanwhile, or soon
    window.close()
