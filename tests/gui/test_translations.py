"""The interface in Chinese: the catalog is complete, in step with the code, and loaded."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from reader.core.rules.halfwidth import HalfwidthPunctuation
from reader.gui.i18n import install_translators, remove_translators, translations_dir
from reader.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

TS = Path(translations_dir()) / "jiaokan_zh_CN.ts"
EN_TS = Path(translations_dir()) / "jiaokan_en.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
GUI_SOURCES = Path(__file__).parents[2] / "reader" / "gui"

CHINESE = re.compile(r"[\u4e00-\u9fff]")
MENU_TITLE = re.compile(r"^[\u4e00-\u9fff]+\(&[A-Z]\)$")  # 文件(&F)
NOT_CHINESE = {"English"}  # the language menu names each language in itself


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _unfinished(ts: Path) -> list[tuple[str, str]]:
    return [
        key
        for key, message in _messages(ts).items()
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not all(_forms(message))
    ]


def test_every_string_has_a_chinese_translation() -> None:
    assert _unfinished(TS) == []
    assert (TS.with_suffix(".qm")).stat().st_size > 1000


def test_the_chinese_interface_uses_full_width_punctuation() -> None:
    """Jiaokan's own half-width rule finds nothing in its catalog.

    Menu mnemonics such as ``(&F)`` and file-dialog filters (``(*.txt);;``, a syntax) are left alone.
    """
    rule = HalfwidthPunctuation()
    mnemonic = re.compile(r"\(&[^)]\)")
    found = []
    for (_context, source), message in _messages(TS).items():
        if "(*" in source:
            continue
        for form in _forms(message):
            kept = [m.span() for m in mnemonic.finditer(form)]
            if any(not any(a <= s.start < b for a, b in kept) for s in rule.find(form)):
                found.append(form)
            elif not re.search(r"\w", source) and re.search(r"[,;:!?]", form):
                found.append(form)  # a joiner (", ") has no Chinese beside it for the rule to see
    assert found == []


def test_counts_have_plural_forms() -> None:
    """A "%n" text is a plural message (lupdate misses a count it cannot read), in English too."""
    chinese = _messages(TS)
    english = _messages(EN_TS)
    not_plural = [key for key, msg in chinese.items() if "%n" in key[1] and msg.get("numerus") != "yes"]
    assert not_plural == [], "pass the count to tr() (reader.gui.i18n.Context outside a QObject)"
    plural = {key for key, message in chinese.items() if message.get("numerus") == "yes"}
    assert set(english) == plural
    assert _unfinished(EN_TS) == []
    for key, message in english.items():
        assert len(_forms(message)) == 2, key  # "1 file", "2 files"
    assert QCoreApplication.translate("ImportSummary", "%n file(s) imported", "", 1) == "1 file imported"
    assert QCoreApplication.translate("ImportSummary", "%n file(s) imported", "", 3) == "3 files imported"


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_the_catalog_is_in_step_with_the_code(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in GUI_SOURCES.rglob("*.py"))
    subprocess.run([str(LUPDATE), "-silent", "-no-obsolete", *sources, "-ts", str(copy)], check=True)
    assert set(_messages(copy)) == set(_messages(TS)), "run resources/translations/update.sh"
    assert _unfinished(copy) == [], "run resources/translations/update.sh"


def _menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action.text()
        if isinstance(submenu := action.menu(), QMenu):
            yield from _menu_texts(submenu)


def test_the_window_speaks_chinese(chinese: None, open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    menus = [action.text() for action in window.menuBar().actions()]
    expected = ["文件(&F)", "编辑(&E)", "视图(&V)", "转到(&G)", "结构(&S)", "帮助(&H)"]
    assert [menu for menu in menus if menu in expected] == expected
    assert menus[-1] == "帮助(&H)"
    assert all(MENU_TITLE.match(menu) for menu in menus), menus
    # every entry of every menu, submenus too
    shown = [menu for action in window.menuBar().actions() if isinstance(menu := action.menu(), QMenu)]
    texts = [text for menu in shown for text in _menu_texts(menu)]
    english = [text for text in texts if not CHINESE.search(text) and text not in NOT_CHINESE]
    assert english == []
    for text in ("导入文件(&I)…", "撤销(&U)", "查找和替换(&L)…", "标为已校对(&R)", "在此拆分文章(&S)"):
        assert text in texts
    docks = {dock.objectName(): dock.windowTitle() for dock in window.findChildren(QDockWidget)}
    assert docks["libraryDock"] == "文库"
    assert docks["searchDock"] == "搜索"
    assert all(CHINESE.search(title) for title in docks.values()), docks
    toolbars = [bar for bar in window.findChildren(QToolBar) if bar.windowTitle()]
    assert toolbars and all(CHINESE.search(bar.windowTitle()) for bar in toolbars)
    # a toolbar button's tooltip has no accelerator left in it: "导入文件", not "导入文件(I)"
    tips = [action.toolTip() for bar in toolbars for action in bar.actions() if isinstance(action, QAction)]
    assert "导入文件（Ctrl+O）" in tips  # its key too, in full-width parentheses
    assert [tip for tip in tips if re.search(r"\([A-Z]\)|&", tip)] == []
    assert window.welcome_page.sample_button.text() == "打开示例期次"
    assert window.script_combo.itemText(2) == "臺灣正體"
    assert window.script_combo.itemText(4) == "OpenCC 標準繁體"
    from reader.gui.history import reason_label

    assert reason_label("segmentation") == "文章拆分或合并"  # the history's reason column
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："  # Qt's own dialogs
    assert QCoreApplication.translate("Labels", "Approved") == "已审定"
    assert QCoreApplication.translate("ImportSummary", "%n file(s) imported", "", 3) == "已导入 3 个文件"
    # Qt's own strings (standard buttons and dialogs) are translated too
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_refusal_reasons_of_streamed_files_are_translated_with_their_numbers(chinese: None) -> None:
    from reader.gui.import_summary import reason_text

    streamed = reason_text(
        "the file is not valid GB18030 at byte 1,234,567, though its first 4,194,304 bytes read as "
        "GB18030; it is not valid UTF-8 at byte 12 either"
    )
    assert "GB18030" in streamed and "1,234,567" in streamed and "the file" not in streamed
    nul = reason_text("the file looks binary, not text: it contains NUL bytes (the first at byte 0)")
    assert nul and "NUL" not in nul and "the file" not in nul
    utf16 = reason_text(
        "the file looks like UTF-16 (little-endian) text without a byte-order mark: "
        "save it as UTF-8, or as UTF-16 with a byte-order mark"
    )
    assert "UTF-16" in utf16 and "UTF-8" in utf16 and "the file" not in utf16


def test_qt_file_dialogs_speak_chinese(chinese: None, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    dialog.close()


def test_the_file_dialogs_type_column_speaks_chinese(chinese: None, tmp_path: Path) -> None:
    """qa25: every folder of the Import Folder dialog was of type "Folder" in the Chinese interface."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    (tmp_path / "扫描").mkdir()
    assert QFileIconProvider().type(QFileInfo(str(tmp_path / "扫描"))) == "文件夹"
    assert QFileIconProvider().type(QFileInfo("/")) == "驱动器"


def _mnemonic_clashes(menu: QMenu, path: str) -> list[str]:
    """Entries of one menu (and of its submenus, each on its own) that share an Alt letter."""
    letters: dict[str, list[str]] = {}
    clashes: list[str] = []
    for action in menu.actions():
        text = action.text()
        at = text.find("&")
        if not action.isSeparator() and 0 <= at < len(text) - 1:
            letters.setdefault(text[at + 1].lower(), []).append(text)
        if isinstance(submenu := action.menu(), QMenu):
            clashes += _mnemonic_clashes(submenu, f"{path} > {text}")
    return clashes + [f"{path}: {texts}" for texts in letters.values() if len(texts) > 1]


def _late_menus_built(window: MainWindow) -> bool:
    edit = window.menuBar().actions()[1].menu()
    return isinstance(edit, QMenu) and any(action.menu() is not None for action in edit.actions())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_entries_of_a_menu_share_an_alt_letter(
    qapp: QApplication, qtbot: QtBot, open_window: Callable[..., MainWindow], language: str
) -> None:
    """Pressing an entry's letter opens it: a letter two entries share would only cycle between them."""
    translators = install_translators(qapp, language) if language != "en" else []
    try:
        window = open_window()
        qtbot.waitUntil(lambda: _late_menus_built(window), timeout=20_000)
        clashes = [
            clash
            for action in window.menuBar().actions()
            if isinstance(menu := action.menu(), QMenu)
            for clash in _mnemonic_clashes(menu, action.text())
        ]
        assert clashes == []
    finally:
        remove_translators(qapp, translators)


@pytest.mark.parametrize(
    "reason, shown",
    [
        (
            "p2.png: is the same file as p1.png (a page given twice?)",
            "p2.png：与 p1.png 是同一个文件（同一页给了两次？）",
        ),
        (
            "page 1: the OCR model could not read it (ResizeImgError)",
            "第 1 页：OCR 模型无法识别（ResizeImgError）",
        ),
        ("p3.JPG: page 2: not enough memory to read it", "p3.JPG：第 2 页：内存不足，无法识别"),
        ("unreadable PNG: the file is truncated or damaged", "无法读取的 PNG：文件不完整或已损坏"),
        ("scan.pdf: the PDF is encrypted (password protected)", "scan.pdf：PDF 已加密（受密码保护）"),
        ("no text was read on its pages", "页面上没有识别出文字"),
        ("the file is empty", "文件是空的"),  # the text import's, as before
        ("something new: not known", "something new: not known"),  # as given
    ],
)
def test_the_reasons_a_scan_is_refused_are_translated(chinese: None, reason: str, shown: str) -> None:
    """qa25: the import summary showed every page-scan and OCR refusal in English in Chinese."""
    from reader.gui.import_summary import reason_text

    assert reason_text(reason) == shown
