"""The tag pane's suggestion rows keep what the archivist did with them while the article is shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.gui.tag_pane import SuggestionRow, TagPane
from tests.gui.conftest import show_article
from tests.gui.tagging_support import (
    RIVER,
    SERVICE,
    tags_of,
    type_text,
)

pytestmark = pytest.mark.gui


def _open(qtbot: QtBot, window: MainWindow, article_id: int) -> None:
    pane = window.tagging.pane
    with qtbot.waitSignal(
        pane.suggestions_shown, timeout=60_000, check_params_cb=lambda shown: shown == article_id
    ):
        show_article(qtbot, window, 1, article_id)


def _row(pane: TagPane, row: int) -> SuggestionRow:
    widget = pane.suggestion_list.itemWidget(pane.suggestion_list.item(row))
    assert isinstance(widget, SuggestionRow)
    return widget


def test_toggling_the_script_keeps_accepted_and_dismissed_rows_greyed(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    from reader.core.script import Script

    _open(qtbot, window, RIVER)
    pane = window.tagging.pane
    listed = [s.name for s in pane.listed()]
    assert len(listed) >= 3
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        pane.accept_suggestion(0)
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        pane.dismiss_suggestion(1)
    assert pane.is_done(0) and pane.is_done(1)

    after = [s.name for s in pane.listed()]
    assert after[: len(listed)] == listed  # rows keep their places (new suggestions come after them)
    window.script.set_script(Script.TRADITIONAL)
    assert [s.name for s in pane.listed()] == after
    assert pane.is_done(0) and pane.is_done(1)
    assert not _row(pane, 0).accept_button.isEnabled()
    assert not _row(pane, 1).accept_button.isEnabled()
    assert _row(pane, 1).accept_button.font().strikeOut()
    # Alt+2 on the dismissed row still does nothing
    pane.accept_actions[1].trigger()
    assert listed[1] not in tags_of(gui_library, RIVER)


def test_a_row_no_longer_suggested_is_not_said_to_be_added(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    # a row that starts or ends another (巡河 of 巡河机制, 河道 of 辖区河道): once the longer one is a tag
    # of the article, the short one is no longer offered
    _open(qtbot, window, RIVER)
    pane = window.tagging.pane
    names = [s.name for s in pane.listed()]
    pairs = [(a, b) for a in names for b in names if a != b and (a.startswith(b) or a.endswith(b))]
    assert pairs, names
    long, short = pairs[0]
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        pane.accept_suggestion(names.index(long))
    assert [s.name for s in pane.listed()][: len(names)] == names  # rows keep their numbers
    assert short not in [s.name for s in pane.suggestions()]  # not offered
    assert tags_of(gui_library, RIVER) == [long]
    short_row = _row(pane, names.index(short))
    assert not short_row.accept_button.isEnabled()
    assert short_row.accept_button.toolTip() != "Added to the article"  # it never was
    assert short_row.accept_button.toolTip() == "No longer suggested for this article"
    assert _row(pane, names.index(long)).accept_button.toolTip() == "Added to the article"
    # undo: the rows are in their places, and open again where offered again (the tag taught jieba the
    # longer word, which stays after the undo: the short one's mentions may be cut differently now)
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        window.undo_stack.undo()
    assert [s.name for s in pane.listed()][: len(names)] == names
    offered = {s.name for s in pane.suggestions()}
    assert long in offered and not pane.is_done(names.index(long))
    for name in (long, short):
        assert pane.is_done(names.index(name)) == (name not in offered)
        assert _row(pane, names.index(name)).accept_button.isEnabled() == (name in offered)


def test_the_reason_shows_where_the_archivist_looks_and_for_the_row_chosen_by_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open(qtbot, window, SERVICE)
    pane = window.tagging.pane
    names = [s.name for s in pane.listed()]
    byline = names.index("林晓岚")
    place = names.index("梅园街道")
    # hovering the name (the button that covers most of the row) tells why it is offered
    assert "named in the byline" in _row(pane, byline).accept_button.toolTip()
    assert f"Alt+{byline + 1}" in _row(pane, byline).accept_button.toolTip()
    assert "a name ending in “街道”" in _row(pane, place).accept_button.toolTip()
    # the row chosen with the arrow keys says it under the list, no mouse needed
    pane.suggestion_list.setFocus()
    pane.suggestion_list.setCurrentRow(place)
    assert pane.reason_label.isVisibleTo(pane)
    assert "梅园街道" in pane.reason_label.text()
    assert "a name ending in “街道”" in pane.reason_label.text()
    pane.suggestion_list.setCurrentRow(byline)
    assert "named in the byline" in pane.reason_label.text()


def test_ctrl_z_in_the_tag_entry_undoes_the_tag_just_added(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _open(qtbot, window, SERVICE)
    pane = window.tagging.pane
    window.activateWindow()
    window.tagging.focus_entry_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.entry, timeout=2000)
    type_text(pane.entry, "垃圾分类")
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        qtbot.keyClick(pane.entry, Qt.Key.Key_Return)
    assert tags_of(gui_library, SERVICE) == ["垃圾分类"]
    assert pane.entry.text() == "" and pane.entry.hasFocus()
    # the archivist's Ctrl+Z, the cursor still in the entry: the tag goes, the name does not come back
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        qtbot.keyClick(pane.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tags_of(gui_library, SERVICE) == []
    assert pane.entry.text() == ""
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        qtbot.keyClick(
            pane.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    assert tags_of(gui_library, SERVICE) == ["垃圾分类"]
    # typing in the entry is still undone there first
    type_text(pane.entry, "河长")
    qtbot.keyClick(pane.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.entry.text() == ""
    assert tags_of(gui_library, SERVICE) == ["垃圾分类"]


def test_an_alias_added_shows_in_the_suggestions_of_the_article_open(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    # the river article quotes “一河一策”; the archivist says it is another name of a tag of the library
    from tests.gui.tagging_support import STAIRS, tag, type_text, wait_for_tag_list

    tag(gui_library, "河道整治工程", [STAIRS])
    _open(qtbot, window, RIVER)
    pane = window.tagging.pane
    assert "河道整治工程" not in [s.name for s in pane.listed()]
    window.tagging.reload_tags()  # the tag was made behind the window's back
    wait_for_tag_list(qtbot, window)
    assert window.tagging.catalogue.find("河道整治工程") is not None
    dialog = window.tagging.tag_dialogs.edit_aliases()
    assert dialog is not None
    type_text(dialog.tag_edit, "河道整治工程")
    type_text(dialog.alias_edit, "一河一策")
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        qtbot.keyClick(dialog.alias_edit, Qt.Key.Key_Return)
    assert dialog.error_label.isHidden()
    offered = {s.name: s for s in pane.suggestions()}
    assert "河道整治工程" in offered and offered["河道整治工程"].reason == "alias"
    dialog.close()


def test_the_current_row_moves_on_from_a_row_accepted_or_dismissed(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    # after Alt+1 the highlight no longer sits on the accepted row (it looked as if it could be added
    # again, and Enter did nothing there): it moves to the next row still open
    _open(qtbot, window, RIVER)
    pane = window.tagging.pane
    assert len(pane.listed()) >= 4
    pane.suggestion_list.setCurrentRow(0)
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        pane.accept_actions[0].trigger()
    assert pane.is_done(0)
    assert pane.suggestion_list.currentRow() == 1
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        pane.dismiss_suggestion(1)
    assert pane.suggestion_list.currentRow() == 2
    # Enter adds the current row: the third suggestion, not nothing
    third = pane.listed()[2].name
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        qtbot.keyClick(pane.suggestion_list, Qt.Key.Key_Return)
    assert third in tags_of(gui_library, RIVER)
