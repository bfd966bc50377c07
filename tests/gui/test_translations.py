"""The interface in Chinese: the catalog is complete, in step with the code, and loaded."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reader.gui.i18n import install_translators, remove_translators, translations_dir
from reader.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

TS = Path(translations_dir()) / "jiaokan_zh_CN.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_string_has_a_chinese_translation() -> None:
    unfinished = [
        key
        for key, message in _messages(TS).items()
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []
    assert (TS.with_suffix(".qm")).stat().st_size > 1000


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_the_catalog_is_in_step_with_the_code(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (Path(__file__).parents[2] / "reader" / "gui").glob("*.py"))
    subprocess.run([str(LUPDATE), "-silent", "-no-obsolete", *sources, "-ts", str(copy)], check=True)
    assert set(_messages(copy)) == set(_messages(TS)), "run resources/translations/update.sh"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    assert translators, "the zh_CN catalog did not load"
    yield
    remove_translators(qapp, translators)


def test_the_window_speaks_chinese(chinese: None, open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    menus = [action.text() for action in window.menuBar().actions()]
    for menu in ("文件(&F)", "编辑(&E)", "视图(&V)", "转到(&G)", "帮助(&H)"):
        assert menu in menus
    assert window.welcome_page.sample_button.text() == "打开示例期次"
    assert window.library_dock.windowTitle() == "文库"
    assert window.script_combo.itemText(2) == "繁體"
    assert QCoreApplication.translate("Labels", "Approved") == "已审定"
    # Qt's own strings (standard buttons and dialogs) are translated too
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
