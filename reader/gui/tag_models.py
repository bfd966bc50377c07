"""Tags as Qt models: a list of tag names for completion (script-insensitive) and kind labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from reader.core.script import fold

if TYPE_CHECKING:
    from reader.services.tag_browsing import TagInfo

AnyIndex = QModelIndex | QPersistentModelIndex

TAG_KINDS = ("person", "place", "organisation", "topic", "other")
"""``db.tagging_models.TAG_KINDS``, repeated so the window paints before the database code loads."""

KIND_COLOURS = {
    "person": "#c0392b",
    "place": "#27ae60",
    "organisation": "#2c7fb8",
    "topic": "#8e6c3a",
    "other": "#7f8c8d",
}
"""The colour of a tag without one of its own, by kind."""


def kind_label(kind: str) -> str:
    """A tag kind's name in the interface."""
    labels = {
        "person": QCoreApplication.translate("TagKinds", "Person"),
        "place": QCoreApplication.translate("TagKinds", "Place"),
        "organisation": QCoreApplication.translate("TagKinds", "Organisation"),
        "topic": QCoreApplication.translate("TagKinds", "Topic"),
        "other": QCoreApplication.translate("TagKinds", "Other"),
    }
    return labels.get(kind, kind)


def kind_labels() -> list[tuple[str, str]]:
    """(kind, label) for every kind, in the library's order."""
    return [(kind, kind_label(kind)) for kind in TAG_KINDS]


def kind_combo(parent: QWidget, object_name: str) -> QComboBox:
    """A combo box choosing a tag kind (labels shown, the kind as item data)."""
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    for kind, label in kind_labels():
        combo.addItem(label, kind)
    return combo


def tag_colour(colour: str | None, kind: str) -> QColor:
    """A tag's own colour, else the colour of its kind."""
    return QColor(colour or KIND_COLOURS.get(kind, KIND_COLOURS["other"]))


class TagRole(IntEnum):
    """Custom data roles of tag models."""

    ID = Qt.ItemDataRole.UserRole + 1
    KEY = Qt.ItemDataRole.UserRole + 2  # folded name: what completion compares
    KIND = Qt.ItemDataRole.UserRole + 3
    COUNT = Qt.ItemDataRole.UserRole + 4
    INFO = Qt.ItemDataRole.UserRole + 5  # the TagInfo


class TagListModel(QAbstractListModel):
    """Every tag of the library, one row each; names shown through ``convert`` (the chosen script)."""

    def __init__(self, convert: Callable[[str], str] = str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._convert = convert
        self._tags: list[TagInfo] = []
        self._by_key: dict[str, TagInfo] = {}

    def set_tags(self, tags: Sequence[TagInfo]) -> None:
        self.beginResetModel()
        self._tags = list(tags)
        self._by_key = {alias: t for t in self._tags for alias in t.aliases}
        self._by_key.update({t.key: t for t in self._tags})
        self.endResetModel()

    def tags(self) -> list[TagInfo]:
        return list(self._tags)

    def find(self, name: str) -> TagInfo | None:
        """The tag named ``name`` (or aliased so) in any script, if the library has it."""
        return self._by_key.get(fold(" ".join(name.split())))

    def refresh(self) -> None:
        """Repaint every row (the script changed)."""
        if self._tags:
            self.dataChanged.emit(self.index(0), self.index(len(self._tags) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tags)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tags):
            return None
        tag = self._tags[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._convert(tag.name)
        if role == TagRole.KEY:  # the aliases too, so typing 外滩 completes 外滩街道
            return " ".join((tag.key, *tag.aliases))
        if role == TagRole.ID:
            return tag.id
        if role == TagRole.KIND:
            return tag.kind
        if role == TagRole.COUNT:
            return tag.count
        if role == TagRole.INFO:
            return tag
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("%1 · %2 · %n article(s)", "", tag.count)
                .replace("%1", self._convert(tag.path))
                .replace("%2", kind_label(tag.kind))
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return tag_colour(tag.colour, tag.kind)
        return None


class FoldCompleter(QCompleter):
    """Completes tag names typed in any script: the text and the names are compared folded.

    Typing 陆家 offers 陸家嘴 (and the other way round); what is inserted is
    the name as shown in the chosen script.
    """

    def __init__(self, model: TagListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setCompletionRole(TagRole.KEY)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: AnyIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")
