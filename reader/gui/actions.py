"""The window's actions in one registry, with standard shortcuts where the platform has them."""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget

from reader.core.script import Script
from reader.gui.i18n import plain_tooltip
from reader.gui.labels import BLOCK_ROLES, ROLE_KEYS, role_menu_label
from reader.gui.scripts import SCRIPT_ORDER, script_menu_label
from reader.gui.settings import Theme


def _ctrl_shift(key: Qt.Key) -> QKeySequence:
    return QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | key)


PANE_KEYS: dict[str, QKeySequence] = {
    # the View menu's pane toggles, by their dock's object name (Alt+1… are the tag suggestions')
    "libraryDock": _ctrl_shift(Qt.Key.Key_Y),
    "searchDock": _ctrl_shift(Qt.Key.Key_K),
    "tagDock": _ctrl_shift(Qt.Key.Key_I),
    "tagBrowserDock": _ctrl_shift(Qt.Key.Key_B),
    "suggestionsDock": _ctrl_shift(Qt.Key.Key_J),
    "notesDock": _ctrl_shift(Qt.Key.Key_M),
    "scanDock": _ctrl_shift(Qt.Key.Key_P),
}
ATTACH_SCANS_KEY = _ctrl_shift(Qt.Key.Key_A)  # File > Attach Page Scans… (reader.gui.scan_attach)


def give_pane_key(dock: QDockWidget) -> None:
    """Give the dock's View menu toggle its key of ``PANE_KEYS`` (none for a dock not listed)."""
    key = PANE_KEYS.get(dock.objectName())
    if key is not None:
        dock.toggleViewAction().setShortcut(key)


def _icon(*names: str) -> QIcon:
    """The first themed icon found among ``names`` (an empty icon when the theme has none)."""
    for name in names:
        icon = QIcon.fromTheme(name)
        if not icon.isNull():
            return icon
    return QIcon()


class Actions(QObject):
    """Every QAction of the main window; menus, toolbar and shortcuts share them."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._untipped: list[QAction] | None = []  # given their tooltips by give_tooltips(); then None
        SK = QKeySequence.StandardKey

        # File
        self.import_files = self._make(self.tr("&Import Files…"), SK.Open, icon=_icon("document-open"))
        self.import_files.setStatusTip(
            self.tr("Import issue files (.txt), page scans or Jiaokan exports into the library")
        )
        self.import_folder = self._make(
            self.tr("Import &Folder…"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_O),
            icon=_icon("folder-open"),
        )
        self.import_folder.setStatusTip(
            self.tr("Import every .txt file of a folder and its subfolders, or its page scans as an issue")
        )
        self.open_sample = self._make(self.tr("Open the Sa&mple Issue"))
        self.open_library = self._make(
            self.tr("Open &Library…"), QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.ALT | Qt.Key.Key_O)
        )
        self.open_library.setStatusTip(self.tr("Open a library file or a team library on a server"))
        # export and data safety (reader.gui.export_dialog, reader.gui.backups_dialog)
        self.export = self._make(
            self.tr("&Export…"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_E),
            icon=_icon("document-export", "document-save-as"),
        )
        self.export.setStatusTip(self.tr("Export articles or issues as text, Markdown, JSON, CSV or TEI"))
        self.backups = self._make(self.tr("&Backups…"))
        self.backups.setStatusTip(self.tr("List, make and restore backups of the library"))
        self.quit = self._make(self.tr("&Quit"), SK.Quit, icon=_icon("application-exit"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        # Edit
        self.copy = self._make(self.tr("&Copy"), SK.Copy, icon=_icon("edit-copy"))
        self.select_all = self._make(self.tr("Select &All"), SK.SelectAll)
        self.find = self._make(self.tr("&Find…"), SK.Find, icon=_icon("edit-find"))
        self.find.setStatusTip(self.tr("Search every article of the library"))
        self.filter_library = self._make(
            self.tr("F&ilter the Library"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L)
        )

        # View
        self.zoom_in = self._make(self.tr("Zoom &In"), SK.ZoomIn, icon=_icon("zoom-in"))
        self.zoom_in.setShortcuts(
            [QKeySequence(SK.ZoomIn), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Equal)]
        )
        self.zoom_out = self._make(self.tr("Zoom &Out"), SK.ZoomOut, icon=_icon("zoom-out"))
        self.zoom_reset = self._make(
            self.tr("&Actual Size"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_0),
            icon=_icon("zoom-original"),
        )
        self.next_script = self._make(
            self.tr("&Next Script"), QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_T)
        )
        self.next_script.setStatusTip(self.tr("Show the text in the next script"))
        self.script_group = QActionGroup(self)
        self.script_group.setExclusive(True)
        self.script_actions: dict[Script, QAction] = {}
        for script in SCRIPT_ORDER:
            action = self._make(script_menu_label(script), checkable=True)
            action.setData(script.value)
            self.script_group.addAction(action)
            self.script_actions[script] = action
        self.theme_group = QActionGroup(self)
        self.theme_group.setExclusive(True)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme, label in (
            (Theme.SYSTEM, self.tr("Follow the &System")),
            (Theme.LIGHT, self.tr("&Light")),
            (Theme.DARK, self.tr("&Dark")),
        ):
            action = self._make(label, checkable=True)
            action.setData(theme.value)
            self.theme_group.addAction(action)
            self.theme_actions[theme] = action
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("zh_CN", "中文(简体)"), ("en", "English")):
            action = self._make(label, checkable=True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action

        # Go
        self.next_article = self._make(
            self.tr("&Next Article"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown),
            icon=_icon("go-next"),
        )
        self.next_article.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown),
                QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down),
            ]
        )
        self.previous_article = self._make(
            self.tr("&Previous Article"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp),
            icon=_icon("go-previous"),
        )
        self.previous_article.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp),
                QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up),
            ]
        )
        self.issue_page = self._make(self.tr("&Issue Page"), QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Home))
        self.issue_page.setStatusTip(self.tr("Show the page of the current article's issue"))

        # Proofreading: suggestions, notes (reader.gui.suggestions_pane, reader.gui.notes_pane)
        self.next_suggestion = self._make(self.tr("&Next Suggestion"), QKeySequence(Qt.Key.Key_F7))
        self.next_suggestion.setStatusTip(self.tr("Select the next suggestion of the rules in this article"))
        self.previous_suggestion = self._make(
            self.tr("&Previous Suggestion"), QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F7)
        )
        self.accept_suggestion = self._make(self.tr("&Accept Suggestion"), QKeySequence(Qt.Key.Key_F9))
        self.accept_suggestion.setStatusTip(self.tr("Apply the selected suggestion's replacement"))
        self.reject_suggestion = self._make(
            self.tr("&Reject Suggestion"), QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F9)
        )
        self.reject_suggestion.setStatusTip(self.tr("Never offer the selected suggestion again"))
        # OCR confidence (reader.gui.ocr_review)
        self.show_unsure_marks = self._make(
            self.tr("OCR Unsure &Marks"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.ALT | Qt.Key.Key_U),
            checkable=True,
        )
        self.show_unsure_marks.setStatusTip(self.tr("Mark the passages the OCR model was unsure of"))
        self.next_unsure = self._make(
            self.tr("Next &Unsure Passage"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_U)
        )
        self.next_unsure.setStatusTip(self.tr("Go to the next passage the OCR model was unsure of"))
        self.accept_all_article = self._make(self.tr("Accept All of This Rule in the A&rticle…"))
        self.accept_all_issue = self._make(self.tr("Accept All of This Rule in the &Issue…"))
        self.accept_all_library = self._make(self.tr("Accept All of This Rule in the &Library…"))
        self.user_rules = self._make(self.tr("&User Rules…"))
        self.user_rules.setStatusTip(self.tr("Add, change, export or import your own suggestion rules"))
        self.add_note = self._make(
            self.tr("Add &Note…"), QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.ALT | Qt.Key.Key_M)
        )
        self.add_note.setStatusTip(self.tr("Attach a note to the selected text"))
        self.edit_note = self._make(self.tr("&Edit Note…"))
        self.toggle_note_resolved = self._make(self.tr("Re&solve Note"))
        self.delete_note = self._make(self.tr("&Delete Note"))
        self.next_note = self._make(self.tr("Ne&xt Open Note"), QKeySequence(Qt.Key.Key_F4))
        self.next_note.setStatusTip(
            self.tr("Go to the next note not resolved yet, in any article of the library")
        )
        self.previous_note = self._make(
            self.tr("Pre&vious Open Note"), QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F4)
        )
        self.previous_note.setStatusTip(self.tr("Go to the open note before this one, in any article"))

        # Structure: segmentation edits (reader.gui.segmentation_actions)
        self.layout_view = self._make(
            self.tr("&Layout View…"), QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_L)
        )
        self.layout_view.setStatusTip(
            self.tr("The whole issue as its blocks, to fix its articles by keyboard")
        )
        self.split_article = self._make(
            self.tr("&Split Article Here"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.ALT | Qt.Key.Key_Return),
        )
        self.split_article.setStatusTip(self.tr("Start a new article at the block at the cursor"))
        ctrl_alt = Qt.Modifier.CTRL | Qt.Modifier.ALT
        self.merge_previous = self._make(
            self.tr("Merge with &Previous Article"), QKeySequence(ctrl_alt | Qt.Key.Key_PageUp)
        )
        self.merge_next = self._make(
            self.tr("Merge with &Next Article"), QKeySequence(ctrl_alt | Qt.Key.Key_PageDown)
        )
        block_keys = (  # a block's edits: Ctrl+Alt+Shift (an article's: Ctrl+Alt)
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ShiftModifier
        )
        self.move_to_previous = self._make(
            self.tr("Move Block to Pre&vious Article"),
            QKeySequence(QKeyCombination(block_keys, Qt.Key.Key_PageUp)),
        )
        self.move_to_next = self._make(
            self.tr("Move Block to Ne&xt Article"),
            QKeySequence(QKeyCombination(block_keys, Qt.Key.Key_PageDown)),
        )
        self.join_next = self._make(self.tr("&Join with Next Block"), QKeySequence(ctrl_alt | Qt.Key.Key_J))
        self.split_block = self._make(
            self.tr("Split Block at &Cursor"), QKeySequence(ctrl_alt | Qt.Key.Key_K)
        )
        self.role_group = QActionGroup(self)
        self.role_group.setExclusive(True)
        self.role_actions: dict[str, QAction] = {}
        for role in BLOCK_ROLES:
            key = ROLE_KEYS.get(role, Qt.Key.Key_L)  # leftover: L, as in the layout view
            action = self._make(
                role_menu_label(role), QKeySequence(QKeyCombination(block_keys, key)), checkable=True
            )
            action.setData(role)
            self.role_group.addAction(action)
            self.role_actions[role] = action

        # Editing, review status, find and replace (reader.gui.proofreading); Undo/Redo: add_undo_actions
        self.edit_mode = self._make(
            self.tr("&Edit Article Text"),
            QKeySequence(Qt.Key.Key_F2),
            icon=_icon("document-edit"),
            checkable=True,
        )
        self.edit_mode.setShortcuts(
            [QKeySequence(Qt.Key.Key_F2), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E)]
        )
        self.edit_mode.setStatusTip(self.tr("Edit the current article's text (saved as you type)"))
        self.show_changes = self._make(
            self.tr("Show &Changes"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_D),
            checkable=True,
        )
        self.show_changes.setStatusTip(self.tr("Mark the article's changes against the OCR original"))
        self.revision_history = self._make(
            self.tr("Revision &History…"), QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_H)
        )
        self.revision_history.setStatusTip(self.tr("Every revision of the article; restore an earlier one"))
        self.status_group = QActionGroup(self)
        self.status_group.setExclusive(True)
        self.status_actions: dict[str, QAction] = {}
        for number, (status, label) in enumerate(
            (
                ("new", self.tr("Mark &New")),
                ("in_progress", self.tr("Mark In &Progress")),
                ("proofread", self.tr("Mark P&roofread")),
                ("approved", self.tr("Mark &Approved")),
            ),
            start=1,
        ):
            action = self._make(
                label, QKeySequence(Qt.Modifier.CTRL | Qt.Key(Qt.Key.Key_0 + number)), checkable=True
            )
            action.setData(status)
            self.status_group.addAction(action)
            self.status_actions[status] = action
        self.next_needing_review = self._make(
            self.tr("Next Article Needing &Review"), QKeySequence(Qt.Key.Key_F8)
        )
        self.next_needing_review.setShortcuts(
            [QKeySequence(Qt.Key.Key_F8), QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_N)]
        )
        self.next_needing_review.setStatusTip(
            self.tr("Open the next article not yet proofread, in any issue")
        )
        self.next_doubtful_layout = self._make(
            self.tr("Next Article Whose &Layout Needs a Look"),
            QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F8),
        )
        self.next_doubtful_layout.setStatusTip(
            self.tr("Open the next article whose cut into articles looks doubtful, in any issue")
        )
        # Ctrl+H everywhere (the platform's Replace key too, where it has another one)
        self.find_replace = self._make(
            self.tr("Find and Rep&lace…"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_H),
            icon=_icon("edit-find-replace"),
        )
        self.find_replace.setShortcuts(
            list(
                dict.fromkeys(
                    [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_H), *QKeySequence.keyBindings(SK.Replace)]
                )
            )
        )
        self.find_replace.setStatusTip(self.tr("Replace text across an article, an issue or the library"))
        # the platform's key (Ctrl+, on macOS); Ctrl+, where it has none (Windows, GNOME)
        platform = QKeySequence.keyBindings(SK.Preferences)
        preferences_key = platform[0] if platform else QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma)
        self.preferences = self._make(self.tr("&Preferences…"), preferences_key)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

        # Issues (reader.gui.issue_actions): also in the library pane's context menu
        self.issue_properties = self._make(
            self.tr("Issue &Properties…"), QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Return)
        )
        self.issue_properties.setStatusTip(
            self.tr("Set the title, publication, date and number of the issue")
        )
        self.export_issue = self._make(self.tr("E&xport Issue…"))
        self.delete_issue = self._make(self.tr("&Delete Issue…"), icon=_icon("edit-delete"))
        self.delete_issue.setStatusTip(
            self.tr("Delete the issue and everything in it (backed up first, undoable)")
        )
        self.conversion_list = self._make(self.tr("Names and &Conversions…"))
        self.conversion_list.setStatusTip(
            self.tr("Names kept as written in converted text, and your own conversions of phrases")
        )

        # Help
        self.keyboard_shortcuts = self._make(
            self.tr("&Keyboard Shortcuts"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Slash)
        )
        self.keyboard_shortcuts.setStatusTip(self.tr("Every action that has a key, and its key"))
        self.about = self._make(self.tr("&About Jiaokan"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = self._make(self.tr("About &Qt"))
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

    undo: QAction
    redo: QAction

    def add_undo_actions(self, stack: QUndoStack) -> None:
        """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) of the window's undo stack, named after the step."""
        from reader.gui.undo import make_undo_actions

        self.undo, self.redo = make_undo_actions(stack, self)

    def _make(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        *,
        icon: QIcon | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        if icon is not None and not icon.isNull():
            action.setIcon(icon)
        action.setCheckable(checkable)
        if self._untipped is None:
            plain_tooltip(action)  # made after give_tooltips()
        else:
            self._untipped.append(action)
        return action

    def give_tooltips(self) -> None:
        """Give the actions made so far their plain tooltips (i18n.plain_tooltip), later ones at once.

        Not done as each is made: the tooltips of some 80 actions cost the window's
        first paint 3 ms, and none can show before the window has painted.
        reader.gui.deferred_start calls this before it builds the late features (at
        once in a window built by hand), so before any feature sets a tooltip of its own.
        """
        for action in self._untipped or []:
            plain_tooltip(action)
        self._untipped = None

    def all(self) -> list[QAction]:
        """Every action, for adding to the window so shortcuts work wherever focus is."""
        return self.findChildren(QAction)
