"""The tag pane on a real library: typing tags, completion in any script, chips, suggestions, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.tagging_models import ArticleTag
from reader.gui.main_window import MainWindow
from reader.gui.tag_pane import SuggestionRow, TagChip, TagPane
from tests.gui.conftest import show_article
from tests.gui.tagging_support import (
    RIVER,
    SERVICE,
    STAIRS,
    tag,
    tag_count_shown,
    tag_row,
    tags_of,
    type_text,
    wait_for_tag_list,
)

pytestmark = pytest.mark.gui


def _open(qtbot: QtBot, window: MainWindow, article_id: int) -> None:
    """Open an article and wait for its suggestions (jieba loads in a worker the first time)."""
    pane = window.tagging.pane
    with qtbot.waitSignal(
        pane.suggestions_shown, timeout=60_000, check_params_cb=lambda shown: shown == article_id
    ):
        show_article(qtbot, window, 1, article_id)
        assert pane.article_id == article_id
        assert pane.suggestion_status.text() in ("Loading the dictionary…", "Finding suggestions…")


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until no background task runs and their callbacks have been delivered."""
    for _ in range(50):
        assert window.runner.wait()
        qtbot.wait(20)
        if window.runner.active == 0:
            return
    raise AssertionError("background work did not settle")


def _row(pane: TagPane, row: int) -> SuggestionRow:
    widget = pane.suggestion_list.itemWidget(pane.suggestion_list.item(row))
    assert isinstance(widget, SuggestionRow)
    return widget


def test_ctrl_t_focuses_the_entry_and_enter_adds_a_new_tag_with_its_kind(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _open(qtbot, window, SERVICE)
    tagging = window.tagging
    pane = tagging.pane
    assert tagging.focus_entry_action.shortcut() == QKeySequence("Ctrl+T")
    window.activateWindow()
    tagging.focus_entry_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.entry or pane.entry.hasFocus(), timeout=2000)

    # a new name asks for its kind beside the entry, with a sensible default
    for typed, kind in (
        ("林晓岚", "person"),  # a byline name
        ("桂花路", "place"),
        ("梅园社区", "place"),
        ("街道党群办", "organisation"),
        ("社区服务中心", "organisation"),
        ("垃圾分类", "topic"),
    ):
        pane.entry.clear()
        type_text(pane.entry, typed)
        assert not pane.kind_combo.isHidden(), typed
        assert pane.new_kind() == kind, typed

    pane.entry.clear()
    type_text(pane.entry, "垃圾分类")
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("other"))
    pane.kind_combo.activated.emit(pane.kind_combo.currentIndex())  # the reader's choice stands
    qtbot.keyClicks(pane.entry, " ")
    assert pane.new_kind() == "other"
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):  # the tags are read again in the background
        qtbot.keyClick(pane.entry, Qt.Key.Key_Return)

    assert tags_of(gui_library, SERVICE) == ["垃圾分类"]
    created = tag_row(gui_library, "垃圾分类")
    assert created is not None and created.kind == "other"
    assert [chip.label.text() for chip in pane.chip_widgets()] == ["垃圾分类"]
    assert pane.entry.text() == ""
    qtbot.waitUntil(lambda: tag_count_shown(window, SERVICE) == 1, timeout=5000)

    # an existing name asks nothing
    wait_for_tag_list(qtbot, window)
    type_text(pane.entry, "垃圾分类")
    assert pane.kind_combo.isHidden()

    # one undo step takes the tag off and forgets the tag it created
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        window.undo_stack.undo()
    assert tags_of(gui_library, SERVICE) == []
    assert tag_row(gui_library, "垃圾分类") is None
    assert pane.chip_widgets() == []
    qtbot.waitUntil(lambda: tag_count_shown(window, SERVICE) == 0, timeout=5000)
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        window.undo_stack.redo()
    assert tags_of(gui_library, SERVICE) == ["垃圾分类"]
    assert len(pane.chip_widgets()) == 1


def test_completion_matches_names_in_either_script(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    tag(gui_library, "陸家嘴", [STAIRS], kind="place")
    window.tagging.reload_tags()
    wait_for_tag_list(qtbot, window)
    _open(qtbot, window, SERVICE)
    pane = window.tagging.pane
    window.activateWindow()
    window.tagging.focus_entry()
    qtbot.waitUntil(pane.entry.hasFocus, timeout=2000)
    type_text(pane.entry, "陆家")
    completer = pane.completer
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "陸家嘴"
    assert completer.popup().isVisible()
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    steps = window.undo_stack.count()
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)  # completes and adds the existing tag
    assert tags_of(gui_library, SERVICE) == ["陸家嘴"]
    qtbot.waitUntil(lambda: pane.entry.text() == "", timeout=2000)  # the picked name does not stay
    assert window.undo_stack.count() == steps + 1  # one undo step
    assert pane.kind_combo.isHidden()
    with gui_library.session() as session:
        assert len(list(session.scalars(select(ArticleTag.tag_id).distinct()))) == 1  # no second tag

    # and the other way round, in the middle of a name too
    tag(gui_library, "浦东新区", [STAIRS], kind="place")
    window.tagging.reload_tags()
    wait_for_tag_list(qtbot, window)
    pane.entry.clear()
    type_text(pane.entry, "東新")
    assert completer.currentCompletion() == "浦东新区"


def test_a_chip_removes_its_tag_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    tag(gui_library, "河长制", [RIVER])
    tag(gui_library, "陈思远", [RIVER], kind="person")
    _open(qtbot, window, RIVER)
    pane = window.tagging.pane
    chips = {chip.label.text(): chip for chip in pane.chip_widgets()}
    assert set(chips) == {"河长制", "陈思远"}
    assert isinstance(chips["陈思远"], TagChip)
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        qtbot.mouseClick(chips["河长制"].remove_button, Qt.MouseButton.LeftButton)
        assert pane.reading_tags and len(pane.chip_widgets()) == 2  # kept until the new ones arrive
    assert tags_of(gui_library, RIVER) == ["陈思远"]
    assert [chip.label.text() for chip in pane.chip_widgets()] == ["陈思远"]
    assert window.undo_stack.undoText() == "Remove Tag “河长制”"
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        window.undo_stack.undo()
    assert tags_of(gui_library, RIVER) == ["河长制", "陈思远"]
    assert len(pane.chip_widgets()) == 2


def test_chips_show_the_stored_name_in_every_script(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    from reader.core.script import Script

    tag(gui_library, "陸家嘴", [RIVER], kind="place")
    _open(qtbot, window, RIVER)
    pane = window.tagging.pane
    assert [chip.label.text() for chip in pane.chip_widgets()] == ["陸家嘴"]
    window.script.set_script(Script.SIMPLIFIED)
    assert [chip.label.text() for chip in pane.chip_widgets()] == ["陸家嘴"]  # what renaming edits
    assert "陸家嘴" in pane.chip_widgets()[0].toolTip()


def test_toggling_the_script_reads_nothing_from_the_library(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    # the reader's toggle is kept fast: the tag pane shows its chips again from what it read last
    from sqlalchemy import event

    from reader.core.script import Script

    tag(gui_library, "陸家嘴", [RIVER], kind="place")
    _open(qtbot, window, RIVER)
    library = window.library
    assert library is not None
    # the tag was written from outside the window: the live refresh's poll (once a second) rereads
    # the library when it sees that; take it now, not at a moment the load decides
    window.team.tick()
    _settle(qtbot, window)  # reads the opening started (the tag browser's, say) are not the toggle's
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(library.engine, "before_cursor_execute", seen)
    try:
        for script in (Script.TRADITIONAL, Script.SIMPLIFIED, Script.ORIGINAL):
            window.script.set_script(script)
        _settle(qtbot, window)  # and work the toggle started in the background counts too
    finally:
        event.remove(library.engine, "before_cursor_execute", seen)
    assert statements == []
    assert [chip.label.text() for chip in window.tagging.pane.chip_widgets()] == ["陸家嘴"]


def test_suggestions_are_accepted_with_a_click_or_a_key_and_dismissed_for_good(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _open(qtbot, window, SERVICE)
    pane = window.tagging.pane
    names = [s.name for s in pane.suggestions()]
    # the street and its party secretary first, in an order a word jieba learned elsewhere can swap
    assert set(names[:2]) == {"梅园街道", "韩立新"}
    chosen = names.index("林晓岚")  # the byline's first person, after what the article is about
    assert 1 < chosen < 9

    # one click accepts: the name, as a person, marked as from a suggestion
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        qtbot.mouseClick(_row(pane, chosen).accept_button, Qt.MouseButton.LeftButton)
    assert tags_of(gui_library, SERVICE) == ["林晓岚"]
    person = tag_row(gui_library, "林晓岚")
    assert person is not None and person.kind == "person"
    with gui_library.session() as session:
        assert session.scalar(select(ArticleTag.from_suggestion).where(ArticleTag.article_id == SERVICE))
    assert "林晓岚" not in [s.name for s in pane.suggestions()]
    # the list keeps its rows, numbers and kinds: 林晓岚's row is still there, greyed
    listed = pane.listed()
    assert [s.name for s in listed][: len(names)] == names and pane.is_done(chosen)
    assert not _row(pane, chosen).accept_button.isEnabled()

    # Alt+N on an accepted row does nothing; Alt+1 accepts the first row, whatever was accepted before
    action = pane.accept_actions[0]
    assert action.shortcut() == QKeySequence("Alt+1")
    pane.accept_actions[chosen].trigger()
    assert tags_of(gui_library, SERVICE) == ["林晓岚"]
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        action.trigger()
    assert names[0] in tags_of(gui_library, SERVICE)
    assert [(s.name, s.kind) for s in pane.listed()][: len(listed)] == [(s.name, s.kind) for s in listed]

    _open(qtbot, window, RIVER)
    # arrow + Enter in the list accepts; Delete dismisses
    names = [s.name for s in pane.listed()]
    # 青溪, or 青溪河 once a test taught jieba that word (its dictionary is the process's)
    river_name = next(n for n in names if n.startswith("青溪"))
    assert "河长制" in names
    pane.suggestion_list.setFocus()
    pane.suggestion_list.setCurrentRow(names.index("河长制"))
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        qtbot.keyClick(pane.suggestion_list, Qt.Key.Key_Return)
    assert "河长制" in tags_of(gui_library, RIVER)
    names = [s.name for s in pane.listed()]
    pane.suggestion_list.setCurrentRow(names.index(river_name))
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        qtbot.keyClick(pane.suggestion_list, Qt.Key.Key_Delete)
    assert river_name not in [s.name for s in pane.suggestions()]
    assert river_name not in tags_of(gui_library, RIVER)

    # dismissed stays dismissed after reopening the article
    _open(qtbot, window, SERVICE)
    _open(qtbot, window, RIVER)
    assert river_name not in [s.name for s in pane.suggestions()]

    # the × of a row dismisses too; undo brings the suggestion back
    names = [s.name for s in pane.suggestions()]
    row = _row(pane, 0)
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        qtbot.mouseClick(row.dismiss_button, Qt.MouseButton.LeftButton)
    assert names[0] not in [s.name for s in pane.suggestions()]
    with qtbot.waitSignal(pane.suggestions_shown, timeout=10_000):
        window.undo_stack.undo()
    assert names[0] in [s.name for s in pane.suggestions()]


def test_nothing_to_tag_on_an_issue_page(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.issue_shown, timeout=5000):
        assert window.navigator.open_issue(1)
    pane = window.tagging.pane
    assert pane.article_id is None
    assert not pane.entry.isEnabled()
    assert pane.suggestions() == []


def test_a_read_only_library_refuses_tag_changes(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _open(qtbot, window, SERVICE)
    pane = window.tagging.pane
    window.workbench.set_read_only(True)
    pane.entry.setText("垃圾分类")
    pane.add_from_entry()
    assert not pane.error_label.isHidden()
    assert "read-only" in pane.error_label.text()
    assert pane.entry.text() == "垃圾分类"  # kept, to try again later
    assert tags_of(gui_library, SERVICE) == []
    assert window.undo_stack.count() == 0


def test_each_suggestion_says_why_it_is_offered() -> None:
    from reader.core.tag_suggestions import TagSuggestion
    from reader.gui.tag_suggestion_list import reason_text

    assert (
        reason_text(TagSuggestion("卞唯敏", "person", 9.0, "role", None, "书记"))
        == "a person named after “书记”"
    )
    assert reason_text(TagSuggestion("外滩街道", "place", 60.0, "existing tag", 3, "外滩")) == (
        "a tag of the library, named in the article as “外滩”"
    )
    assert (
        reason_text(TagSuggestion("邻里汇", "topic", 8.0, "quoted"))
        == "set in quotation marks in the article"
    )
    assert reason_text(TagSuggestion("自治金项目", "topic", 8.0, "phrase", None, "library")) == (
        "a phrase that recurs across the library"
    )
    assert reason_text(TagSuggestion("防溺水", "topic", 4.0, "phrase", None, "learned")) == (
        "a phrase of the article like those archivists tag"
    )
    assert reason_text(TagSuggestion("街道城建办", "organisation", 4.0, "source")) == "the article's source"
