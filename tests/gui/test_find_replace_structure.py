"""Find and Replace after a structure edit: only the hits in the articles the edit touched leave the
list; the others stay, checked or not as they were, and can still be replaced."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from tests.gui.proofreading_support import block_texts
from tests.gui.test_find_replace import _apply, _preview
from tests.gui.test_segmentation_gui import _show

pytestmark = pytest.mark.gui

FIRST, UNTITLED, RIVER = 1, 2, 4  # at positions 0, 1, 3: 街道 5, 1 and 5 times


@pytest.fixture
def window(bare_window: MainWindow) -> MainWindow:
    return bare_window


def _count(library: Library, article_id: int, text: str = "街道") -> int:
    return sum(block.count(text) for block in block_texts(library, article_id))


@pytest.mark.parametrize(
    ("position", "block", "action", "touched"),
    [(3, 1, "join_next", RIVER), (0, 5, "split_article", FIRST)],
    ids=["join blocks", "split an article"],
)
def test_a_structure_edit_drops_only_the_hits_of_the_articles_it_touched(
    qtbot: QtBot,
    window: MainWindow,
    gui_library: Library,
    position: int,
    block: int,
    action: str,
    touched: int,
) -> None:
    counts = {a: _count(gui_library, a) for a in (FIRST, UNTITLED, RIVER)}
    assert counts == {FIRST: 5, UNTITLED: 1, RIVER: 5}
    dialog = window.proofreading.show_find_replace()
    assert _preview(qtbot, dialog, "街道", "社区") == 11
    untouched = [row for row, m in enumerate(dialog.model.matches) if m.article_id != touched]
    dialog.model.set_checked(untouched[0], False)  # the archivist leaves one out
    left_out = dialog.model.matches[untouched[0]]
    _show(qtbot, window, gui_library, position, block)
    getattr(window.actions_, action).trigger()  # the structure edit
    kept = 11 - counts[touched]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == kept, timeout=5000)
    assert {m.article_id for m in dialog.model.matches} == {FIRST, UNTITLED, RIVER} - {touched}
    assert dialog.model.checked_count() == kept - 1  # the one left out is still left out
    assert left_out in dialog.model.matches and left_out not in dialog.model.checked_matches()
    assert "changed since the search" in dialog.message.text()
    assert dialog.apply_button.isEnabled()
    assert _apply(qtbot, dialog) == kept - 1  # the hits kept can still be replaced
    assert _issue_count(gui_library) == counts[touched] + 1  # the touched article's, and the one left out
    assert _count(gui_library, left_out.article_id) == 1
    dialog.close()


def _issue_count(library: Library, text: str = "街道") -> int:
    from sqlalchemy import select

    from db.models import Block

    with library.session() as session:
        return sum(block.count(text) for block in session.scalars(select(Block.text)))
