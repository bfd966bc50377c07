"""Worker processes that never outlive the process that started them.

A ``ProcessPoolExecutor`` worker waits on its task queue forever: if the
parent is killed (SIGKILL, a crash) nothing tells it, so it and
multiprocessing's resource tracker (kept alive by the workers' handle on it)
would stay behind.  :func:`worker_pool` starts every worker with
:func:`exit_with_parent`, a watchdog thread that ends the worker as soon as
its parent is gone; the resource tracker then exits by itself.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

POLL_SECONDS = 0.5


def exit_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this worker process when ``parent_pid`` is no longer its parent."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(POLL_SECONDS)
        os._exit(1)  # the parent died: nobody wants the result

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned (never forked) processes that exit when this process dies."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    )


__all__ = ["exit_with_parent", "worker_pool"]
