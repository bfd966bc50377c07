"""The interface's language also gives the formats Qt writes itself (sizes, dates in Qt's dialogs):
a Chinese interface on a system whose locale is C or English says 字节, not "bytes"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from reader.gui.export_summary import ExportSummaryDialog
from reader.gui.i18n import install_translators, remove_translators
from reader.gui.main_window import MainWindow
from reader.services.exporting import ExportReport

pytestmark = pytest.mark.gui


@pytest.fixture
def english_system(qapp: QApplication) -> Iterator[None]:
    """A system locale that is not Chinese (LANG=C.UTF-8 or en_US.UTF-8)."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale.system())


@pytest.mark.usefixtures("english_system")
def test_the_export_summary_gives_sizes_in_the_interface_language(
    qapp: QApplication, window: MainWindow, tmp_path: Path
) -> None:
    written = tmp_path / "issue.txt"
    written.write_bytes(b"x" * 187)
    translators = install_translators(qapp, "zh_CN")
    try:
        dialog = ExportSummaryDialog(ExportReport([written], issues=1), tmp_path, window)
        item = dialog.tree.topLevelItem(0)
        assert item is not None and item.text(1) == "187 字节"
        dialog.close()
    finally:
        remove_translators(qapp, translators)
    assert QLocale().name() == QLocale.system().name()  # the translations gone, the system's formats
    dialog = ExportSummaryDialog(ExportReport([written], issues=1), tmp_path, window)
    item = dialog.tree.topLevelItem(0)
    assert item is not None and item.text(1) == QLocale.system().formattedDataSize(187)
    dialog.close()
