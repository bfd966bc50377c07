"""Worker processes that never outlive the process that started them.

A ``ProcessPoolExecutor`` worker waits on its task queue forever: if the
parent is killed (SIGKILL, a crash) nothing tells it, so it and
multiprocessing's resource tracker (kept alive by the workers' handle on it)
would stay behind.  :func:`worker_pool` starts every worker with
:func:`exit_with_parent`, a watchdog thread that ends the worker as soon as
its parent is gone; the resource tracker then exits by itself.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

POLL_SECONDS = 0.5
PARALLEL_THRESHOLD = 16
"""Fewer files than this are not worth starting worker processes for."""


def exit_with_parent(parent_pid: int, preload: Sequence[str] = ()) -> None:
    """Pool initializer: end this worker process when ``parent_pid`` is no longer its parent.

    The modules named in ``preload`` are imported at once, while the parent is busy with its own.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(POLL_SECONDS)
        os._exit(1)  # the parent died: nobody wants the result

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
    for module in preload:
        importlib.import_module(module)


def worker_pool(workers: int, preload: Sequence[str] = ()) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned (never forked) processes that exit when this process dies.

    Each worker imports the modules of ``preload`` as it starts.
    """
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,
        initargs=(os.getpid(), tuple(preload)),
    )


def started_pool(workers: int, preload: Sequence[str] = ()) -> ProcessPoolExecutor:
    """:func:`worker_pool` with its processes started now (a pool starts them at its first task).

    A process that will hand the pool work only after its own slow start-up
    (imports, opening a database) starts the pool first: the workers then load
    their code on the other cores meanwhile.
    """
    pool = worker_pool(workers, preload)
    for _ in range(workers):
        pool.submit(int)  # a no-op task: the pool starts a process to run it
    return pool


__all__ = ["PARALLEL_THRESHOLD", "exit_with_parent", "started_pool", "worker_pool"]
