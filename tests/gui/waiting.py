"""Waiting for what a test means instead of for a fixed time."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.tasks import TaskRunner


def wait_for_tasks(qtbot: QtBot, runner: TaskRunner, timeout: int = 10_000) -> None:
    """Wait until every background task has delivered its result (and any task it started, too).

    Asserting that something did *not* happen is then meaningful: the work
    that could have done it has finished and its callbacks have run.
    """
    qtbot.waitUntil(lambda: runner.active == 0, timeout=timeout)
