"""File dialogs that start in the folder the user last chose (remembered per purpose in the settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.gui.settings import open_settings

KEY = "files/last_folder/"


def last_folder(purpose: str) -> str:
    """The folder last used for ``purpose`` ("import", "export", "rules"…), else the home folder."""
    value = open_settings().value(KEY + purpose, "", type=str)
    folder = Path(value) if isinstance(value, str) and value else None
    return str(folder) if folder is not None and folder.is_dir() else str(Path.home())


def remember_folder(purpose: str, path: str | Path) -> None:
    """Remember the folder of ``path`` (a file's parent, or the folder itself) for ``purpose``."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    settings = open_settings()
    settings.setValue(KEY + purpose, str(folder))
    settings.sync()


def import_file_filter() -> str:
    """The file types the import dialog offers: all it imports (the default), texts, scans, exports, any."""
    return ";;".join(
        (
            QCoreApplication.translate(
                "FileDialogs",
                "Issue files, page scans and Jiaokan exports "
                "(*.txt *.json *.pdf *.png *.jpg *.jpeg *.tif *.tiff)",
            ),
            QCoreApplication.translate("FileDialogs", "Text files (*.txt)"),
            QCoreApplication.translate(
                "FileDialogs", "Page scans, read by OCR (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"
            ),
            QCoreApplication.translate("FileDialogs", "Jiaokan JSON exports (*.json)"),
            QCoreApplication.translate("FileDialogs", "All files (*)"),
        )
    )


def choose_import_files(parent: QWidget) -> list[Path]:
    """Ask for issue files or JSON exports to import, starting in the last import folder."""
    title = QCoreApplication.translate("FileDialogs", "Import Issue Files")
    files, _ = QFileDialog.getOpenFileNames(parent, title, last_folder("import"), import_file_filter())
    if files:
        remember_folder("import", files[0])
    return [Path(f) for f in files]


def choose_import_folder(parent: QWidget) -> Path | None:
    """Ask for a folder of issue files, starting in the last import folder."""
    title = QCoreApplication.translate("FileDialogs", "Import a Folder of Issue Files")
    folder = QFileDialog.getExistingDirectory(parent, title, last_folder("import"))
    if not folder:
        return None
    remember_folder("import", folder)
    return Path(folder)
