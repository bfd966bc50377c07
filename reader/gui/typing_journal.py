"""Typing kept on disk between autosaves, so that a crash loses at most a moment of it.

The editor saves typing into the library after a pause (``SAVE_DELAY_MS``); a window killed, or a machine
that loses power, within that pause lost what was typed since the last save, and said nothing on the next
start.  The journal writes the unsaved text into a recovery file (:mod:`reader.services.recovery`) at most
:data:`JOURNAL_DELAY_MS` after a keystroke, off the GUI thread, marked with this process as its owner: while
the window runs the file is its own and nobody is offered it; once the process is gone, the next start
offers it like any kept edit.  Each save of the typing deletes the file (the library holds the text).

When the file cannot be written (a read-only data folder, a full disk) the typing is still saved into the
library at each autosave, but is unprotected in between: ``not_kept`` tells the window so, once a session.

A write and a clear never cross: both hold one lock, and a write asked before a clear is dropped
(the generation it was asked in is over), so that no file of saved text is left behind to be offered.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reader.gui.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)

JOURNAL_DELAY_MS = 300


@dataclass(frozen=True, slots=True)
class Typing:
    """What the editor holds unsaved: the article, the version it was read at, the texts by block id."""

    article_id: int
    base_version: int
    texts: dict[int, str]
    author: str
    library: str | None


class TypingJournal(QObject):
    """Keeps the editor's unsaved typing in one recovery file while the editor has any."""

    not_kept = Signal(str)  # the journal cannot be written (said once a session): what to tell the user

    def __init__(self, runner: TaskRunner, typing: Callable[[], Typing | None], parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("typingJournal")
        self._runner = runner
        self._typing = typing
        self._lock = threading.Lock()
        self._generation = 0  # a clear since a write was asked drops the write
        self._paths: set[Path] = set()  # files written in this generation
        self._asked = 0  # writes asked for, in order; a write older than the one on disk is dropped
        self._written = 0
        self._told = False  # the user was told the journal cannot be written
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(JOURNAL_DELAY_MS)
        self._timer.timeout.connect(self._write)

    @property
    def paths(self) -> set[Path]:
        """The files holding typing kept now (one per article typed in since the last save)."""
        with self._lock:
            return set(self._paths)

    def edited(self) -> None:
        """Typing changed: keep it within :data:`JOURNAL_DELAY_MS` (not restarted by every key)."""
        if not self._timer.isActive():
            self._timer.start()

    def clear(self) -> None:
        """The typing is saved (or kept elsewhere): its journal files go, now."""
        from reader.services.recovery import discard

        self._timer.stop()
        with self._lock:
            self._generation += 1
            paths, self._paths = self._paths, set()
            for path in paths:
                try:
                    discard(path)
                except OSError as error:
                    log.warning("cannot delete the kept typing %s: %s", path, error)

    def _write(self) -> None:
        typing = self._typing()
        if typing is None:
            return
        generation = self._generation
        self._asked += 1
        order = self._asked

        def work(_: TaskContext) -> None:
            from reader.core.processes import this_process
            from reader.services.recovery import JOURNAL_REASON, journal_name, write_recovery

            with self._lock:
                if generation != self._generation or order < self._written:
                    return  # saved meanwhile (the library holds this text), or newer typing is kept
                record = write_recovery(
                    typing.article_id,
                    typing.base_version,
                    typing.texts,
                    typing.author,
                    library=typing.library,
                    reason=JOURNAL_REASON,
                    owner=this_process(),
                    name=journal_name(typing.article_id),
                )
                self._paths.add(record.path)
                self._written = order

        def failed(error: BaseException) -> None:
            from reader.services.recovery import recovery_dir

            folder = recovery_dir()
            cause = error.__cause__ or error  # the RecoveryError's wording is for a failed save; not so here
            log.warning(
                "cannot keep the typing of article %s on disk between saves in %s (%s); "
                "it is saved into the library at each autosave",
                typing.article_id,
                folder,
                cause,
            )
            if not self._told:
                self._told = True
                said = self.tr(
                    "Typing cannot be kept on disk between saves (%1: %2); it is saved at each autosave."
                )
                self.not_kept.emit(said.replace("%1", str(folder)).replace("%2", str(cause)))

        self._runner.start("keep typing", work, on_failure=failed)
