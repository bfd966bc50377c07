"""A user rule made in the window is one step of Edit > Undo, and the suggestions and conversion follow it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.script import Script, set_active_rules
from reader.gui.main_window import MainWindow
from reader.gui.user_rules_dialog import RuleFields, UserRulesDialog
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]
TITLE = "深化“家门口”服务 打通为民办事最后一米"
FLAG = "核对街道名"


@pytest.fixture(autouse=True)
def _no_rules_left_behind() -> object:
    yield
    set_active_rules(None)


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    return open_window()


def _show(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    with library.session() as session:
        article = session.scalars(select(Article).where(Article.title == TITLE)).one()
    with qtbot.waitSignal(window.review_tools.suggestions.loaded, timeout=10_000):
        show_article(qtbot, window, article.issue_id, article.id)


def test_a_rule_added_deleted_and_undone_updates_the_suggestions(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library)
    pane = window.review_tools.suggestions
    assert FLAG not in pane.groups()
    dialog = window.review_tools.suggestions.open_user_rules()
    assert isinstance(dialog, UserRulesDialog)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):  # told: computed again with the new rule
        assert dialog.add(RuleFields(FLAG, "梅园街道", None, False, "all", True))
    assert pane.groups()[FLAG] == 2
    assert window.undo_stack.undoText() == f"Add Rule “{FLAG}”"
    dialog.table.selectRow(dialog.rule_names().index(FLAG))
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        assert dialog.delete_current()
    assert FLAG not in pane.groups() and FLAG not in dialog.rule_names()
    assert window.undo_stack.undoText() == f"Delete Rule “{FLAG}”"
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.undo_stack.undo()  # Edit > Undo brings it back: the dialog and the pane follow
    assert pane.groups()[FLAG] == 2 and FLAG in dialog.rule_names()
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.undo_stack.undo()
    assert FLAG not in pane.groups() and FLAG not in dialog.rule_names()
    dialog.close()


def test_conversion_lists_saved_and_undone_the_view_follows(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library)
    window.script.set_script(Script.TRADITIONAL)
    qtbot.waitUntil(lambda: "門口" in window.reading_view.toPlainText(), timeout=10_000)
    assert window.conversion.save(["家门口"], [])
    assert window.undo_stack.undoText() == "Change Conversion Lists"
    qtbot.waitUntil(lambda: "家门口" in window.reading_view.toPlainText(), timeout=10_000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "家门口" not in window.reading_view.toPlainText(), timeout=10_000)
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: "家门口" in window.reading_view.toPlainText(), timeout=10_000)
