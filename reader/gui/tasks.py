"""The one way to run work off the GUI thread: a task runner on a QThreadPool.

A work function runs on a pool thread and gets a :class:`TaskContext`: a
thread-safe cancel flag to poll, a progress reporter, and the library to open
its own Session from (a Session never crosses threads).  Its result, its
exception and its progress reach the caller's callbacks on the GUI thread,
through queued signals of a QObject that lives there.  Work functions never
touch widgets.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Library

T = TypeVar("T")
log = logging.getLogger(__name__)

SHUTDOWN_WAIT_MS = 10_000


class TaskCancelled(Exception):
    """Raised by a work function that stops early because it was cancelled."""


class TaskContext:
    """What a work function gets: cancel flag, progress reporter, the library."""

    def __init__(self, task: Task, library: Library | None) -> None:
        self._task = task
        self._library = library

    def cancelled(self) -> bool:
        """True once the task was asked to stop (poll it between units of work)."""
        return self._task.cancelled

    def check_cancelled(self) -> None:
        """Raise TaskCancelled when the task was asked to stop."""
        if self._task.cancelled:
            raise TaskCancelled

    def report(self, done: int, total: int, name: str = "") -> None:
        """Report progress; delivered to the progress callback on the GUI thread."""
        self._task.signals.progressed.emit(done, total, name)

    @property
    def library(self) -> Library:
        """The open library this task works on."""
        if self._library is None:
            raise RuntimeError("this task was started without a library")
        return self._library

    def session(self) -> Session:
        """A new read Session of this worker's own.

        TaskCancelled when the library was closed since the task started (for
        a restore, a switch, the end): what it would read is of no use.
        """
        if self.library.closed:
            raise TaskCancelled
        return self.library.session()

    def write_session(self) -> Session:
        """A new write Session of this worker's own."""
        return self.library.write_session()


class TaskSignals(QObject):
    """Lives on the GUI thread; turns a worker's emits into calls there.

    The worker emits ``_finished_in_worker``/``progressed``; queued connections
    to this object's slots run them on the GUI thread, which re-emits the
    public signals ``succeeded``/``failed``/``progress``/``finished``.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)
    finished = Signal()

    progressed = Signal(int, int, str)
    _finished_in_worker = Signal(bool, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._finished_in_worker.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.emit(done, total, name)

    @Slot(bool, object)
    def _on_finished(self, ok: bool, value: object) -> None:
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(value)
        self.finished.emit()


class Task:
    """A handle on one background task: cancel it, ask whether it is done."""

    def __init__(self, name: str, signals: TaskSignals) -> None:
        self.name = name
        self.signals = signals
        self._cancel = threading.Event()
        self._done = False

    def cancel(self) -> None:
        """Ask the work function to stop (it polls the flag); safe from any thread."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def done(self) -> bool:
        """True once its callbacks have run on the GUI thread."""
        return self._done


_POOLS: set[QThreadPool] = set()
"""Every runner's pool, kept until it is idle: a pool is never destroyed while a task runs.

Qt's pool destructor waits for its running tasks.  A window deleted by the
garbage collector (at any allocation, in the middle of an import too) would
then wait, holding what the task may need next (an import's module lock):
both threads stuck for good.  Unparented and held here, a pool is destroyed
only once a later runner finds it idle.
"""


def _new_pool(max_threads: int) -> QThreadPool:
    for idle in [pool for pool in _POOLS if pool.activeThreadCount() == 0]:
        _POOLS.discard(idle)  # destroyed when its runner is gone too (no task left to wait for)
    pool = QThreadPool()
    pool.setMaxThreadCount(max_threads)
    _POOLS.add(pool)
    return pool


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[TaskContext], Any], context: TaskContext) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._work = work
        self._context = context

    def run(self) -> None:
        try:
            result = self._work(self._context)
        except BaseException as error:  # delivered to the GUI thread, never lost
            if not isinstance(error, TaskCancelled):
                log.debug("task %s failed:\n%s", self._task.name, traceback.format_exc())
            self._deliver(False, error)
        else:
            self._deliver(True, result)

    def _deliver(self, ok: bool, value: object) -> None:
        try:
            self._task.signals._finished_in_worker.emit(ok, value)
        except RuntimeError:  # the runner (its window) was deleted meanwhile: nobody is left to tell
            log.debug("task %s finished after its runner was deleted", self._task.name)


class TaskRunner(QObject):
    """Runs work functions on its own thread pool, callbacks on the GUI thread.

    ``unhandled_failure`` carries (task name, exception) for a task started
    without a failure callback, so no error passes silently.
    """

    unhandled_failure = Signal(str, object)

    def __init__(self, parent: QObject, max_threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = _new_pool(max_threads)
        self._running: set[Task] = set()
        self.library: Library | None = None

    @property
    def active(self) -> int:
        """How many tasks have not delivered their result yet."""
        return len(self._running)

    def start(
        self,
        name: str,
        work: Callable[[TaskContext], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        priority: int = 0,
    ) -> Task:
        """Run ``work(context)`` on the pool; callbacks run on the GUI thread.

        ``priority``: a higher one starts before the tasks queued with a lower
        one (what the reader waits for: the article asked for).
        """
        task = Task(name, TaskSignals(self))
        self._running.add(task)
        signals = task.signals
        if on_progress is not None:
            signals.progress.connect(on_progress)

        def succeeded(value: object) -> None:
            if on_success is not None:
                on_success(value)  # type: ignore[arg-type]

        def failed(error: object) -> None:
            assert isinstance(error, BaseException)
            if on_failure is not None:
                on_failure(error)
            elif not isinstance(error, TaskCancelled):
                self.unhandled_failure.emit(name, error)

        def finished() -> None:
            task._done = True
            self._running.discard(task)
            signals.deleteLater()

        signals.succeeded.connect(succeeded)
        signals.failed.connect(failed)
        signals.finished.connect(finished)
        self._pool.start(_Runnable(task, work, TaskContext(task, self.library)), priority)
        return task

    def cancel_all(self) -> None:
        """Ask every running task to stop."""
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """Block until every work function has returned (their callbacks may still be queued)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Cancel everything and wait for the workers, before the window goes away."""
        self.cancel_all()
        self.wait()


class LatestTask:
    """One kind of background work where only the newest request counts.

    Starting cancels the task started before; a superseded task's result and
    failure are dropped, and a cancellation is not reported as a failure.
    """

    def __init__(self, runner: TaskRunner, name: str, *, priority: int = 0) -> None:
        self._runner = runner
        self._name = name
        self._priority = priority
        self.task: Task | None = None

    @property
    def running(self) -> bool:
        """True while the newest task has not delivered its result."""
        return self.task is not None

    def cancel(self) -> None:
        """Stop the newest task; its result will be dropped."""
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def start(
        self,
        work: Callable[[TaskContext], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run ``work`` in place of the task before; callbacks run only for this newest one."""
        self.cancel()
        task: Task | None = None

        def succeeded(value: T) -> None:
            if task is self.task:
                self.task = None
                on_success(value)

        def failed(error: BaseException) -> None:
            if task is self.task:
                self.task = None
                if on_failure is not None and not isinstance(error, TaskCancelled):
                    on_failure(error)

        task = self._runner.start(
            self._name, work, on_success=succeeded, on_failure=failed, priority=self._priority
        )
        self.task = task
        return task


@dataclass(frozen=True, slots=True)
class ArticleRows(Generic[T]):
    """Rows read for one article in the background (the article may no longer be shown)."""

    article_id: int
    rows: list[T]


def read_article_rows(
    article_id: int, read: Callable[[Session, int], list[T]]
) -> Callable[[TaskContext], ArticleRows[T]]:
    """A work function reading ``read(session, article_id)`` in its own session."""

    def work(context: TaskContext) -> ArticleRows[T]:
        with context.session() as session:
            context.check_cancelled()
            return ArticleRows(article_id, read(session, article_id))

    return work
