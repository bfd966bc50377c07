"""Edit mode on a real library: saving as one types, never losing an edit, undo, conflicts, recovery."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.core.script import Script
from reader.gui.article_editor import SAVE_DELAY_MS, ArticleEditorPane
from reader.gui.main_window import MainWindow
from reader.gui.proofreading import Mode
from reader.services.importing import ImportReport
from reader.services.recovery import pending_recoveries
from reader.services.tracking.saving import save_article_text
from tests.gui.conftest import show_article, start_edit_mode
from tests.gui.proofreading_support import (
    FIRST,
    RIVER,
    RIVER_PARAGRAPH,
    article,
    block_id,
    block_texts,
    fill_disk,
    revision_authors,
    type_text,
)

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]
SAVED_WITHIN_MS = SAVE_DELAY_MS + 5000


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    window = open_window()
    window.settings.editor_name = "校对员甲"
    return window


def start_editing(
    qtbot: QtBot, window: MainWindow, article_id: int = RIVER, block: int = RIVER_PARAGRAPH
) -> ArticleEditorPane:
    """Open an article, switch to edit mode and put the cursor at the start of a block."""
    show_article(qtbot, window, 1, article_id)
    start_edit_mode(qtbot, window)
    pane = window.proofreading.editor_pane
    assert window.stack.currentWidget() is pane and pane.article_id == article_id
    pane.editor.set_place(block, 0)
    return pane


def test_typing_is_saved_after_a_pause_and_not_at_every_key(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)
    pane = start_editing(qtbot, window)
    assert pane.editor.roles[:4] == ["kicker", "title", "byline", "paragraph"]
    assert window.actions_.edit_mode.isChecked()
    type_text(pane.editor, "据悉,")
    assert pane.dirty and pane.state == "Edited"
    assert block_texts(gui_library, RIVER) == original  # nothing written while typing
    assert window.undo_stack.count() == 1  # the typing is one step already, undoable at once
    qtbot.waitUntil(lambda: not pane.dirty, timeout=SAVED_WITHIN_MS)
    saved = block_texts(gui_library, RIVER)
    assert saved[RIVER_PARAGRAPH] == "据悉," + original[RIVER_PARAGRAPH]
    assert saved[:RIVER_PARAGRAPH] == original[:RIVER_PARAGRAPH]
    assert article(gui_library, RIVER).version == 2
    assert revision_authors(gui_library, RIVER) == [("import", "original"), ("校对员甲", "edit")]
    assert pane.state.startswith("Saved at")
    assert window.undo_stack.count() == 1


def test_typing_then_switching_article_at_once_loses_nothing(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "【一】")
    with qtbot.waitSignal(pane.loaded, timeout=5000):  # the next article, read for the editor
        show_article(qtbot, window, 1, FIRST)  # at once: no pause to let the autosave run
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "【一】" + original[RIVER_PARAGRAPH]
    assert pane.article_id == FIRST and window.proofreading.mode is Mode.EDIT  # the editor followed
    assert not pane.dirty
    # the same through the Next Article action, from the first article's first paragraph
    first_original = block_texts(gui_library, FIRST)
    pane.editor.set_place(4, 0)
    type_text(pane.editor, "【二】")
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.actions_.next_article.trigger()  # saved once the next article replaces it
    assert block_texts(gui_library, FIRST)[4] == "【二】" + first_original[4]
    assert pane.article_id != FIRST
    assert window.undo_stack.count() == 2


def test_typing_then_closing_the_window_at_once_loses_nothing(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "【关窗前】")
    window.close()
    assert not window.isVisible()
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "【关窗前】" + original[RIVER_PARAGRAPH]
    assert pending_recoveries() == []


def test_leaving_edit_mode_or_opening_the_issue_page_saves_at_once(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "甲")
    with qtbot.waitSignal(window.article_shown, timeout=5000):  # laid out again in the background
        window.actions_.edit_mode.trigger()  # F2 again: back to reading
        assert window.proofreading.mode is Mode.READ
        assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "甲" + original[RIVER_PARAGRAPH]
    assert "甲" + original[RIVER_PARAGRAPH][:10] in window.reading_view.toPlainText()  # laid out again
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "乙")
    with qtbot.waitSignal(window.issue_shown, timeout=5000):  # read in the background
        assert window.navigator.open_issue(1)
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "乙甲" + original[RIVER_PARAGRAPH]
    assert window.proofreading.mode is Mode.READ and not window.actions_.edit_mode.isChecked()
    assert "Proofread or approved" in window.reading_view.toPlainText()  # the issue page's review counts


def test_undo_and_redo_of_typing_through_the_library(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)[RIVER_PARAGRAPH]
    pane = start_editing(qtbot, window)
    window.activateWindow()
    type_text(pane.editor, "一")
    qtbot.waitUntil(lambda: not pane.dirty, timeout=SAVED_WITHIN_MS)
    type_text(pane.editor, "二")
    # Ctrl+Z at once, in the editor: the window's undo, not the text widget's own
    qtbot.keyClick(pane.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "一" + original
    assert pane.editor.texts()[RIVER_PARAGRAPH] == "一" + original
    assert not pane.dirty
    window.actions_.undo.trigger()
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == original
    assert pane.editor.texts()[RIVER_PARAGRAPH] == original
    qtbot.keyClick(
        pane.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "一" + original
    window.actions_.redo.trigger()
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "一二" + original
    assert pane.editor.texts()[RIVER_PARAGRAPH] == "一二" + original
    assert window.actions_.undo.text().startswith("&Undo Typing in")
    # every step is a revision: nothing is ever rewritten in place
    reasons = [reason for _author, reason in revision_authors(gui_library, RIVER)]
    assert reasons[:3] == ["original", "edit", "edit"]
    assert sum(r.startswith("restore") for r in reasons) == 4


def test_a_save_from_a_stale_base_shows_both_texts_and_keeping_mine_loses_nothing(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)[RIVER_PARAGRAPH]
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "我的")
    # someone else saves the article meanwhile (another window, a suggestion, a replace)
    with gui_library.writing() as session:
        save_article_text(
            session,
            RIVER,
            {block_id(gui_library, RIVER, RIVER_PARAGRAPH): "别人的" + original},
            author="另一位",
            base_version=1,
        )
    assert not pane.flush()
    dialog = pane.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert "我的" + original in dialog.mine_view.toPlainText()
    assert "别人的" + original in dialog.newer_view.toPlainText()
    # from the newer text to mine: 别人 struck out, 我 inserted, the shared 的 once
    assert "别人我的" + original in dialog.diff_view.toPlainText()
    cursor = dialog.diff_view.document().find("别人")
    assert cursor.charFormat().fontStrikeOut()
    assert pane.editor.isReadOnly()
    assert len(pending_recoveries()) == 1  # kept on disk until a choice is made
    assert window.undo_stack.count() == 0  # the refused typing left no step behind
    dialog.keep_button.click()
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "我的" + original
    assert ("另一位", "edit") in revision_authors(gui_library, RIVER)  # the newer text stays in the history
    assert pending_recoveries() == []
    assert not pane.editor.isReadOnly() and not pane.dirty
    pane.editor.set_place(RIVER_PARAGRAPH, 0)
    type_text(pane.editor, "再")
    qtbot.waitUntil(lambda: not pane.dirty, timeout=SAVED_WITHIN_MS)  # saves on the new base again
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "再我的" + original


def test_taking_the_newer_text_puts_mine_on_the_clipboard(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)[RIVER_PARAGRAPH]
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "我的")
    with gui_library.writing() as session:
        paragraph = block_id(gui_library, RIVER, RIVER_PARAGRAPH)
        save_article_text(session, RIVER, {paragraph: "新的" + original}, author="另一位", base_version=1)
    show_article(qtbot, window, 1, FIRST)  # switching away at once: the conflict still comes up
    dialog = pane.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.newer_button.click()
    assert "我的" + original in QApplication.clipboard().text()
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "新的" + original
    assert pending_recoveries() == []
    qtbot.waitUntil(
        lambda: pane.article_id == FIRST, timeout=5000
    )  # the editor went on to the article opened


def test_merging_by_hand_keeps_my_text_in_the_editor_on_the_newer_base(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)[RIVER_PARAGRAPH]
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "我的")
    with gui_library.writing() as session:
        paragraph = block_id(gui_library, RIVER, RIVER_PARAGRAPH)
        save_article_text(session, RIVER, {paragraph: original + "新的"}, author="另一位", base_version=1)
    assert not pane.flush()
    dialog = pane.conflict_dialog
    assert dialog is not None
    dialog.merge_button.click()
    assert (
        dialog.isVisible() and dialog.windowModality() is Qt.WindowModality.NonModal
    )  # left open to copy from
    assert pane.editor.texts()[RIVER_PARAGRAPH] == "我的" + original
    pane.editor.set_place(RIVER_PARAGRAPH, len("我的" + original))
    type_text(pane.editor, "新的")  # merged by hand
    assert pane.flush()
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "我的" + original + "新的"
    assert pending_recoveries() == []


def test_a_disk_failure_keeps_the_edit_in_the_editor_and_on_disk(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    assert window.library is not None
    original = block_texts(gui_library, RIVER)[RIVER_PARAGRAPH]
    pane = start_editing(qtbot, window)
    free = fill_disk(window.library)
    typed = "满" * 6000
    pane.editor.insertPlainText(typed)
    assert not pane.flush()
    assert pane.dirty and pane.kept
    assert pane.editor.texts()[RIVER_PARAGRAPH] == typed + original  # still in the editor
    kept = pending_recoveries()
    assert len(kept) == 1 and kept[0].article_id == RIVER
    assert typed + original in kept[0].blocks_text.values()  # type: ignore[union-attr]
    assert "recovery file" in pane.state
    box = window.proofreading.message_box
    assert box is not None and "recovery file" in box.text()
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == original
    # the window may close: the edit is safe on disk (and is offered again at the next start)
    assert window.proofreading.about_to_close()
    free()
    assert pane.flush()  # space again: saved, and the recovery file is no longer needed
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == typed + original
    assert pending_recoveries() == []


def test_converted_scripts_are_read_only_and_say_so(qtbot: QtBot, window: MainWindow) -> None:
    show_article(qtbot, window, 1, RIVER)
    window.script.set_script(Script.TRADITIONAL)
    window.actions_.edit_mode.trigger()
    proofreading = window.proofreading
    assert proofreading.mode is Mode.READ and not window.actions_.edit_mode.isChecked()
    box = proofreading.offer_box
    assert box is not None and box.isVisible()
    assert "read-only" in box.text() and "OpenCC Standard" in box.text()
    edit = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    edit.click()
    assert window.script.script is Script.ORIGINAL
    assert proofreading.mode is Mode.EDIT
    # choosing a converted script while editing leaves edit mode (after saving)
    window.script.set_script(Script.SIMPLIFIED)
    assert proofreading.mode is Mode.READ


def test_a_read_only_library_refuses_editing(qtbot: QtBot, window: MainWindow) -> None:
    show_article(qtbot, window, 1, RIVER)
    window.safety.set_read_only(True, "testing")
    window.actions_.edit_mode.trigger()
    assert window.proofreading.mode is Mode.READ
    box = window.proofreading.message_box
    assert box is not None and "read-only" in box.text()
    assert not window.actions_.status_actions["proofread"].isEnabled()


def test_an_edit_never_reaches_across_blocks(qtbot: QtBot, window: MainWindow, gui_library: Library) -> None:
    original = block_texts(gui_library, RIVER)
    pane = start_editing(qtbot, window)
    editor = pane.editor
    refused: list[str] = []
    editor.refused.connect(refused.append)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # at the start of a block
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor.set_place(RIVER_PARAGRAPH - 1, len(original[RIVER_PARAGRAPH - 1]))
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # at the end of a block
    editor.selectAll()
    type_text(editor, "x")
    assert len(refused) == 4
    assert editor.texts() == original and editor.document().blockCount() == len(original)
    assert not pane.dirty
    # pasted lines become one block's text
    editor.set_place(RIVER_PARAGRAPH, 0)
    QApplication.clipboard().setText("第一行\n第二行 ")
    editor.paste()
    assert editor.texts()[RIVER_PARAGRAPH].startswith("第一行第二行 ")
    assert editor.document().blockCount() == len(original)


def test_the_editor_name_comes_from_the_preferences(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    dialog = window.proofreading.show_preferences()
    dialog.name_edit.setText("  王编辑  ")
    dialog.accept()
    assert window.settings.editor_name == "王编辑"
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "丙")
    assert pane.flush()
    assert revision_authors(gui_library, RIVER)[-1] == ("王编辑", "edit")
    window.settings.editor_name = ""
    assert window.settings.editor_name  # empty: the login name


def test_a_status_change_while_typing_saves_the_typing_first_as_its_own_step(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)[RIVER_PARAGRAPH]
    pane = start_editing(qtbot, window)
    window.activateWindow()
    type_text(pane.editor, "快")
    qtbot.keyClick(pane.editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Mark Proofread at once
    assert article(gui_library, RIVER).status == "proofread"
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "快" + original
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()  # the status first
    assert article(gui_library, RIVER).status == "new"
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "快" + original
    window.undo_stack.undo()  # then the typing
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == original
    assert pane.editor.texts()[RIVER_PARAGRAPH] == original


def test_typing_that_changes_nothing_leaves_no_step(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "x")
    qtbot.keyClick(pane.editor, Qt.Key.Key_Backspace)
    assert window.undo_stack.count() == 1  # pending until saved
    qtbot.waitUntil(lambda: not pane.dirty, timeout=SAVED_WITHIN_MS)
    assert window.undo_stack.count() == 0 and not window.actions_.undo.isEnabled()
    assert article(gui_library, RIVER).version == 1  # nothing was written


def test_typing_kept_between_saves_is_not_kept_twice_once_it_meets_a_conflict(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    """The conflict keeps the text in a file of its own (qa24): the typing's journal went on holding the
    same text, so a window killed while asking offered the one edit twice at the next start."""
    original = block_texts(gui_library, RIVER)[RIVER_PARAGRAPH]
    pane = start_editing(qtbot, window)
    type_text(pane.editor, "我的")
    qtbot.waitUntil(lambda: bool(pane.journal.paths), timeout=5000)  # the typing is on disk
    with gui_library.writing() as session:
        save_article_text(
            session,
            RIVER,
            {block_id(gui_library, RIVER, RIVER_PARAGRAPH): "别人的" + original},
            author="另一位",
            base_version=1,
        )
    assert not pane.flush()
    assert pane.conflict_dialog is not None and pane.conflict_dialog.isVisible()
    assert pane.journal.paths == set()
    kept = [r for r in pending_recoveries() if r.article_id == RIVER]
    assert len(kept) == 1
    texts = kept[0].blocks_text
    assert "我的" + original in (texts.values() if isinstance(texts, dict) else texts)
    pane.conflict_dialog.keep_button.click()
    assert pending_recoveries() == []
