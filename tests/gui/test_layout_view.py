"""The layout view: the badly cut front page repaired by keyboard in ten actions or fewer, each edit
undoable, counts in the window right at once, and a masthead line remembered for the paper."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.layout_models import LayoutRule
from db.models import Article, Leftover
from reader.gui.commands import StructureCommand
from reader.gui.layout_view import LayoutView
from reader.gui.main_window import MainWindow
from reader.gui.tasks import TaskRunner
from reader.gui.undo import EditContext
from reader.services.segmentation_edits import merge_articles
from reader.services.segmentation_rows import issue_coverage
from reader.services.structure_edits import reorder_block
from reader.services.tagging import add_tag
from reader.services.tracking.revisions import article_blocks
from tests.gui.conftest import show_article
from tests.structure_support import (
    BAD_CUT,
    BODY,
    FRONT_PAGE,
    KICKER,
    LEAD_TITLE,
    MASTHEAD,
    SOURCE,
    build_issue,
)
from tests.test_segmentation_edits import structure

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]


def _articles(library: Library, issue_id: int) -> list[Article]:
    with library.session() as session:
        query = select(Article).where(Article.issue_id == issue_id).order_by(Article.position)
        return list(session.scalars(query))


@pytest.fixture
def front(gui_library: Library, tmp_path: Path) -> int:
    return build_issue(gui_library, tmp_path, FRONT_PAGE, BAD_CUT)


def test_a_structure_command_on_a_bare_undo_stack(qtbot: QtBot, gui_library: Library, front: int) -> None:
    owner = QObject()
    stack = QUndoStack(owner)
    context = EditContext(stack, TaskRunner(owner), lambda: gui_library, lambda: "ed", parent=owner)
    first = _articles(gui_library, front)[0]
    with gui_library.session() as session:
        before = structure(session, front)
        block = article_blocks(session, first.id)[3]
    seen: list[Any] = []
    stack.push(
        StructureCommand(
            context,
            "Move Block Up",
            [first.id],
            lambda s: reorder_block(s, block.id, 0, author="ed"),
            seen.append,
        )
    )
    with gui_library.session() as session:
        after = structure(session, front)
        assert article_blocks(session, first.id)[0].text == MASTHEAD[3]
    assert after != before and len(seen) == 1
    stack.undo()
    with gui_library.session() as session:
        assert structure(session, front) == before
    stack.redo()
    with gui_library.session() as session:
        assert structure(session, front) == after
    # a merge undone restores the second article's tags and status exactly
    second = _articles(gui_library, front)[1]
    with gui_library.writing() as session:
        add_tag(session, [second.id], "社区", author="ed")
    stack.push(
        StructureCommand(
            context, "Merge", [second.id], lambda s: merge_articles(s, second.id, "previous", author="ed")
        )
    )
    assert len(_articles(gui_library, front)) == 1
    stack.undo()
    articles = _articles(gui_library, front)
    with gui_library.session() as session:
        from reader.services.article_keeping import tag_rows

        assert [len(tag_rows(session, a.id)) for a in articles] == [0, 1]
    owner.deleteLater()


def _open_view(qtbot: QtBot, window: MainWindow, issue_id: int) -> LayoutView:
    assert window.library_pane.select_issue(issue_id)
    action = window.actions_.layout_view
    qtbot.waitUntil(action.isEnabled)
    action.trigger()
    view = window.findChild(LayoutView)
    assert isinstance(view, LayoutView)
    qtbot.waitUntil(lambda: view.layout_ is not None and not view.loading)
    return view


def _press(
    qtbot: QtBot,
    view: LayoutView,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """One keystroke on the layout tree, then wait until the view has read the issue again."""
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        QTest.keyClick(view.tree, key, modifier)


def test_the_front_page_is_repaired_by_keyboard_in_ten_actions_or_fewer(
    qtbot: QtBot, gui_library: Library, front: int, open_window: WindowFactory
) -> None:
    with gui_library.writing() as session:
        add_tag(session, [a.id for a in _articles(gui_library, front)], "社区", author="ed")
    window = open_window()
    view = _open_view(qtbot, window, front)
    view.activateWindow()
    view.tree.setFocus()
    qtbot.waitUntil(lambda: view.isActiveWindow())
    assert "2 articles" in view.heading.text()
    assert window.size_label.text() == "1 issue · 2 articles"
    stack = window.undo_stack  # type: ignore[attr-defined]

    assert view.select_text(MASTHEAD[0])
    for _line in MASTHEAD:
        _press(qtbot, view, Qt.Key.Key_M)  # take out as masthead; the next line is selected
    assert view.actions_.offer_bar.isVisibleTo(view)
    assert view.select_text(LEAD_TITLE)
    _press(qtbot, view, Qt.Key.Key_T)  # the lead headline is the title again
    assert view.select_text(BODY[0])
    _press(qtbot, view, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)  # merge with previous
    assert stack.count() == 6 <= 10

    [lead] = _articles(gui_library, front)
    assert (lead.kicker, lead.title, lead.source) == (KICKER, LEAD_TITLE, SOURCE)
    with gui_library.session() as session:
        leftovers = session.scalars(
            select(Leftover).where(Leftover.issue_id == front).order_by(Leftover.position)
        )
        assert [(lo.kind, lo.text) for lo in leftovers] == [("masthead", line) for line in MASTHEAD]
        assert issue_coverage(session, front) == []
    # the window's counts are right without a restart
    qtbot.waitUntil(lambda: window.size_label.text() == "1 issue · 1 article")
    qtbot.waitUntil(lambda: [t.count for t in window.tagging.catalogue.tags()] == [1])
    assert "1 article" in view.heading.text() and "4 leftovers" in view.heading.text()
    # every step undone in turn gives the bad cut back
    for _step in range(6):
        stack.undo()
    with gui_library.session() as session:
        assert [
            [(b.role, b.text) for b in article_blocks(session, a.id)] for a in _articles(gui_library, front)
        ] == [list(blocks) for blocks in BAD_CUT]
    qtbot.waitUntil(lambda: window.size_label.text() == "1 issue · 2 articles")
    qtbot.waitUntil(lambda: [t.count for t in window.tagging.catalogue.tags()] == [2])
    view.close()


def test_menus_name_every_shortcut_and_a_line_is_remembered(
    qtbot: QtBot, gui_library: Library, front: int, open_window: WindowFactory
) -> None:
    window = open_window()
    view = _open_view(qtbot, window, front)
    menus = [a.menu() for a in view.menu_bar.actions()]
    entries = [a for m in menus if isinstance(m, QMenu) for a in m.actions() if not a.isSeparator()]
    entries += [a for a in view.actions_.role_actions.values()]
    assert all(not a.shortcut().isEmpty() for a in entries if a.menu() is None)
    assert view.select_text(MASTHEAD[1])
    assert view.actions_.take_out("masthead")
    qtbot.waitUntil(lambda: not view.loading)
    assert view.actions_.remember.isEnabled()
    assert view.actions_.offer_bar.remember()
    assert not view.actions_.offer_bar.isVisibleTo(view)
    with gui_library.session() as session:
        rules = {(r.line, r.role) for r in session.scalars(select(LayoutRule))}
    assert ("幸/福/社/区", "masthead") in rules
    assert view.select_text(MASTHEAD[1])  # now a leftover row
    assert view.actions_.forget.isEnabled()
    assert view.actions_.forget_line() == 2  # under the masthead and the file name
    assert view.actions_.forget_line() == 0
    with gui_library.session() as session:
        assert session.scalars(select(LayoutRule)).all() == []
    assert window.undo_stack.undoText().startswith("Forget Line “")
    window.undo_stack.undo()  # Edit > Undo remembers it again, then forgets it was remembered
    with gui_library.session() as session:
        assert {(r.line, r.role) for r in session.scalars(select(LayoutRule))} == rules
    assert window.undo_stack.undoText().startswith("Remember Line “")
    window.undo_stack.undo()
    with gui_library.session() as session:
        assert session.scalars(select(LayoutRule)).all() == []
    window.undo_stack.redo()
    window.undo_stack.redo()
    # the chooser offers a new article and every other article of the issue
    byline = BAD_CUT[0][-1][1]
    assert view.select_text(byline)
    dialog = view.actions_.choose_target()
    assert dialog is not None
    targets = dialog.findChild(QListWidget, "moveTargets")
    assert isinstance(targets, QListWidget)
    assert [targets.item(i).text() for i in range(targets.count())] == [  # type: ignore[union-attr]
        "A new article after this one",
        "Article 2 · (untitled)",
    ]
    targets.setCurrentRow(0)
    dialog.accept()
    qtbot.waitUntil(lambda: len(_articles(gui_library, front)) == 3)
    with gui_library.session() as session:
        texts = [[b.text for b in article_blocks(session, a.id)] for a in _articles(gui_library, front)]
    assert texts[1] == [byline]
    qtbot.waitUntil(lambda: not view.loading)
    assert view.place() is not None and view.place().text == byline  # type: ignore[union-attr]
    view.close()


def test_the_layout_view_and_merges_are_enabled_from_the_library_selection(
    qtbot: QtBot, gui_library: Library, front: int, open_window: WindowFactory
) -> None:
    window = open_window()
    a = window.actions_
    window.library_pane.tree.clearSelection()
    qtbot.waitUntil(lambda: not a.layout_view.isEnabled() or window.reading_view.issue_id is not None)
    second = _articles(gui_library, front)[1]
    assert window.library_pane.select_article(front, second.id, silent=True)
    qtbot.waitUntil(a.merge_previous.isEnabled)
    assert a.layout_view.isEnabled()
    a.merge_previous.trigger()
    qtbot.waitUntil(lambda: len(_articles(gui_library, front)) == 1)
    qtbot.waitUntil(lambda: window.size_label.text() == "1 issue · 1 article")


def test_remembered_lines_travel_with_the_user_rules_file(
    qtbot: QtBot, gui_library: Library, front: int, open_window: WindowFactory, tmp_path: Path
) -> None:
    from reader.gui.user_rules_dialog import UserRulesDialog
    from reader.services.layout_memory import remember_line

    with gui_library.writing() as session:
        remember_line(session, front, MASTHEAD[2], "masthead", author="ed")
    window = open_window()
    dialog = window.review_tools.suggestions_dock.widget().open_user_rules()  # type: ignore[union-attr]
    assert isinstance(dialog, UserRulesDialog)
    path = tmp_path / "rules.json"
    dialog.export_to(path)
    exported = json.loads(path.read_text(encoding="utf-8"))["layout"]
    assert {(row["line"], row["role"]) for row in exported} == {("梅园街道党工委、办事处主办", "masthead")}
    with gui_library.writing() as session:
        for row in session.scalars(select(LayoutRule)):
            session.delete(row)
    assert dialog.import_from(path)
    with gui_library.session() as session:
        assert len(session.scalars(select(LayoutRule)).all()) == len(exported) == 2  # masthead and file name
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"rules": [], "layout": [{"line": "x"}]}), encoding="utf-8")
    assert not dialog.import_from(bad)
    assert "not a layout rule" in dialog.message.text()
    dialog.close()


def test_a_role_changed_in_the_reading_pane_is_offered_for_the_paper(
    qtbot: QtBot, gui_library: Library, front: int, open_window: WindowFactory
) -> None:
    from PySide6.QtGui import QTextCursor

    window = open_window()
    first = _articles(gui_library, front)[0]
    show_article(qtbot, window, front, first.id)
    found = window.reading_view.document_range(0, 1, 1)
    assert found is not None
    cursor = QTextCursor(window.reading_view.document())
    cursor.setPosition(found[0])
    window.reading_view.setTextCursor(cursor)
    structure_actions = window.review_tools.structure
    offer = structure_actions.remember_offer
    assert not offer.isVisibleTo(window)
    window.actions_.role_actions["leftover"].trigger()
    assert offer.isVisibleTo(window) and offer.pending == (front, MASTHEAD[0], "leftover")
    assert MASTHEAD[0] in offer.label.text()
    offer.remember_button.click()
    assert not offer.isVisibleTo(window)
    with gui_library.session() as session:
        assert ("扫码关注", "leftover") in {(r.line, r.role) for r in session.scalars(select(LayoutRule))}


def test_a_block_merged_into_the_previous_article_stays_selected(
    qtbot: QtBot, gui_library: Library, front: int, open_window: WindowFactory
) -> None:
    first, second = _articles(gui_library, front)
    with gui_library.session() as session:
        first_blocks = len(article_blocks(session, first.id))
    window = open_window()
    view = _open_view(qtbot, window, front)
    view.tree.setFocus()
    assert view.select_text(BODY[0])
    before = view.place()
    assert before is not None and before.article_id == second.id
    _press(qtbot, view, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)  # merge with previous
    after = view.place()
    assert after is not None and after.kind == "block"
    assert (after.article_id, after.text) == (first.id, BODY[0])
    assert after.position == before.position + first_blocks
    view.close()


def test_the_shown_articles_number_follows_a_merge_of_other_articles(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory, sample_issue: Path
) -> None:
    """The status bar's "article N of M" is right after articles before the shown one are merged."""
    from reader.services.importing import import_files

    with gui_library.write_session() as session:
        [result] = import_files(session, [sample_issue]).imported
    assert result.issue_id is not None
    first, second, _third, last = _articles(gui_library, result.issue_id)
    window = open_window()
    show_article(qtbot, window, result.issue_id, last.id)
    assert "4 of 4" in window.location_label.text() or "第 4 篇" in window.location_label.text()
    editing = window.review_tools.editing
    editing.push(
        StructureCommand(
            editing.context,
            "Merge",
            [first.id, second.id],
            lambda s: merge_articles(s, second.id, "previous", author="ed"),
        )
    )
    qtbot.waitUntil(lambda: window.size_label.text() == "1 issue · 3 articles")
    qtbot.waitUntil(lambda: "article 3 of 3" in window.location_label.text())
    assert window.reading_view.article_id == last.id
