"""The suggestions pane on the sample issue: listed by rule, accepted, rejected, accepted in bulk, undone."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QStyleOptionViewItem, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from reader.gui.main_window import MainWindow
from reader.gui.suggestions_pane import SuggestionsPane
from reader.gui.user_rules_dialog import RuleFields, UserRulesDialog
from reader.services.importing import ImportReport
from reader.services.suggesting import create_user_rule, preview_accept_all
from tests.gui.conftest import show_article
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

RULE = "halfwidth_punctuation"
FIRST_TITLE = "深化“家门口”服务 打通为民办事最后一米"
FLAG_RULE = "核对街道名"

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    with gui_library.writing() as session:  # a second, flag-only rule
        create_user_rule(session, FLAG_RULE, "梅园街道", None)
    return open_window()


def _pane(window: MainWindow) -> SuggestionsPane:
    return window.review_tools.suggestions


def _ids(library: Library, title: str = FIRST_TITLE) -> tuple[int, int]:
    with library.session() as session:
        article = session.scalars(select(Article).where(Article.title == title)).one()
        return article.issue_id, article.id


def _open(qtbot: QtBot, window: MainWindow, library: Library, title: str = FIRST_TITLE) -> SuggestionsPane:
    pane = _pane(window)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, *_ids(library, title))
    return pane


def _texts(library: Library, article_id: int) -> list[str]:
    with library.session() as session:
        query = select(Block.text).where(Block.article_id == article_id).order_by(Block.position)
        return list(session.scalars(query))


def _issue_texts(library: Library, issue_id: int) -> list[str]:
    with library.session() as session:
        query = (
            select(Block.text)
            .join(Article, Article.id == Block.article_id)
            .where(Article.issue_id == issue_id)
            .order_by(Article.position, Block.position)
        )
        return list(session.scalars(query))


def test_suggestions_are_listed_grouped_by_rule(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _open(qtbot, window, gui_library)
    assert pane.groups() == {FLAG_RULE: 2, RULE: 16}  # in the order they first occur
    flagged, group = pane.tree.topLevelItem(0), pane.tree.topLevelItem(1)
    assert flagged is not None and group is not None
    assert group.text(0) == "half-width punctuation (16)" and flagged.text(0) == f"{FLAG_RULE} (2)"
    first, flag = group.child(0), flagged.child(0)
    assert first is not None and flag is not None
    assert "‹,›" in first.text(0) and first.text(1) == "→ ，"
    assert "‹梅园街道›" in flag.text(0) and flag.text(1) == "flag"
    # choosing one selects its span in the reading pane
    pane.tree.setCurrentItem(first)
    assert window.reading_view.textCursor().selectedText() == ","
    assert window.actions_.accept_suggestion.isEnabled()
    pane.tree.setCurrentItem(flag)
    assert window.reading_view.textCursor().selectedText() == "梅园街道"
    assert not window.actions_.accept_suggestion.isEnabled()  # a flag cannot be accepted


def _shown_text(pane: SuggestionsPane, item: QTreeWidgetItem, column: int) -> str:
    """The text the tree paints for ``item``'s cell (its delegate's, in the window's script)."""
    index = pane.tree.indexFromItem(item, column)
    option = QStyleOptionViewItem()
    pane.tree.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text


def test_the_list_is_painted_in_the_chosen_script_and_a_toggle_rebuilds_nothing(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    from reader.core.script import Script

    pane = _open(qtbot, window, gui_library)
    flag = pane.tree.topLevelItem(0).child(0)
    assert "‹梅园街道›" in _shown_text(pane, flag, 0)
    window.script.set_script(Script.TRADITIONAL)
    assert pane.tree.topLevelItem(0).child(0) is flag  # the same rows: only what is painted changes
    assert "‹梅園街道›" in _shown_text(pane, flag, 0)
    assert "‹梅园街道›" in flag.text(0)  # the row keeps the text as stored
    assert _shown_text(pane, flag, 1) == "flag"  # the pane's own words are not converted
    window.script.set_script(Script.ORIGINAL)
    assert "‹梅园街道›" in _shown_text(pane, flag, 0)


def test_keys_move_accept_and_undo_restores(qtbot: QtBot, window: MainWindow, gui_library: Library) -> None:
    pane = _open(qtbot, window, gui_library)
    issue_id, article_id = _ids(gui_library)
    before = _texts(gui_library, article_id)
    pane.tree.setFocus()
    pane.select(2)
    qtbot.keyClick(pane.tree, Qt.Key.Key_J)
    assert pane.current() == pane.suggestions()[3]
    window.actions_.next_suggestion.trigger()  # F7, from anywhere in the window
    assert pane.current() == pane.suggestions()[4]
    window.actions_.previous_suggestion.trigger()
    assert pane.current() == pane.suggestions()[3]
    assert window.actions_.next_suggestion.shortcut().toString() == "F7"
    item = pane.current()
    assert item is not None
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        qtbot.keyClick(pane.tree, Qt.Key.Key_A)
    after = _texts(gui_library, article_id)
    s = item.suggestion
    assert after[item.block_position][s.start : s.end] == "，"
    assert after[item.block_position].replace("，", ",") == before[item.block_position].replace("，", ",")
    assert "，" in window.reading_view.toPlainText()
    assert pane.groups()[RULE] == 15
    assert pane.current() == pane.suggestions()[3]  # the next one is chosen
    stack = window.undo_stack  # type: ignore[attr-defined]
    assert stack.count() == 1
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        stack.undo()
    assert _texts(gui_library, article_id) == before
    assert pane.groups()[RULE] == 16
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        stack.redo()
    assert _texts(gui_library, article_id) == after
    assert issue_id == window.reading_view.issue_id


def test_a_rejected_suggestion_stays_rejected(qtbot: QtBot, window: MainWindow, gui_library: Library) -> None:
    pane = _open(qtbot, window, gui_library)
    pane.tree.setFocus()
    pane.select(2)
    rejected = pane.current()
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        qtbot.keyClick(pane.tree, Qt.Key.Key_Delete)
    assert rejected not in pane.suggestions()
    assert pane.groups()[RULE] == 15
    # another article, then this one again: still rejected
    pane = _open(qtbot, window, gui_library, "梅园街道河长制工作再上新台阶")
    pane = _open(qtbot, window, gui_library)
    assert rejected not in pane.suggestions() and pane.groups()[RULE] == 15
    # undo offers it again
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.undo_stack.undo()  # type: ignore[attr-defined]
    assert rejected in pane.suggestions()


def test_accept_all_in_the_issue_after_a_preview_count(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _open(qtbot, window, gui_library)
    issue_id, _ = _ids(gui_library)
    before = _issue_texts(gui_library, issue_id)
    with gui_library.session() as session:
        expected = preview_accept_all(session, RULE, "issue", issue_id)
    pane.select(2)
    window.actions_.accept_all_issue.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "acceptAllConfirm") is not None, timeout=10_000)
    box = window.findChild(QMessageBox, "acceptAllConfirm")
    assert isinstance(box, QMessageBox)
    assert (
        f"Accept {expected} suggestion" in box.text() and "half-width punctuation in this issue" in box.text()
    )
    with qtbot.waitSignal(pane.accepted_all, timeout=20_000) as accepted:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert accepted.args == [expected]
    qtbot.waitUntil(lambda: RULE not in pane.groups(), timeout=10_000)
    after = _issue_texts(gui_library, issue_id)
    changed = sum(
        sum(1 for a, b in zip(x, y, strict=True) if a != b) for x, y in zip(before, after, strict=True)
    )
    assert changed == expected == 36
    with gui_library.session() as session:
        assert preview_accept_all(session, RULE, "issue", issue_id) == 0
    # one undo restores every article of the issue
    stack = window.undo_stack  # type: ignore[attr-defined]
    stack.undo()
    qtbot.waitUntil(lambda: _issue_texts(gui_library, issue_id) == before, timeout=20_000)
    qtbot.waitUntil(lambda: pane.groups().get(RULE) == 16, timeout=10_000)


def test_accept_all_cancelled_changes_nothing(qtbot: QtBot, window: MainWindow, gui_library: Library) -> None:
    pane = _open(qtbot, window, gui_library)
    issue_id, _ = _ids(gui_library)
    before = _issue_texts(gui_library, issue_id)
    pane.select(2)
    window.actions_.accept_all_article.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "acceptAllConfirm") is not None, timeout=10_000)
    box = window.findChild(QMessageBox, "acceptAllConfirm")
    assert isinstance(box, QMessageBox) and "in this article" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_for_tasks(qtbot, window.runner)
    assert _issue_texts(gui_library, issue_id) == before
    assert window.undo_stack.count() == 0  # type: ignore[attr-defined]


def test_user_rules_dialog_adds_edits_exports_imports_and_deletes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = _pane(window).open_user_rules()
    assert isinstance(dialog, UserRulesDialog)
    assert dialog.rule_names() == [FLAG_RULE]
    assert dialog.add(RuleFields("全角空格", "\u3000", "", False, "paragraph", True))
    assert not dialog.add(RuleFields("坏规则", "(", None, True, "all", True))  # a bad regex: shown, not added
    assert dialog.message.text()
    assert dialog.rule_names() == ["全角空格", FLAG_RULE]
    path = tmp_path / "rules.json"
    assert dialog.export_to(path) == 2
    assert {rule["name"] for rule in json.loads(path.read_text(encoding="utf-8"))["rules"]} == {
        "全角空格",
        FLAG_RULE,
    }
    dialog.table.selectRow(0)
    assert dialog.delete_current()
    assert dialog.rule_names() == [FLAG_RULE]
    assert dialog.import_from(path)
    assert dialog.rule_names() == ["全角空格", FLAG_RULE]
    dialog.table.selectRow(1)
    editor = dialog.edit_current()
    assert editor is not None and editor.name_edit.text() == FLAG_RULE
    editor.pattern_edit.setText("梅园")
    editor.accept()
    assert "梅园" in [dialog.table.item(n, 1).text() for n in range(2)]  # type: ignore[union-attr]
    dialog.close()


def test_a_suggestion_made_stale_by_an_edit_elsewhere_is_refused(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _open(qtbot, window, gui_library)
    pane.select(2)
    item = pane.current()
    assert item is not None
    with gui_library.writing() as session:  # the block is edited elsewhere meanwhile
        block = session.get_one(Block, item.block_id)
        block.text = "改写过的段落。" + block.text
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        assert pane.accept_current() is False
    box = window.findChild(QMessageBox, "editErrorBox")
    assert isinstance(box, QMessageBox) and "changed" in box.text()
    assert window.undo_stack.count() == 0  # type: ignore[attr-defined]


def test_the_suggestions_and_notes_are_read_after_the_article_is_painted(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    """Their background reads start from the event loop, after the reading pane's paint, not while it
    lays the article out (their Python competed with it: about 10 ms of every opening)."""
    notes = window.review_tools.notes
    pane = _open(qtbot, window, gui_library)
    wait_for_tasks(qtbot, window.runner)
    at_shown: list[tuple[bool, ...]] = []
    window.navigator.article_shown.connect(
        lambda _id: at_shown.append((pane.read_requested, pane.loading, notes.read_requested, notes.loading))
    )
    issue_id, _article_id = _ids(gui_library)
    with gui_library.session() as session:
        other = session.scalars(
            select(Article.id).where(Article.issue_id == issue_id, Article.title != FIRST_TITLE)
        ).first()
    assert other is not None
    with qtbot.waitSignal(pane.loaded, timeout=10_000), qtbot.waitSignal(notes.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, other)
    # asked for, not started, when the article was shown; read once the event loop ran
    assert at_shown == [(True, False, True, False)]
    assert pane.article_id == other and notes.article_id == other
