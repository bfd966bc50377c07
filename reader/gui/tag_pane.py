"""The tag pane: the current article's tags as chips, an entry to add one, ranked suggestions.

The article's tags are one small query, read by the task runner (the GUI
thread runs no SQL to show them; ``tags_shown`` tells when the chips are
laid out); suggestions need jieba, which loads for seconds the first time,
so they are computed by the task runner too (the pane says "Loading the
dictionary…" meanwhile), after the tags arrive.  For both, a newer
article's request replaces an older one's.  Every change goes through the
:class:`~reader.gui.tag_commands.TagEditor`, onto the window's undo stack.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.script import fold
from reader.gui.error_label import ErrorLabel
from reader.gui.flow_layout import FlowLayout
from reader.gui.tag_models import FoldCompleter, TagListModel, kind_combo, kind_label, tag_colour
from reader.gui.tag_suggestion_list import SHORTCUT_COUNT, SuggestionRow, reason_text, stable_merge
from reader.gui.tasks import LatestTask, Task, TaskContext, TaskRunner

if TYPE_CHECKING:
    from reader.core.tag_suggestions import TagSuggestion
    from reader.gui.tag_commands import TagChange, TagEditor
    from reader.services.tag_browsing import ArticleTagging, TagInfo

TAGS_PRIORITY = 5
"""The tags of the article shown are read before the background work queued before them (suggestions…)."""

log = logging.getLogger(__name__)


def _read_tagging(article_id: int, context: TaskContext) -> ArticleTagging:
    from reader.services.tag_browsing import article_tagging

    with context.session() as session:
        context.check_cancelled()
        return article_tagging(session, article_id)


def _suggest(article_id: int, context: TaskContext) -> list[TagSuggestion]:
    from reader.core import segmenter
    from reader.services.tag_suggesting import suggest_for_article

    segmenter.ensure_loaded()  # seconds the first time: never on the GUI thread
    context.check_cancelled()
    with context.session() as session:
        return suggest_for_article(session, article_id)


class TagChip(QFrame):
    """One tag of the article: its colour, its name as stored (never converted), a × that removes it."""

    remove_clicked = Signal(int)  # tag id

    def __init__(self, tag: TagInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagChip")
        self.tag = tag
        colour = tag_colour(tag.colour, tag.kind)
        self.setStyleSheet(
            f"#tagChip {{ border: 1px solid {colour.name()}; border-radius: 9px;"
            f" background: {colour.lighter(185).name()}; }}"
            f" #tagChip QLabel {{ color: {colour.darker(170).name()}; }}"
        )
        self.setToolTip(
            self.tr("%1 · %2 · %n article(s)", "", tag.count)
            .replace("%1", tag.path)
            .replace("%2", kind_label(tag.kind))
        )
        self.label = QLabel(tag.name, self)
        self.label.setObjectName("tagChipName")
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("removeTag")
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove this tag from the article"))
        self.remove_button.clicked.connect(lambda: self.remove_clicked.emit(self.tag.id))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)


class TagPane(QWidget):
    """Tags of the article shown: chips, an entry with completion, suggestions."""

    suggestions_shown = Signal(int)  # article id, after its suggestions are listed
    tags_shown = Signal(int)  # article id, after its chips are laid out

    def __init__(
        self,
        editor: TagEditor,
        catalogue: TagListModel,
        runner: TaskRunner,
        convert: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagPane")
        self._editor = editor
        self._catalogue = catalogue
        self._runner = runner
        self._convert = convert
        self.article_id: int | None = None
        self._tagging: ArticleTagging | None = None
        self._suggestions: list[TagSuggestion] = []  # every row, in the order first shown
        # folded name -> "accepted" | "dismissed" | "withdrawn": rows kept, greyed
        self._done: dict[str, str] = {}
        self._listed_for: int | None = None  # the article whose suggestions are listed
        self._suggest_task: Task | None = None
        self._tags_read = LatestTask(runner, "article tags", priority=TAGS_PRIORITY)
        self._suggest_after_tags = False  # suggestions start once the tags being read arrive
        self._added: set[str] = set()  # names this pane added since the tags were read last
        self._kind_touched = False

        self.title_label = QLabel(self)
        self.title_label.setObjectName("tagPaneTitle")
        self.title_label.setWordWrap(True)
        self.chips = QWidget(self)
        self.chips.setObjectName("tagChips")
        self.chip_layout = FlowLayout(self.chips)
        self.empty_label = QLabel(self.tr("No tags yet."), self)
        self.empty_label.setObjectName("noTags")
        self.empty_label.setEnabled(False)

        self.entry = QLineEdit(self)
        self.entry.setObjectName("tagEntry")
        self.entry.setPlaceholderText(self.tr("Add a tag… (Ctrl+T)"))
        self.entry.setClearButtonEnabled(True)
        self.completer = FoldCompleter(catalogue, self.entry)
        self.entry.setCompleter(self.completer)
        self.kind_combo = kind_combo(self, "tagKind")
        self.kind_combo.setToolTip(self.tr("Kind of the new tag"))
        self.kind_combo.hide()
        self.error_label = ErrorLabel(self, "tagError")

        self.suggestion_label = QLabel(self.tr("Suggestions"), self)
        self.suggestion_status = QLabel(self)
        self.suggestion_status.setObjectName("suggestionStatus")
        self.suggestion_status.setEnabled(False)
        self.suggestion_list = QListWidget(self)
        self.suggestion_list.setObjectName("tagSuggestions")
        self.suggestion_list.setToolTip(self.tr("Enter or Alt+1…9 adds a suggestion; Delete dismisses it"))
        self.reason_label = QLabel(self)  # why the current row is offered: seen without a mouse
        self.reason_label.setObjectName("suggestionReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setEnabled(False)

        entry_row = QHBoxLayout()
        entry_row.setContentsMargins(0, 0, 0, 0)
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.kind_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.chips)
        layout.addWidget(self.empty_label)
        layout.addLayout(entry_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.suggestion_label)
        layout.addWidget(self.suggestion_status)
        layout.addWidget(self.suggestion_list, 1)
        layout.addWidget(self.reason_label)

        self.accept_actions: list[QAction] = []
        for n in range(1, SHORTCUT_COUNT + 1):
            action = QAction(self.tr("Accept Tag Suggestion %1").replace("%1", str(n)), self)
            action.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key(Qt.Key.Key_0 + n)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, row=n - 1: self.accept_suggestion(row))
            self.addAction(action)
            self.accept_actions.append(action)

        self.entry.returnPressed.connect(self.add_from_entry)
        self.completer.activated.connect(self._on_completion_picked)
        self.entry.textChanged.connect(self._on_entry_changed)
        self.kind_combo.activated.connect(self._on_kind_chosen)
        self.suggestion_list.installEventFilter(self)
        self.entry.installEventFilter(self)
        self.suggestion_list.currentRowChanged.connect(self._show_reason)
        self.suggestion_list.itemActivated.connect(
            lambda item: self.accept_suggestion(self.suggestion_list.row(item))
        )
        editor.changed.connect(self._on_tags_changed)
        self._suggestions_stale = False
        self._shown = False  # told by the dock (a tab behind another is "visible" but not shown)
        self.set_article(None)

    # the article
    def set_article(self, article_id: int | None, title: str | None = None) -> None:
        """Show the tags and suggestions of an article (None: no article)."""
        self.article_id = article_id
        enabled = article_id is not None
        self.entry.setEnabled(enabled)
        self.kind_combo.setEnabled(enabled)
        self.error_label.hide()
        if article_id is None:
            self.title_label.setText(self.tr("Open an article to tag it."))
        else:
            self.title_label.setText(self._convert(title) if title else self.tr("(untitled)"))
        self.reload()

    def reload(self) -> None:
        """Read the article's tags again in the background, then recompute its suggestions."""
        # computed again once the tags are in; another article's are never accepted for this one meanwhile
        self._stop_suggesting(drop=self.article_id != self._listed_for)
        if self._shown and self.article_id is not None and self._runner.library is not None:
            self._say_suggesting()  # they start once the tags are in
        self._read_tags(suggest=True)

    def _read_tags(self, *, suggest: bool) -> None:
        """Read the article's tags in the background; the chips shown stay until they arrive.

        A new article's chips go at once (those shown are another's). With
        ``suggest``, suggestions are computed once the tags are in.
        """
        article_id = self.article_id
        if self._tagging is not None and self._tagging.article_id != article_id:
            self._tagging = None
            self._added.clear()
            self._show_chips(tell=False)
        self._suggest_after_tags = self._suggest_after_tags or suggest
        if article_id is None or self._runner.library is None:
            self._tags_read.cancel()
            self._tags_arrived(None)
            return

        def failed(error: BaseException) -> None:
            log.warning("reading the tags of article %s failed: %s", article_id, error)
            self._tags_arrived(None)

        self._tags_read.start(lambda context: _read_tagging(article_id, context), self._tags_arrived, failed)

    @property
    def reading_tags(self) -> bool:
        """True while the article's tags are being read."""
        return self._tags_read.running

    def _tags_arrived(self, tagging: ArticleTagging | None) -> None:
        if tagging is not None and tagging.article_id != self.article_id:
            return  # read for an article no longer shown
        self._tagging = tagging
        self._added.clear()  # the tags read include them
        self._show_chips()
        if self._suggest_after_tags:
            self._suggest_after_tags = False
            self.refresh_suggestions()

    def _show_chips(self, *, tell: bool = True) -> None:
        self.chip_layout.clear()
        tags = self._tagging.tags if self._tagging is not None else []
        for tag in tags:
            chip = TagChip(tag, self.chips)  # the stored name: the one renaming and searching use
            chip.remove_clicked.connect(self.remove_tag)
            self.chip_layout.addWidget(chip)
            chip.show()
        self.chips.setVisible(bool(tags))
        self.empty_label.setVisible(self._tagging is not None and not tags)
        self.chip_layout.invalidate()
        self._on_entry_changed(self.entry.text())
        if tell and self.article_id is not None and self._tagging is not None:
            self.tags_shown.emit(self.article_id)

    def tag_names(self) -> list[str]:
        """The names of the article's tags, as stored."""
        return [t.name for t in self._tagging.tags] if self._tagging is not None else []

    def chip_widgets(self) -> list[TagChip]:
        return [w for w in self.chips.findChildren(TagChip) if not w.isHidden()]

    # adding and removing
    def focus_entry(self) -> None:
        """Put the cursor in the tag entry (Ctrl+T)."""
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry.selectAll()

    def is_new_name(self, name: str) -> bool:
        return bool(name.strip()) and self._catalogue.find(name.split("/")[-1]) is None

    def _on_entry_changed(self, text: str) -> None:
        new = self.article_id is not None and self.is_new_name(text)
        if not text.strip():
            self._kind_touched = False
        if new and not self._kind_touched:
            self._set_kind(self.guess_kind(text))
        self.kind_combo.setVisible(new)
        self.error_label.hide()

    def _on_kind_chosen(self, _row: int) -> None:
        self._kind_touched = True

    def _set_kind(self, kind: str) -> None:
        row = self.kind_combo.findData(kind)
        if row >= 0:
            self.kind_combo.setCurrentIndex(row)

    def guess_kind(self, name: str) -> str:
        """The default kind of a new tag: a suggestion's kind, else a guess from the name and byline."""
        from reader.core.script import fold
        from reader.services.tag_browsing import guess_kind

        last = name.split("/")[-1]
        key = fold(" ".join(last.split()))
        for suggestion in self._suggestions:
            if fold(suggestion.name) == key:
                return suggestion.kind
        bylines = self._tagging.bylines if self._tagging is not None else []
        return guess_kind(last, bylines)

    def new_kind(self) -> str:
        """The kind chosen for a new tag."""
        return str(self.kind_combo.currentData())

    def add_from_entry(self) -> None:
        """Add the entry's tag to the article (a new name gets the kind beside the entry)."""
        name = self.entry.text().strip()
        if self.article_id is None or not name:
            return
        kind = self.new_kind() if self.is_new_name(name) else None
        if self.error_label.run(lambda: self._add(self.article_id or 0, name, kind)):
            self.entry.setText("")  # with its undo history: Ctrl+Z now undoes the tag, not the typing

    def _add(self, article_id: int, name: str, kind: str | None) -> None:
        from reader.services.tagging import AddResult

        record = self._editor.add([article_id], name, kind=kind)
        if isinstance(record, AddResult):
            self._added.add(record.name)  # on the article before its tags are read again

    def _on_completion_picked(self, text: str) -> None:
        """A tag picked from the completion list is added, and the entry emptied."""
        info = self._catalogue.find(text)
        if self.article_id is None or info is None:
            return
        article_id, name = self.article_id, info.name
        added = name in self.tag_names() or name in self._added
        if added or self.error_label.run(lambda: self._add(article_id, name, None)):
            # Enter may have added it already; the completer writes the name in after this: clear then
            QTimer.singleShot(0, lambda: self.entry.setText(""))

    def remove_tag(self, tag_id: int) -> None:
        """Take a tag off the article."""
        if self.article_id is not None:
            article_id = self.article_id
            tags = self._tagging.tags if self._tagging is not None else []
            name = next((t.name for t in tags if t.id == tag_id), "")
            self.error_label.run(lambda: self._editor.remove([article_id], tag_id, name))

    # suggestions
    @property
    def shown(self) -> bool:
        """True while the pane's tab is on screen (suggestions are computed only then)."""
        return self._shown

    def set_shown(self, shown: bool) -> None:
        """The pane's dock became visible (its tab selected) or hidden: compute what was put off."""
        self._shown = shown
        if shown and self._suggestions_stale and not self._suggest_after_tags:
            self.refresh_suggestions()  # (else it starts when the tags being read arrive)

    def refresh_suggestions(self) -> None:
        """Compute the article's suggestions in the background; the newest request wins.

        While the pane is hidden nothing is computed (suggestions need jieba,
        seconds to load and some 200 MB): it happens when the pane is shown.
        """
        self._suggestions_stale = not self._shown
        article_id = self.article_id
        self._stop_suggesting(drop=self._suggestions_stale or article_id != self._listed_for)
        if self._suggestions_stale:
            return
        if article_id is None or self._runner.library is None:
            self.suggestion_status.setText("")
            return
        self._say_suggesting()
        task: Task | None = None

        def done(found: list[TagSuggestion]) -> None:
            if task is self._suggest_task:
                self._suggest_task = None
                self._show_suggestions(article_id, found)

        def failed(error: BaseException) -> None:
            if task is self._suggest_task:
                self._suggest_task = None
                self.suggestion_status.setText(
                    self.tr("No suggestions: %1").replace("%1", str(error) or type(error).__name__)
                )

        task = self._runner.start(
            "suggest tags", lambda context: _suggest(article_id, context), on_success=done, on_failure=failed
        )
        self._suggest_task = task

    def _say_suggesting(self) -> None:
        from reader.core import segmenter

        self.suggestion_status.setText(
            self.tr("Finding suggestions…") if segmenter.is_loaded() else self.tr("Loading the dictionary…")
        )

    def _stop_suggesting(self, *, drop: bool) -> None:
        """Stop computing suggestions; with ``drop``, empty the list too."""
        if self._suggest_task is not None:
            self._suggest_task.cancel()
            self._suggest_task = None
        if not drop:
            return
        self._suggestions = []
        self._done = {}
        self._listed_for = None
        self.suggestion_list.clear()

    @property
    def loading_suggestions(self) -> bool:
        return self._suggest_task is not None

    def _show_suggestions(self, article_id: int, found: list[TagSuggestion]) -> None:
        if article_id != self.article_id:
            return
        if article_id == self._listed_for:
            on_article = {fold(name) for name in (*self.tag_names(), *self._added)}
            self._suggestions, self._done = stable_merge(self._suggestions, found, self._done, on_article)
        else:
            self._suggestions, self._done = list(found), {}
        self._listed_for = article_id
        self._list_rows()
        self.suggestions_shown.emit(article_id)

    def _list_rows(self) -> None:
        """Lay out the rows of the suggestions listed, each greyed as it was done."""
        current = max(self.suggestion_list.currentRow(), 0)
        self.suggestion_list.clear()
        for n, suggestion in enumerate(self._suggestions, start=1):
            item = QListWidgetItem(self.suggestion_list)
            row = SuggestionRow(n, suggestion, self._convert, self._reason(suggestion), self.suggestion_list)
            row.accept_button.clicked.connect(lambda _checked=False, s=suggestion: self._accept(s))
            row.dismiss_button.clicked.connect(lambda _checked=False, s=suggestion: self._dismiss(s))
            row.set_done(self._done.get(fold(suggestion.name)))
            item.setSizeHint(row.sizeHint())
            self.suggestion_list.setItemWidget(item, row)
        if self._suggestions:
            self.suggestion_list.setCurrentRow(self._open_row_from(min(current, len(self._suggestions) - 1)))
            self.suggestion_status.setText("")
        else:
            self.suggestion_status.setText(self.tr("No suggestions for this article."))
        self._on_entry_changed(self.entry.text())

    def _open_row_from(self, row: int) -> int:
        """``row``, or when it is done the next row still open (else the last open one): the current row
        is never one that Enter or a click could no longer add, nor shown as if it could."""
        open_rows = [k for k, s in enumerate(self._suggestions) if fold(s.name) not in self._done]
        if not open_rows or fold(self._suggestions[row].name) not in self._done:
            return row
        return next((k for k in open_rows if k > row), open_rows[-1])

    def _reason(self, suggestion: TagSuggestion) -> str:
        return reason_text(suggestion, self._convert)

    def _show_reason(self, row: int) -> None:
        """Say under the list why the current row is offered."""
        if 0 <= row < len(self._suggestions):
            suggestion = self._suggestions[row]
            name, reason = self._convert(suggestion.name), self._reason(suggestion)
            self.reason_label.setText(self.tr("“%1”: %2").replace("%1", name).replace("%2", reason))
        self.reason_label.setVisible(0 <= row < len(self._suggestions))

    def suggestions(self) -> list[TagSuggestion]:
        """The suggestions still open (not accepted or dismissed), best first."""
        return [s for s in self._suggestions if fold(s.name) not in self._done]

    def listed(self) -> list[TagSuggestion]:
        """Every row of the list, accepted and dismissed ones included: row n is Alt+n."""
        return list(self._suggestions)

    def is_done(self, row: int) -> bool:
        return 0 <= row < len(self._suggestions) and fold(self._suggestions[row].name) in self._done

    def accept_suggestion(self, row: int) -> None:
        """Add the suggestion in this row (0 the best) to the article."""
        if 0 <= row < len(self._suggestions) and not self.is_done(row):
            self._accept(self._suggestions[row])

    def dismiss_suggestion(self, row: int) -> None:
        """Never suggest the suggestion in this row for this article again."""
        if 0 <= row < len(self._suggestions) and not self.is_done(row):
            self._dismiss(self._suggestions[row])

    def _accept(self, suggestion: TagSuggestion) -> None:
        if self.article_id is None:
            return
        article_id = self.article_id
        if self.error_label.run(
            lambda: self._editor.add(
                [article_id], suggestion.name, kind=suggestion.kind, from_suggestion=True
            )
        ):
            self._mark(suggestion, "accepted")

    def _dismiss(self, suggestion: TagSuggestion) -> None:
        if self.article_id is None:
            return
        article_id = self.article_id
        if self.error_label.run(lambda: self._editor.dismiss(article_id, suggestion.name)):
            self._mark(suggestion, "dismissed")

    def _mark(self, suggestion: TagSuggestion, state: str) -> None:
        """Grey a suggestion's row at once; it keeps its place so the others keep their numbers."""
        if suggestion in self._suggestions:
            row = self._suggestions.index(suggestion)
            self._done[fold(suggestion.name)] = state
            widget = self.suggestion_list.itemWidget(self.suggestion_list.item(row))
            if isinstance(widget, SuggestionRow):
                widget.set_done(state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.entry and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            undo, redo = (
                event.matches(QKeySequence.StandardKey.Undo),
                event.matches(QKeySequence.StandardKey.Redo),
            )
            if (undo and not self.entry.isUndoAvailable()) or (redo and not self.entry.isRedoAvailable()):
                event.ignore()  # nothing typed to undo: the window's Undo (the tag just added) has the key
                return True
        if watched is self.suggestion_list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            row = self.suggestion_list.currentRow()
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.dismiss_suggestion(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_suggestion(row)
                return True
        return super().eventFilter(watched, event)

    # changes made anywhere
    def _on_tags_changed(self, change: TagChange) -> None:
        if self.article_id is None:
            return
        if change.structure or self.article_id in change.article_ids:
            self.reload()
        else:  # names, kinds, colours may have changed
            self._read_tags(suggest=False)

    def follow_elsewhere(self) -> None:
        """Another client may have tagged, untagged or renamed: read the article's tags again."""
        if self.article_id is not None:
            self._read_tags(suggest=False)

    def refresh_text(self) -> None:
        """Show names in the newly chosen script (the tags read last: nothing is read again)."""
        self._show_chips()
        if self._suggestions and self.article_id is not None:
            self._list_rows()  # the rows as they are: accepted and dismissed ones stay greyed
