"""The article editor's saving as an explicit state machine (no Qt).

The editor pane (``reader.gui.article_editor``) owns one :class:`AutosaveSession`
and tells it what happened (an article opened, typing, a save made or failed,
a conflict shown or answered); every change of state happens here, in one
place, and the pane reads :attr:`AutosaveSession.state` to decide what to do::

    CLOSED --opened--> CLEAN --edited--> DIRTY --saved--> CLEAN
                                           |  \\
                                 failed/not_kept  conflicted (asked)
                                           v        v
                                        FAILING   CONFLICT --answered--> DIRTY
                                  (edited: stays; saved: CLEAN)

``kept`` says whether the unsaved text is safe in a recovery file, and
``recoveries`` which files hold it (discarded by the pane once the text is
saved).  An article deleted elsewhere while typed in ends in FAILING, its
text kept in a recovery file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.services.recovery import RecoveryFile


class EditorState(Enum):
    """Where the text in the editor stands against the library."""

    CLOSED = "closed"  # no article in the editor
    CLEAN = "clean"  # the text shown is the one stored
    DIRTY = "dirty"  # typed since the last save: saved after a pause, or at once when asked
    FAILING = "failing"  # the last save failed (and was reported): the text stays, saving is retried
    CONFLICT = "conflict"  # changed elsewhere: read-only until the user chooses which text to keep


UNSAVED = frozenset({EditorState.DIRTY, EditorState.FAILING, EditorState.CONFLICT})


@dataclass
class AutosaveSession:
    """One article's text in the editor: its state, the version it was read at, what was saved."""

    state: EditorState = EditorState.CLOSED
    base_version: int = 0  # the version the text on screen starts from
    kept: bool = False  # the unsaved text is safe in a recovery file
    recoveries: list[RecoveryFile] = field(default_factory=list)  # files holding the unsaved text

    @property
    def dirty(self) -> bool:
        """True while the text on screen is not the one stored."""
        return self.state in UNSAVED

    @property
    def asking(self) -> bool:
        """True while the conflict dialog waits for an answer (nothing is saved meanwhile)."""
        return self.state is EditorState.CONFLICT

    # transitions
    def opened(self, version: int) -> None:
        """An article was read into the editor (at ``version``)."""
        self.state = EditorState.CLEAN
        self.base_version = version
        self.kept = False
        self.recoveries = []

    def closed(self) -> None:
        """The editor let the article go (its text was saved, or kept: ``kept`` says)."""
        self.state = EditorState.CLOSED

    def edited(self) -> None:
        """The user typed: the text is no longer the one saved (a failing save stays failing)."""
        if self.state in (EditorState.CLEAN, EditorState.DIRTY):
            self.state = EditorState.DIRTY
        self.kept = False

    def saved(self, version: int) -> None:
        """The text was saved as ``version``."""
        self.state = EditorState.CLEAN
        self.base_version = version
        self.kept = False

    def failed(self, recovery: RecoveryFile | None) -> bool:
        """A save failed; the text is in ``recovery`` (None: nowhere). True for the first failure in a row."""
        first = self.state is not EditorState.FAILING
        self.state = EditorState.FAILING
        self.recoveries = [] if recovery is None else [recovery]
        self.kept = recovery is not None
        return first

    def not_kept(self) -> None:
        """A save failed and the text could not be kept in a recovery file either."""
        self.state = EditorState.FAILING
        self.kept = False

    def conflicted(self, *, kept: bool, asking: bool) -> None:
        """The article changed elsewhere; ``asking``: the user is asked which text to keep."""
        self.kept = kept
        if asking:
            self.state = EditorState.CONFLICT

    def answered(self) -> None:
        """The user chose in the conflict dialog; what follows (saved, opened, merging) sets the rest."""
        if self.state is EditorState.CONFLICT:
            self.state = EditorState.DIRTY

    def merging(self, stored_version: int, recovery: RecoveryFile | None) -> None:
        """One's own text goes on over the newer version: unsaved, saved on top of ``stored_version``.

        ``recovery``: the file the conflict kept the text in (None: none).
        """
        self.state = EditorState.DIRTY
        self.base_version = stored_version
        if recovery is not None:
            self.recoveries.append(recovery)
            self.kept = True

    def take_recoveries(self) -> list[RecoveryFile]:
        """The recovery files to discard now (the text they hold was saved, or is in a newer file)."""
        files, self.recoveries = self.recoveries, []
        self.kept = False
        return files


__all__ = ["UNSAVED", "AutosaveSession", "EditorState"]
