"""The search results shown follow the library: a deleted issue's hits go, a new issue's come, at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.gui.search_pane import SearchPane
from reader.gui.search_results import HIT_ROLE
from tests.gui.tagging_support import Importer, WindowFactory, open_sample_window

pytestmark = pytest.mark.gui


def _search(qtbot: QtBot, window: MainWindow, query: str) -> list[int]:
    pane = window.search_pane
    with qtbot.waitSignal(pane.searched, timeout=10_000):
        pane.query_edit.setText(query)
    return [hit.issue_id for hit in pane.model.hits()]


def test_the_hits_follow_an_import_its_undo_and_its_redo(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    window = open_sample_window(gui_library, import_into, sample_issue, open_window)
    window.team.stop()  # no refresh from other clients: the window itself keeps its results right
    first = window.library_model.issue_ids()[0]
    assert _search(qtbot, window, "巡河") == [first]
    second = tmp_path / "second.txt"
    second.write_text(sample_issue.read_text(encoding="utf-8") + "\n第二份不同的内容。\n", encoding="utf-8")
    pane = window.search_pane

    with qtbot.waitSignal(pane.searched, timeout=60_000) as found:
        window.import_paths([second])
    assert found.args is not None and found.args[1] == 2
    added = next(i for i in window.library_model.issue_ids() if i != first)
    assert sorted(hit.issue_id for hit in pane.model.hits()) == sorted([first, added])
    pane.results.setCurrentIndex(pane.model.index([h.issue_id for h in pane.model.hits()].index(first)))

    with qtbot.waitSignal(pane.searched, timeout=60_000) as found:
        window.undo_stack.undo()  # the issue it added is deleted: its hit goes
    assert found.args == ["巡河", 1]
    assert [hit.issue_id for hit in pane.model.hits()] == [first]
    assert pane.results.currentIndex().row() == 0
    assert "1 article found" in pane.status_label.text()

    with qtbot.waitSignal(pane.searched, timeout=60_000) as found:
        window.undo_stack.redo()
    assert found.args == ["巡河", 2]
    selected = pane.results.currentIndex().data(HIT_ROLE)
    assert selected is not None and selected.issue_id == first  # the hit selected stays selected


def test_a_new_search_started_during_the_rerun_opens_on_its_first_hit(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
) -> None:
    window = open_sample_window(gui_library, import_into, sample_issue, open_window)
    window.team.stop()
    pane = window.search_pane
    for first, second in (("街道", "居民"), ("居民", "街道"), ("社区", "街道"), ("街道", "社区")):
        later = _search_hits(qtbot, pane, second)
        shared = [a for a in _search_hits(qtbot, pane, first) if a in later[1:]]
        if shared:
            break
    else:
        pytest.fail("no two queries of the sample share an article")
    rows = [h.article_id for h in pane.model.hits()]
    pane.results.setCurrentIndex(pane.model.index(rows.index(shared[0])))

    pane.search_again()  # the library changed: the search shown runs again, keeping its selection
    with qtbot.waitSignal(pane.searched, timeout=10_000) as found:
        pane.query_edit.setText(second)  # the user searches for something else before it ends
        pane.search_now()
    assert found.args is not None and found.args[0] == second
    assert pane.results.currentIndex().row() == 0  # a new search opens on its first hit


def _search_hits(qtbot: QtBot, pane: SearchPane, query: str) -> list[int]:
    with qtbot.waitSignal(pane.searched, timeout=10_000):
        pane.query_edit.setText(query)
    return [hit.article_id for hit in pane.model.hits()]
