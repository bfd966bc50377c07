"""A bare undo stack and edit context (no window), for testing commands on a real library."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from db.safety import library_path
from reader.core.op_changes import OpChanges
from reader.gui.tasks import TaskRunner
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from db.backup import Restored


class Bench:
    """A bare undo stack and edit context, and every change they announced or step that failed."""

    def __init__(self, library: Library) -> None:
        self.owner = QObject()
        self.stack = QUndoStack(self.owner)
        self.runner = TaskRunner(self.owner)
        self.runner.library = library
        self.context = EditContext(
            self.stack, self.runner, lambda: self.runner.library, lambda: "ed", parent=self.owner
        )
        self.seen: list[tuple[OpChanges, object]] = []
        self.context.operation_did_execute.connect(
            lambda changes, source: self.seen.append((changes, source))
        )
        self.failures: list[str] = []
        self.context.failed.connect(lambda what, why: self.failures.append(f"{what}: {why}"))

    def close(self) -> None:
        self.runner.shutdown()
        self.owner.deleteLater()

    def last(self) -> OpChanges:
        assert self.seen, "nothing was announced"
        return self.seen[-1][0]

    def settle(self, qtbot: QtBot, step: Callable[[], object]) -> None:
        """Run ``step`` (a push, undo or redo) and wait until a background step it started is done."""
        told = len(self.seen) + len(self.failures)
        step()
        qtbot.waitUntil(lambda: not self.context.busy and len(self.seen) + len(self.failures) > told)


class FileRestorer:
    """Restores backups of a bench's library file for real, at once: closes it, swaps it, opens it again.

    What the window's data safety does in the background, without a window.
    """

    def __init__(self, bench: Bench) -> None:
        self.bench = bench
        self.opened: list[Library] = []  # the libraries opened after a restore (closed by ``close``)
        self.path = library_path(bench.runner.library)  # type: ignore[arg-type]

    def restore_backup(
        self,
        backup: Path,
        *,
        keep: Sequence[Path] = (),
        done: Callable[[Restored], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> object | None:
        from db.backup import restore

        assert self.path is not None
        runner = self.bench.runner
        if runner.library is not None:
            runner.library.close()
        runner.library = None
        try:
            result = restore(self.path, backup, keep=keep)
        except Exception as error:
            runner.library = self._open()
            if failed is not None:
                failed(error)
            return True
        runner.library = self._open()
        if done is not None:
            done(result)
        return result

    def _open(self) -> Library:
        from db.opening import open_library

        assert self.path is not None
        library = open_library(self.path)
        self.opened.append(library)
        return library

    def close(self) -> None:
        for library in self.opened:
            library.close()


def articles(library: Library) -> list[int]:
    with library.session() as session:
        return list(session.scalars(select(Article.id).order_by(Article.issue_id, Article.position)))


def texts(library: Library, article_id: int) -> list[str]:
    with library.session() as session:
        query = select(Block.text).where(Block.article_id == article_id).order_by(Block.position)
        return list(session.scalars(query))
