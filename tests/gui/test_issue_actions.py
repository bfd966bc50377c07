"""Whole issues in the window: properties dialog, context menu, delete with undo, sorting by publication."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.backup import list_backups
from db.engine import Library
from db.models import Issue
from reader.gui.library_model import IssueOrder, Role
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from reader.services.issues import IssueProperties, issue_properties, set_issue_properties

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def two_issues(gui_library: Library, import_into: Importer, sample_issue: Path, tmp_path: Path) -> list[int]:
    other = tmp_path / "scan_0001.txt"
    other.write_text("第二期\n\n青溪河边的新变化\n\n今年春天，青溪河两岸种下了一千棵树。\n", encoding="utf-8")
    report = import_into(gui_library, [sample_issue, other])
    ids = [r.issue_id for r in report.imported if r.issue_id is not None]
    assert len(ids) == 2
    return ids


def _issue_rows(window: MainWindow) -> list[int]:
    proxy = window.library_pane.proxy
    return [int(proxy.index(row, 0).data(Role.ID)) for row in range(proxy.rowCount())]


def _position_of_issue(window: MainWindow, issue_id: int) -> QPoint:
    pane = window.library_pane
    index = pane.proxy.mapFromSource(window.library_model.index_of_issue(issue_id))
    return pane.tree.visualRect(index).center()


def test_the_context_menu_holds_properties_export_delete_and_takes_new_entries(
    two_issues: list[int], open_window: WindowFactory
) -> None:
    window = open_window()
    actions = window.actions_
    seen: list[int] = []
    extra = window.issue_actions.add_entry("Count", seen.append)  # one line adds an entry
    menu = window.issue_actions.show_context_menu(_position_of_issue(window, two_issues[1]))
    assert menu is not None
    entries = menu.actions()
    assert entries[:3] == [actions.issue_properties, actions.export_issue, actions.delete_issue]
    assert [a.text().replace("&", "") for a in entries[3:-1]] == ["Show in Layout View"]
    assert entries[-1] is extra
    extra.trigger()
    assert seen == [two_issues[1]]  # the entry acts on the issue the menu was opened on
    menu.close()


def test_the_context_menu_shows_the_issue_in_the_layout_view(
    two_issues: list[int], open_window: WindowFactory
) -> None:
    from reader.gui.layout_view import LayoutView

    window = open_window()
    menu = window.issue_actions.show_context_menu(_position_of_issue(window, two_issues[1]))
    assert menu is not None
    show = next(a for a in menu.actions() if a.text().replace("&", "") == "Show in Layout View")
    show.trigger()
    menu.close()
    views = window.findChildren(LayoutView)
    assert [view.issue_id for view in views] == [two_issues[1]]  # the issue right-clicked, not the one shown
    for view in views:
        view.close()


def test_the_properties_dialog_sets_title_publication_date_and_number_undoably(
    qtbot: QtBot, gui_library: Library, two_issues: list[int], open_window: WindowFactory
) -> None:
    window = open_window()
    issue_id = two_issues[1]
    dialog = window.issue_actions.show_properties(issue_id)
    assert dialog is not None
    assert dialog.findChild(type(dialog.edits["title"]), "issue_title") is dialog.edits["title"]
    dialog.edits["title"].setText("青溪周报")
    dialog.edits["publication"].setText("梅园街道")
    dialog.edits["publication_date"].setText("2021年5月1日")
    dialog.edits["number"].setText("第2期")
    dialog.accept()
    with gui_library.session() as session:
        assert issue_properties(session, issue_id) == IssueProperties(
            "青溪周报", "2021年5月1日", "梅园街道", "第2期"
        )
    assert window.library_model.issue_row(issue_id).label == "青溪周报 梅园街道 第2期 2021年5月1日"  # type: ignore[union-attr]
    window.undo_stack.undo()
    with gui_library.session() as session:
        assert issue_properties(session, issue_id).publication is None
    assert window.library_model.issue_row(issue_id).label == "scan_0001.txt"  # type: ignore[union-attr]


def test_deleting_an_issue_asks_backs_up_and_undo_brings_it_back(
    qtbot: QtBot, gui_library: Library, lib_path: Path, two_issues: list[int], open_window: WindowFactory
) -> None:
    window = open_window()
    first, second = two_issues
    with qtbot.waitSignal(window.issue_shown, timeout=5000):
        assert window.navigator.open_issue(second)
    box = window.issue_actions.confirm_delete(second)
    assert box is not None and "scan_0001.txt" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _issue_rows(window) == [first, second]
    box = window.issue_actions.confirm_delete(second)
    assert box is not None
    delete = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    delete.click()
    qtbot.waitUntil(lambda: _issue_rows(window) == [first], timeout=20_000)
    assert window.reading_view.issue_id != second  # the deleted issue is no longer shown
    assert [b.reason for b in list_backups(lib_path)] == ["pre-bulk"]
    with gui_library.session() as session:
        assert session.query(Issue).count() == 1
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: len(_issue_rows(window)) == 2, timeout=20_000)
    with gui_library.session() as session:
        names = sorted(i.source_name for i in session.query(Issue))
    assert names == ["sample_issue.txt", "scan_0001.txt"]
    restored = _issue_rows(window)[1]
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: _issue_rows(window) == [first], timeout=20_000)
    assert restored not in _issue_rows(window)


def test_issues_sort_by_publication_and_date(
    gui_library: Library, two_issues: list[int], open_window: WindowFactory
) -> None:
    first, second = two_issues
    with gui_library.writing() as session:
        set_issue_properties(session, first, publication="梅园社区报", publication_date="2021年4月16日")
        set_issue_properties(session, second, publication="梅园社区报", publication_date="2021-03-02")
    window = open_window()
    assert _issue_rows(window) == [first, second]
    window.library_pane.order_combo.setCurrentIndex(
        window.library_pane.order_combo.findData(IssueOrder.PUBLICATION.value)
    )
    assert _issue_rows(window) == [second, first]  # one paper, earlier date first
    window.library_pane.set_issue_order(IssueOrder.IMPORT)
    assert _issue_rows(window) == [first, second]
    window.library_pane.set_issue_order(IssueOrder.DATE)
    assert _issue_rows(window) == [second, first]


def test_sample_opens_a_sample_library_of_its_own(qtbot: QtBot, tmp_path: Path) -> None:
    from reader.core.paths import default_library, sample_library
    from reader.gui.app import build_window

    window = build_window(None, "en", True)
    qtbot.addWidget(window)
    assert Path(window.library_path) == sample_library() != default_library()
    with qtbot.waitSignal(window.library_loaded, timeout=20_000):
        window.open_library()
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 1, timeout=20_000)
    assert not default_library().exists()  # the user's own library was never touched
    other = build_window(str(tmp_path / "mine.sqlite3"), "en", True)
    qtbot.addWidget(other)
    assert Path(other.library_path) == tmp_path / "mine.sqlite3"  # --db wins
    window.close()
    other.close()


def test_export_from_the_issue_menu_exports_that_issue(
    two_issues: list[int], open_window: WindowFactory
) -> None:
    from reader.gui.export_dialog import ExportDialog
    from reader.services.export_formats.scope import ExportScope

    window = open_window()
    window.issue_actions.show_context_menu(_position_of_issue(window, two_issues[1]))
    window.actions_.export_issue.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert dialog.scope() == ExportScope(issue_ids=[two_issues[1]])
    dialog.close()
