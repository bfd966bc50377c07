"""The script toggle lays text out only: its conversions were made in the background beforehand.

Once an article is shown, its texts are converted off the GUI thread to the scripts Next Script goes to
(simplified and the traditional script chosen last), and an article is read already converted to the
script shown; the render then only reads OpenCC's cache.  Each text here is new to the process (the
cache is the process's), so a conversion the render had to make itself counts as a miss.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.core import script as script_module
from reader.core.script import Script, convert, convert_all
from reader.gui.main_window import MainWindow
from tests.gui.builders import add_issue
from tests.gui.conftest import show_article
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]
_fresh = itertools.count()


def _texts(label: str, n: int) -> list[str]:
    """``n`` simplified paragraphs no test has converted before (OpenCC changes each)."""
    return [f"{label}{next(_fresh)}号：发展与务实的关系，这里的书报从头说起。" for _ in range(n)]


def _conversions() -> tuple[int, int]:
    """(hits, misses) of the conversion cache so far."""
    plain = script_module._convert_cached.cache_info()
    ruled = script_module._convert_with_rules_cached.cache_info()
    return plain.hits + ruled.hits, plain.misses + ruled.misses


def test_convert_all_leaves_every_conversion_in_the_cache() -> None:
    texts = _texts("全部", 4)
    convert_all(texts, [Script.TAIWAN, Script.ORIGINAL, Script.SIMPLIFIED])
    hits, misses = _conversions()
    for text in texts:
        assert convert(text, Script.TAIWAN) != text
        convert(text, Script.SIMPLIFIED)
    assert _conversions() == (hits + 2 * len(texts), misses)  # read, not converted again
    convert(texts[0], Script.HONGKONG)
    assert _conversions()[1] == misses + 1  # a script not asked for was not converted


def test_convert_all_stops_when_its_check_raises_and_skips_what_the_cache_would_not_keep() -> None:
    texts = _texts("停止", 3)
    seen: list[int] = []

    def check() -> None:
        seen.append(1)
        if len(seen) == 2:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        convert_all(texts, [Script.TRADITIONAL], check)
    _hits, misses = _conversions()
    convert(texts[0], Script.TRADITIONAL)
    convert(texts[1], Script.TRADITIONAL)
    assert _conversions()[1] == misses + 1  # the first was converted before the check stopped it
    long_text = "长" * (script_module._CACHED_MAX_LEN + 1)
    before = _conversions()
    convert_all([long_text, ""], [Script.TRADITIONAL])
    assert _conversions() == before  # nothing converted that the cache would not keep


def test_after_an_article_is_shown_toggling_to_the_cycle_s_scripts_converts_nothing(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    paragraph = "".join(_texts("切换", 6))
    issue_id = add_issue(gui_library, "a.txt", [("标题" + paragraph[:8], paragraph, "new")])
    window = open_window()
    show_article(qtbot, window, issue_id, 1)
    wait_for_tasks(qtbot, window.runner)  # the warm-up too
    assert window.script.script is Script.ORIGINAL
    misses = _conversions()[1]
    window.script.set_script(Script.SIMPLIFIED)
    window.script.set_script(window.script.traditional)  # Taiwan until another is chosen
    assert _conversions()[1] == misses  # the render only read the cache
    assert paragraph not in window.reading_view.toPlainText()  # and the text is converted
    assert convert(paragraph, Script.TAIWAN) in window.reading_view.toPlainText()
    window.script.set_script(Script.HONGKONG)  # a script the cycle did not reach: converted now
    assert _conversions()[1] > misses
    assert window.reading.warmer.targets() == [Script.SIMPLIFIED]  # the cycle now: HK's


def test_an_article_is_read_already_converted_to_the_script_shown(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    paragraphs = _texts("读取", 3)
    issue_id = add_issue(gui_library, "a.txt", [(p[:6], p, "new") for p in paragraphs])
    window = open_window()
    window.script.set_script(Script.TRADITIONAL)
    wait_for_tasks(qtbot, window.runner)
    hits = _conversions()[0]
    show_article(qtbot, window, issue_id, 2)
    # the worker converted the title and the paragraph (misses); the render found both (hits)
    assert _conversions()[0] >= hits + 2
    assert convert(paragraphs[1], Script.TRADITIONAL) in window.reading_view.toPlainText()


def test_opening_another_article_or_an_issue_page_stops_the_warm_up(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(p[:6], p * 40, "new") for p in _texts("取消", 2)])
    window = open_window()
    show_article(qtbot, window, issue_id, 1)
    warmer = window.reading.warmer
    assert warmer.targets() == [Script.SIMPLIFIED, Script.TAIWAN]
    assert window.navigator.open_issue(issue_id)
    wait_for_tasks(qtbot, window.runner)
    assert not warmer.running
    window.script.set_script(Script.SIMPLIFIED)  # nothing shown to convert: nothing started
    assert not warmer.running
    assert warmer.targets() == [Script.TAIWAN]
