"""The task runner: results, errors and progress reach the GUI thread; cancelling is polled."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db.engine import Library
from db.errors import LibraryClosed
from reader.gui.tasks import TaskCancelled, TaskContext, TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    owner = QObject()  # the parent, alive while the fixture is
    runner = TaskRunner(owner)
    yield runner
    runner.shutdown()


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    gui_thread = QThread.currentThread()
    seen: list[object] = []
    worker_threads: list[int] = []

    def work(context: TaskContext) -> int:
        worker_threads.append(threading.get_ident())
        for n in range(3):
            context.report(n, 3, f"step {n}")
        return 42

    def on_progress(done: int, total: int, name: str) -> None:
        assert QThread.currentThread() is gui_thread
        seen.append((done, total, name))

    def on_success(value: int) -> None:
        assert QThread.currentThread() is gui_thread
        seen.append(value)

    task = runner.start("answer", work, on_success=on_success, on_progress=on_progress)
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        pass
    assert seen == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2"), 42]
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert task.done
    assert runner.active == 0


def test_errors_reach_the_failure_callback_or_the_runner(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def boom(_context: TaskContext) -> None:
        raise ValueError("broken")

    task = runner.start("boom", boom, on_failure=errors.append)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert isinstance(errors[0], ValueError)

    with qtbot.waitSignal(runner.unhandled_failure, timeout=5000) as blocker:
        runner.start("unhandled", boom)
    assert blocker.args is not None
    assert blocker.args[0] == "unhandled"
    assert isinstance(blocker.args[1], ValueError)


def test_cancel_sets_a_flag_the_work_polls(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    outcome: list[str] = []

    def slow(context: TaskContext) -> str:
        started.set()
        for _ in range(500):
            context.check_cancelled()
            time.sleep(0.01)
        return "finished"

    task = runner.start(
        "slow", slow, on_success=outcome.append, on_failure=lambda e: outcome.append(type(e).__name__)
    )
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert task.cancelled
    assert outcome == [TaskCancelled.__name__]


def test_each_worker_opens_its_own_session(qtbot: QtBot, runner: TaskRunner, gui_library: Library) -> None:
    runner.library = gui_library
    results: list[int] = []

    def count(context: TaskContext) -> int:

        with context.session() as session:
            return int(session.scalar(text("SELECT count(*) FROM issue")) or 0)

    tasks = [runner.start(f"count {n}", count, on_success=results.append) for n in range(4)]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=5000)
    assert results == [0, 0, 0, 0]


def test_a_task_reading_a_library_closed_since_it_started_is_cancelled_and_holds_no_connection(
    qtbot: QtBot, runner: TaskRunner, gui_library: Library
) -> None:
    # A restore closes the library while a timer's read is queued or starting: the read must not
    # open a new connection (it stayed in the pool and the restore was refused as "in use").
    runner.library = gui_library
    started, closed = threading.Event(), threading.Event()
    outcomes: list[object] = []
    unhandled: list[object] = []
    runner.unhandled_failure.connect(lambda name, error: unhandled.append(error))

    def read(context: TaskContext) -> int:
        started.set()
        assert closed.wait(5)
        with context.session() as session:  # after the close
            return int(session.scalar(text("SELECT count(*) FROM issue")) or 0)

    task = runner.start("late read", read, on_success=outcomes.append, on_failure=outcomes.append)
    assert started.wait(5)
    gui_library.close()
    closed.set()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    # cancelled, as a task the user cancels: its failure callback learns it, nobody else is told
    assert [type(outcome) for outcome in outcomes] == [TaskCancelled] and unhandled == []
    path = gui_library.engine.url.database
    assert path is not None
    with closing(sqlite3.connect(path, timeout=0.2, isolation_level=None)) as conn:
        # only possible when no other connection has the file open
        assert conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"


def test_a_closed_library_gives_no_session(gui_library: Library) -> None:
    gui_library.close()
    assert gui_library.closed
    for ask in (gui_library.session, gui_library.write_session):
        with pytest.raises(LibraryClosed, match="the library was closed"):
            ask()
    with pytest.raises(LibraryClosed), gui_library.writing():
        pass


def test_deleting_a_runner_never_waits_for_a_task_still_running() -> None:
    """A window deleted (by the garbage collector, say) while a task runs is gone at once.

    Qt's pool destructor waits for its tasks: deleted in the middle of an
    import, the window would wait for a task needing that import's lock.
    """
    import shiboken6

    owner = QObject()
    runner = TaskRunner(owner)
    release, started = threading.Event(), threading.Event()

    def work(_context: TaskContext) -> bool:
        started.set()
        return release.wait(10)

    runner.start("long", work)
    assert started.wait(10)
    began = time.perf_counter()
    shiboken6.delete(owner)  # the runner goes with its owner; the task is still running
    took = time.perf_counter() - began
    release.set()
    assert took < 2.0, took


def test_a_task_of_higher_priority_starts_before_those_queued_earlier(qtbot: QtBot) -> None:
    owner = QObject()
    runner = TaskRunner(owner, max_threads=1)
    busy, started = threading.Event(), []

    def hold(_context: TaskContext) -> None:
        busy.wait(5)

    def note(name: str) -> Callable[[TaskContext], None]:
        return lambda _context: started.append(name)

    runner.start("hold the only thread", hold)
    runner.start("suggestions", note("suggestions"))  # queued first…
    runner.start("the article asked for", note("article"), priority=10)  # …started first
    busy.set()
    qtbot.waitUntil(lambda: runner.active == 0, timeout=5000)
    assert started == ["article", "suggestions"]
    runner.shutdown()
    owner.deleteLater()
