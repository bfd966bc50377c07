"""The window's translations do not depend on the catalog file staying as it was.

Qt maps a .qm file into memory as it is, and ``resources/translations/update.sh`` (pyside6-lrelease) rewrites
the catalog in place, so a window running from a working copy read every later translation from the new
bytes through the old offsets: the segfault seen painting the library pane (``status_label``) and the scan
pane (``role_label``), in libQt6Core's QTranslator::translate.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reader.gui import i18n
from reader.gui.labels import status_label

pytestmark = pytest.mark.gui


def test_a_catalog_rewritten_in_place_while_the_window_runs_changes_nothing(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = tmp_path / f"{i18n.CATALOG}_zh_CN.qm"
    shutil.copy(Path(i18n.translations_dir()) / catalog.name, catalog)
    monkeypatch.setattr(i18n, "translations_dir", lambda: str(tmp_path))
    translators = i18n.install_translators(qapp, "zh_CN")
    try:
        assert status_label("new") == "未校"
        size = catalog.stat().st_size
        with catalog.open("r+b") as file:  # as lrelease writes it: the same file, new bytes
            file.write(bytes(size))
        assert catalog.stat().st_size == size
        gc.collect()  # the copy Qt reads lives as long as its translator
        junk = [bytes(1000) * n for n in range(200)]
        assert all(status_label("new") == "未校" for _ in junk)
        assert QCoreApplication.translate("Labels", "Approved") == "已审定"
    finally:
        i18n.remove_translators(qapp, translators)
