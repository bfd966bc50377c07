"""Find and replace across the library: preview with a checkbox per hit, apply in the background, one undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.find_replace import FindReplaceDialog, MatchesModel
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article, start_edit_mode
from tests.gui.proofreading_support import (
    FIRST,
    RIVER,
    RIVER_PARAGRAPH,
    block_texts,
    revision_authors,
    type_text,
)

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]
WAIT_MS = 10_000


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    return open_window()


def _all_text(library: Library) -> str:
    return "\n".join("\n".join(block_texts(library, a)) for a in (1, 2, 3, 4))


def _preview(
    qtbot: QtBot, dialog: FindReplaceDialog, find: str, replace: str, *, scope: str = "library"
) -> int:
    dialog.find_edit.setText(find)
    dialog.replace_edit.setText(replace)
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findData(scope))
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS) as blocker:
        dialog.find_button.click()
    assert blocker.args is not None
    return int(blocker.args[0])


def _apply(qtbot: QtBot, dialog: FindReplaceDialog) -> int:
    with qtbot.waitSignal(dialog.replaced, timeout=WAIT_MS) as blocker:
        dialog.apply_button.click()
    assert blocker.args is not None
    return int(blocker.args[0])


def test_the_preview_lists_every_hit_and_replacing_all_of_them_changes_as_many(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    before = _all_text(gui_library)
    expected = before.count("街道")
    dialog = window.proofreading.show_find_replace()
    assert dialog.isVisible()
    count = _preview(qtbot, dialog, "街道", "社区")
    assert count == expected == dialog.model.rowCount() > 3
    assert _all_text(gui_library) == before  # a preview changes nothing
    row = dialog.model.index(0, MatchesModel.FOUND)
    assert row.data() == "街道"
    assert dialog.model.index(0, MatchesModel.REPLACEMENT).data() == "社区"
    assert (
        dialog.model.index(0, MatchesModel.CHECK).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )
    assert "梅园社区报" in str(dialog.model.index(0, MatchesModel.WHERE).data())  # the issue's label
    steps = window.undo_stack.count()
    assert _apply(qtbot, dialog) == count
    after = _all_text(gui_library)
    assert "街道" not in after and after.count("社区") == before.count("社区") + count
    assert window.undo_stack.count() == steps + 1
    assert "replace" in [reason for _a, reason in revision_authors(gui_library, RIVER)]
    # undone in one step (in the background), redone in one step
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.proofreading.context.busy, timeout=WAIT_MS)
    assert _all_text(gui_library) == before
    assert window.undo_stack.canRedo() and window.actions_.redo.isEnabled()
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: not window.proofreading.context.busy, timeout=WAIT_MS)
    assert _all_text(gui_library) == after
    # the reading pane shows the replaced text
    show_article(qtbot, window, 1, RIVER)
    assert "街道" not in window.reading_view.toPlainText()


def test_unchecked_hits_are_left_untouched(qtbot: QtBot, window: MainWindow, gui_library: Library) -> None:
    before = _all_text(gui_library)
    dialog = window.proofreading.show_find_replace()
    count = _preview(qtbot, dialog, "街道", "【街道】")
    dialog.model.set_checked(0, False)
    dialog.model.set_checked(2, False)
    assert dialog.model.checked_count() == count - 2
    assert "checked will be replaced" in dialog.message.text()
    assert _apply(qtbot, dialog) == count - 2
    after = _all_text(gui_library)
    assert after.count("【街道】") == count - 2
    assert after.replace("【街道】", "").count("街道") == 2  # the two unchecked hits, as they were
    assert after.replace("【街道】", "街道") == before
    # finding again lists exactly those two (and the replaced ones, which still contain the text)
    assert _preview(qtbot, dialog, "街道", "x") == count
    dialog.model.set_all(False)
    assert not dialog.apply_button.isEnabled()


def test_scopes_regular_expressions_and_script_insensitive_finding(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    dialog = window.proofreading.show_find_replace()
    library_hits = _preview(qtbot, dialog, "街道", "x")
    assert _preview(qtbot, dialog, "街道", "x", scope="article") < library_hits
    assert {m.article_id for m in dialog.model.matches} == {RIVER}
    assert _preview(qtbot, dialog, "街道", "x", scope="issue") == library_hits  # one issue in all
    # traditional characters find the simplified text when asked to
    assert _preview(qtbot, dialog, "河長制", "河長制") == 0
    dialog.insensitive_box.setChecked(True)
    assert _preview(qtbot, dialog, "河長制", "河长制") >= 1
    dialog.insensitive_box.setChecked(False)
    # a regular expression with a group
    dialog.regex_box.setChecked(True)
    count = _preview(qtbot, dialog, r"(梅园)街道", r"\1镇", scope="article")
    assert count >= 1 and dialog.model.index(0, MatchesModel.REPLACEMENT).data() == "梅园镇"
    assert _apply(qtbot, dialog) == count
    assert "梅园镇" in "".join(block_texts(gui_library, RIVER))


def test_an_invalid_regular_expression_is_explained_and_nothing_runs(window: MainWindow) -> None:
    dialog = window.proofreading.show_find_replace()
    dialog.regex_box.setChecked(True)
    dialog.find_edit.setText("街道([")
    assert dialog.find_all() is None
    assert "Invalid regular expression" in dialog.message.text()
    assert dialog.message.property("error") is True
    assert dialog.model.rowCount() == 0 and not dialog.apply_button.isEnabled()


def test_replace_sees_and_saves_the_text_being_typed(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    start_edit_mode(qtbot, window)
    pane = window.proofreading.editor_pane
    pane.editor.set_place(RIVER_PARAGRAPH, 0)
    type_text(pane.editor, "错字")
    dialog = window.proofreading.show_find_replace()
    assert _preview(qtbot, dialog, "错字", "正字") == 1  # the typing was saved before finding
    assert _apply(qtbot, dialog) == 1
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH].startswith("正字")
    assert pane.editor.texts()[RIVER_PARAGRAPH].startswith("正字")  # the editor reloaded the new text
    assert not pane.dirty
    # a hit's row opens its article
    assert _preview(qtbot, dialog, "服务", "服务") >= 1
    with qtbot.waitSignal(window.article_shown, timeout=WAIT_MS):
        dialog.table.doubleClicked.emit(dialog.model.index(0, MatchesModel.FOUND))
    assert window.reading_view.article_id == FIRST


def test_hits_of_an_issue_deleted_after_the_preview_are_cleared(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    from PySide6.QtWidgets import QMessageBox

    before = _all_text(gui_library)
    dialog = window.proofreading.show_find_replace()
    assert _preview(qtbot, dialog, "街道", "社区") > 3
    box = window.issue_actions.confirm_delete(1)
    assert box is not None
    delete = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    delete.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT_MS)  # no stale hits listed
    assert "changed since the search" in dialog.message.text()
    assert not dialog.apply_button.isEnabled()
    window.undo_stack.undo()  # the issue comes back, its text as it was
    qtbot.waitUntil(lambda: not window.proofreading.context.busy, timeout=20_000)
    qtbot.waitUntil(lambda: _preview(qtbot, dialog, "街道", "社区") == before.count("街道"), timeout=20_000)
    dialog.close()


def test_hits_found_while_the_library_changes_are_not_listed(qtbot: QtBot, window: MainWindow) -> None:
    from reader.core.op_changes import OpChanges

    dialog = window.proofreading.show_find_replace()
    dialog.find_edit.setText("街道")
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findData("library"))
    task = dialog.find_all()
    assert task is not None  # the search reads the text in the background
    window.workbench.operation_did_execute.emit(OpChanges.of([FIRST], text=True), None)  # an edit meanwhile
    qtbot.wait(500)  # the search's result, had it been kept, would be listed by now
    assert dialog.model.rowCount() == 0  # read before the edit: no hits listed
    assert "changed since the search" in dialog.message.text()
    assert _preview(qtbot, dialog, "街道", "社区") > 3  # finding again lists them
    dialog.close()
