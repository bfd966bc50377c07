"""Where blocks sit in the reading pane: document positions to (block, stored offset) and back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.core.script import Script
from reader.gui.main_window import MainWindow
from reader.gui.reading_document import RenderedArticle, RenderedBlock
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui


def _widen(text: str) -> str:
    """A conversion that changes lengths: every 'a' becomes 'aa'."""
    return text.replace("a", "aa")


def test_offsets_map_through_a_conversion_that_changes_lengths() -> None:
    block = RenderedBlock("paragraph", 10, _widen("xaxa"), "xaxa")
    assert [block.shown_offset(n, _widen) for n in range(5)] == [0, 1, 3, 4, 6]
    assert [block.stored_offset(block.shown_offset(n, _widen), _widen) for n in range(5)] == [0, 1, 2, 3, 4]
    assert block.end == 16
    rendered = RenderedArticle([RenderedBlock("title", 0, "ab", "ab"), block])
    assert [rendered.block_at(p) for p in (0, 2, 5, 10, 16, 17)] == [0, 0, None, 1, 1, None]


def test_the_cursor_block_in_every_script(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Callable[[Library, list[Path]], ImportReport],
    sample_issue: Path,
    open_window: Callable[..., MainWindow],
) -> None:
    import_into(gui_library, [sample_issue])
    window = open_window()
    show_article(qtbot, window, 1, 4)
    view = window.reading_view
    for script in (Script.ORIGINAL, Script.TRADITIONAL, Script.HONGKONG):
        window.script.set_script(script)
        rendered = view.rendered
        assert rendered is not None
        for index, block in enumerate(rendered.blocks):
            found = view.document_range(index, 2, 4)
            assert found is not None
            assert view.block_at(found[0]) == (index, 2) and view.block_at(found[1]) == (index, 4)
            shown = block.text[block.shown_offset(2, window.script) :]
            assert shown.startswith(window.script(block.original[2:4]))
        assert view.select_span(3, 0, 4)
        assert view.selected_span() == (3, 0, 4)
