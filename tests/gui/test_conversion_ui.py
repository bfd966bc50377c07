"""Converted views keep the names the library knows; the user's names and conversions, edited and shared."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.core.script import Script, set_active_rules
from reader.gui.main_window import MainWindow
from reader.gui.user_rules_dialog import UserRulesDialog
from reader.services.conversion import Phrase, conversion_rules, set_phrases
from reader.services.importing import ImportReport
from reader.services.library import list_articles
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]
TEXT = "群众日报\n\n李群同志的一天\n\n李群同志并为群众服务，张家口的干部也来了。\n"


@pytest.fixture(autouse=True)
def _no_rules_left_behind() -> object:
    yield
    set_active_rules(None)


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, tmp_path: Path, open_window: WindowFactory
) -> MainWindow:
    path = tmp_path / "qun.txt"
    path.write_text(TEXT, encoding="utf-8")
    [result] = import_into(gui_library, [path]).results
    assert result.issue_id is not None
    return open_window()


def _first_article(library: Library) -> int:
    with library.session() as session:
        return list_articles(session, 1)[0].id


def test_a_person_tag_is_kept_as_written_in_the_traditional_view(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    article_id = _first_article(gui_library)
    show_article(qtbot, window, 1, article_id)
    window.script.set_script(Script.TRADITIONAL)
    assert "李羣" in window.reading_view.toPlainText()  # OpenCC's standard, before the tag
    window.tagging.editor.add([article_id], "李群", kind="person")
    qtbot.waitUntil(lambda: "李羣" not in window.reading_view.toPlainText(), timeout=10_000)
    text = window.reading_view.toPlainText()
    assert "李群同志" in text and "李羣" not in text
    assert "羣衆" in text  # everything else is still converted


def test_the_dialog_saves_names_and_conversions_and_the_view_follows(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    show_article(qtbot, window, 1, _first_article(gui_library))
    window.script.set_script(Script.TRADITIONAL)
    window.actions_.conversion_list.trigger()
    dialog = window.conversion.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.names_edit.setPlainText("李群\n\n张家口\n")
    row = dialog.add_row(Script.TRADITIONAL, "并为", "並為")
    assert row == 0 and dialog.phrases() == [Phrase("traditional", "并为", "並為")]
    dialog.accept()
    qtbot.waitUntil(lambda: "並為" in window.reading_view.toPlainText(), timeout=10_000)
    with gui_library.session() as session:
        rules = conversion_rules(session)
    assert rules.keep == {"李群", "张家口"} and rules.phrases == {"traditional": {"并为": "並為"}}
    text = window.reading_view.toPlainText()
    assert "李群同志並為羣衆服務" in text and "张家口" in text


def test_user_rule_files_carry_the_names_and_conversions(
    qtbot: QtBot, window: MainWindow, gui_library: Library, tmp_path: Path
) -> None:
    with gui_library.writing() as session:
        set_phrases(session, [Phrase("hk", "并为", "並為")])
    dialog = window.review_tools.suggestions.open_user_rules()
    assert isinstance(dialog, UserRulesDialog)
    path = tmp_path / "rules.json"
    dialog.export_to(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["conversions"] == [{"script": "hk", "phrase": "并为", "replacement": "並為"}]
    data["protected_names"] = ["李群"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert dialog.import_from(path)
    with gui_library.session() as session:
        assert conversion_rules(session).keep == {"李群"}
    dialog.close()
