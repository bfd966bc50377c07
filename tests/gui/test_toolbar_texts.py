"""The Chinese toolbars show no menu accelerator (qa25 E): "上一篇", not "上一篇(P)"; the menus keep "(&P)".

Qt strips "&" from a tool button's text but not the Chinese "(&P)" form, a letter that does nothing on
a toolbar.  Every toolbar of the window is looked at: the main and review toolbars, the suggestions,
notes and page-scan panes' bars.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

LETTER = re.compile(r"\(&?[A-Za-z0-9]\)")


def _buttons(window: MainWindow) -> dict[str, str]:
    """The text of every tool button of every toolbar, by its action's menu text."""
    found = {}
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton) and action.text():
                found[action.text()] = button.text()
    return found


def _late_built(window: MainWindow) -> bool:
    return any(bar.objectName() == "notesBar" for bar in window.findChildren(QToolBar))


@pytest.mark.parametrize("variant", ["at once", "after the text changes"])
def test_chinese_toolbars_have_no_accelerator_letters_and_the_menus_keep_them(
    chinese: None, qtbot: QtBot, open_window: Callable[..., MainWindow], variant: str
) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: _late_built(window), timeout=20_000)
    a = window.actions_
    if variant == "after the text changes":  # a text set again later (another status name, say)
        a.previous_article.setText("前一篇(&Q)…")
    buttons = _buttons(window)
    assert len(buttons) >= 20, buttons
    lettered = {menu: shown for menu, shown in buttons.items() if LETTER.search(shown)}
    assert lettered == {}
    expected = "前一篇" if variant != "at once" else "上一篇"
    assert buttons[a.previous_article.text()] == expected
    assert buttons[a.status_actions["in_progress"].text()] == "标为校对中"
    assert buttons[a.zoom_in.text()] == "放大"
    # the menus keep the accelerator
    assert LETTER.search(a.previous_article.text()) and LETTER.search(a.zoom_in.text())
    view = window.menuBar().actions()[2].menu()
    assert isinstance(view, QMenu) and a.zoom_in in view.actions()


def test_english_toolbars_are_as_before(open_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: _late_built(window), timeout=20_000)
    buttons = _buttons(window)
    assert buttons["&Previous Article"] == "Previous Article"
    assert buttons["&Import Files…"] == "Import Files"
    assert all("&" not in shown and "…" not in shown for shown in buttons.values()), buttons
