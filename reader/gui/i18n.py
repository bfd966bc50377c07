"""Loading the interface translations: Chinese (simplified) by default, English available."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core.paths import resources_dir

CATALOG = "jiaokan"


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Jiaokan's and Qt's own translations for ``language``.

    English is the source language; its catalog holds only plural forms.
    """
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"{CATALOG}_{language}", translations_dir()):
        app.installTranslator(ours)
        installed.append(ours)
    if language == "en":
        return installed
    qt = QTranslator(app)
    if qt.load(
        QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
