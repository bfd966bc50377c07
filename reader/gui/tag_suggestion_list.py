"""A suggestion list kept stable while an article is shown (Alt+n always means the same row), its
rows, and the reason each suggestion is offered, as the interface says it."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from reader.core.script import fold
from reader.gui.i18n import Context
from reader.gui.tag_models import kind_label

TagSuggestions = Context("TagSuggestions")
SHORTCUT_COUNT = 9  # Alt+1 … Alt+9 accept the first nine suggestions

if TYPE_CHECKING:
    from reader.core.tag_suggestions import TagSuggestion


def stable_merge(
    shown: list[TagSuggestion],
    fresh: list[TagSuggestion],
    done: dict[str, str],
    on_article: Collection[str] = (),
) -> tuple[list[TagSuggestion], dict[str, str]]:
    """The rows to list after a recomputation, and which of them are done.

    Rows already shown keep their place, name and kind; one missing from the
    fresh list is done: dismissed if it was, accepted if the article has a tag
    of that name (folded names in ``on_article``), else "withdrawn" (a tag
    added since covers it, say); one back in it (an undo) is open again; new
    suggestions come after the others.
    """
    fresh_keys = {fold(s.name) for s in fresh}
    rows = list(shown)
    marks: dict[str, str] = {}
    for s in shown:
        key = fold(s.name)
        if key not in fresh_keys:
            marks[key] = done.get(key) or ("accepted" if key in on_article else "withdrawn")
    known = {fold(s.name) for s in shown}
    rows.extend(s for s in fresh if fold(s.name) not in known)
    return rows, marks


def reason_text(suggestion: TagSuggestion, convert: Callable[[str], str] = str) -> str:
    """Why a suggestion is offered, in the interface's language (its detail filled in)."""
    detail = convert(suggestion.detail)
    reasons = {
        "existing tag": TagSuggestions.tr("a tag of the library named in the article"),
        "alias": TagSuggestions.tr("a tag of the library, named in the article as “%1”"),
        "byline": TagSuggestions.tr("named in the byline"),
        "source": TagSuggestions.tr("the article's source"),
        "role": TagSuggestions.tr("a person named after “%1”"),
        "suffix": TagSuggestions.tr("a name ending in “%1”"),
        "quoted": TagSuggestions.tr("set in quotation marks in the article"),
        "book title": TagSuggestions.tr("set in book-title marks in the article"),
        "person": TagSuggestions.tr("a person named in the article"),
        "list": TagSuggestions.tr("a person of a list of people in the article"),
        "place": TagSuggestions.tr("a place named in the article"),
        "organisation": TagSuggestions.tr("an organisation named in the article"),
        "keyword": TagSuggestions.tr("a keyword of the article"),
    }
    if suggestion.reason == "phrase":
        if suggestion.detail == "library":
            return TagSuggestions.tr("a phrase that recurs across the library")
        if suggestion.detail == "learned":
            return TagSuggestions.tr("a phrase of the article like those archivists tag")
        return TagSuggestions.tr("a phrase that recurs in the article")
    if suggestion.reason == "existing tag" and detail and fold(detail) != fold(suggestion.name):
        return TagSuggestions.tr("a tag of the library, named in the article as “%1”").replace("%1", detail)
    return reasons.get(suggestion.reason, suggestion.reason).replace("%1", detail)


class SuggestionRow(QWidget):
    """One suggestion: a button that accepts it, its kind, a × that dismisses it."""

    def __init__(
        self,
        number: int,
        suggestion: TagSuggestion,
        convert: Callable[[str], str],
        reason: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        prefix = f"{number}  " if number <= SHORTCUT_COUNT else ""
        self.accept_button = QToolButton(self)
        self.accept_button.setObjectName("acceptSuggestion")
        self.accept_button.setText(prefix + "+ " + convert(suggestion.name))
        self.accept_button.setAutoRaise(True)
        self.accept_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.accept_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tip = self.tr("Add this tag (%1)").replace("%1", f"Alt+{number}") if number <= SHORTCUT_COUNT else ""
        tip = tip or self.tr("Add this tag")
        self.setToolTip(reason)
        self.accept_button.setToolTip(f"{reason}\n{tip}")  # the name covers most of the row: it says why too
        self.kind_label = QLabel(kind_label(suggestion.kind), self)
        self.kind_label.setEnabled(False)
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setObjectName("dismissSuggestion")
        self.dismiss_button.setText("×")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setToolTip(self.tr("Never suggest this for this article (Delete)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(4)
        layout.addWidget(self.accept_button, 1)
        layout.addWidget(self.kind_label)
        layout.addWidget(self.dismiss_button)

    def set_done(self, state: str | None) -> None:
        """Grey the row once accepted, dismissed (struck out too) or withdrawn (None: open)."""
        done = state is not None
        font = self.accept_button.font()
        font.setStrikeOut(state == "dismissed")
        self.accept_button.setFont(font)
        self.accept_button.setEnabled(not done)
        self.dismiss_button.setEnabled(not done)
        if state == "accepted":
            self.accept_button.setToolTip(self.tr("Added to the article"))
        elif state == "dismissed":
            self.accept_button.setToolTip(self.tr("Dismissed for this article"))
        elif state == "withdrawn":
            self.accept_button.setToolTip(self.tr("No longer suggested for this article"))
