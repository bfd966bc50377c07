"""Small dialogs for tag rules ("tag every article that mentions X with T") and tag aliases.

Every change goes through the :class:`~reader.gui.tag_commands.TagEditor`,
onto the window's undo stack.  A rule is previewed first: the count of the
articles it matches is read in the background (it reads the whole library's
text), and applying it tags exactly the articles the preview found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.gui.error_label import ErrorLabel
from reader.gui.tag_commands import TagChange
from reader.gui.tag_models import TAG_KINDS, FoldCompleter, TagListModel, kind_label
from reader.gui.tasks import LatestTask
from reader.gui.undo import make_undo_actions

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.gui.tag_commands import Record, TagEditor
    from reader.gui.tasks import Task, TaskContext, TaskRunner
    from reader.services.tag_rules import RemovedRule, RuleInfo, RulePreview

_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ALIASES_CHANGED = TagChange(structure=True)
"""Suggestions find tags by their aliases: the article shown has its suggestions computed again."""


def _say(label: ErrorLabel, text: str) -> None:
    label.setText(text)
    label.show()


@dataclass(frozen=True, slots=True)
class _RemovedRules:
    """Rules removed in one step; undo brings them all back."""

    removed: tuple[RemovedRule, ...]

    def undo(self, session: Session) -> None:
        for rule in reversed(self.removed):
            rule.undo(session)


def _rules(context: TaskContext) -> list[RuleInfo]:
    from reader.services.tag_rules import list_rules

    with context.session() as session:
        return list_rules(session)


def _preview(rule_id: int, context: TaskContext) -> RulePreview:
    from reader.services.tag_rules import preview_rule

    with context.session() as session:
        return preview_rule(session, rule_id)


class TagRulesDialog(QDialog):
    """Lists the library's tag rules; adds, previews, applies and removes them."""

    previewed = Signal(int)  # rule id, once its preview is shown
    listed = Signal()  # the rules, read in the background, are shown

    def __init__(
        self,
        editor: TagEditor,
        catalogue: TagListModel,
        runner: TaskRunner,
        convert: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagRulesDialog")
        self.setWindowTitle(self.tr("Tag Rules"))
        self._editor = editor
        self._runner = runner
        self._convert = convert
        self._preview: RulePreview | None = None
        self._preview_task: Task | None = None
        self._listing = LatestTask(runner, "list tag rules")
        self._to_select: int | None = None  # a rule just added: selected once the list is read again
        self._shown_once = False  # after the first listing, a rule that comes back is selected
        intro = QLabel(
            self.tr(
                "A rule tags every article that mentions a text (in any script) with a tag: "
                "now when you apply it, and every issue imported afterwards."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.rule_list = QListWidget(self)
        self.rule_list.setObjectName("tagRules")
        self.rule_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Remove takes all
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("rulePreview")
        self.preview_label.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setObjectName("previewRule")
        self.preview_button.setToolTip(self.tr("Count the articles the rule matches"))
        self.apply_button = QPushButton(self.tr("Appl&y"), self)  # Alt+P is Preview
        self.apply_button.setObjectName("applyRule")
        self.apply_button.setToolTip(self.tr("Tag the articles the preview counted (undo with Ctrl+Z)"))
        self.unapply_button = QPushButton(self.tr("Take Tags &Off"), self)
        self.unapply_button.setObjectName("unapplyRule")
        tip = self.tr(
            "Take the tag of the rule off every article it tagged, on import too (undo with Ctrl+Z)"
        )
        self.unapply_button.setToolTip(tip)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("removeRule")
        self.remove_button.setToolTip(
            self.tr("Delete the rule (the tags it added stay; a tag no article or rule has goes with it)")
        )
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setObjectName("ruleTag")
        self.tag_edit.setPlaceholderText(self.tr("Tag"))
        self.tag_edit.setCompleter(FoldCompleter(catalogue, self.tag_edit))
        self.pattern_edit = QLineEdit(self)
        self.pattern_edit.setObjectName("rulePattern")
        self.pattern_edit.setPlaceholderText(self.tr("Text the article mentions"))
        self.regex_box = QCheckBox(self.tr("Regular e&xpression"), self)
        self.regex_box.setObjectName("ruleRegex")
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("ruleKind")
        for kind in TAG_KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.kind_box.setCurrentIndex(TAG_KINDS.index("topic"))
        self.kind_box.setToolTip(self.tr("The kind of the tag, when the rule creates it"))
        self.add_button = QPushButton(self.tr("&Add Rule"), self)
        self.add_button.setObjectName("addRule")
        self.error_label = ErrorLabel(self, "ruleError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.apply_button)
        actions.addWidget(self.unapply_button)
        actions.addStretch(1)
        actions.addWidget(self.remove_button)
        form = QFormLayout()
        form.addRow(self.tr("Mentions:"), self.pattern_edit)
        form.addRow(self.tr("Tag with:"), self.tag_edit)
        self.kind_caption = QLabel(self.tr("&Kind of a new tag:"), self)
        self.kind_caption.setBuddy(self.kind_box)  # Alt+K
        form.addRow(self.kind_caption, self.kind_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.regex_box)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rule_list, 1)
        layout.addLayout(actions)
        layout.addWidget(self.preview_label)
        layout.addLayout(form)
        layout.addLayout(add_row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        # Tab goes down the fields as they are laid out (the tag field is made before the text's)
        QWidget.setTabOrder(self.pattern_edit, self.tag_edit)
        QWidget.setTabOrder(self.tag_edit, self.kind_box)
        QWidget.setTabOrder(self.kind_box, self.regex_box)
        self.add_button.clicked.connect(self.add_rule)
        self.pattern_edit.returnPressed.connect(self.add_rule)
        self.tag_edit.returnPressed.connect(self.add_rule)  # Enter in the last field adds, as in the first
        self.preview_button.clicked.connect(self.preview_selected)
        self.apply_button.clicked.connect(self.apply_previewed)
        self.unapply_button.clicked.connect(self.unapply_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.rule_list.currentRowChanged.connect(lambda _row: self._on_selection())
        self.rule_list.itemSelectionChanged.connect(self._on_selection)
        self.finished.connect(self._stop_preview)  # a count arriving after the dialog closed is dropped
        self.finished.connect(self._listing.cancel)
        self.addActions(make_undo_actions(editor.stack, self))  # Ctrl+Z here too: the dialog is modal
        editor.changed.connect(self._on_tags_changed)
        self.reload()

    def _on_tags_changed(self, _change: object) -> None:
        if self._preview is None and self._preview_task is None:
            self.preview_label.setText("")  # "Tagged n articles" no longer holds after an undo
        self.reload()

    def _stop_preview(self) -> None:
        if self._preview_task is not None:
            self._preview_task.cancel()
            self._preview_task = None

    # the list
    def reload(self) -> None:
        """Read the rules again in the background; ``listed`` says when they are shown."""

        def failed(error: BaseException) -> None:
            _say(self.error_label, str(error) or type(error).__name__)

        self._listing.start(_rules, self._show_rules, failed)

    def _show_rules(self, rules: list[RuleInfo]) -> None:
        """List ``rules``, selecting a rule just added or the rules that came back (Undo of their
        removal, Redo of their adding: all of them, the last current), or else those selected now
        (the user may have picked others while they were read)."""
        current = self._to_select if self._to_select is not None else self.selected_rule()
        chosen = set(self.selected_rules()) if self._to_select is None else {self._to_select}
        self._to_select = None
        listed = set(self.rule_ids())
        appeared = [rule.id for rule in rules if rule.id not in listed]
        if self._shown_once and appeared:
            # rules back by Undo (of their removal) or Redo (of their adding), removed together or
            # undone in a row and listed at once: all of them are selected, the last one current,
            # so that the archivist sees what Undo did
            chosen, current = set(appeared), appeared[-1]
        self._shown_once = True
        self.rule_list.blockSignals(True)
        self.rule_list.clear()
        items = []
        for rule in rules:
            kind = self.tr("pattern") if rule.is_regex else self.tr("text")
            text = f"{rule.id}  {self._convert(rule.pattern)} ({kind})  →  {self._convert(rule.tag)}"
            item = QListWidgetItem(text, self.rule_list)
            item.setData(_ID_ROLE, rule.id)
            items.append(item)
            if rule.id == current:
                self.rule_list.setCurrentItem(item)  # selects it alone: the others chosen follow
        for item, rule in zip(items, rules, strict=True):
            item.setSelected(rule.id in chosen or rule.id == current)
        self.rule_list.blockSignals(False)
        self._on_selection()
        self.listed.emit()

    def is_listing(self) -> bool:
        """True while the rules are being read again."""
        return self._listing.running

    def rule_ids(self) -> list[int]:
        return [int(self.rule_list.item(n).data(_ID_ROLE)) for n in range(self.rule_list.count())]

    def selected_rule(self) -> int | None:
        """The current rule (the one previewed, applied or taken off), or None."""
        item = self.rule_list.currentItem()
        return int(item.data(_ID_ROLE)) if item is not None else None

    def selected_rules(self) -> list[int]:
        """The rules selected (Remove takes them all), in the list's order."""
        return [rule_id for n, rule_id in enumerate(self.rule_ids()) if self.rule_list.item(n).isSelected()]

    def single_rule(self) -> int | None:
        """The rule Preview, Apply and Take Tags Off act on: the current one, when it alone is
        selected (with several selected, only Remove acts, on them all), or None."""
        rule = self.selected_rule()
        return rule if rule is not None and self.selected_rules() == [rule] else None

    def _on_selection(self) -> None:
        rule = self.single_rule()
        if self._preview is not None and self._preview.rule_id != rule:
            self._preview = None
            self.preview_label.setText("")
        self.preview_button.setEnabled(rule is not None)
        self.remove_button.setEnabled(bool(self.selected_rules()))
        self.unapply_button.setEnabled(rule is not None)
        self.apply_button.setEnabled(self._preview is not None and bool(self._preview.new))

    # changes
    def add_rule(self) -> None:
        """Add a rule from the fields (the tag is created if needed)."""
        from reader.services.tag_rules import AddedRule, add_rule

        tag, pattern, regex = (
            self.tag_edit.text().strip(),
            self.pattern_edit.text().strip(),
            self.regex_box.isChecked(),
        )
        if not tag or not pattern:
            _say(self.error_label, self.tr("Give the text to look for and the tag."))
            return
        kind = str(self.kind_box.currentData())

        def apply(session: Session, _author: str) -> Record:
            result = add_rule(session, tag, pattern, is_regex=regex, kind=kind)
            self._to_select = result.rule_id  # selected when the list is read again
            return result

        def change(record: Record) -> TagChange:
            assert isinstance(record, AddedRule)
            return TagChange()

        text = self.tr("Add Tag Rule “%1”").replace("%1", pattern)
        if self.error_label.run(lambda: self._editor.push(text, apply, change)):
            self.pattern_edit.clear()
            self.tag_edit.clear()
            self.regex_box.setChecked(False)

    def preview_selected(self) -> None:
        """Count the articles the selected rule matches, in the background."""
        rule_id = self.single_rule()
        if rule_id is None:
            return
        self._stop_preview()
        self.preview_label.setText(self.tr("Counting…"))
        task: Task | None = None

        def done(preview: RulePreview) -> None:
            if task is self._preview_task:
                self._preview_task = None
                self._preview = preview
                self.preview_label.setText(
                    self.tr("Matches %n article(s);", "", len(preview.matching))
                    + " "
                    + self.tr("%n would be newly tagged.", "", len(preview.new))
                )
                self._on_selection()
                self.previewed.emit(preview.rule_id)

        def failed(error: BaseException) -> None:
            if task is self._preview_task:
                self._preview_task = None
                self.preview_label.setText("")
                _say(self.error_label, str(error) or type(error).__name__)

        task = self._runner.start(
            "preview tag rule", lambda context: _preview(rule_id, context), on_success=done, on_failure=failed
        )
        self._preview_task = task

    def apply_previewed(self) -> None:
        """Tag the articles the preview found (one undoable command)."""
        from reader.services.tag_rules import author_of, get_rule
        from reader.services.tagging import AddResult, add_tag, get_tag, tag_path

        preview = self._preview
        if preview is None or not preview.new:
            return
        ids = list(preview.new)
        rule_id = preview.rule_id

        def apply(session: Session, _author: str) -> Record:
            tag = get_tag(session, get_rule(session, rule_id).tag_id)
            return add_tag(session, ids, tag_path(tag), author=author_of(rule_id))

        def change(record: Record) -> TagChange:
            assert isinstance(record, AddResult)
            return TagChange(frozenset(record.added))

        text = self.tr("Apply Tag Rule to %n Article(s)", "", len(ids))
        if self.error_label.run(lambda: self._editor.push(text, apply, change)):
            self._preview = None
            self.preview_label.setText(self.tr("Tagged %n article(s).", "", len(ids)))
            self._on_selection()

    def unapply_selected(self) -> None:
        """Take the rule's tag off the articles it tagged (one undoable step; tags added by hand stay)."""
        from reader.services.tag_rules import unapply_rule
        from reader.services.tagging import RemoveResult

        rule_id = self.single_rule()
        if rule_id is None:
            return
        removed: list[int] = []

        def change(record: Record) -> TagChange:
            assert isinstance(record, RemoveResult)
            return TagChange(frozenset(link.article_id for link in record.removed))

        def apply(session: Session, _author: str) -> Record:
            result = unapply_rule(session, rule_id)
            removed[:] = [link.article_id for link in result.removed]
            return result

        text = self.tr("Take Off the Tags of Tag Rule %1").replace("%1", str(rule_id))
        if self.error_label.run(lambda: self._editor.push(text, apply, change)):
            self._preview = None
            self.preview_label.setText(self.tr("Took the tag off %n article(s).", "", len(removed)))
            self._on_selection()

    def remove_selected(self) -> None:
        """Delete the selected rules (one undoable step; the tags they added stay)."""
        from reader.services.tag_rules import remove_rule

        rule_ids = self.selected_rules()
        if not rule_ids:
            return
        text = (
            self.tr("Remove Tag Rule")
            if len(rule_ids) == 1
            else self.tr("Remove %n Tag Rule(s)", "", len(rule_ids))
        )
        self.error_label.run(
            lambda: self._editor.push(
                text,
                lambda session, _author: _RemovedRules(tuple(remove_rule(session, i) for i in rule_ids)),
                lambda _record: TagChange(structure=True),  # their tags may have gone with them
            )
        )


class TagAliasesDialog(QDialog):
    """Lists the library's tag aliases; adds and removes them."""

    def __init__(
        self,
        editor: TagEditor,
        catalogue: TagListModel,
        convert: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagAliasesDialog")
        self.setWindowTitle(self.tr("Tag Aliases"))
        self._editor = editor
        self._catalogue = catalogue
        self._convert = convert
        intro = QLabel(
            self.tr(
                "Another name of a tag (外滩 for 外滩街道): suggestions, the tag filter and "
                "the command line find the tag by it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.alias_list = QListWidget(self)
        self.alias_list.setObjectName("tagAliases")
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setObjectName("aliasTag")
        self.tag_edit.setPlaceholderText(self.tr("Tag"))
        self.tag_edit.setCompleter(FoldCompleter(catalogue, self.tag_edit))
        self.alias_edit = QLineEdit(self)
        self.alias_edit.setObjectName("aliasName")
        self.alias_edit.setPlaceholderText(self.tr("Another name"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("addAlias")
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("removeAlias")
        self.error_label = ErrorLabel(self, "aliasError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.tag_edit, 1)
        row.addWidget(QLabel("←", self))
        row.addWidget(self.alias_edit, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.alias_list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add_alias)
        self.alias_edit.returnPressed.connect(self.add_alias)
        self.remove_button.clicked.connect(self.remove_selected)
        self.alias_list.currentRowChanged.connect(lambda r: self.remove_button.setEnabled(r >= 0))
        self.addActions(make_undo_actions(editor.stack, self))  # Ctrl+Z here too: the dialog is modal
        editor.changed.connect(self._on_tags_changed)
        self.reload()

    def _on_tags_changed(self, _change: object) -> None:
        self.reload()

    def reload(self) -> None:
        from reader.services.tag_aliases import list_aliases

        with self._editor.library().session() as session:
            rows = list_aliases(session)
        self.alias_list.clear()
        for row in rows:
            item = QListWidgetItem(
                f"{self._convert(row.alias)}  →  {self._convert(row.tag)}", self.alias_list
            )
            item.setData(_ID_ROLE, row.alias)
        self.remove_button.setEnabled(self.alias_list.currentRow() >= 0)

    def aliases(self) -> list[str]:
        return [str(self.alias_list.item(n).data(_ID_ROLE)) for n in range(self.alias_list.count())]

    def add_alias(self) -> None:
        """Give the tag in the first field the name in the second."""
        from reader.services.tag_aliases import add_alias

        info = self._catalogue.find(self.tag_edit.text().strip())
        alias = self.alias_edit.text().strip()
        if info is None:
            _say(self.error_label, self.tr("Choose a tag of the library."))
            return
        if not alias:
            return
        tag_id = info.id
        text = self.tr("Add Alias “%1”").replace("%1", alias)
        if self.error_label.run(
            lambda: self._editor.push(
                text, lambda session, _author: add_alias(session, tag_id, alias), lambda _r: _ALIASES_CHANGED
            )
        ):
            self.alias_edit.clear()

    def remove_selected(self) -> None:
        from reader.services.tag_aliases import remove_alias

        item = self.alias_list.currentItem()
        if item is None:
            return
        alias = str(item.data(_ID_ROLE))
        self.error_label.run(
            lambda: self._editor.push(
                self.tr("Remove Alias “%1”").replace("%1", alias),
                lambda session, _author: remove_alias(session, alias),
                lambda _r: _ALIASES_CHANGED,
            )
        )
