"""Find and replace across the library: a preview of every hit, each with a checkbox, before anything changes.

Literal text or a regular expression, in the current article, the current
issue or the whole library, optionally script-insensitive (simplified and
traditional, full and half width, letter case match each other).  Finding
runs in the background and lists every hit in its context with what it
would become; only the checked hits are replaced, in the background, as
one :class:`ReplaceCommand`: one tracked revision per article, undone in
one step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui.commands import OperationCommand
from reader.gui.i18n import Context
from reader.gui.tasks import LatestTask
from reader.gui.undo import EditContext, EditRefused

if TYPE_CHECKING:
    from reader.gui.tasks import Task, TaskContext
    from reader.services.find_replace import Match, ReplaceResult
    from reader.services.review import MatchPlace

AnyIndex = QModelIndex | QPersistentModelIndex
Where = Callable[[], tuple[int | None, int | None]]
"""The (issue id, article id) shown in the window, for the issue and article scopes."""
CONTEXT_SHOWN = 16  # characters of context shown on each side of a hit
FindReplace = Context("FindReplace")  # tr() for the undo command, with plural forms


class ReplaceCommand(OperationCommand):
    """Replacing the checked hits, pushed already made: undone and redone in the background, one step.

    Undo restores each article's revision from before (``replace_done``); the
    articles edited since are left as they are, and the user is told how many.
    """

    def __init__(
        self, context: EditContext, matches: Sequence[Match], replacement: str, result: ReplaceResult
    ) -> None:
        from reader.services.operations import replace_done, replace_operation

        pattern = matches[0].text if matches else ""
        text = (
            QCoreApplication.translate("FindReplace", "Replace “%1” with “%2” (%3)")
            .replace("%1", pattern)
            .replace("%2", replacement)
            .replace("%3", str(result.count))
        )
        author = context.author()
        super().__init__(
            context,
            text,
            replace_operation(matches, replacement, author=author),
            done=replace_done(matches, replacement, result, author=author),
            background=True,
        )
        self.result = result

    def finished(self, output: OpOutput, undone: bool) -> None:
        from reader.services.find_replace import ReplaceResult

        if not undone:
            assert isinstance(output.value, ReplaceResult)
            self.result = output.value
            return
        assert isinstance(output.value, list)
        left = len(self.result.before) - len(output.value)
        if left:
            self.context.report(
                self.label,
                FindReplace.tr("%n article(s) changed since the replace were left as they are.", "", left),
            )


class MatchesModel(QAbstractTableModel):
    """Every hit with a checkbox, where it is, its context and what it becomes."""

    checked_changed = Signal()
    CHECK, WHERE, BEFORE, FOUND, REPLACEMENT, AFTER = range(6)

    def __init__(self, issue_label: Callable[[int], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issue_label = issue_label
        self.matches: list[Match] = []
        self.checked: list[bool] = []
        self.places: dict[int, MatchPlace] = {}

    def set_matches(self, matches: Sequence[Match], places: dict[int, MatchPlace]) -> None:
        self.beginResetModel()
        self.matches = list(matches)
        self.checked = [True] * len(self.matches)
        self.places = places
        self.endResetModel()
        self.checked_changed.emit()

    def clear(self) -> None:
        self.set_matches([], {})

    def drop(self, gone: Callable[[Match], bool]) -> int:
        """Take the hits ``gone`` says off the list, keeping the others checked or not; how many went."""
        kept = [(m, on) for m, on in zip(self.matches, self.checked, strict=True) if not gone(m)]
        dropped = len(self.matches) - len(kept)
        if dropped:
            self.beginResetModel()
            self.matches = [m for m, _on in kept]
            self.checked = [on for _m, on in kept]
            articles = {m.article_id for m in self.matches}
            self.places = {a: place for a, place in self.places.items() if a in articles}
            self.endResetModel()
            self.checked_changed.emit()
        return dropped

    def set_all(self, checked: bool) -> None:
        self.checked = [checked] * len(self.matches)
        if self.matches:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.matches) - 1, 0))
        self.checked_changed.emit()

    def set_checked(self, row: int, checked: bool) -> None:
        self.setData(
            self.index(row, self.CHECK),
            (Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked).value,
            Qt.ItemDataRole.CheckStateRole,
        )

    def checked_matches(self) -> list[Match]:
        return [m for m, on in zip(self.matches, self.checked, strict=True) if on]

    def checked_count(self) -> int:
        return sum(self.checked)

    def article_count(self) -> int:
        return len({m.article_id for m in self.matches})

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matches)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                "",
                self.tr("Where"),
                self.tr("Before"),
                self.tr("Found"),
                self.tr("Becomes"),
                self.tr("After"),
            ][section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.CHECK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        match, column = self.matches[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CHECK:
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHERE:
                place = self.places.get(match.article_id)
                if place is None:
                    return str(match.article_id)
                return f"{self._issue_label(place.issue_id)} · {place.label or place.position + 1}"
            if column == self.BEFORE:
                return ("…" if len(match.before) >= CONTEXT_SHOWN else "") + match.before[-CONTEXT_SHOWN:]
            if column == self.FOUND:
                return match.text
            if column == self.REPLACEMENT:
                return match.replacement if match.replacement is not None else ""
            if column == self.AFTER:
                return match.after[:CONTEXT_SHOWN] + ("…" if len(match.after) >= CONTEXT_SHOWN else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BEFORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column in (self.FOUND, self.REPLACEMENT):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.BEFORE, self.FOUND, self.AFTER):
            return f"{match.before}【{match.text}】{match.after}"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.CHECK or not index.isValid():
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        self.checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index)
        self.checked_changed.emit()
        return True


def _find(
    pattern: str,
    replacement: str,
    regex: bool,
    scope: str,
    scope_id: int | None,
    insensitive: bool,
    context: TaskContext,
) -> tuple[list[Match], dict[int, MatchPlace]]:
    from reader.services.find_replace import find_matches
    from reader.services.review import match_places

    with context.session() as session:
        matches = find_matches(
            session,
            pattern,
            regex=regex,
            scope=scope,
            scope_id=scope_id,
            script_insensitive=insensitive,
            replacement=replacement,
        )
        context.check_cancelled()
        return matches, match_places(session, {m.article_id for m in matches})


class FindReplaceDialog(QDialog):
    """Find and replace (not modal): Find lists the hits; Replace Checked changes only those checked.

    ``previewed`` carries the number of hits listed; ``replaced`` the number replaced.
    ``match_activated`` (issue id, article id) asks the window to show a hit's article.
    """

    previewed = Signal(int)
    replaced = Signal(int)
    match_activated = Signal(int, int)

    def __init__(
        self, context: EditContext, where: Where, issue_label: Callable[[int], str], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceDialog")
        self.setWindowTitle(self.tr("Find and Replace"))
        self.context = context
        self._where = where
        self._finding = LatestTask(context.runner, "find for replace")
        self._replacement = ""  # the replacement the listed hits were previewed with

        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("findText")
        self.find_edit.setPlaceholderText(self.tr("Text or regular expression to find"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replaceText")
        self.replace_edit.setPlaceholderText(self.tr("Replacement (\\1 or \\g<name> for groups)"))
        self.regex_box = QCheckBox(self.tr("Regular e&xpression"))
        self.regex_box.setObjectName("findRegex")
        self.insensitive_box = QCheckBox(self.tr("Ignore &script, width and case (简/繁, Ａ/A)"))
        self.insensitive_box.setObjectName("findInsensitive")
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("findScope")
        self.scope_combo.addItem(self.tr("Current article"), "article")
        self.scope_combo.addItem(self.tr("Current issue"), "issue")
        self.scope_combo.addItem(self.tr("Whole library"), "library")
        self.scope_combo.setCurrentIndex(2)

        form = QFormLayout()
        form.addRow(self.tr("&Find:"), self.find_edit)
        form.addRow(self.tr("Replace &with:"), self.replace_edit)
        options = QHBoxLayout()
        options.addWidget(self.regex_box)
        options.addWidget(self.insensitive_box)
        options.addStretch(1)
        options.addWidget(QLabel(self.tr("In:")))
        options.addWidget(self.scope_combo)
        form.addRow(options)

        self.model = MatchesModel(issue_label, self)
        self.table = QTableView()
        self.table.setObjectName("findMatches")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MatchesModel.CHECK, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(MatchesModel.WHERE, 220)
        self.table.setColumnWidth(MatchesModel.BEFORE, 180)

        self.message = QLabel()
        self.message.setObjectName("findReplaceMessage")
        self.message.setWordWrap(True)
        self.find_button = QPushButton(self.tr("Fin&d All"))
        self.find_button.setObjectName("findAll")
        self.find_button.setDefault(True)
        self.check_all_button = QPushButton(self.tr("Check &All"))
        self.check_none_button = QPushButton(self.tr("Check &None"))
        self.apply_button = QPushButton(self.tr("&Replace Checked"))
        self.apply_button.setObjectName("replaceChecked")
        self.apply_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.find_button)
        buttons.addWidget(self.check_all_button)
        buttons.addWidget(self.check_none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 560)

        self.find_button.clicked.connect(self.find_all)
        self.apply_button.clicked.connect(self.apply)
        self.check_all_button.clicked.connect(lambda: self.model.set_all(True))
        self.check_none_button.clicked.connect(lambda: self.model.set_all(False))
        self.close_button.clicked.connect(self.close)
        self.model.checked_changed.connect(self._update_counts)
        self.table.doubleClicked.connect(self._activate)
        for edit in (self.find_edit, self.replace_edit):
            edit.returnPressed.connect(self.find_all)
            edit.textEdited.connect(lambda _text: self._stale())
        self.regex_box.toggled.connect(lambda _on: self._stale())
        self.insensitive_box.toggled.connect(lambda _on: self._stale())
        self.scope_combo.currentIndexChanged.connect(lambda _row: self._stale())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find_edit.setFocus)

    # finding
    def set_find_text(self, text: str) -> None:
        """Start from this text (the selection of the reading pane, say)."""
        if text:
            self.find_edit.setText(text)
        self.find_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.find_edit.selectAll()

    def _scope(self) -> tuple[str, int | None] | None:
        scope = str(self.scope_combo.currentData())
        issue_id, article_id = self._where()
        if scope == "article":
            return (scope, article_id) if article_id is not None else None
        if scope == "issue":
            return (scope, issue_id) if issue_id is not None else None
        return scope, None

    def find_all(self) -> Task | None:
        """List every hit (in the background); nothing is changed."""
        pattern = self.find_edit.text()
        replacement = self.replace_edit.text()
        regex = self.regex_box.isChecked()
        insensitive = self.insensitive_box.isChecked()
        if not pattern:
            self._say(self.tr("Type what to find."))
            return None
        if regex:
            try:
                re.compile(pattern)
            except re.error as error:
                self._say(self.tr("Invalid regular expression: %1").replace("%1", str(error)), error=True)
                return None
        scope = self._scope()
        if scope is None:
            self._say(self.tr("Open an article (or an issue) to search in it, or search the whole library."))
            return None
        if self.context.runner.library is None:
            self._say(self.tr("The library is not open yet."))
            return None
        self.context.flush()  # the hits come from the text as typed in the editor
        self._finding.cancel()
        self.model.clear()
        self._say(self.tr("Finding…"))

        def done(found: tuple[list[Match], dict[int, MatchPlace]]) -> None:
            self._replacement = replacement
            self.model.set_matches(*found)
            self.table.resizeColumnToContents(MatchesModel.FOUND)
            self.table.resizeColumnToContents(MatchesModel.REPLACEMENT)
            if not found[0]:
                self._say(self.tr("Nothing found."))
            self.previewed.emit(len(found[0]))

        def failed(error: BaseException) -> None:
            text = str(error)
            self._say(text[:1].upper() + text[1:], error=True)

        return self._finding.start(
            lambda context: _find(pattern, replacement, regex, scope[0], scope[1], insensitive, context),
            done,
            failed,
        )

    def library_changed(self, changes: OpChanges) -> None:
        """Another change to the library (an edit, a structure edit, an issue deleted or restored): the
        hits listed in the articles it touched (in the issues, for an issue deleted or restored, or
        everywhere, for a change that names none) may be gone or moved, so they leave the list; the
        others stay and can still be replaced.  A search still running read the text from before,
        so its hits are not listed."""
        if not (changes.text or changes.structure or changes.issues):
            return
        stale = self.tr("The library changed since the search: find again to see the hits.")
        if self._finding.running:
            self._finding.cancel()
            self._say(stale)
            return
        issues = changes.issue_ids if changes.issues or not changes.article_ids else frozenset()
        everywhere = not (changes.article_ids or changes.issue_ids)

        def gone(match: Match) -> bool:
            place = self.model.places.get(match.article_id)
            in_issue = place is not None and place.issue_id in issues
            return everywhere or match.article_id in changes.article_ids or in_issue

        if not self.model.drop(gone):
            return  # nothing listed was touched (or nothing is listed)
        if self.model.rowCount():
            self._say(
                self.tr(
                    "%1 Hits in articles changed since the search left the list: find again to see them."
                ).replace("%1", self.message.text())
            )
        else:
            self._say(stale)

    def _stale(self) -> None:
        """The search changed: the hits listed no longer answer it."""
        if self.model.rowCount():
            self.model.clear()
            self._say(self.tr("Find again to see the hits of the new search."))

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        checked = self.model.checked_count()
        self.apply_button.setEnabled(checked > 0 and not self.context.read_only())
        if total:
            self._say(
                self.tr("%1 in %2; %3 checked will be replaced.")
                .replace("%1", self.tr("%n hit(s)", "", total))
                .replace("%2", self.tr("%n article(s)", "", self.model.article_count()))
                .replace("%3", str(checked))
            )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #c0392b;" if error else "")

    def _activate(self, index: QModelIndex) -> None:
        place = self.model.places.get(self.model.matches[index.row()].article_id)
        if place is not None:
            self.match_activated.emit(place.issue_id, place.article_id)

    # replacing
    def apply(self) -> bool:
        """Replace the checked hits in the background; one step on the undo stack."""
        from reader.services.find_replace import apply_replacements

        selected = self.model.checked_matches()
        if not selected:
            self._say(self.tr("Check the hits to replace."))
            return False
        if self.context.busy:
            self._say(self.tr("Wait for the change under way to finish."))
            return False
        try:
            self.context.writable_library()
        except EditRefused as error:
            self._say(str(error), error=True)
            return False
        if not self.context.flush():
            self._say(self.tr("Unsaved typing in the editor could not be saved first."), error=True)
            return False
        replacement = self._replacement
        author = self.context.author()
        self.apply_button.setEnabled(False)
        self.find_button.setEnabled(False)
        self._say(self.tr("Replacing…"))

        def done(result: ReplaceResult) -> None:
            self.find_button.setEnabled(True)
            self.model.clear()
            skipped = len(selected) - result.count
            text = self.tr("Replaced %1 in %2.").replace("%1", self.tr("%n hit(s)", "", result.count))
            text = text.replace("%2", self.tr("%n article(s)", "", len(result.before)))
            if skipped:
                text += " " + self.tr("%n changed since the preview and were left.", "", skipped)
            self._say(text)
            if result.count:
                self.context.stack.push(ReplaceCommand(self.context, selected, replacement, result))
                self.context.notify(result.before)
            self.replaced.emit(result.count)

        def failed(error: BaseException) -> None:
            self.find_button.setEnabled(True)
            self._update_counts()
            self._say(self.tr("Nothing was replaced: %1").replace("%1", str(error)), error=True)

        self.context.run_background(
            self.tr("Replace"),
            lambda session: apply_replacements(session, selected, replacement, author=author),
            done,
            failed,
        )
        return True
