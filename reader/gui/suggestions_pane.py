"""The suggestions pane: the shown article's rule suggestions, grouped by rule, to accept or reject.

Suggestions are computed in the background whenever the article is shown again (opened, edited,
saved), the latest request winning.  Choosing one selects its span in the reading pane.  Keys in
the list: J/K next and previous, A or Enter accept, R or Delete reject; F7 and Shift+F7 anywhere in
the window.  Accepting (one, or all of a rule in the article, the issue or the library, after a
confirmed preview count) is one command on the window's undo stack; undo restores each article's
revision from before.  Rejections are remembered by the library, so they stay rejected (and are
undoable too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.op_changes import OpChanges
from reader.gui.after_paint import Soon
from reader.gui.commands.suggestions import RejectCommand, rule_label
from reader.gui.edit_commands import Editing, show_span
from reader.gui.ocr_review import accept_all_command, accept_command, acceptable, preview_accept_all
from reader.gui.tasks import ArticleRows, LatestTask, read_article_rows
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.gui.tasks import Task, TaskContext
    from reader.services.suggesting import BlockSuggestion, Scope
    from reader.services.suggestion_steps import SuggestionInContext

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # index into the pane's suggestions (children), or -1 (rules)
RULE_ROLE = Qt.ItemDataRole.UserRole + 2  # the rule's name


def _visible(text: str) -> str:
    """Spaces and line breaks made visible."""
    return text.replace(" ", "␣").replace("\u3000", "□").replace("\n", "⏎")


PARTS_ROLE = Qt.ItemDataRole.UserRole + 3  # a suggestion's (before, text, after) or its replacement


def _passage(convert: Callable[[str], str], before: str, text: str, after: str) -> str:
    return f"…{convert(before)}‹{_visible(convert(text))}›{convert(after)}…"


def _replacement(convert: Callable[[str], str], replacement: str) -> str:
    return "→ " + (
        _visible(convert(replacement)) or QCoreApplication.translate("SuggestionsPane", "(delete)")
    )


class _ScriptDelegate(QStyledItemDelegate):
    """Paints the rows' text in the window's script: toggling it converts only the rows on screen."""

    def __init__(self, convert: Callable[[str], str], parent: QObject) -> None:
        super().__init__(parent)
        self._convert = convert

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        parts = index.data(PARTS_ROLE)
        if isinstance(parts, tuple):
            option.text = _passage(self._convert, *parts)
        elif isinstance(parts, str):
            option.text = _replacement(self._convert, parts)


class SuggestionsPane(QWidget):
    """The shown article's suggestions grouped by rule, with accept, reject and accept-all."""

    loaded = Signal(int)  # article id: the list shows its suggestions now
    accepted_all = Signal(int)  # how many an accept-all changed

    def __init__(self, wb: Workbench, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsPane")
        self._wb = wb
        self._editing = editing
        self._loads = LatestTask(wb.runner, "suggestions")
        self._rows: list[SuggestionInContext] = []
        self._article_id: int | None = None
        self._resume: tuple[str, int] | None = None  # (rule, index within it) to select after a reload
        self._wanted: tuple[int, int, str] | None = None  # (block id, start, rule) to choose once listed
        a = wb.actions

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("suggestionsTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Text"), self.tr("Suggestion")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.status = QLabel(self)
        self.status.setObjectName("suggestionsStatus")
        self.status.setWordWrap(True)

        bar = QToolBar(self)  # overflows into a menu when the pane is narrow
        bar.setObjectName("suggestionsBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([a.accept_suggestion, a.reject_suggestion])
        self.accept_all_menu = QMenu(self.tr("Accept All"), self)
        self.accept_all_menu.setObjectName("acceptAllMenu")
        self.accept_all_menu.addActions([a.accept_all_article, a.accept_all_issue, a.accept_all_library])
        self.accept_all_button = QToolButton(bar)
        self.accept_all_button.setObjectName("acceptAllButton")
        self.accept_all_button.setText(self.tr("Accept All"))
        self.accept_all_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.accept_all_button.setMenu(self.accept_all_menu)
        bar.addWidget(self.accept_all_button)
        bar.addAction(a.user_rules)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)

        keys = (
            ("J", lambda: self.select_next(1)),
            ("K", lambda: self.select_next(-1)),
            ("A", self.accept_current),
            ("Return", self.accept_current),
            ("Enter", self.accept_current),
            ("R", self.reject_current),
            ("Delete", self.reject_current),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemClicked.connect(lambda _item, _column: self.show_current())
        a.next_suggestion.triggered.connect(lambda: self.select_next(1, focus=True))
        a.previous_suggestion.triggered.connect(lambda: self.select_next(-1, focus=True))
        a.accept_suggestion.triggered.connect(self.accept_current)
        a.reject_suggestion.triggered.connect(self.reject_current)
        a.accept_all_article.triggered.connect(lambda: self.accept_all("article"))
        a.accept_all_issue.triggered.connect(lambda: self.accept_all("issue"))
        a.accept_all_library.triggered.connect(lambda: self.accept_all("library"))
        a.user_rules.triggered.connect(self.open_user_rules)
        self._reload_soon = Soon(self.reload, self)  # after the reading pane's paint
        wb.navigator.article_shown.connect(lambda _article_id: self._reload_soon.request())
        wb.navigator.issue_shown.connect(lambda _issue_id: self._reload_soon.request())
        editing.busy_changed.connect(lambda _busy: self._update_actions())
        wb.operation_did_execute.connect(self._on_operation)
        # the rows are painted in the window's script (only those on screen are converted)
        self.tree.setItemDelegate(_ScriptDelegate(wb.script, self.tree))
        wb.script.changed.connect(lambda _script: self.tree.viewport().update())
        self._update_actions()

    # loading
    @property
    def read_requested(self) -> bool:
        """True while a read of the shown article's rows is asked for and not started yet."""
        return self._reload_soon.pending

    @property
    def loading(self) -> bool:
        """True while a read of the shown article's rows runs in the background."""
        return self._loads.running

    @property
    def article_id(self) -> int | None:
        """The article whose suggestions are listed."""
        return self._article_id

    def reload(self) -> Task | None:
        """Compute the shown article's suggestions again, in the background (the latest request wins)."""
        from reader.services.suggestion_steps import suggestions_in_context

        self._loads.cancel()
        article_id = self._wb.navigator.article_id
        if article_id is None or self._wb.runner.library is None:
            self._article_id = None
            self._rows = []
            self._fill()
            return None

        def done(result: ArticleRows[SuggestionInContext]) -> None:
            if result.article_id != self._wb.navigator.article_id:
                return
            if result.article_id != self._article_id:
                self._resume = None
            elif self._resume is None:
                self._remember_place()  # read again (an undo, a redo, an edit, a late read): the place stays
            self._article_id = result.article_id
            self._rows = result.rows
            self._fill()
            self.loaded.emit(result.article_id)

        def failed(error: BaseException) -> None:
            self.status.setText(
                self.tr("The suggestions could not be computed: %1").replace("%1", str(error))
            )

        task = self._loads.start(read_article_rows(article_id, suggestions_in_context), done, failed)
        self.status.setText(self.tr("Looking for suggestions…"))
        return task

    def _on_operation(self, changes: object, _source: object) -> None:
        assert isinstance(changes, OpChanges)
        article_id = self._wb.navigator.article_id
        if article_id is None:
            return
        if changes.rules or article_id in changes.article_ids:
            # the rules or the text changed: a read under way began before, its rows are old
            self._loads.cancel()
            self._reload_soon.request()  # the place chosen stays: see done() in reload()

    def _fill(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for index, row in enumerate(self._rows):
            s = row.item.suggestion
            group = groups.get(s.rule)
            if group is None:
                group = QTreeWidgetItem(self.tree)
                group.setData(0, ITEM_ROLE, -1)
                group.setData(0, RULE_ROLE, s.rule)
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[s.rule] = group
            child = QTreeWidgetItem(group)
            child.setData(0, ITEM_ROLE, index)
            child.setData(0, RULE_ROLE, s.rule)
            # the text as stored; the delegate shows it in the window's script
            child.setText(0, _passage(str, row.before, s.text, row.after))
            child.setData(0, PARTS_ROLE, (row.before, s.text, row.after))
            if s.replacement is None:
                child.setText(1, self.tr("flag"))
            else:
                child.setText(1, _replacement(str, s.replacement))
                child.setData(1, PARTS_ROLE, s.replacement)
            child.setToolTip(0, s.explanation)
            child.setToolTip(1, s.explanation)
        for rule, group in groups.items():
            group.setText(0, f"{rule_label(rule)} ({group.childCount()})")
            group.setExpanded(True)
        self.tree.blockSignals(False)
        count = len(self._rows)
        if self._article_id is None:
            self.status.setText(self.tr("Open an article to see its suggestions."))
        elif count:
            self.status.setText(self.tr("%n suggestion(s) in this article", "", count))
        else:
            self.status.setText(self.tr("No suggestions in this article."))
        self._select_resumed()
        self._choose_wanted()
        self._update_actions()

    def _select_resumed(self) -> None:
        if self._resume is None:
            return
        rule, at = self._resume
        self._resume = None
        items = self._items()
        if not items:
            return
        same = [item for item in items if item.data(0, RULE_ROLE) == rule]
        target = same[min(at, len(same) - 1)] if same else items[0]
        self.tree.setCurrentItem(target)

    # choosing
    def _groups(self) -> list[QTreeWidgetItem]:
        """The rule rows of the tree, in order."""
        tree = self.tree
        return [group for g in range(tree.topLevelItemCount()) if (group := tree.topLevelItem(g)) is not None]

    def _items(self) -> list[QTreeWidgetItem]:
        """Every suggestion row of the tree, in order."""
        return [
            child
            for group in self._groups()
            for c in range(group.childCount())
            if (child := group.child(c)) is not None
        ]

    def suggestions(self) -> list[BlockSuggestion]:
        """The suggestions listed, in the tree's order (grouped by rule)."""
        return [self._rows[int(item.data(0, ITEM_ROLE))].item for item in self._items()]

    def groups(self) -> dict[str, int]:
        """How many suggestions each rule has in the list, in the tree's order."""
        return {str(group.data(0, RULE_ROLE)): group.childCount() for group in self._groups()}

    def current(self) -> BlockSuggestion | None:
        """The suggestion chosen in the list."""
        item = self.tree.currentItem()
        if item is None:
            return None
        index = int(item.data(0, ITEM_ROLE))
        return self._rows[index].item if index >= 0 else None

    def current_rule(self) -> str | None:
        """The rule of the chosen suggestion or rule row."""
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, RULE_ROLE))

    def choose(self, block_id: int, start: int, rule: str) -> bool:
        """Choose the suggestion of ``rule`` at ``start`` in block ``block_id``: now when it is listed,
        else once the list is read again (the article it is in being opened)."""
        self._wanted = (block_id, start, rule)
        return self._choose_wanted()

    def _choose_wanted(self) -> bool:
        wanted, self._wanted = self._wanted, None
        for index, item in enumerate(self.suggestions() if wanted is not None else []):
            if (item.block_id, item.suggestion.start, item.suggestion.rule) == wanted:
                return self.select(index)
        self._wanted = wanted if self.loading or self.read_requested else None  # its list is on the way
        return False

    def select(self, index: int) -> bool:
        """Choose the index-th suggestion of the list (in the tree's order)."""
        items = self._items()
        if not 0 <= index < len(items):
            return False
        self.tree.setCurrentItem(items[index])
        return True

    def select_next(self, step: int = 1, *, focus: bool = False) -> bool:
        """Choose the next (step 1) or previous (-1) suggestion, wrapping round."""
        if focus:
            dock = self.parentWidget()
            if isinstance(dock, QDockWidget):
                dock.show()
                dock.raise_()
            self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        items = self._items()
        if not items:
            self._wb.messages.status(self.tr("No suggestions in this article."), 3000)
            return False
        current = self.tree.currentItem()
        first_child = current.child(0) if current is not None else None
        if current is not None and current in items:
            at = (items.index(current) + step) % len(items)
        elif first_child is not None and step > 0:
            at = items.index(first_child)
        else:
            at = 0 if step > 0 else len(items) - 1
        self.tree.setCurrentItem(items[at])
        return True

    def _on_current_changed(
        self, _current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        self.show_current()
        self._update_actions()

    def show_current(self) -> bool:
        """Select the chosen suggestion's span in the reading pane."""
        item = self.current()
        if item is None or item.article_id != self._wb.navigator.article_id:
            return False
        s = item.suggestion
        return show_span(self._wb, item.block_position, s.start, s.end)

    def _update_actions(self) -> None:
        a = self._wb.actions
        item = self.current()
        a.accept_suggestion.setEnabled(item is not None and acceptable(item))
        a.reject_suggestion.setEnabled(item is not None)
        has_rule = self.current_rule() is not None or bool(self._rows)
        for action in (a.accept_all_article, a.accept_all_issue, a.accept_all_library):
            action.setEnabled(has_rule and not self._editing.busy)
        self.accept_all_button.setEnabled(has_rule and not self._editing.busy)

    def _remember_place(self) -> None:
        item = self.tree.currentItem()
        if item is None or int(item.data(0, ITEM_ROLE)) < 0:
            return
        group = item.parent()
        self._resume = (str(item.data(0, RULE_ROLE)), group.indexOfChild(item) if group else 0)

    # deciding
    def accept_current(self) -> bool:
        """Accept the chosen suggestion (an undoable command); the next one is chosen after."""
        item = self.current()
        if item is None:
            return False
        if not acceptable(item):
            self._wb.messages.status(
                self.tr("This rule only flags the text: edit it by hand, or reject the suggestion."), 5000
            )
            return False
        self._remember_place()
        if self._editing.push(accept_command(self._editing.context, item, self.reload)):
            return True
        self.reload()  # the text may have changed since the list was made
        return False

    def reject_current(self) -> bool:
        """Reject the chosen suggestion (an undoable command): it is not offered again."""
        item = self.current()
        if item is None:
            return False
        self._remember_place()
        if self._editing.push(RejectCommand(self._editing.context, item, self._reload_soon.request)):
            return True
        self.reload()
        return False

    def accept_all(self, scope: Scope, *, confirm: bool = True) -> Task | None:
        """Accept every suggestion of the chosen rule in the article, issue or library.

        The count is previewed in the background and confirmed (unless
        ``confirm`` is false); the change runs in the background too and lands
        on the undo stack as one command.
        """
        rule = self.current_rule() or (self._rows[0].item.suggestion.rule if self._rows else None)
        view = self._wb.panes.reading_view
        if rule is None or view.article_id is None:
            self._wb.messages.status(self.tr("Choose a suggestion of the rule first."), 5000)
            return None
        if not self._editing.can_write():
            return None
        scope_id = {"article": view.article_id, "issue": view.issue_id, "library": None}[scope]

        def preview(context: TaskContext) -> int:
            with context.session() as session:
                return preview_accept_all(session, rule, scope, scope_id)

        def counted(count: int) -> None:
            if count == 0:
                self._wb.messages.status(
                    self.tr("Nothing to accept: no suggestion of that rule there."), 5000
                )
            elif confirm:
                self._confirm(rule, scope, scope_id, count)
            else:
                self._push_accept_all(rule, scope, scope_id, count)

        return self._wb.runner.start(
            "preview accept all",
            preview,
            on_success=counted,
            on_failure=lambda error: self._editing.show_error(self.tr("Accept All"), error),
        )

    def _confirm(self, rule: str, scope: Scope, scope_id: int | None, count: int) -> QMessageBox:
        questions = {
            "article": self.tr("Accept %n suggestion(s) of %1 in this article?", "", count),
            "issue": self.tr("Accept %n suggestion(s) of %1 in this issue?", "", count),
            "library": self.tr("Accept %n suggestion(s) of %1 in the whole library?", "", count),
        }
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Accept All"),
            questions[scope].replace("%1", rule_label(rule)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self._wb.window,
        )
        box.setObjectName("acceptAllConfirm")
        box.setInformativeText(self.tr("You can undo it in one step."))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def clicked(button: object) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:  # type: ignore[arg-type]
                self._push_accept_all(rule, scope, scope_id, count)

        box.buttonClicked.connect(clicked)
        box.open()
        return box

    def _push_accept_all(self, rule: str, scope: Scope, scope_id: int | None, count: int) -> bool:
        """Push the accept-all command; it runs in the background and reports through ``accepted_all``."""

        def done(changed: int) -> None:
            self._wb.messages.status(self.tr("%n suggestion(s) accepted.", "", changed), 5000)
            self.accepted_all.emit(changed)

        self._remember_place()
        self._wb.messages.status(self.tr("Accepting suggestions…"))
        command = accept_all_command(self._editing.context, rule, scope, scope_id, count, done, self.reload)
        return self._editing.push(command)

    # user rules
    def open_user_rules(self) -> QWidget | None:
        """Show the user rules dialog; suggestions are computed again after each change it makes."""
        if self._wb.library is None:
            return None
        from reader.gui.user_rules_dialog import UserRulesDialog

        dialog = UserRulesDialog(self._editing, self._wb.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog


def install_suggestions_pane(wb: Workbench, editing: Editing) -> QDockWidget:
    """Add the suggestions dock to the window (right side, tabbed with the search pane); returns it."""
    dock = QDockWidget(QCoreApplication.translate("Suggestions", "Suggestions"), wb.window)
    dock.setObjectName("suggestionsDock")
    pane = SuggestionsPane(wb, editing, dock)
    dock.setWidget(pane)
    wb.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea, tabify_with=wb.panes.search_dock)
    return dock
