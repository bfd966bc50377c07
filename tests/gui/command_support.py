"""A bare undo stack and edit context (no window), for testing commands on a real library."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from reader.core.op_changes import OpChanges
from reader.gui.tasks import TaskRunner
from reader.gui.undo import EditContext


class Bench:
    """A bare undo stack and edit context, and every change they announced or step that failed."""

    def __init__(self, library: Library) -> None:
        self.owner = QObject()
        self.stack = QUndoStack(self.owner)
        self.runner = TaskRunner(self.owner)
        self.runner.library = library
        self.context = EditContext(self.stack, self.runner, lambda: library, lambda: "ed", parent=self.owner)
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


def articles(library: Library) -> list[int]:
    with library.session() as session:
        return list(session.scalars(select(Article.id).order_by(Article.issue_id, Article.position)))


def texts(library: Library, article_id: int) -> list[str]:
    with library.session() as session:
        query = select(Block.text).where(Block.article_id == article_id).order_by(Block.position)
        return list(session.scalars(query))
