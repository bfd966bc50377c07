"""Review tools in the main window: the suggestions and notes docks and the Structure menu.

:class:`ReviewTools` is made by the window once its menus exist: it adds
the two docks (right side, tabbed with the search pane), the
Proofreading section of the Edit menu, the docks' toggles in the View menu and
the Structure menu before Help.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from reader.gui.edit_commands import Editing
from reader.gui.note_navigation import NoteNavigation
from reader.gui.notes_pane import NotesPane, install_notes_pane
from reader.gui.ocr_review import OcrReview
from reader.gui.segmentation_actions import install_structure_menu
from reader.gui.suggestions_pane import SuggestionsPane, install_suggestions_pane
from reader.gui.workbench import Workbench


class ReviewTools(QObject):
    """Suggestions, notes and structure editing, wired to the window."""

    def __init__(self, wb: Workbench) -> None:
        super().__init__(wb)
        self.setObjectName("reviewTools")
        a = wb.actions
        self.wb = wb
        self.editing = Editing(wb)
        self.suggestions_dock = install_suggestions_pane(wb, self.editing)
        self.notes_dock = install_notes_pane(wb, self.editing, beside=self.suggestions_dock)
        self.note_navigation = NoteNavigation(wb, self.notes_dock, self.notes)  # F4, Shift+F4
        wb.panes.search_dock.raise_()
        self.structure = install_structure_menu(wb, self.editing)
        self.ocr_review = OcrReview(wb, self.suggestions)  # unsure marks, next unsure, page crops

        edit_menu = wb.menu_of(a.copy)
        if edit_menu is not None:
            self._add_to_edit_menu(edit_menu)
        view_menu = wb.menu_of(a.zoom_in)
        if view_menu is not None:
            self.suggestions_dock.toggleViewAction().setText(self.tr("S&uggestions Pane"))
            self.notes_dock.toggleViewAction().setText(self.tr("&Notes Pane"))
            view_menu.addActions(
                [self.suggestions_dock.toggleViewAction(), self.notes_dock.toggleViewAction()]
            )

    def _add_to_edit_menu(self, menu: QMenu) -> None:
        """Suggestions and notes, before the preferences when the menu ends with them."""
        a = self.wb.actions
        before = a.preferences if a.preferences in menu.actions() else None
        section = QMenu(menu)  # a holder for the entries, moved into the menu below
        if before is None:
            section.addSeparator()
        # Submenus of their own: the Edit menu's letters (&A, &R…) would clash otherwise.
        suggestions = section.addMenu(self.tr("Artefact Su&ggestions"))
        suggestions.addActions(
            [a.next_suggestion, a.previous_suggestion, a.accept_suggestion, a.reject_suggestion]
        )
        accept_all = suggestions.addMenu(self.tr("Accept All of &This Rule"))
        accept_all.addActions([a.accept_all_article, a.accept_all_issue, a.accept_all_library])
        suggestions.addSeparator()
        suggestions.addAction(a.user_rules)
        notes = section.addMenu(self.tr("N&otes"))
        notes.addActions([a.add_note, a.edit_note, a.toggle_note_resolved, a.delete_note])
        notes.addSeparator()
        notes.addActions([a.next_note, a.previous_note])
        if before is not None:
            section.addSeparator()
        menu.insertActions(before, section.actions())  # type: ignore[arg-type]

    @property
    def suggestions(self) -> SuggestionsPane:
        pane = self.suggestions_dock.widget()
        assert isinstance(pane, SuggestionsPane)
        return pane

    @property
    def notes(self) -> NotesPane:
        pane = self.notes_dock.widget()
        assert isinstance(pane, NotesPane)
        return pane
