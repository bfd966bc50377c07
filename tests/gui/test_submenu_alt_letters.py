"""Every entry of the window's menus, submenus too, has an Alt letter in either language (the Script
and Block Role submenus had none: their entries are the names shown elsewhere, in the toolbar's
script box and the layout view's table, without one)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.gui.i18n import install_translators, remove_translators
from reader.gui.main_window import MainWindow
from tests.gui.test_translations import _late_menus_built, _mnemonic_clashes

pytestmark = pytest.mark.gui

LANGUAGE_NAMES = {"English", "中文(简体)"}  # the language menu names each language in itself, as it is


def _without_alt_letter(menu: QMenu, path: str) -> Iterator[str]:
    for action in menu.actions():
        text = action.text()
        if action.isSeparator() or text in LANGUAGE_NAMES:
            continue
        at = text.find("&")
        if not 0 <= at < len(text) - 1 or text[at + 1] == "&":
            yield f"{path} > {text}"
        if isinstance(submenu := action.menu(), QMenu):
            yield from _without_alt_letter(submenu, f"{path} > {text}")


def _submenu(menu: QMenu, title: str) -> QMenu:
    found = [
        sub for action in menu.actions() if isinstance(sub := action.menu(), QMenu) and title in action.text()
    ]
    assert len(found) == 1, [action.text() for action in menu.actions()]
    return found[0]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_menu_entry_has_an_alt_letter_and_no_two_share_one(
    qapp: QApplication, qtbot: QtBot, open_window: Callable[..., MainWindow], language: str
) -> None:
    translators = install_translators(qapp, language) if language != "en" else []
    try:
        window = open_window()
        qtbot.waitUntil(lambda: _late_menus_built(window), timeout=20_000)
        menus = {
            action.text(): menu
            for action in window.menuBar().actions()
            if isinstance(menu := action.menu(), QMenu)
        }
        missing = [entry for title, menu in menus.items() for entry in _without_alt_letter(menu, title)]
        assert missing == [], "\n".join(missing)
        script = _submenu(menus["&View" if language == "en" else "视图(&V)"], "&S")
        roles = _submenu(menus["&Structure" if language == "en" else "结构(&S)"], "&R")
        assert len(script.actions()) >= 5 and len(roles.actions()) == 11
        assert _mnemonic_clashes(script, "Script") == [] and _mnemonic_clashes(roles, "Block Role") == []
    finally:
        remove_translators(qapp, translators)
