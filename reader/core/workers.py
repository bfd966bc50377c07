"""Worker processes that never outlive the process that started them.

A ``ProcessPoolExecutor`` worker waits on its task queue forever: if the
parent is killed (SIGKILL, a crash) nothing tells it, so it and
multiprocessing's resource tracker (kept alive by the workers' handle on it)
would stay behind.  :func:`worker_pool` starts every worker with
:func:`exit_with_parent`, a watchdog thread that ends the worker as soon as
its parent is gone; the resource tracker then exits by itself.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")

POLL_SECONDS = 0.5
PARALLEL_THRESHOLD = 16
"""Fewer files than this are not worth starting worker processes for."""


def exit_with_parent(parent_pid: int, preload: Sequence[str] = (), nice: int = 0) -> None:
    """Pool initializer: end this worker process when ``parent_pid`` is no longer its parent.

    The modules named in ``preload`` are imported at once, while the parent is
    busy with its own, and then left out of the garbage collector's rounds
    (``gc.freeze``: they live as long as the process).  ``nice`` lowers the
    worker's priority by that much.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(POLL_SECONDS)
        os._exit(1)  # the parent died: nobody wants the result

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
    if nice and hasattr(os, "nice"):
        os.nice(nice)
    for module in preload:
        importlib.import_module(module)
    gc.freeze()


def worker_pool(workers: int, preload: Sequence[str] = (), nice: int = 0) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned (never forked) processes that exit when this process dies.

    Each worker imports the modules of ``preload`` as it starts, and runs
    ``nice`` steps below this process's priority (0: at the same).
    """
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,
        initargs=(os.getpid(), tuple(preload), nice),
    )


def started_pool(workers: int, preload: Sequence[str] = (), nice: int = 0) -> ProcessPoolExecutor:
    """:func:`worker_pool` with its processes started now (a pool starts them at its first task).

    A process that will hand the pool work only after its own slow start-up
    (imports, opening a database) starts the pool first: the workers then load
    their code on the other cores meanwhile.
    """
    pool = worker_pool(workers, preload, nice)
    for _ in range(workers):
        pool.submit(int)  # a no-op task: the pool starts a process to run it
    return pool


def _each(function: Callable[[_T], _R], chunk: list[_T]) -> list[_R]:
    return [function(item) for item in chunk]


def ordered_map(
    executor: Executor, function: Callable[[_T], _R], items: Iterable[_T], chunksize: int = 8, ahead: int = 8
) -> Generator[_R, None, None]:
    """``function`` of every item, in order, computed by ``executor`` at most ``ahead`` chunks in advance.

    Unlike ``Executor.map``, which hands every item to the workers at once and
    keeps every result until it is asked for, the results waiting here are
    bounded: fast workers never fill this process's memory while it consumes
    slowly.  ``function`` must be picklable (a module-level function).
    Nothing is handed out before the first result is asked for (see
    :class:`StartedMap`).  Closing the iterator cancels the chunks not started.
    """
    results = StartedMap(executor, function, items, chunksize, ahead)
    try:
        yield from results
    finally:
        results.close()


class StartedMap(Iterator[_R]):
    """:func:`ordered_map`'s results, with the first ``ahead`` chunks handed to ``executor`` at once.

    For a process that has the items before it can take their results (it
    still has its own start-up to do): the workers start on them meanwhile.
    :meth:`close` cancels the chunks not started (whether or not any result
    was taken).
    """

    def __init__(
        self,
        executor: Executor,
        function: Callable[[_T], _R],
        items: Iterable[_T],
        chunksize: int = 8,
        ahead: int = 8,
    ) -> None:
        it = iter(items)
        self._chunks: Iterator[list[Any]] = iter(lambda: list(islice(it, chunksize)), [])
        self._executor = executor
        self._function: Callable[[Any], _R] = function
        self._pending: deque[Future[list[_R]]] = deque(map(self._submit, islice(self._chunks, ahead)))
        self._ready: deque[_R] = deque()

    def _submit(self, chunk: list[Any]) -> Future[list[_R]]:
        return self._executor.submit(_each, self._function, chunk)

    def __next__(self) -> _R:
        while not self._ready:
            if not self._pending:
                raise StopIteration
            self._ready.extend(self._pending.popleft().result())
            self._pending.extend(map(self._submit, islice(self._chunks, 1)))
        return self._ready.popleft()

    def close(self) -> None:
        """Cancel the chunks not started; no more results come."""
        for future in self._pending:
            future.cancel()
        self._pending.clear()
        self._ready.clear()


__all__ = [
    "PARALLEL_THRESHOLD",
    "StartedMap",
    "exit_with_parent",
    "ordered_map",
    "started_pool",
    "worker_pool",
]
