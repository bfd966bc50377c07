"""The export dialog's remembered choices (QSettings), and separators as the user types them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths

from reader.core.exporters.options import (
    ARTICLE_SEPARATOR,
    DEFAULT_PARTS,
    PARAGRAPH_SEPARATOR,
    ExportFormat,
    Part,
)
from reader.core.script import Script
from reader.gui.settings import open_settings

_ESCAPES = {"n": "\n", "t": "\t", "f": "\f", "r": "\r", "\\": "\\"}
_SHOWN = {value: "\\" + key for key, value in _ESCAPES.items()}


def escape_separator(text: str) -> str:
    """A separator as typed in the dialog: line breaks as ``\\n``, tabs as ``\\t``, page breaks as ``\\f``."""
    return "".join(_SHOWN.get(char, char) for char in text)


def unescape_separator(text: str) -> str:
    """The separator a typed text stands for (``\\n`` a line break…; an unknown escape stays as typed)."""
    out: list[str] = []
    chars = iter(text)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        following = next(chars, "")
        out.append(_ESCAPES.get(following, "\\" + following))
    return "".join(out)


def default_folder() -> Path:
    """Where exports go until the user chooses a folder: ``Jiaokan exports`` in the documents folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "Jiaokan exports"


class ExportSettings(QObject):
    """Typed access to the export choices kept between sessions (group ``export/``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = open_settings(self)

    def _str(self, key: str, default: str) -> str:
        value = self._store.value("export/" + key, default, type=str)
        return value if isinstance(value, str) else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value("export/" + key, default, type=bool)
        return value if isinstance(value, bool) else default

    def _set(self, key: str, value: object) -> None:
        self._store.setValue("export/" + key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()

    @property
    def format(self) -> ExportFormat:
        value = self._str("format", ExportFormat.TXT.value)
        return ExportFormat(value) if value in ExportFormat._value2member_map_ else ExportFormat.TXT

    @format.setter
    def format(self, value: ExportFormat) -> None:
        self._set("format", value.value)

    @property
    def script(self) -> Script:
        value = self._str("script", Script.ORIGINAL.value)
        return Script(value) if value in Script._value2member_map_ else Script.ORIGINAL

    @script.setter
    def script(self, value: Script) -> None:
        self._set("script", value.value)

    @property
    def parts(self) -> frozenset[Part]:
        if not self._store.contains("export/parts"):
            return DEFAULT_PARTS
        names = self._str("parts", "").split(",")
        return frozenset(Part(n) for n in names if n in Part._value2member_map_)

    @parts.setter
    def parts(self, value: frozenset[Part]) -> None:
        self._set("parts", ",".join(p.value for p in Part if p in value))

    @property
    def paragraph_separator(self) -> str:
        return unescape_separator(self._str("paragraph_separator", escape_separator(PARAGRAPH_SEPARATOR)))

    @paragraph_separator.setter
    def paragraph_separator(self, value: str) -> None:
        self._set("paragraph_separator", escape_separator(value))

    @property
    def article_separator(self) -> str:
        return unescape_separator(self._str("article_separator", escape_separator(ARTICLE_SEPARATOR)))

    @article_separator.setter
    def article_separator(self, value: str) -> None:
        self._set("article_separator", escape_separator(value))

    @property
    def single_file(self) -> bool:
        return self._bool("single_file", False)

    @single_file.setter
    def single_file(self, value: bool) -> None:
        self._set("single_file", value)

    @property
    def annotations(self) -> bool:
        return self._bool("annotations", False)

    @annotations.setter
    def annotations(self, value: bool) -> None:
        self._set("annotations", value)

    @property
    def overwrite(self) -> bool:
        return self._bool("overwrite", True)

    @overwrite.setter
    def overwrite(self, value: bool) -> None:
        self._set("overwrite", value)

    @property
    def folder(self) -> Path:
        value = self._str("folder", "")
        return Path(value) if value else default_folder()

    @folder.setter
    def folder(self, value: Path) -> None:
        self._set("folder", str(value))

    @property
    def scope(self) -> str:
        return self._str("scope", "")

    @scope.setter
    def scope(self, value: str) -> None:
        self._set("scope", value)
