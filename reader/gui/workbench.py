"""What the window's features get: the workbench contract.

The main window (the composition root) makes one :class:`Workbench` and
hands it to every feature (proofreading, tagging, notes, suggestions, scans,
export, data safety, …); no feature imports ``reader.gui.main_window``.  It
gives:

* the library (``library``, ``session()``, ``read_only``, ``library_loaded``),
  the task runner, the script choice, the settings;
* the edit context (``edit``: the undo stack, who edits, writing) and the one
  change signal, ``operation_did_execute(changes, source)``: every view
  refreshes from the :class:`~reader.core.op_changes.OpChanges` flags;
* the :class:`Navigator`: what is shown (``issue_id``, ``article_id``),
  ``open_article``, ``open_issue``, ``article_shown``/``issue_shown``;
* the :class:`MessageBridge`: status messages and message boxes in one place;
* the action registry (``actions``, keyed by id), the menu an action is in,
  docks added beside the window's own, and the shared panes features extend
  (reading, library and search panes);
* the other features, by their class (:meth:`Workbench.feature`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from reader.core.op_changes import OpChanges
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Library
    from reader.gui.actions import Actions
    from reader.gui.library_model import LibraryModel
    from reader.gui.library_pane import LibraryPane
    from reader.gui.reading_view import ReadingView
    from reader.gui.scripts import ScriptChoice
    from reader.gui.search_pane import SearchPane
    from reader.gui.settings import AppSettings
    from reader.gui.tasks import Task, TaskRunner
    from reader.gui.welcome_page import WelcomePage
    from reader.services.searching import SearchHit

F = TypeVar("F", bound=QObject)
STATUS_MS = 5000


class MessageBridge(QObject):
    """Status-bar messages and message boxes that do not block, for every feature."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("messageBridge")
        self._window = window

    def status(self, text: str, timeout_ms: int = STATUS_MS) -> None:
        """A message in the status bar (0: until the next one)."""
        self._window.statusBar().showMessage(text, timeout_ms)

    def clear_status(self, text: str | None = None) -> None:
        """Clear the status bar's message (with ``text``: only while it is that message)."""
        bar = self._window.statusBar()
        if text is None or bar.currentMessage() == text:
            bar.clearMessage()

    def box(self, icon: QMessageBox.Icon, title: str, text: str, object_name: str = "") -> QMessageBox:
        """A window-modal message box that does not block, deleted once closed."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self._window)
        if object_name:
            box.setObjectName(object_name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        return box

    def error(self, title: str, text: str, object_name: str = "") -> QMessageBox:
        """Tell the user something could not be done (a warning box)."""
        return self.box(QMessageBox.Icon.Warning, title, text, object_name)


class Opener(Protocol):
    """Who shows things in the reading pane (``reader.gui.reading_navigation``)."""

    def open_article(
        self,
        issue_id: int,
        article_id: int,
        hit: SearchHit | None = None,
        *,
        keep_place: bool = False,
        then: Callable[[], object] | None = None,
        gone: Callable[[int], object] | None = None,
    ) -> bool: ...

    def open_issue(self, issue_id: int) -> bool: ...

    def show_start(self) -> None: ...


class Navigator(QObject):
    """What the reading pane shows, and the way to show something else.

    The window's opener shows things (``open_article``, ``open_issue``) and
    records what it shows here (:meth:`shown`); features read ``issue_id``
    and ``article_id`` here, never from the widgets.  An article is read in
    the background: ``open_article`` only asks for it, ``article_shown``
    tells when it is on screen.
    """

    article_shown = Signal(int)
    issue_shown = Signal(int)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self._opener: Opener | None = None
        self._issue_id: int | None = None
        self._article_id: int | None = None

    def attach(self, opener: Opener) -> None:
        """The window's opener, once its panes are made."""
        self._opener = opener

    @property
    def _open(self) -> Opener:
        if self._opener is None:
            raise RuntimeError("the navigator has no opener yet")
        return self._opener

    @property
    def issue_id(self) -> int | None:
        """The issue of the article or issue page shown (None on a message or the welcome page)."""
        return self._issue_id

    @property
    def article_id(self) -> int | None:
        """The article shown (None on an issue page, a message or the welcome page)."""
        return self._article_id

    def shown(self, issue_id: int | None, article_id: int | None) -> None:
        """The window records what it now shows (signals are the window's to emit, once it is laid out)."""
        self._issue_id, self._article_id = issue_id, article_id

    def open_article(
        self,
        issue_id: int,
        article_id: int,
        hit: SearchHit | None = None,
        *,
        keep_place: bool = False,
        then: Callable[[], object] | None = None,
        gone: Callable[[int], object] | None = None,
    ) -> bool:
        """Ask for an article (with a search hit selected), read in the background; False with no library.

        Only the newest request is shown: ``article_shown`` tells when it is
        on screen, and ``then`` is called after it.  An article no longer in
        the library is said in the status bar, or told to ``gone``.
        ``keep_place``: a refresh of the article shown keeps the reader's place.
        """
        return self._open.open_article(issue_id, article_id, hit, keep_place=keep_place, then=then, gone=gone)

    def open_issue(self, issue_id: int) -> bool:
        """Show an issue's page."""
        return self._open.open_issue(issue_id)

    def reopen(self) -> bool:
        """Show what is shown again, read anew from the library (an article keeps the reader's place)."""
        if self._issue_id is None:
            return False
        if self._article_id is None:
            return self.open_issue(self._issue_id)
        return self.open_article(self._issue_id, self._article_id, keep_place=True)

    def show_start(self) -> None:
        """The last article read, else the start page (after what was shown was deleted)."""
        self._open.show_start()


@dataclass(frozen=True, slots=True)
class Panes:
    """The window's own panes, which features extend (a filter bar, a selection mode, a page)."""

    reading_view: ReadingView
    stack: QStackedWidget  # the central pane: reading, editing, changes, welcome
    welcome_page: WelcomePage
    library_pane: LibraryPane
    library_model: LibraryModel
    search_pane: SearchPane
    library_dock: QDockWidget
    search_dock: QDockWidget


class LibraryHost(Protocol):
    """Who opens and closes the library file (the window): data safety closes it for a restore."""

    @property
    def library_path(self) -> str | Path: ...

    def open_library(self) -> Task: ...

    def close_library(self) -> None: ...

    def new_window(self, location: str, *, remember: bool = False) -> QMainWindow:
        """Another window on the library at ``location``, opening it; ``remember``: put it first in
        the recent libraries once it is open and listed (never when it cannot be opened)."""
        ...


class Workbench(QObject):
    """Everything a feature of the window needs (see the module)."""

    library_loaded = Signal()  # the library is open and its issues are listed
    read_only_changed = Signal(bool)  # the library cannot (True) or can again be written

    def __init__(
        self,
        window: QMainWindow,
        *,
        settings: AppSettings,
        runner: TaskRunner,
        script: ScriptChoice,
        actions: Actions,
        edit: EditContext,
        navigator: Navigator,
        panes: Panes,
        host: LibraryHost,
    ) -> None:
        super().__init__(window)
        self.setObjectName("workbench")
        self.window = window  # the parent of dialogs and docks
        self.settings = settings
        self.runner = runner
        self.script = script
        self.actions = actions
        self.edit = edit
        self.undo_stack = edit.stack
        self.operation_did_execute = edit.operation_did_execute  # (OpChanges, source): the one signal
        self.navigator = navigator
        self.messages = MessageBridge(window)
        self.panes = panes
        self.host = host
        self._read_only = False
        self._features: list[QObject] = []
        self.edit_guards: list[Callable[[int], bool]] = []  # may this article be edited now? (asks)

    # the library
    @property
    def library(self) -> Library | None:
        """The open library (None before it is open, and while it is closed for a restore)."""
        return self.runner.library

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session on the open library (RuntimeError when none is open)."""
        library = self.library
        if library is None:
            raise RuntimeError("the library is not open")
        with library.session() as session:
            yield session

    @property
    def read_only(self) -> bool:
        """True when the library may not be written (read-only medium, damaged file)."""
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self._read_only:
            self._read_only = read_only
            self.read_only_changed.emit(read_only)

    # changes
    def announce(self, changes: OpChanges, source: object = None) -> None:
        """Tell every view of a change made outside the undo stack (an import, a restore, another client)."""
        self.edit.announce(changes, source)

    def may_edit(self, article_id: int) -> bool:
        """Whether the article may be edited now (another client editing it is asked about first)."""
        return all(guard(article_id) for guard in self.edit_guards)

    # features
    def add_feature(self, feature: F) -> F:
        """Make a feature findable by the others (by its class)."""
        self._features.append(feature)
        return feature

    def feature(self, kind: type[F]) -> F | None:
        """The feature of this class, if the window has it (and it is not being deleted)."""
        for feature in self._features:
            if isinstance(feature, kind) and shiboken6.isValid(feature):
                return feature
        return None

    # docks and menus
    def add_dock(
        self,
        dock: QDockWidget,
        area: Qt.DockWidgetArea,
        *,
        tabify_with: QDockWidget | None = None,
        below: QDockWidget | None = None,
    ) -> QDockWidget:
        """Add a dock to the window: alone, tabbed behind ``tabify_with`` or below ``below``; its
        View menu toggle gets its key (``reader.gui.actions.PANE_KEYS``)."""
        from reader.gui.actions import give_pane_key

        give_pane_key(dock)
        self.window.addDockWidget(area, dock)
        if tabify_with is not None:
            self.window.tabifyDockWidget(tabify_with, dock)
        elif below is not None:
            self.window.splitDockWidget(below, dock, Qt.Orientation.Vertical)
        return dock

    def menu_of(self, action: QAction) -> QMenu | None:
        """The menu bar's menu (or submenu) that holds this action of the registry."""
        for menu in self.window.menuBar().findChildren(QMenu):
            if action in menu.actions():
                return menu
        return None

    def add_menu(self, menu: QMenu, *, before_menu_of: QAction | None = None) -> None:
        """Add a menu to the menu bar, before the menu holding ``before_menu_of`` when given."""
        bar = self.window.menuBar()
        before = self.menu_of(before_menu_of) if before_menu_of is not None else None
        if before is not None:
            bar.insertMenu(before.menuAction(), menu)
        else:
            bar.addMenu(menu)

    def add_status_widget(self, widget: QWidget) -> None:
        """A widget at the right end of the status bar (it stays while messages show)."""
        self.window.statusBar().addPermanentWidget(widget)

    def add_shortcuts(self, actions: list[QAction]) -> None:
        """Actions whose shortcuts work anywhere in the window (also when in no menu)."""
        self.window.addActions(actions)


__all__ = ["LibraryHost", "MessageBridge", "Navigator", "Opener", "Panes", "Workbench"]
