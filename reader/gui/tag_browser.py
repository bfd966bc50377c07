"""The tag browser: every tag with its article count, by kind and hierarchy, filtering the library.

A click on a tag adds it to (or takes it off) the library pane's tag filter;
Ctrl+click or Alt+click excludes it instead.  The filter shows in a bar
above the library pane (:class:`TagFilterBar`), with "all of"/"any of" and
a clear button.  The context menu renames, merges, deletes, recolours and
re-parents tags, each one undoable step through the
:class:`~reader.gui.tag_commands.TagEditor`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeyEvent, QMouseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import JiaokanError
from reader.core.script import fold
from reader.gui.flow_layout import FlowLayout
from reader.gui.tag_models import TAG_KINDS, FoldCompleter, TagListModel, TagRole, kind_label, tag_colour

if TYPE_CHECKING:
    from reader.gui.tag_commands import TagEditor
    from reader.services.tag_browsing import TagFilter, TagInfo

Mode = Literal["all", "any"]
EXCLUDE_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
_GROUP_ROLE = Qt.ItemDataRole.UserRole + 20  # the kind of a group row


class TagFilterState(QObject):
    """The tags the library pane is filtered by; ``changed`` after every change."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._include: list[int] = []
        self._exclude: list[int] = []
        self._mode: Mode = "all"

    @property
    def value(self) -> TagFilter:
        """The filter, as the library pane's query takes it."""
        from reader.services.tag_browsing import TagFilter

        return TagFilter(tuple(self._include), tuple(self._exclude), self._mode)

    @property
    def include(self) -> list[int]:
        return list(self._include)

    @property
    def exclude(self) -> list[int]:
        return list(self._exclude)

    @property
    def active(self) -> bool:
        return bool(self._include or self._exclude)

    @property
    def mode(self) -> Mode:
        return self._mode

    def set_mode(self, mode: Mode) -> None:
        if mode != self._mode:
            self._mode = mode
            if self._include:
                self.changed.emit()

    def toggle(self, tag_id: int, *, exclude: bool = False) -> None:
        """Include (or exclude) a tag; a second click on it takes it off the filter."""
        chosen, other = (self._exclude, self._include) if exclude else (self._include, self._exclude)
        if tag_id in chosen:
            chosen.remove(tag_id)
        else:
            chosen.append(tag_id)
            if tag_id in other:
                other.remove(tag_id)
        self.changed.emit()

    def remove(self, tag_id: int) -> None:
        if tag_id in self._include or tag_id in self._exclude:
            self._include = [t for t in self._include if t != tag_id]
            self._exclude = [t for t in self._exclude if t != tag_id]
            self.changed.emit()

    def keep_only(self, tag_ids: set[int]) -> None:
        """Forget tags that no longer exist (deleted or merged away)."""
        include = [t for t in self._include if t in tag_ids]
        exclude = [t for t in self._exclude if t in tag_ids]
        if include != self._include or exclude != self._exclude:
            self._include, self._exclude = include, exclude
            self.changed.emit()

    def clear(self) -> None:
        if self._include or self._exclude:
            self._include, self._exclude = [], []
            self.changed.emit()


class TagFilterBar(QFrame):
    """Above the library pane: the tags it is filtered by, each with a ×, "all of"/"any of", Clear."""

    def __init__(
        self,
        state: TagFilterState,
        catalogue: TagListModel,
        convert: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagFilterBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._state = state
        self._catalogue = catalogue
        self._convert = convert
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("tagFilterMode")
        self.mode_combo.addItem(self.tr("All of"), "all")
        self.mode_combo.addItem(self.tr("Any of"), "any")
        self.mode_combo.setToolTip(self.tr("Articles with all of these tags, or with any of them"))
        self.chips = QWidget(self)
        self.chip_layout = FlowLayout(self.chips)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("tagFilterClear")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show every article again"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Tags:"), self))
        layout.addWidget(self.mode_combo)
        layout.addWidget(self.chips, 1)
        layout.addWidget(self.clear_button)
        self.mode_combo.currentIndexChanged.connect(
            lambda _row: state.set_mode("any" if self.mode_combo.currentData() == "any" else "all")
        )
        self.clear_button.clicked.connect(state.clear)
        state.changed.connect(self.refresh)
        catalogue.modelReset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the filter's tags (hidden when there are none)."""
        state = self._state
        self.chip_layout.clear()
        by_id = {t.id: t for t in self._catalogue.tags()}
        for tag_id, excluded in [(t, False) for t in state.include] + [(t, True) for t in state.exclude]:
            tag = by_id.get(tag_id)
            name = self._convert(tag.name) if tag is not None else f"#{tag_id}"
            chip = QToolButton(self.chips)
            chip.setObjectName("tagFilterChip")
            chip.setText(("− " if excluded else "") + name + "  ×")
            chip.setToolTip(
                self.tr("Without this tag; click to take it off the filter")
                if excluded
                else self.tr("With this tag; click to take it off the filter")
            )
            if excluded:
                font = chip.font()
                font.setStrikeOut(True)
                chip.setFont(font)
            chip.clicked.connect(lambda _checked=False, t=tag_id: self._state.remove(t))
            self.chip_layout.addWidget(chip)
            chip.show()
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(state.mode))
        self.mode_combo.blockSignals(False)
        self.mode_combo.setEnabled(len(state.include) > 1)
        self.setVisible(state.active)
        self.chip_layout.invalidate()

    def chip_texts(self) -> list[str]:
        return [w.text() for w in self.chips.findChildren(QToolButton) if not w.isHidden()]


class ChooseTagDialog(QDialog):
    """Asks for a tag by name, with completion in any script (merge target, new parent)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        catalogue: TagListModel,
        *,
        allow_none: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._catalogue = catalogue
        self._allow_none = allow_none
        self.edit = QLineEdit(self)
        self.edit.setObjectName("chooseTagName")
        self.edit.setCompleter(FoldCompleter(catalogue, self.edit))
        if allow_none:
            self.edit.setPlaceholderText(self.tr("Leave empty for none"))
        self.error_label = QLabel(self)
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def chosen(self) -> TagInfo | None:
        """The tag named in the field (None when empty or unknown)."""
        text = self.edit.text().strip()
        return self._catalogue.find(text) if text else None

    def accept(self) -> None:
        if self.chosen() is None and not (self._allow_none and not self.edit.text().strip()):
            self.error_label.setText(self.tr("There is no tag of that name."))
            self.error_label.show()
            return
        super().accept()


class TagBrowser(QWidget):
    """All tags by kind and hierarchy with their article counts; clicks filter the library."""

    def __init__(
        self,
        editor: TagEditor,
        catalogue: TagListModel,
        state: TagFilterState,
        convert: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagBrowser")
        self._editor = editor
        self._catalogue = catalogue
        self._state = state
        self._convert = convert
        self._collapsed: set[str] = set()
        self._items: dict[int, QStandardItem] = {}

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("tagBrowserFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter tags…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Articles")])
        self.tree = QTreeView(self)
        self.tree.setObjectName("tagTree")
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setToolTip(
            self.tr("Click: show only articles with this tag; Ctrl+click: without it; click again: undo")
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.hint_label = QLabel(self.tr("Ctrl+click a tag to exclude it."), self)
        self.hint_label.setEnabled(False)
        self.hint_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint_label)

        self.filter_edit.textChanged.connect(self.rebuild)
        catalogue.modelReset.connect(self.rebuild)
        state.changed.connect(self._mark_filtered)
        self.tree.viewport().installEventFilter(self)
        self.tree.installEventFilter(self)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.collapsed.connect(lambda index: self._collapsed.add(self._key(index)))
        self.tree.expanded.connect(lambda index: self._collapsed.discard(self._key(index)))
        self.rebuild()

    # the tree
    def _key(self, index: QModelIndex) -> str:
        kind = index.siblingAtColumn(0).data(_GROUP_ROLE)
        return f"kind:{kind}" if kind else f"tag:{index.siblingAtColumn(0).data(TagRole.ID)}"

    def rebuild(self) -> None:
        """Lay the tree out again from the catalogue and the filter text."""
        tags = self._catalogue.tags()
        text = " ".join(self.filter_edit.text().split())
        needle = fold(text) if text else ""
        if needle:
            by_id = {t.id: t for t in tags}
            keep: set[int] = set()
            for tag in tags:
                aliased = any(
                    needle in alias for alias in tag.aliases
                )  # folded: 滨江 finds 外滩街道 by 黄浦滨江
                if aliased or needle in fold(tag.path) or needle in fold(self._convert(tag.name)):
                    node: TagInfo | None = tag
                    while node is not None and node.id not in keep:
                        keep.add(node.id)
                        node = by_id.get(node.parent_id) if node.parent_id is not None else None
            tags = [t for t in tags if t.id in keep]
        self.model.removeRows(0, self.model.rowCount())
        self._items = {}
        groups: dict[str, QStandardItem] = {}
        group_counts: dict[str, int] = {}
        root_kind: dict[int, str] = {}
        for tag in tags:
            parent_item = self._items.get(tag.parent_id) if tag.parent_id is not None else None
            if parent_item is None:
                kind = tag.kind
                root_kind[tag.id] = kind
                if kind not in groups:
                    group = QStandardItem(kind_label(kind))
                    group.setData(kind, _GROUP_ROLE)
                    group.setSelectable(False)
                    font = QFont(group.font())
                    font.setBold(True)
                    group.setFont(font)
                    count = QStandardItem("")
                    count.setSelectable(False)
                    self.model.appendRow([group, count])
                    groups[kind] = group
                parent_item = groups[kind]
            else:
                assert tag.parent_id is not None
                root_kind[tag.id] = root_kind.get(tag.parent_id, tag.kind)
            group_counts[root_kind[tag.id]] = group_counts.get(root_kind[tag.id], 0) + 1
            item = QStandardItem(self._convert(tag.name))
            item.setData(tag.id, TagRole.ID)
            item.setData(tag, TagRole.INFO)
            item.setData(tag_colour(tag.colour, tag.kind), Qt.ItemDataRole.DecorationRole)
            item.setToolTip(
                self.tr("%1 · %2 · %n article(s)", "", tag.count)
                .replace("%1", self._convert(tag.path))
                .replace("%2", kind_label(tag.kind))
            )
            count_item = QStandardItem(str(tag.count))
            count_item.setData(tag.id, TagRole.ID)
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent_item.appendRow([item, count_item])
            self._items[tag.id] = item
        for row in range(self.model.rowCount()):
            group = self.model.item(row, 0)
            kind = str(group.data(_GROUP_ROLE))
            group.setText(f"{kind_label(kind)} ({group_counts.get(kind, 0)})")
        self._expand(QModelIndex(), force=bool(needle))
        self._mark_filtered()

    def _expand(self, parent: QModelIndex, *, force: bool) -> None:
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            if not self.model.hasChildren(index):
                continue
            if force or self._key(index) not in self._collapsed:
                self.tree.expand(index)
            self._expand(index, force=force)

    def _mark_filtered(self) -> None:
        include, exclude = set(self._state.include), set(self._state.exclude)
        for tag_id, item in self._items.items():
            font = QFont(item.font())
            font.setBold(tag_id in include)
            font.setStrikeOut(tag_id in exclude)
            item.setFont(font)

    def index_of_tag(self, tag_id: int) -> QModelIndex:
        item = self._items.get(tag_id)
        return item.index() if item is not None else QModelIndex()

    def tag_at(self, index: QModelIndex) -> TagInfo | None:
        from reader.services.tag_browsing import TagInfo

        info = index.siblingAtColumn(0).data(TagRole.INFO) if index.isValid() else None
        return info if isinstance(info, TagInfo) else None

    def shown_tags(self) -> list[tuple[str, int]]:
        """(name shown, article count) of every tag in the tree, top to bottom."""
        out: list[tuple[str, int]] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                tag = self.tag_at(index)
                if tag is not None:
                    out.append((str(index.data()), tag.count))
                walk(index)

        walk(QModelIndex())
        return out

    # filtering the library
    def click_tag(self, tag_id: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """What a click on a tag does: include it in the filter; with Ctrl or Alt, exclude it."""
        self._state.toggle(tag_id, exclude=bool(modifiers & EXCLUDE_MODIFIERS))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton:
                tag = self.tag_at(self.tree.indexAt(event.position().toPoint()))
                if tag is not None:
                    self.click_tag(tag.id, event.modifiers())
        elif watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            tag = self.tag_at(self.tree.currentIndex())
            if tag is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.click_tag(tag.id, event.modifiers())
                return True
        return super().eventFilter(watched, event)

    # the context menu
    def _context_menu(self, pos: QPoint) -> None:
        tag = self.tag_at(self.tree.indexAt(pos))
        if tag is None:
            return
        menu = self.context_menu(tag)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, tag: TagInfo) -> QMenu:
        """The menu of a tag (deleted when closed)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        value = self._state
        include = menu.addAction(
            self.tr("Show Only Articles with It")
            if tag.id not in value.include
            else self.tr("Stop Filtering by It")
        )
        include.triggered.connect(lambda: self._state.toggle(tag.id))
        exclude = menu.addAction(
            self.tr("Hide Articles with It")
            if tag.id not in value.exclude
            else self.tr("Stop Hiding Articles with It")
        )
        exclude.triggered.connect(lambda: self._state.toggle(tag.id, exclude=True))
        menu.addSeparator()
        menu.addAction(self.tr("&Rename…")).triggered.connect(lambda: self.ask_rename(tag))
        menu.addAction(self.tr("&Merge Into…")).triggered.connect(lambda: self.ask_merge(tag))
        kinds = menu.addMenu(self.tr("&Kind"))
        for kind in TAG_KINDS:
            action = QAction(kind_label(kind), kinds)
            action.setCheckable(True)
            action.setChecked(kind == tag.kind)
            action.triggered.connect(
                lambda _checked=False, k=kind: self._run(lambda: self._editor.set_kind(tag.id, k))
            )
            kinds.addAction(action)
        menu.addAction(self.tr("&Parent…")).triggered.connect(lambda: self.ask_parent(tag))
        menu.addAction(self.tr("&Colour…")).triggered.connect(lambda: self.ask_colour(tag))
        if tag.colour:
            menu.addAction(self.tr("No Colour")).triggered.connect(
                lambda: self._run(lambda: self._editor.set_colour(tag.id, None))
            )
        menu.addSeparator()
        menu.addAction(self.tr("&Delete…")).triggered.connect(lambda: self.ask_delete(tag))
        return menu

    def _run(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except JiaokanError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Tags"),
                str(error),
                QMessageBox.StandardButton.Close,
                self,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            box.open()
            return False
        return True

    def ask_rename(self, tag: TagInfo) -> QInputDialog:
        """Ask for a new name (non-blocking); renames when accepted."""
        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.setWindowTitle(self.tr("Rename Tag"))
        dialog.setLabelText(self.tr("New name of “%1”:").replace("%1", self._convert(tag.name)))
        dialog.setTextValue(tag.name)
        dialog.textValueSelected.connect(
            lambda text: self._run(lambda: self._editor.rename(tag.id, text)) if text.strip() else None
        )
        dialog.open()
        return dialog

    def ask_merge(self, tag: TagInfo) -> ChooseTagDialog:
        """Ask which tag to merge this one into (non-blocking)."""
        dialog = ChooseTagDialog(
            self.tr("Merge Tag"),
            self.tr("Merge “%1” into the tag:").replace("%1", self._convert(tag.name)),
            self._catalogue,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def merge() -> None:
            target = dialog.chosen()
            if target is not None:
                self._run(lambda: self._editor.merge(tag.id, target.id, target.name))

        dialog.accepted.connect(merge)
        dialog.open()
        return dialog

    def ask_parent(self, tag: TagInfo) -> ChooseTagDialog:
        """Ask which tag to put this one under (empty: the top level; non-blocking)."""
        dialog = ChooseTagDialog(
            self.tr("Tag Parent"),
            self.tr("Put “%1” under the tag:").replace("%1", self._convert(tag.name)),
            self._catalogue,
            allow_none=True,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def place() -> None:
            parent = dialog.chosen()
            self._run(lambda: self._editor.set_parent(tag.id, parent.id if parent is not None else None))

        dialog.accepted.connect(place)
        dialog.open()
        return dialog

    def ask_colour(self, tag: TagInfo) -> QColorDialog:
        """Ask for the tag's colour (non-blocking)."""
        dialog = QColorDialog(tag_colour(tag.colour, tag.kind), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.setWindowTitle(self.tr("Tag Colour"))

        def chosen(colour: QColor) -> None:
            if colour.isValid():
                self._run(lambda: self._editor.set_colour(tag.id, colour.name()))

        dialog.colorSelected.connect(chosen)
        dialog.open()
        return dialog

    def ask_delete(self, tag: TagInfo) -> QMessageBox:
        """Ask before deleting, saying how many articles lose the tag (non-blocking)."""
        text = (
            self.tr("Delete the tag “%1”? %n article(s) will lose it.", "", tag.count)
            if tag.count
            else self.tr("Delete the tag “%1”? No article has it.")
        ).replace("%1", self._convert(tag.name))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete Tag"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDeleteTag")
        box.setInformativeText(self.tr("Edit ▸ Undo brings it back."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def answered(button: QAbstractButton) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self._run(lambda: self._editor.delete(tag.id, tag.name))

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def refresh_text(self) -> None:
        """Show names in the newly chosen script."""
        self.rebuild()
