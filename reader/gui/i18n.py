"""Loading the interface translations: Chinese (simplified) by default, English available."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QAction, QKeySequence

from reader.core.paths import resources_dir

CATALOG = "jiaokan"


def translations_dir() -> str:
    return str(resources_dir() / "translations")


class Context:
    """``tr()`` under a fixed context, for code outside a QObject (module functions, undo commands).

    Bind it to a module name spelled like the context, ``Suggestions = Context("Suggestions")``:
    lupdate takes the context from that name in ``Suggestions.tr("%n rule(s)", "", count)``,
    and reads the count as a plural form, which it does not do for
    ``QCoreApplication.translate(context, text, "", count)``.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation, n)


class _Catalog(QTranslator):
    """A translator reading a copy of its catalog held in memory.

    ``QTranslator.load(file)`` maps the file into memory as it is: a catalog rewritten in place while
    the window runs (``resources/translations/update.sh`` does, in a working copy) is then read through
    the old offsets, and the next translation crashes the window inside Qt.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._data = b""  # Qt reads the catalog from these bytes: they live as long as the translator

    def load_copy(self, path: Path) -> bool:
        """Load the catalog at ``path`` from a copy of its bytes; False when it cannot be read."""
        try:
            data = path.read_bytes()
        except OSError:
            return False
        if not self.load(data, str(path.parent)):
            return False
        self._data = data
        return True


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Jiaokan's and Qt's own translations for ``language``.

    English is the source language; its catalog holds only plural forms.
    """
    installed: list[QTranslator] = []
    # the formats Qt writes itself (sizes, numbers, the dates of its file dialogs) follow the
    # interface, not the system's locale: a Chinese interface says 187 字节 on an English system
    QLocale.setDefault(QLocale(language))
    ours = _Catalog(app)
    if ours.load_copy(Path(translations_dir()) / f"{CATALOG}_{language}.qm"):
        app.installTranslator(ours)
        installed.append(ours)
    if language == "en":
        return installed
    # Qt's own dialogs (file dialogs' "Look in:", "Files of type:", standard buttons): the catalog
    # PySide6 ships, by its exact name first (a locale lookup can miss it on some systems)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = _Catalog(app)
    if qt.load_copy(Path(folder) / f"qtbase_{language}.qm") or qt.load(
        QLocale(language), "qtbase", "_", folder
    ):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Take the translations off again, and the interface's formats with them."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


_ACCELERATOR = re.compile(r"\s*\(&[^&\s]\)")  # the Chinese form: 导入文件(&I)


def plain_text(text: str) -> str:
    """A menu text without its accelerator or ellipsis: "导入文件(&I)…" -> "导入文件", "&Find…" -> "Find"."""
    text = _ACCELERATOR.sub("", text)
    text = re.sub(r"&(.)", r"\1", text)  # "&&" stays one "&"
    return text.removesuffix("…").removesuffix("...").strip()


def with_shortcut(text: str, shortcut: QKeySequence) -> str:
    """ "Find (Ctrl+F)": a tooltip naming the key of its action (``text`` alone when it has none)."""
    if shortcut.isEmpty():
        return text
    keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
    return QCoreApplication.translate("Actions", "%1 (%2)").replace("%1", text).replace("%2", keys)


def plain_icon_text(action: QAction) -> None:
    """Give a toolbar button of ``action`` its text without the Chinese accelerator, following changes.

    Qt strips "&" from a tool button's text, not the Chinese "(&P)": a toolbar read "上一篇(P)", a
    letter that does nothing there.  The menus keep the accelerator (they show ``text()``).
    """

    made_from: list[str | None] = [None]  # ``changed`` comes with every enabling and checking too

    def update() -> None:
        text = action.text()
        if made_from[0] != text:
            made_from[0] = text
            action.setIconText(plain_text(text))  # emits ``changed`` once more: then the same text

    update()
    action.changed.connect(update)


def plain_tooltip(action: QAction) -> None:
    """Give ``action`` the tooltip of its text without accelerator, and its key, following later changes.

    Qt's own tooltip keeps a Chinese accelerator as "导入文件(I)". A tooltip set
    on purpose later is left as it is.
    """

    made_from: list[object] = [None, None]  # the text and key the tooltip was made of

    def update() -> None:
        # ``changed`` also comes with every enabling and checking: the text and key rarely change
        text, shortcut = action.text(), action.shortcut()
        if made_from[0] == text and made_from[1] == shortcut:
            return
        if action.toolTip() == action.property("plainTooltip"):
            made_from[:] = [text, shortcut]
            tip = with_shortcut(plain_text(text), shortcut)
            action.setProperty("plainTooltip", tip)
            action.setToolTip(tip)

    action.setProperty("plainTooltip", action.toolTip())
    update()
    action.changed.connect(update)
    plain_icon_text(action)
